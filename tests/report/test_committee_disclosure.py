"""Issue 12 §2: nothing hidden in the committee report can be worked out from what it shows.

The fixed case from the issue, the fixed report workspace, and random workspaces
(hypothesis), each read back by `backcalc`, an attacker that solves for every
hidden number in the md, html, csv and xlsx versions together.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import stat
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from backcalc import read_csv, read_report, read_xlsx
from backcalc_system import System
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from report_data import build_workspace, fill

from conftest import EKSEMPLER, TESTS, Cli
from ledelsestilsyn.sampling.fillin import case_filename, render_review
from ledelsestilsyn.templates.catalog import Catalog

DAY = "2026-11-30"
SERIES = "månedligt-overordnet"


def fill_all(path: Path, answer: str) -> None:
    """Fill in one review with the same answer to every question."""
    text = path.read_text(encoding="utf-8")
    text = text.replace('gennemført_af: ""', 'gennemført_af: "Leder"', 1)
    text = text.replace('dato: ""', f'dato: "{DAY[:8]}20"', 1)
    text = text.replace('udgangspunkt: ""', 'udgangspunkt: "Underretning"', 1)
    text = text.replace('svar: ""', f'svar: "{answer}"')
    if answer == "nej":
        text = re.sub(r"kommentar: (''|\"\")", "kommentar: 'Mangler.'", text)
    path.write_text(text, encoding="utf-8")


def reviews_by_team(folder: Path) -> dict[str, list[Path]]:
    teams: dict[str, list[Path]] = {}
    for path in sorted(folder.glob("*.yaml")):
        found = re.search(r'^  team: "(.+)"$', path.read_text(encoding="utf-8"), re.M)
        if path.name != "udtræk.yaml" and found:
            teams.setdefault(found.group(1), []).append(path)
    return teams


def committee(cli: Cli, *args: str) -> dict[str, str]:
    """The committee report as md, html and csv text, and the workbook's path (`xlsx`)."""
    texts = {}
    for fmt in ("md", "html", "csv", "xlsx"):
        target = f"udvalg-{uuid.uuid4().hex[:8]}.xlsx" if fmt == "xlsx" else "-"
        result = cli(
            "rapport", "--dato", DAY, "-o", target, "--modtager", "udvalg", "--format", fmt, *args
        )
        assert result.exit_code == 0, result.output
        texts[fmt] = str(Path(target).resolve()) if fmt == "xlsx" else result.stdout
    return texts


def assert_nothing_revealed(
    texts: dict[str, str], more: Callable[[System], None] = lambda system: None
) -> None:
    """No hidden number in the md or the html, read with the csv and the workbook, and with
    what `more` tells the reader besides (the tiltag's verdicts: `backcalc.read_verdicts`)."""
    for fmt in ("md", "html"):
        system = read_report(texts[fmt], fmt)
        read_csv(system, texts["csv"])
        read_xlsx(system, Path(texts["xlsx"]))
        more(system)
        assert system.revealed() == {}, fmt


@pytest.fixture
def issue_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli) -> Path:
    """Issue 12's reproduction: 30 drawn; Nord 7 ja/1 nej, Syd 5/2, Unge 1/2 (3 of 7), Vest 8/0."""
    for name in ("koncept.yaml", "eksport.csv"):
        shutil.copy(EKSEMPLER / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    result = cli(
        "udtræk",
        "eksport.csv",
        "--tilsyn",
        SERIES,
        "--periode",
        "2026-11",
        "--antal",
        "30",
        "--seed",
        "9",
    )
    assert result.exit_code == 0, result.output
    teams = reviews_by_team(tmp_path / "udtræk" / f"2026-11-{SERIES}")
    plan = {"Team Nord": (7, 1), "Team Syd": (5, 2), "Team Unge": (1, 2), "Team Vest": (8, 0)}
    for team, (yes, no) in plan.items():
        assert len(teams[team]) >= yes + no
        for i, path in enumerate(teams[team][: yes + no]):
            fill_all(path, "ja" if i < yes else "nej")
    return tmp_path


def test_issue_case_reveals_nothing(cli: Cli, issue_case: Path) -> None:
    texts = committee(cli)
    md = texts["md"]
    assert "33,3 %" not in md  # Team Unge's 1 of 3
    assert_nothing_revealed(texts)
    # a count hidden in one table is hidden in every table: Syd is x or 7 everywhere
    syd = set(re.findall(r"\| Team Syd \| ([^|]+) \|", md))
    assert len(syd) == 1, syd


def test_fixed_workspace_reveals_nothing(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_workspace(workspace)
    monkeypatch.chdir(workspace)
    assert_nothing_revealed(committee(cli, "--periode", "2026-11"))


def test_committee_report_is_private(cli: Cli, issue_case: Path) -> None:
    result = cli("rapport", "--dato", DAY, "--modtager", "udvalg", "--format", "md")
    assert result.exit_code == 0, result.output
    target = issue_case / "rapporter" / "2026-11-udvalg.md"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_concept_can_make_the_committees_report_readable_by_all(
    cli: Cli, issue_case: Path
) -> None:
    """`rapport: udvalgets_rapport_til_alle: ja` gives the committee's report (in rapporter/
    and with -o) 0644, for a shared drive; the leader's and the department's stay 0600."""
    concept = issue_case / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    assert "\nrapport:\n" in text
    concept.write_text(
        text.replace("\nrapport:\n", "\nrapport:\n  udvalgets_rapport_til_alle: ja\n"),
        encoding="utf-8",
    )
    modes = {}
    umask = os.umask(0o022)  # the usual one: others may read what is made readable
    try:
        for audience, output in itertools.product(("udvalg", "afdeling", "leder"), (False, True)):
            target = issue_case / ("delt" if output else "rapporter") / f"2026-11-{audience}.md"
            target.parent.mkdir(exist_ok=True)
            chosen = ("-o", str(target)) if output else ()
            args = ("rapport", "--dato", DAY, "--modtager", audience, "--format", "md", *chosen)
            result = cli(*args)
            assert result.exit_code == 0, result.output
            modes[audience, output] = stat.S_IMODE(target.stat().st_mode)
    finally:
        os.umask(umask)
    assert modes == {
        ("udvalg", False): 0o644,
        ("udvalg", True): 0o644,
        ("afdeling", False): 0o600,
        ("afdeling", True): 0o600,
        ("leder", False): 0o600,
        ("leder", True): 0o600,
    }


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_teams_under_the_threshold_are_counted_only_for_the_leader(
    cli: Cli, issue_case: Path, fmt: str
) -> None:
    """'Teams under tærsklen: 1 af 4' beside a question can point at a team (the one with
    the low figure in the team table, or the only one shown), so only the leader's report,
    which hides nothing, counts them; the committee's and the department's do not."""
    counted = {}
    for audience in ("leder", "afdeling", "udvalg"):
        args = ("rapport", "--dato", DAY, "--modtager", audience, "--format", fmt, "-o", "-")
        result = cli(*args)
        assert result.exit_code == 0, result.output
        counted[audience] = "teams under tærsklen" in result.stdout
    assert counted == {"leder": True, "afdeling": False, "udvalg": False}


TEAMS = ("Team Nord", "Team Syd", "Team Vest", "Team Unge", "Team Øst")
ANSWERS = ("ja", "nej", "ikke relevant", "")  # "" leaves the question open: a partial review
Case = tuple[int, int, int]  # team, answer pattern, how many questions answered (-1 = all)


def write_random_round(
    root: Path, cases: list[Case], focus: list[str], extra: int, caseworkers: int = 1
) -> None:
    """A sample of `len(cases) + extra` drawn cases; each case's review filled as told, and
    the `extra` ones not started (their files as `udtræk` writes them). Case i is
    caseworker `i % caseworkers`'s."""
    catalog = Catalog.load(root)
    template = catalog.resolve("overordnet@2024.1")
    folder = root / "udtræk" / f"2026-11-{SERIES}"
    folder.mkdir(parents=True)
    ids = [f"S-{i:03d}" for i in range(len(cases) + extra)]
    manifest = [
        f'tilsyn: "{SERIES}"',
        'periode: "2026-11"',
        f'skabelon: "{template.ref}"',
        f"fokus: [{', '.join(focus)}]",
        'oprettet: "2026-11-01T08:00:00"',
        'oprettet_af: "test"',
        'værktøj: "0.1.0"',
        "seed: 1",
        f"antal: {len(ids)}",
        "sager:",
    ]
    for i, case_id in enumerate(ids):
        team = TEAMS[cases[i][0]] if i < len(cases) else TEAMS[0]
        files = case_filename(case_id)
        manifest += [
            f'  - id: "{case_id}"',
            f'    rådgiver: "Rådgiver {i % caseworkers}"',
            f'    team: "{team}"',
            '    begrundelse: "tilfældig"',
            f"    filer: [{files}]",
        ]
    (folder / "udtræk.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    questions = sum(len(s.questions) for s in template.steps if s.id in focus)
    for i, case_id in enumerate(ids):
        team, pattern, answered = cases[i] if i < len(cases) else (0, 0, 0)
        text = render_review(
            template,
            series=SERIES,
            period="2026-11",
            case_id=case_id,
            caseworker=f"Rådgiver {i % caseworkers}",
            team=TEAMS[team],
            focus=focus,
        )
        if i >= len(cases):
            (folder / case_filename(case_id)).write_text(text, encoding="utf-8")
            continue
        answers = []
        for q in range(questions):
            value = ANSWERS[(pattern >> (q % 8)) % 3] if answered < 0 or q < answered else ""
            answers.append((value, "Mangler." if value == "nej" else ""))
        (folder / case_filename(case_id)).write_text(
            fill(text, answers, "Leder", "2026-11-20"), encoding="utf-8"
        )


cases_strategy = st.lists(
    st.tuples(
        st.integers(0, len(TEAMS) - 1),
        st.sampled_from([0, 0b1, 0b11, 0b110, 0b1011, 0b10010, 0b111111, 0b1010101]),
        st.sampled_from([-1, -1, -1, -1, 0, 3]),
    ),
    min_size=1,
    max_size=30,
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@example(  # three teams of 4: 12 cases in all gives each team back
    cases=[(i % 3, 0b110, -1) for i in range(12)], focus=["underretning"], extra=1
)
@example(  # one small team among large ones, and three not started
    cases=[(i % 4 if i < 23 else 3, i % 5, -1) for i in range(24)] + [(3, 0, 0)] * 3,
    focus=["screening"],
    extra=0,
)
@example(  # a drawn case not started: drawn = reviewed + not finished
    cases=[(0, 0, -1)] * 11 + [(0, 0, 0)] * 5, focus=["underretning"], extra=1
)
@example(  # Syd x (≥ 5) and three teams < 5 (≥ 1 each) give ≥ 8 cases; a question with
    # `< 5`, 0 and `< 5` gives ≤ 8: the bounds alone pin every hidden count (found by hypothesis)
    cases=[
        *[(1, 0, -1), (0, 0, 0), (1, 0, -1), (0, 0, 0), (1, 11, -1)],
        *[(1, 6, -1), (2, 11, -1), (1, 11, -1), (0, 11, -1), (4, 1, -1)],
    ],
    focus=["underretning", "screening"],
    extra=2,
)
@given(
    cases=cases_strategy,
    focus=st.sampled_from([["underretning"], ["screening"], ["underretning", "screening"]]),
    extra=st.integers(0, 3),
)
def test_random_workspaces_reveal_nothing(
    cli: Cli, tmp_path: Path, cases: list[Case], focus: list[str], extra: int
) -> None:
    folder = tmp_path / f"ws-{uuid.uuid4().hex[:8]}"
    assert cli("init", str(folder), "--forlæg", "sbst").exit_code == 0
    write_random_round(folder, cases, focus, extra)
    os.chdir(folder)
    if all(answered >= 0 for _, _, answered in cases):  # no complete review: no report
        result = cli("rapport", "--dato", DAY, "-o", "-", "--modtager", "udvalg")
        assert result.exit_code == 1 and "L006" in result.stderr, result.output
        return
    assert_nothing_revealed(committee(cli))


@pytest.mark.parametrize(
    "name", ["eksempel-udvalg.md", "eksempel-afdeling.md", "eksempel-afdeling.html"]
)
def test_example_reports_reveal_nothing(name: str) -> None:
    """The shipped example reports (golden files) read back: nothing hidden is given away."""
    text = (TESTS / "golden" / name).read_text(encoding="utf-8")
    system = read_report(text, name.rsplit(".", 1)[1])
    assert system.hidden and system.revealed() == {}


def test_a_team_of_one_caseworker_shows_the_committee_no_shares(cli: Cli, tmp_path: Path) -> None:
    """A team whose reviewed cases are all one caseworker's would show that person's figures:
    the committee, like the department, sees its count but no share (issue: tiny teams)."""
    folder = tmp_path / "ws"
    assert cli("init", str(folder), "--forlæg", "sbst").exit_code == 0
    write_random_round(folder, [(0, 0, -1)] * 6 + [(1, 0, -1)] * 6, ["underretning"], 0)
    os.chdir(folder)
    texts = committee(cli)
    for fmt in ("md", "html"):
        rows = re.findall(r"Team Nord.*", texts[fmt])
        assert rows and not any("%" in row for row in rows), rows
    assert "mindst 3 af teamets rådgivere" in texts["md"]
    assert_nothing_revealed(texts)


@pytest.mark.parametrize("reviewed", [1, 3])
def test_drawn_minus_not_counted_gives_no_hidden_count_away(
    cli: Cli, tmp_path: Path, reviewed: int
) -> None:
    """8 drawn, 7 not started: a reader takes 8 - 7 = 1 reviewed case, whatever `< 5` says."""
    folder = tmp_path / "ws"
    assert cli("init", str(folder), "--forlæg", "sbst").exit_code == 0
    write_random_round(folder, [(0, 0, -1)] * reviewed, ["underretning"], 8 - reviewed)
    os.chdir(folder)
    texts = committee(cli)
    for fmt in ("md", "html"):
        system = read_report(texts[fmt], fmt, one_file_each=True)
        read_csv(system, texts["csv"])
        assert system.revealed() == {}, fmt


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
def test_a_share_of_another_period_on_one_case_is_not_shown(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, audience: str
) -> None:
    """October has one reviewed case, its eight 'afdækning' answers all 'ja'. October's own
    report hides the template (fewer than 5 cases), but November's showed '2026-10: 100,0 %'
    in the trend and a change against it: one case's result, by the back door."""
    for name in ("koncept.yaml", "eksport.csv"):
        shutil.copy(EKSEMPLER / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    for period, count in (("2026-10", 1), ("2026-11", 10)):
        args = ("--tilsyn", SERIES, "--periode", period, "--antal", str(count + 2), "--seed", "9")
        assert cli("udtræk", "eksport.csv", *args).exit_code == 0
        folder = tmp_path / "udtræk" / f"{period}-{SERIES}"
        for path in sorted(p for p in folder.glob("*.yaml") if p.name != "udtræk.yaml")[:count]:
            fill_all(path, "ja")
            text = path.read_text(encoding="utf-8").replace(f'"{DAY[:8]}20"', f'"{period}-20"')
            path.write_text(text, encoding="utf-8")
    args = ("--periode", "2026-11", "--dato", DAY, "--format", "md", "-o", "-")
    own = cli("rapport", *args, "--modtager", "leder")
    assert "2026-10: 100,0 %" in own.stdout  # the leader sees it: the case is there
    shown = cli("rapport", *args, "--modtager", audience)
    assert shown.exit_code == 0, shown.output
    assert "2026-10: –" in shown.stdout
    assert "2026-10: 1" not in shown.stdout and "±0,0 pp" not in shown.stdout

"""Tiltag in the leader report: before/after with intervals, never overclaiming."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_data import build_workspace

from conftest import Cli
from ledelsestilsyn.report.effect import Side
from ledelsestilsyn.report.tiltag import (
    BETTER,
    NOT_STARTED,
    TOO_FEW,
    UNANSWERED_VERDICT,
    UNCLEAR,
    WORSE,
    verdict,
)

TILTAG = """\
tiltag:
  - id: "vurdering"
    titel: "Hurtig vurdering af underretninger"
    besluttet: "2026-10-15"
    status: "i gang"
    skabelon: "overordnet"
    mål:
      spørgsmål: [underretning-1]
      sagsskridt: [underretning]
  - id: "inddragelse"
    titel: "Barnet inddrages"
    besluttet: "2026-10-15"
    status: "planlagt"
    mål:
      pejlemærker: [inddragelse]
  - id: "gammelt"
    titel: "Opgivet forsøg"
    besluttet: "2026-09-01"
    status: "opgivet"
    mål:
      pejlemærker: [inddragelse]
"""


@pytest.fixture
def ws(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    build_workspace(workspace)
    monkeypatch.chdir(workspace)
    (workspace / "tiltag.yaml").write_text(TILTAG, encoding="utf-8")
    return workspace


def report(cli, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = cli("rapport", "--dato", "2026-11-25", "-o", "-", "--periode", "2026-11", *args)
    assert result.exit_code == 0, result.output + (result.stderr or "")
    return str(result.stdout)


def row(text: str, start: str) -> list[str]:
    line = next(x for x in text.splitlines() if x.startswith(start))
    return [c.strip() for c in line.split("|")[1:-1]]


def test_each_tiltag_shows_before_and_after_with_intervals(cli, ws: Path) -> None:  # type: ignore[no-untyped-def]
    text = report(cli, "--format", "md")
    assert "### vurdering: Hurtig vurdering af underretninger" in text
    assert "Status: i gang · besluttet 15. oktober 2026" in text
    question = row(text, "| underretning-1 | Overordnet")
    assert question[2:9] == [
        "61,9 %", "40,9–79,2 %", "21", "81,8 %", "52,3–94,9 %", "11", UNCLEAR,
    ]  # fmt: skip
    step = row(text, "| sagsskridt underretning | Overordnet")
    assert step[4] == "24" and step[7] == "12" and step[8] == BETTER  # cases, not answers
    assert "| underretning-1 | Tematiseret" not in text  # another question with the same id
    assert "| sagsskridt underretning | Tematiseret" not in text.split("### inddragelse")[0]
    themed = row(text, "| pejlemærke inddragelse | Tematiseret")
    assert themed[4] == "0" and themed[8] == TOO_FEW


def test_an_open_tiltag_past_its_deadline_is_marked_overdue(cli, ws: Path) -> None:  # type: ignore[no-untyped-def]
    """The report runs on 25 November: 'vurdering' (open) had 20 November, 'gammelt' (given
    up) had 1 November; only the open one is late."""
    text = TILTAG.replace(
        '    status: "i gang"', '    status: "i gang"\n    frist: "2026-11-20"'
    ).replace('    status: "opgivet"', '    status: "opgivet"\n    frist: "2026-11-01"')
    (ws / "tiltag.yaml").write_text(text, encoding="utf-8")
    leader = report(cli, "--format", "md")
    assert "frist 20. november 2026 (overskredet)" in leader
    assert "frist 1. november 2026 ·" in leader
    department = report(cli, "--format", "md", "--modtager", "afdeling")
    assert "20. november 2026 (overskredet)" in department


def test_weakest_questions_name_the_open_tiltag_that_address_them(cli, ws: Path) -> None:  # type: ignore[no-untyped-def]
    text = report(cli, "--format", "md")
    weakest = text.split("## Hvor er vi svagest")[1].split("## Tiltag")[0]
    assert "| teams under tærsklen | åbne tiltag |" in weakest
    assert row(weakest, "| **intentioner-1**")[-1] == "inddragelse"  # by its pejlemærke
    assert row(weakest, "| **intentioner-3**")[-1] == "ingen"
    assert "gammelt" not in weakest  # opgivet: not open


def test_the_html_has_the_section_and_the_committee_does_not(cli, ws: Path) -> None:  # type: ignore[no-untyped-def]
    assert "<h2>Tiltag og effekt</h2>" in report(cli, "--format", "html")
    committee = report(cli, "--format", "md", "--modtager", "udvalg")
    assert "Tiltag og effekt" not in committee and "åbne tiltag" not in committee


def test_the_committee_sees_what_the_leadership_has_set_in_motion(cli, ws: Path) -> None:  # type: ignore[no-untyped-def]
    """SBST: the results go to the political committee, with what is set in motion on them
    ("hvad der eventuelt sættes i værk på baggrund heraf"). The committee sees each tiltag's
    status, deadline and target, as the department does, but no responsible person and no
    conclusion (the leaders' own words), and no verdict on a share it is not shown."""
    text = TILTAG.replace(
        '    status: "i gang"',
        '    status: "i gang"\n    ansvarlig: "Karen Holm Madsen"\n    frist: "2026-12-01"',
    ).replace(
        '    status: "opgivet"',
        '    status: "opgivet"\n    evalueret: "2026-10-01"\n    konklusion: "Stop: for tungt."',
    )
    (ws / "tiltag.yaml").write_text(text, encoding="utf-8")
    for fmt in ("md", "html"):
        committee = report(cli, "--format", fmt, "--modtager", "udvalg")
        assert "Tiltag" in committee and "Hurtig vurdering af underretninger" in committee
        assert "1. december 2026" in committee and "Opgivet forsøg" in committee
        assert "Karen Holm Madsen" not in committee and "for tungt" not in committee
    md = report(cli, "--format", "md", "--modtager", "udvalg")
    tiltag = md.split("## Tiltag")[1].split("\n## ")[0]
    first = row(tiltag, "| **vurdering**")
    assert first[1:4] == ["i gang", "1. december 2026", "underretning-1"]
    department = report(cli, "--format", "md", "--modtager", "afdeling")
    shown = department.split("## Tiltag")[1].split("\n## ")[0]
    assert [row(tiltag, f"| **{t}**") for t in ("vurdering", "inddragelse", "gammelt")] == [
        row(shown, f"| **{t}**") for t in ("vurdering", "inddragelse", "gammelt")
    ]


def test_a_broken_tiltag_file_leaves_the_tiltag_out_and_says_so(cli, ws: Path) -> None:  # type: ignore[no-untyped-def]
    """A typo in tiltag.yaml does not stop the report the leaders need for their meeting: the
    tiltag are left out, and the run says why (tjek gives the mistake as an error)."""
    (ws / "tiltag.yaml").write_text(TILTAG.replace("i gang", "igang"), encoding="utf-8")
    result = cli("rapport", "--dato", "2026-11-25", "-o", "-", "--periode", "2026-11")
    assert result.exit_code == 0, result.output
    assert "tiltag.yaml:5:13: advarsel M003" in result.stderr
    assert "advarsel O015: tiltagene er udeladt af rapporten" in result.stderr
    assert "Tiltag og effekt" not in result.stdout
    # the report itself says so, for whoever reads it later (probe AX, M3)
    said = "Ledelsens tiltag er ikke med i rapporten: tiltag.yaml havde fejl, da den blev lavet."
    for audience in ("leder", "afdeling", "udvalg"):
        for fmt in ("md", "html"):
            made = cli(
                "rapport", "--dato", "2026-11-25", "-o", "-", "--periode", "2026-11",
                "--modtager", audience, "--format", fmt,
            )  # fmt: skip
            assert made.exit_code == 0, made.output
            assert said in made.stdout, (audience, fmt)


def tally(positive: int, negative: int) -> Side:
    """As many cases as answers: one question per case."""
    return Side(((1, 1),) * positive + ((0, 1),) * negative)


def test_the_verdict_claims_a_change_only_when_the_intervals_allow_it() -> None:
    assert verdict(tally(2, 2), tally(40, 0), min_count=5) == TOO_FEW
    assert verdict(tally(30, 30), tally(58, 2), min_count=5) == BETTER
    assert verdict(tally(58, 2), tally(30, 30), min_count=5) == WORSE
    assert verdict(tally(30, 30), tally(36, 24), min_count=5) == UNCLEAR  # 50 % → 60 %


def test_a_tiltag_that_worked_is_called_better_though_the_intervals_overlap() -> None:
    """10 of 20 before, 17 of 20 after (Fisher's exact test: p ≈ 0,04): the two intervals
    overlap (29,9–70,1 % and 64,0–94,8 %), so the verdict said 'ingen sikker ændring' for a
    tiltag that plainly worked. The change's own interval is 5,9–57,3 pp."""
    assert verdict(tally(10, 10), tally(17, 3), min_count=5) == BETTER
    assert verdict(tally(17, 3), tally(10, 10), min_count=5) == WORSE
    assert verdict(tally(10, 10), tally(14, 6), min_count=5) == UNCLEAR  # 50 % → 70 %


def _with_level(ws: Path, level: str) -> None:
    text = TILTAG.replace(
        "      sagsskridt: [underretning]\n",
        f'      sagsskridt: [underretning]\n      niveau: "{level}"\n',
        1,
    )
    (ws / "tiltag.yaml").write_text(text, encoding="utf-8")


def test_a_level_says_whether_the_share_after_reaches_it(cli, ws: Path) -> None:  # type: ignore[no-untyped-def]
    """Without a level, the verdict could only say the share moved, never whether it got
    where the leaders wanted. With `mål: niveau` it says that too."""
    _with_level(ws, "80 %")
    text = report(cli, "--format", "md")
    question = row(text, "| underretning-1 | Overordnet")  # 81,8 % (52,3–94,9 %) after
    uncertain = " (usikkert: niveauet ligger i intervallet)"
    assert question[8] == f"{UNCLEAR}; niveauet 80 % er nået{uncertain}"
    _with_level(ws, "0,9")
    text = report(cli, "--format", "md")
    question = row(text, "| underretning-1 | Overordnet")
    assert question[8] == f"{UNCLEAR}; niveauet 90 % er ikke nået{uncertain}"
    step = row(text, "| sagsskridt underretning | Overordnet")
    assert step[8].startswith(f"{BETTER}; niveauet 90 % er ")
    themed = row(text, "| pejlemærke inddragelse | Tematiseret")
    assert themed[8] == TOO_FEW  # another tiltag, no level: as before
    assert "niveauet 90 %" in report(cli, "--format", "html")


def test_a_verdict_on_a_tiltag_not_started_says_its_after_is_not_the_tiltags(  # type: ignore[no-untyped-def]
    cli, ws: Path
) -> None:
    """ "After" is every round since `besluttet`; while the tiltag is `planlagt`, nothing was
    done in those rounds, so "bedre" or "niveauet er nået" is not the tiltag's doing."""
    _with_level(ws, "80 %")
    tiltag = ws / "tiltag.yaml"
    tiltag.write_text(tiltag.read_text("utf-8").replace('"i gang"', '"planlagt"', 1), "utf-8")
    text = report(cli, "--format", "md")
    step = row(text, "| sagsskridt underretning | Overordnet")
    assert step[8].startswith(f"{BETTER}; niveauet 80 % er ") and step[8].endswith(NOT_STARTED)
    question = row(text, "| underretning-1 | Overordnet")
    assert question[8].startswith(UNCLEAR) and question[8].endswith(f"; {NOT_STARTED}")
    themed = row(text, "| pejlemærke inddragelse | Tematiseret")
    assert themed[8] == TOO_FEW  # planlagt too, but no verdict to qualify
    tiltag.write_text(tiltag.read_text("utf-8").replace('"planlagt"', '"i gang"', 1), "utf-8")
    assert NOT_STARTED not in report(cli, "--format", "md")


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("150 %", "en andel skal være over 0 % og højst 100 %. Tip: skriv den som fx 90 %"),
        ("0", "en andel skal være over 0 % og højst 100 %. Tip: skriv den som fx 90 %"),
        ("halvfems", "ikke en andel; skriv den som fx 90 % eller 0,9"),
    ],
)
def test_a_level_that_is_no_share_is_a_danish_error_at_its_line(  # type: ignore[no-untyped-def]
    cli, ws: Path, written: str, said: str
) -> None:
    _with_level(ws, written)
    result = cli("tiltag")
    assert result.exit_code == 1, result.output
    assert "tiltag.yaml:10:15: fejl" in result.output and said in result.output
    assert "Input should" not in result.output and "Traceback" not in result.output


def test_tilsyn_tiltag_shows_the_level_with_the_targets(cli, ws: Path) -> None:  # type: ignore[no-untyped-def]
    _with_level(ws, "87,5%")
    result = cli("tiltag", "--dato", "2026-11-25")
    assert result.exit_code == 0, result.output
    assert "mål: underretning-1, sagsskridt underretning (overordnet) · niveau 87,5 %" in (
        result.stdout
    )


@pytest.mark.parametrize(
    ("after", "said"),
    [
        ((19, 1), "nået"),  # 95 %, interval 76,4–99,1 %: a level of 70 % lies below it
        ((15, 5), "nået (usikkert: niveauet ligger i intervallet)"),  # 75 %, 53,1–88,8 %
        ((12, 8), "ikke nået (usikkert: niveauet ligger i intervallet)"),  # 60 %, 38,7–78,1 %
        ((4, 16), "ikke nået"),  # 20 %, 8,1–41,6 %
    ],
)
def test_a_level_is_reached_or_not_and_uncertain_inside_the_interval(
    after: tuple[int, int], said: str
) -> None:
    from ledelsestilsyn.report.cells import share_of
    from ledelsestilsyn.report.tiltag import EffectRow, _with_level

    before, now = tally(10, 10), tally(*after)
    plain = EffectRow(
        "underretning-1",
        "Overordnet",
        share_of(before.share, before.interval, 0.8),
        before.cases,
        share_of(now.share, now.interval, 0.8),
        now.cases,
        verdict(before, now, min_count=5),
    )
    assert _with_level(plain, 0.7).verdict == f"{plain.verdict}; niveauet 70 % er {said}"
    too_few = EffectRow("x", "y", plain.before, 2, plain.after, 2, TOO_FEW)
    assert _with_level(too_few, 0.7).verdict == TOO_FEW


def test_a_target_no_review_in_the_period_answered_says_so(cli, ws: Path) -> None:  # type: ignore[no-untyped-def]
    """The årshjul had anbringelse out of focus: no review in the period answered the target.
    The department and the committee read 'vises ikke, fordi periodens andel for målet ikke
    vises (få gennemgange)', as if a small share were hidden; there is none to hide."""
    text = TILTAG + (
        '  - id: "partshøring"\n'
        '    titel: "Partshøring før anbringelse"\n'
        '    besluttet: "2026-10-15"\n'
        '    status: "i gang"\n'
        '    skabelon: "overordnet"\n'
        "    mål:\n"
        "      spørgsmål: [anbringelse-7]\n"
    )
    (ws / "tiltag.yaml").write_text(text, encoding="utf-8")
    for audience in ("afdeling", "udvalg"):
        md = report(cli, "--format", "md", "--modtager", audience)
        tiltag = md.split("## Tiltag")[1].split("\n## ")[0]
        assert row(tiltag, "| **partshøring**")[-1] == UNANSWERED_VERDICT, audience
        assert row(tiltag, "| **vurdering**")[-1] != UNANSWERED_VERDICT, audience


def test_a_tiltag_id_naming_a_person_or_a_case_stays_with_the_leaders(cli: Cli, ws: Path) -> None:
    """The id is typed by the leader like the title, but only the title was scrubbed: an id
    such as 'anna-holm' or 's-2026-11-000' stood in the committee's and the department's
    reports. Such an id is now shown as its place in tiltag.yaml ('tiltag 2'); an id that
    names no one ('vurdering') stays, and the leader's report shows the id as written."""
    text = TILTAG.replace('id: "inddragelse"', 'id: "anna-holm"').replace(
        'id: "gammelt"', 'id: "s-2026-11-000.gammelt"'
    )
    (ws / "tiltag.yaml").write_text(text, encoding="utf-8")
    for audience in ("udvalg", "afdeling"):
        for fmt in ("md", "html"):
            shown = report(cli, "--format", fmt, "--modtager", audience)
            lowered = shown.lower()
            assert "anna-holm" not in lowered and "s-2026-11-000" not in lowered, audience
            assert "tiltag 2" in shown and "tiltag 3" in shown and "vurdering" in shown
    assert "anna-holm" in report(cli, "--format", "md")


def test_the_share_after_is_also_shown_period_by_period(cli, ws: Path) -> None:  # type: ignore[no-untyped-def]
    """Probe BG: the share after pools every period since the decision, so a relapse (100 %
    in October, 64 % in November) read as 77 % and 'no sure change'. Each period's share is
    now under the table, on the same cases as the column `efter`."""
    (ws / "tiltag.yaml").write_text(
        TILTAG.replace('besluttet: "2026-10-15"', 'besluttet: "2026-09-15"', 1), encoding="utf-8"
    )
    text = report(cli, "--format", "md").split("### vurdering")[1].split("###")[0]
    question = row(text, "| underretning-1 | Overordnet")
    line = next(x for x in text.splitlines() if x.startswith("- underretning-1 efter"))
    periods = line.split(": ", 1)[1].split(" · ")
    assert [p.split(":")[0] for p in periods] == ["2026-10", "2026-11"], line
    cases = [int(p.split("(")[1].split()[0]) for p in periods]
    assert sum(cases) == int(question[7]), (line, question)  # the same cases as `efter`
    html = report(cli, "--format", "html")
    assert "underretning-1 efter beslutningen, periode for periode: 2026-10:" in html
    assert "periode for periode" not in report(cli, "--format", "md", "--modtager", "afdeling")

"""`backcalc` reads the blocks across the case (tematiseret@2025.1's intentions of barnets
lov): their row 'På tværs af sagen', and their column in the table per team, found by its
header and not by its place (it stands after `samlet`, which is not a step)."""

from __future__ import annotations

import math
import os
import re
import uuid
from pathlib import Path

import pytest
from backcalc import read_report, team_columns
from backcalc_system import System
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_data import TEAMS, _drawn, fill, write_round
from test_committee_disclosure import DAY, SERIES, assert_nothing_revealed, committee

from conftest import Cli
from ledelsestilsyn.sampling.fillin import case_filename, render_review
from ledelsestilsyn.templates.catalog import Catalog

REF = "tematiseret@2025.1"
ACROSS = "Intentionerne med barnets lov"
CASES = 30


def _answer(case: int, question: int) -> tuple[str, str]:
    """`høj grad` everywhere but one `lav grad`: case 0's intentioner-1 (the 6th question)."""
    if case == 0 and question == 5:
        return "lav grad", "Barnets perspektiv er ikke beskrevet."
    return "høj grad", ""


@pytest.fixture
def across_ws(workspace: Path) -> Path:
    write_round(
        workspace,
        Catalog.load(workspace),
        series="tematiseret",
        ref=REF,
        period="2026-11",
        focus=["underretning", "intentioner"],
        cases=CASES,
        answer=_answer,
        day="2026-11-21",
    )
    os.chdir(workspace)
    return workspace


def leader(cli: Cli) -> str:
    result = cli("rapport", "--dato", DAY, "-o", "-", "--format", "md")
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def test_the_team_table_is_read_by_its_headers(cli: Cli, across_ws: Path) -> None:
    text = leader(cli)
    header = next(r for r in text.splitlines() if r.startswith("| team | sager |"))
    cells = [c.strip() for c in header.split("|")[1:-1]]
    assert cells[-2:] == ["samlet", ACROSS]  # the block stands last, after `samlet`
    columns = team_columns(cells)
    assert (columns.count, columns.pooled) == (1, cells.index("samlet"))
    assert columns.steps == {"Underretning": 2} and columns.across == {ACROSS: 4}
    system = read_report(text, "md")
    nord = f"ts[{REF}|Team Nord"
    assert f"{nord}|samlet].pos" not in system.bounds  # `samlet` is no step
    assert f"{nord}|{ACROSS}].cases" in system.bounds  # the block is one, of 13 questions
    assert sums(system, f"tt[{REF}|Team Nord].pos") == [[f"{nord}|Underretning].pos"]]
    teams = [f"ts[{REF}|{t}|{ACROSS}].pos" for t in ("Team Nord", "Team Syd", "Team Vest")]
    assert teams in sums(system, f"step[{REF}|{ACROSS}].pos")
    assert system.revealed() == {}  # the leader's shares add up (misread, they did not)


def sums(system: System, total: str) -> list[list[str]]:
    """The parts of every equation `total = Σ parts` in the system."""
    return [
        [name for name, _ in terms[1:]]
        for terms, equal in system.relations
        if equal and terms[0] == (total, 1) and all(c == -1 for _, c in terms[1:])
    ]


def test_the_cross_case_share_bounds_its_answers(cli: Cli, across_ws: Path) -> None:
    system = read_report(leader(cli), "md")
    low, high = system.bounds[f"step[{REF}|{ACROSS}].ans"]
    assert 0 < low <= 13 * CASES <= high < math.inf  # read from its share and interval
    assert CASES <= system.bounds[f"step[{REF}|{ACROSS}].cases"][1] < math.inf


def test_a_leak_through_the_cross_case_block_is_caught(cli: Cli, across_ws: Path) -> None:
    texts = committee(cli)
    assert_nothing_revealed(texts)  # as the product writes it: intentioner-1's `x` holds
    row = re.compile(rf"^\| {ACROSS} \|.*$", re.M)
    shown = row.findall(leader(cli))  # the share the committee may not see, on purpose
    assert len(shown) == 1 and "| – |" in row.findall(texts["md"])[0]
    leaked = row.sub(lambda _: shown[0], texts["md"])
    found = read_report(leaked, "md", on_cases=False).revealed()  # the leader's interval
    assert found.get(f"a[{REF}|intentioner-1|høj grad]") == CASES - 1, found


GRADES = ("høj grad", "nogen grad", "lav grad", "ikke relevant")
FOCUS = ["underretning", "intentioner"]


def write_graded_round(root: Path, patterns: list[int], caseworkers: int) -> None:
    """A round of tematiseret@2025.1, one complete review per pattern. Case i is team
    i mod 3's and caseworker i mod `caseworkers`'s (9 give each team 3: its shares are shown);
    its answer to question q is a grade picked by bits of its pattern."""
    template = Catalog.load(root).resolve(REF)
    folder = root / "udtræk" / f"2026-11-{SERIES}"
    folder.mkdir(parents=True)
    questions = sum(len(s.questions) for s in template.steps if s.id in FOCUS)
    manifest = [
        f'tilsyn: "{SERIES}"',
        'periode: "2026-11"',
        f'skabelon: "{REF}"',
        f"fokus: [{', '.join(FOCUS)}]",
        'oprettet: "2026-11-01T08:00:00"',
        'oprettet_af: "test"',
        'værktøj: "0.1.0"',
        "seed: 1",
        f"antal: {len(patterns)}",
        "sager:",
    ]
    for i, pattern in enumerate(patterns):
        case_id, team, worker = f"S-{i:03d}", TEAMS[i % 3], f"Rådgiver {i % caseworkers}"
        manifest += _drawn(case_id, worker, team, [case_filename(case_id)])
        text = render_review(
            template,
            series=SERIES,
            period="2026-11",
            case_id=case_id,
            caseworker=worker,
            team=team,
            focus=FOCUS,
        )
        grades = [GRADES[(pattern >> (q % 6)) % 4] for q in range(questions)]
        answers = [(g, "Mangler." if g == "lav grad" else "") for g in grades]
        (folder / case_filename(case_id)).write_text(
            fill(text, answers, "Leder", "2026-11-20"), encoding="utf-8"
        )
    (folder / "udtræk.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    patterns=st.lists(
        st.sampled_from([0, 0, 1, 0b1001, 0b110, 0b10110, 0b1110001]), min_size=1, max_size=30
    ),
    caseworkers=st.sampled_from([2, 9]),
    audience=st.sampled_from(["udvalg", "afdeling"]),
)
def test_random_rounds_with_a_block_across_reveal_nothing(
    cli: Cli, tmp_path: Path, patterns: list[int], caseworkers: int, audience: str
) -> None:
    """Random rounds of tematiseret@2025.1: the committee's and the department's md, html,
    csv and xlsx, read with the block across the case, give no hidden number away."""
    folder = tmp_path / f"ws-{uuid.uuid4().hex[:8]}"
    assert cli("init", str(folder), "--forlæg", "sbst").exit_code == 0
    write_graded_round(folder, patterns, caseworkers)
    os.chdir(folder)
    assert_nothing_revealed(committee(cli, "--modtager", audience))

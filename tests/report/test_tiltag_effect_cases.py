"""A tiltag's effect is judged on cases, not on answers, and only on comparable questions.

A step or a pejlemærke pools several questions per case. Those answers come from the
same case file and the same reviewer, so 2 cases with 8 answers each are not 16
independent observations: the verdict needs `mindste_antal` cases on each side, and
the interval must not shrink just because a case has many questions. And when the
rounds before and after looked at different steps (the årshjul moves the focus),
a pejlemærke's questions before and after are different questions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from report_data import kk_round, underretning_round, write_round

from ledelsestilsyn.report.tiltag import NOT_COMPARABLE, TOO_FEW, UNCLEAR
from ledelsestilsyn.templates.catalog import Catalog

STEP_TILTAG = """\
tiltag:
  - id: "underretning"
    titel: "Underretninger"
    besluttet: "2026-10-15"
    status: "i gang"
    skabelon: "overordnet"
    mål:
      sagsskridt: [underretning]
"""

PEJLEMAERKE_TILTAG = """\
tiltag:
  - id: "inddragelse"
    titel: "Barnet inddrages"
    besluttet: "2026-10-15"
    status: "i gang"
    skabelon: "tematiseret"
    mål:
      pejlemærker: [inddragelse]
"""


def same_answer(good: Callable[[int], bool], positive: str, negative: str):  # type: ignore[no-untyped-def]
    """Every question of a case gets the same answer: all positive or all negative."""
    return lambda case, question: (positive, "") if good(case) else (negative, "Mangler.")


Side = tuple[int, Callable[[int], bool]]
"""(cases, which cases answer positively)"""


def rounds(root: Path, before: Side, after: Side) -> None:
    for period, (cases, good) in (("2026-09", before), ("2026-11", after)):
        underretning_round(root, period, cases, same_answer(good, "ja", "nej"))


def effect_row(cli, target: str, period: str = "2026-11") -> list[str]:  # type: ignore[no-untyped-def]
    args = ("--dato", "2026-11-25", "-o", "-", "--periode", period, "--format", "md")
    result = cli("rapport", *args)
    assert result.exit_code == 0, result.output + (result.stderr or "")
    text = str(result.stdout).split("## Tiltag og effekt")[1]
    line = next(x for x in text.splitlines() if x.startswith(f"| {target}"))
    return [c.strip() for c in line.split("|")[1:-1]]


@pytest.fixture
def ws(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(workspace)
    return workspace


def test_two_cases_on_each_side_are_too_few_however_many_questions_they_answer(
    cli, ws: Path
) -> None:  # type: ignore[no-untyped-def]
    """2 cases before (all nej) and 2 after (all ja): 16 answers a side, but 2 cases."""
    (ws / "tiltag.yaml").write_text(STEP_TILTAG, encoding="utf-8")
    rounds(ws, (2, lambda case: False), (2, lambda case: True))
    row = effect_row(cli, "sagsskridt underretning")
    assert row[4] == "2" and row[7] == "2"  # the cases, not the 16 answers
    assert row[8] == TOO_FEW


def test_answers_in_the_same_case_do_not_narrow_the_interval(cli, ws: Path) -> None:  # type: ignore[no-untyped-def]
    """6 cases a side, every case all ja or all nej: 3 of 6 before, 5 of 6 after. As 48
    independent answers the intervals would not overlap (36–64 % and 70–91 %); as what
    they are, 6 cases a side, they do, and no change is claimed."""
    (ws / "tiltag.yaml").write_text(STEP_TILTAG, encoding="utf-8")
    rounds(ws, (6, lambda case: case < 3), (6, lambda case: case < 5))
    row = effect_row(cli, "sagsskridt underretning")
    assert row[2] == "50,0 %" and row[5] == "83,3 %"
    assert row[3] == "18,8–81,2 %"  # Wilson on 3 of 6 cases
    assert row[8] == UNCLEAR


def test_a_pejlemaerke_is_not_compared_across_different_questions(cli, ws: Path) -> None:  # type: ignore[no-untyped-def]
    """Before: the tematiseret round looked at underretning (inddragelse: underretning-3,
    -4); after: at opfølgning (inddragelse: opfølgning-6). Different questions: no verdict."""
    (ws / "tiltag.yaml").write_text(PEJLEMAERKE_TILTAG, encoding="utf-8")
    catalog = Catalog.load(ws)
    for period, focus, good in (
        ("2026-09", ["underretning"], False),
        ("2026-11", ["opfølgning"], True),
    ):
        write_round(
            ws,
            catalog,
            series="tematiseret",
            ref="tematiseret@2024.1",
            period=period,
            focus=focus,
            cases=8,
            answer=same_answer(lambda case, good=good: good, "høj grad", "lav grad"),
            day=f"{period}-20",
        )
    row = effect_row(cli, "pejlemærke inddragelse")
    assert row[8] == NOT_COMPARABLE


def test_a_case_reviewed_on_two_levels_counts_once(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """KK: niveau 2 re-reviews niveau 1's cases. As everywhere else in the report, a case
    counts once (with niveau 1's review), not once per level: 5 cases after, not 10."""
    root = tmp_path / "kk"
    assert cli("init", str(root), "--forlæg", "kk").exit_code == 0
    monkeypatch.chdir(root)
    (root / "tiltag.yaml").write_text(STEP_TILTAG.replace("2026-10-15", "2026-09-15"), "utf-8")
    for series, period, good in (
        ("niveau-1", "2026-09", False),
        ("niveau-1", "2026-11", True),
        ("niveau-2", "2026-K4", True),
    ):
        answer = same_answer(lambda case, good=good: good, "ja", "nej")
        day = "2026-11-20" if good else "2026-09-20"
        folder = kk_round(root, series, period, 5 if good else 6, answer, day)
        for path in folder.iterdir():  # niveau 2 drew niveau 1's November cases
            path.write_text(path.read_text("utf-8").replace("S-2026-K4-", "S-2026-11-"), "utf-8")
            path.rename(path.with_name(path.name.replace("S-2026-K4-", "S-2026-11-")))
    row = effect_row(cli, "sagsskridt underretning")
    assert row[4] == "6" and row[7] == "5"


def test_a_case_reviewed_again_later_in_another_series_counts_on_both_sides(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A case is counted once among the reviews of overlapping periods (a level re-reviews
    its own period's cases), not once for all time: niveau 2 reviewing in 2026-K4 the cases
    niveau 1 reviewed in 2026-09 took September's reviews out of "før" (what the leaders saw
    when they decided) or left K4's out of "efter" (found by a probe). The quarter's round
    counts in a report whose period holds all of it (the quarter's), not in November's."""
    root = tmp_path / "kk"
    assert cli("init", str(root), "--forlæg", "kk").exit_code == 0
    monkeypatch.chdir(root)
    (root / "tiltag.yaml").write_text(STEP_TILTAG.replace("2026-10-15", "2026-09-15"), "utf-8")
    kk_round(
        root, "niveau-1", "2026-09", 6, same_answer(lambda case: False, "ja", "nej"), "2026-09-20"
    )
    folder = kk_round(
        root, "niveau-2", "2026-K4", 5, same_answer(lambda case: True, "ja", "nej"), "2026-11-20"
    )
    for path in folder.iterdir():  # niveau 2 took up September's cases again
        path.write_text(path.read_text("utf-8").replace("S-2026-K4-", "S-2026-09-"), "utf-8")
        path.rename(path.with_name(path.name.replace("S-2026-K4-", "S-2026-09-")))
    kk_round(
        root, "niveau-1", "2026-11", 5, same_answer(lambda case: True, "ja", "nej"), "2026-11-20"
    )
    row = effect_row(cli, "sagsskridt underretning", "2026-K4")
    assert (row[2], row[4], row[5], row[7]) == ("0,0 %", "6", "100,0 %", "10"), row
    # November's report leaves the quarter's round out, as its sections do
    row = effect_row(cli, "sagsskridt underretning")
    assert (row[2], row[4], row[5], row[7]) == ("0,0 %", "6", "100,0 %", "5"), row


def test_a_new_template_version_does_not_split_before_and_after(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    """Before the tiltag the rounds used overordnet@2024.1, after it overordnet@2025.1, and
    underretning-4 is the same question in both. As in the report's development over time,
    the older version's answers on an unchanged question count, in one row: not one row per
    version, each with an empty side and 'for få'."""
    tiltag = STEP_TILTAG.replace("2026-10-15", "2026-11-25").replace(
        "sagsskridt: [underretning]", "spørgsmål: [underretning-4]"
    )
    (rapport_ws / "tiltag.yaml").write_text(tiltag, encoding="utf-8")
    write_round(
        rapport_ws,
        Catalog.load(rapport_ws),
        series="månedligt-overordnet",
        ref="overordnet@2025.1",
        period="2026-12",
        focus=["underretning"],
        cases=6,
        answer=same_answer(lambda case: case > 0, "ja", "nej"),
        day="2026-12-20",
    )
    args = ("--dato", "2026-12-28", "-o", "-", "--periode", "2026-12", "--format", "md")
    result = cli("rapport", *args)
    assert result.exit_code == 0, result.output + (result.stderr or "")
    section = str(result.stdout).split("## Tiltag og effekt")[1].split("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| underretning-4 |")]
    assert len(rows) == 1, rows
    cells = [c.strip() for c in rows[0].split("|")[1:-1]]
    assert cells[7] == "6" and int(cells[4]) >= 30  # 2025.1 after; 2024.1's rounds before


def test_before_is_the_year_before_the_decision_not_all_history(cli, ws: Path) -> None:  # type: ignore[no-untyped-def]
    """Two years ago every case was bad; in the year before the decision 5 of 6 were good,
    as after. Pooled with the old round, 'before' would read 5 of 12 and the tiltag would
    seem to have worked; the year before the decision says what it found: 5 of 6."""
    (ws / "tiltag.yaml").write_text(STEP_TILTAG, encoding="utf-8")
    for period, good in (("2024-10", 0), ("2026-09", 5), ("2026-11", 5)):
        underretning_round(
            ws, period, 6, same_answer(lambda case, good=good: case < good, "ja", "nej")
        )
    row = effect_row(cli, "sagsskridt underretning")
    assert (row[2], row[4]) == ("83,3 %", "6")  # 2026-09 only
    assert (row[5], row[7]) == ("83,3 %", "6")
    assert row[8] == UNCLEAR


def test_a_case_reviewed_in_another_template_still_counts_in_its_own(  # type: ignore[no-untyped-def]
    cli, ws: Path
) -> None:
    """A case the monthly overordnet and the themed series both reviewed in 2026-11 is one
    case per template: the themed section counts its tematiseret review, and so must the
    tiltag on a tematiseret target. It was left out, because the overordnet series stands
    first in the concept (one review per case across all templates): 0 cases after."""
    (ws / "tiltag.yaml").write_text(PEJLEMAERKE_TILTAG, encoding="utf-8")
    catalog = Catalog.load(ws)
    for period in ("2026-09", "2026-11"):
        write_round(
            ws,
            catalog,
            series="tematiseret",
            ref="tematiseret@2024.1",
            period=period,
            focus=["underretning"],
            cases=6,
            answer=same_answer(lambda case, p=period: p == "2026-11", "høj grad", "lav grad"),
            day=f"{period}-20",
        )
    underretning_round(ws, "2026-11", 6, same_answer(lambda case: True, "ja", "nej"))
    row = effect_row(cli, "pejlemærke inddragelse")
    assert (row[4], row[7]) == ("6", "6"), row

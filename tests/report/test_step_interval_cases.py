"""A step's or a pejlemærke's interval counts the reviews, not the answers.

A step pools several questions per review, and the answers in one case file (one
caseworker, one reviewer) hang together: 5 reviews with 4 alike answers each are
about as sure as 5 answers, not 20. The main report's intervals use the same
effective size (Kish) as a tiltag's effect; where a review gives at most one
answer, nothing changes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from report_data import underretning_round

from ledelsestilsyn.report.aggregate import section
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.report.stats import wilson
from ledelsestilsyn.templates.catalog import Catalog

CATALOG = Catalog.load(None)
OVERORDNET = CATALOG.resolve("overordnet@2024.1")
TEMATISERET = CATALOG.resolve("tematiseret@2024.1")
Answers = dict[tuple[str, str], str]


def record(case: int, answers: Answers, ref: str) -> ReviewRecord:
    return ReviewRecord(
        series="m",
        template=ref,
        period="2026-11",
        period_start=date(2026, 11, 1),
        case_id=f"S-{case}",
        answers={key: (a, "") for key, a in answers.items()},
    )


def alike(cases: int, good: int, keys: list[tuple[str, str]], yes: str, no: str) -> list[Answers]:
    """`cases` reviews, each answering every key the same: the first `good` positively."""
    return [{k: yes if c < good else no for k in keys} for c in range(cases)]


def test_five_reviews_with_four_alike_answers_are_as_sure_as_five_answers() -> None:
    keys = [("underretning", f"underretning-{i}") for i in range(1, 5)]
    records = [record(c, a, OVERORDNET.ref) for c, a in enumerate(alike(5, 3, keys, "ja", "nej"))]
    step = section(OVERORDNET, records).step("underretning")
    assert step is not None and step.tally.answered == 20
    assert step.tally.interval == wilson(3, 5)  # not wilson(12, 20): 38,7–78,1 %
    for q in step.questions[:4]:  # a question: one answer per review, exact as before
        assert q.tally.interval == wilson(3, 5)


def test_a_pejlemaerke_counts_reviews_across_its_steps() -> None:
    keys = [
        (s.id, q.id)
        for s in TEMATISERET.steps
        for q in s.questions
        if q.pejlemaerke == "faglig udredning" and s.id in ("underretning", "screening")
    ]
    assert len(keys) == 6
    answers = alike(6, 2, keys, "høj grad", "lav grad")
    stat = section(TEMATISERET, [record(c, a, TEMATISERET.ref) for c, a in enumerate(answers)])
    group = next(g for g in stat.pejlemaerker() if g.name == "faglig udredning")
    assert group.tally.answered == 36
    assert group.tally.interval == wilson(2, 6)
    assert stat.total().interval == wilson(2, 6)


def test_one_answer_per_review_gives_the_plain_interval() -> None:
    """Every review answers one question of the step; the others are ikke relevant."""
    records = [
        record(
            c,
            {
                ("underretning", f"underretning-{1 + c % 4}"): "ja" if c % 3 else "nej",
                **{("underretning", f"underretning-{i}"): "ikke relevant" for i in (5, 6)},
            },
            OVERORDNET.ref,
        )
        for c in range(9)
    ]
    step = section(OVERORDNET, records).step("underretning")
    assert step is not None and (step.tally.positive, step.tally.answered) == (6, 9)
    assert step.tally.interval == wilson(6, 9)


@pytest.mark.parametrize("modtager", ["leder", "udvalg"])
def test_the_report_prints_the_interval_of_five_cases(
    cli,  # type: ignore[no-untyped-def]
    workspace: Path,
    monkeypatch: pytest.MonkeyPatch,
    modtager: str,
) -> None:
    """5 cases, 8 underretning questions each, every case all ja (3) or all nej (2)."""
    monkeypatch.chdir(workspace)
    underretning_round(
        workspace,
        "2026-11",
        5,
        lambda case, question: ("ja", "") if case < 3 else ("nej", "Mangler."),
    )
    args = ("--periode", "2026-11", "--format", "md", "--modtager", modtager, "-o", "-")
    result = cli("rapport", *args)
    assert result.exit_code == 0, result.output + (result.stderr or "")
    table = str(result.stdout).split("| sagsskridt |")[1]
    row = next(x for x in table.splitlines() if x.startswith("| Underretning"))
    cells = [c.strip() for c in row.split("|")[1:-1]]
    assert cells[1].startswith("60,0 %")
    assert cells[2] == "23,1–88,2 %"  # Wilson on 3 of 5 cases, not 24 of 40 (44,6–73,7 %)

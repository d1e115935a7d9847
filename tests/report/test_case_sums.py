"""The sums behind a pooled interval, computed fast, equal the ones computed by hand.

A step pools its questions review by review; the report packs each question's answers
into one whole number and adds those (`aggregate._packed`), and the design effect is
computed on whole-number sums (`stats.CaseSums`). Both are checked here against the
plain per-review loop and the textbook formula, on random sections.
"""

from __future__ import annotations

import math
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from ledelsestilsyn.report.aggregate import AnswerIndex, section
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.report.stats import CaseSums, effective_size
from ledelsestilsyn.templates.catalog import Catalog

TEMPLATE = Catalog.load(None).resolve("overordnet@2024.1")
STEP = TEMPLATE.steps[0]
KEYS = [(STEP.id, q.id) for q in STEP.questions]
ANSWER = st.sampled_from([None, "ja", "nej", "ikke relevant"])


def _record(case: int, answers: list[str | None]) -> ReviewRecord:
    return ReviewRecord(
        series="m",
        template=TEMPLATE.ref,
        period="2026-11",
        period_start=date(2026, 11, 1),
        case_id=f"S-{case}",
        answers={k: (a, "") for k, a in zip(KEYS, answers, strict=False) if a is not None},
    )


def _by_hand(reviews: list[list[str | None]]) -> list[tuple[int, int]]:
    pairs = []
    for answers in reviews:
        given = [a for a in answers[: len(KEYS)] if a is not None]
        answered = sum(a != "ikke relevant" for a in given)
        if answered:
            pairs.append((given.count("ja"), answered))
    return pairs


def _textbook(pairs: list[tuple[int, int]]) -> float:
    """Kish's effective size as first written: floats, the spread summed case by case."""
    cases, answers = len(pairs), sum(n for _, n in pairs)
    if answers == cases:
        return float(answers)
    p = sum(y for y, _ in pairs) / answers
    independent = p * (1 - p) / answers
    if cases < 2 or independent == 0:
        return float(cases)
    spread = sum((y - p * n) ** 2 for y, n in pairs) / answers**2 * cases / (cases - 1)
    if spread == 0:
        return float(answers)
    return min(float(answers), max(float(cases), answers * independent / spread))


REVIEWS = st.lists(st.lists(ANSWER, min_size=len(KEYS), max_size=len(KEYS)), max_size=40)


@given(REVIEWS)
def test_the_packed_step_sums_are_the_per_review_sums(reviews: list[list[str | None]]) -> None:
    records = [_record(c, answers) for c, answers in enumerate(reviews)]
    step = section(TEMPLATE, records).step(STEP.id)
    pairs = _by_hand(reviews)
    if step is None:
        assert not any(a is not None for r in reviews for a in r)
        return
    assert step.tally.per_review() == CaseSums.of_pairs(pairs)
    # asked twice (the packed answers are kept), and through the shared index: the same
    assert step.tally.per_review() == CaseSums.of_pairs(pairs)
    indexed = section(TEMPLATE, records, AnswerIndex(records)).step(STEP.id)
    assert indexed is not None and indexed.tally.per_review() == CaseSums.of_pairs(pairs)


@given(REVIEWS, st.data())
def test_a_subset_through_the_index_counts_as_the_subset_alone(
    reviews: list[list[str | None]], data: st.DataObject
) -> None:
    records = [_record(c, answers) for c, answers in enumerate(reviews)]
    subset = data.draw(st.lists(st.sampled_from(records), unique_by=id) if records else st.just([]))
    alone = section(TEMPLATE, subset)
    indexed = section(TEMPLATE, subset, AnswerIndex(records))
    assert [(s.id, s.tally.counts) for s in indexed.steps] == [
        (s.id, s.tally.counts) for s in alone.steps
    ]
    for mine, theirs in zip(indexed.steps, alone.steps, strict=True):
        assert mine.tally.per_review() == theirs.tally.per_review()


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 30)), max_size=60))
def test_the_whole_number_design_effect_is_the_textbook_one(pairs: list[tuple[int, int]]) -> None:
    pairs = [(min(y, n), n) for y, n in pairs]
    assert math.isclose(effective_size(CaseSums.of_pairs(pairs)), _textbook(pairs), rel_tol=1e-9)


def test_every_answer_alike_within_each_case_counts_the_cases() -> None:
    pairs = [(4, 4), (0, 4), (4, 4), (0, 4), (4, 4)]
    assert effective_size(CaseSums.of_pairs(pairs)) == 5.0

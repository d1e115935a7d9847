"""The product's audit (`suppress.decide`, with `audit._whole` for whole numbers) against the
tests' exact integer programme (`backcalc_system`, HiGHS) on many small random ledgers.

`test_integer_audit` checks the rounding on two hand-made ledgers and
`test_random_periods` on the ledgers real reports build. Here hypothesis builds ledgers
shaped like a report's tables, small enough that the solver is quick: a table of counts
with its row, column and grand totals, a share per row on a step of several questions
(`per_review`: its answers at most the questions times the row's reviews), and a second
table that shares the first one's rows (a team's cases in two templates). Whatever
`decide` hides, the solver must pin none of it: a ledger where the audit says "safe" and
an integer reader still works out a hidden count fails here, with the ledger printed.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import example, given, note, settings
from hypothesis import strategies as st
from test_integer_audit import integer_revealed

from ledelsestilsyn.report.suppress import Key, Ledger, decide, denominator, numerator


@dataclass(frozen=True)
class Shape:
    """What a random ledger holds, as numbers: printed on failure, to paste into a test."""

    table: tuple[tuple[int, ...], ...]
    """Counts by row (a team) and column (an answer); the first column is the positive one."""
    questions: int
    """The questions of the step the rows' shares are on (1: a question, no `per_review`)."""
    reviews: tuple[int, ...]
    """Each row's reviews, at least its answers divided by `questions`."""
    other: tuple[int, ...] = ()
    """A second template's cases per row (empty: none), with its own total."""


@st.composite
def shapes(draw: st.DrawFn) -> Shape:
    rows = draw(st.integers(2, 4))
    cols = draw(st.integers(2, 3))
    cell = st.integers(0, 9)
    table = tuple(tuple(draw(cell) for _ in range(cols)) for _ in range(rows))
    questions = draw(st.sampled_from([1, 2, 3, 8]))
    reviews = tuple(
        max(1, -(-sum(row) // questions)) + draw(st.integers(0, 2)) if questions > 1 else sum(row)
        for row in table
    )
    other = tuple(draw(st.lists(cell, min_size=rows, max_size=rows))) if draw(st.booleans()) else ()
    return Shape(table, questions, reviews, other)


def build(shape: Shape) -> Ledger:
    """The ledger a report would build of `shape`."""
    ledger = Ledger(5)
    rows = range(len(shape.table))
    cols = range(len(shape.table[0]))
    cells = [[ledger.count(("svar", f"r{i}", f"k{j}"), v) for j, v in enumerate(r)] for i, r in
             enumerate(shape.table)]  # fmt: skip
    row_totals = [ledger.count(("i alt", f"r{i}"), sum(shape.table[i])) for i in rows]
    col_totals = [ledger.count(("kolonne", f"k{j}"), sum(r[j] for r in shape.table)) for j in cols]
    grand = ledger.count(("alle",), sum(map(sum, shape.table)))
    for i in rows:
        ledger.total(row_totals[i], cells[i])
    for j in cols:
        ledger.total(col_totals[j], [cells[i][j] for i in rows])
    ledger.total(grand, row_totals)
    ledger.total(grand, col_totals)
    reviews = [ledger.count(("sager", f"r{i}"), n) for i, n in enumerate(shape.reviews)]
    ledger.total(ledger.count(("sager i alt",), sum(shape.reviews)), reviews)
    for i in rows:
        row = shape.table[i]
        share = ledger.share(("andel", f"r{i}"), row[0], sum(row), [row[0], sum(row) - row[0]])
        ledger.total(numerator(share), [cells[i][0]])
        ledger.total(denominator(share), [row_totals[i]])
        if shape.questions > 1:
            ledger.per_review(share, shape.questions, reviews[i])
        else:
            ledger.total(reviews[i], [row_totals[i]])
        ledger.hide_with(reviews[i], [share])
    if shape.other:
        other = [ledger.count(("anden", f"r{i}"), n) for i, n in enumerate(shape.other)]
        ledger.total(ledger.count(("anden i alt",), sum(shape.other)), other)
        both: list[Key] = [ledger.count(("begge", f"r{i}"), shape.reviews[i] + n)
                           for i, n in enumerate(shape.other)]  # fmt: skip
        for i in rows:
            ledger.total(both[i], [reviews[i], other[i]])
    return ledger


@settings(max_examples=300, deadline=None)
@given(shape=shapes())
# Found by hypothesis: rounding gave 'sager r1' at least 2 (9 answers to 8 questions), the
# cone alone did not use it, and an integer reader pinned 'sager r0' and 'r1' from the sum.
@example(shape=Shape(((0, 0), (0, 9), (0, 0), (0, 0)), 8, (1, 2, 2, 2), (0, 0, 3, 3)))
# Found by hypothesis: 3·r0 ≥ a, 3·r1 ≥ 5 + (5 − a) for the column's 5, so r0 + r1 is at
# least 10 / 3 for every a, and 'sager i alt' (1–4) is 4; no single relation shows it.
@example(shape=Shape(((0, 1, 0), (5, 4, 0)), 3, (1, 3)))
def test_what_the_audit_calls_safe_no_integer_reader_pins(shape: Shape) -> None:
    note(repr(shape))
    ledger = build(shape)
    rules = decide(ledger, active=True)
    if not rules.complete:  # the report says so itself: nothing left to hide
        return
    assert integer_revealed(ledger, set(rules.hidden)) == []

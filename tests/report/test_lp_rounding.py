"""`report.lp_rounding`: the pins a reader gets by rounding a linear programme's optimum.

The oracle is scipy's `linprog` (HiGHS), which the product never imports: a target is
pinned exactly when its least real value is above v − 1 and its greatest below v + 1.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from ledelsestilsyn.report import simplex
from ledelsestilsyn.report.linear import Row, echelon
from ledelsestilsyn.report.lp_rounding import pinned_by_rounding as solve

Rows = list[tuple[Row, bool]]


def pinned_by_rounding(
    rows: Rows,
    hidden: int,
    low: list[int],
    high: list[int | None],
    values: list[int],
    targets: Iterable[int],
) -> set[int]:
    """As the audit calls it, with the equations in echelon form."""
    pivots = echelon([row for row, equal in rows if equal])
    return solve(rows, hidden, pivots, low, high, values, targets)


def test_a_sum_of_relations_pins_what_no_single_relation_does() -> None:
    """Cells: 0 r, 1 s, 2 a, 3 b, 4 c (hidden), 5 the total r + s, hidden as well.
    3·r ≥ a, 3·s ≥ b + c, a + c ≥ 5, b ≥ 5, a ≤ 4: r + s ≥ 10 / 3, so with r + s ≤ 4 it is 4."""
    rows: Rows = [
        ({2: 1, 0: -3}, False),
        ({3: 1, 4: 1, 1: -3}, False),
        ({2: -1, 4: -1, 6: 1}, False),  # 5 − a − c ≤ 0, the 5 a shown cell
        ({5: 1, 0: -1, 1: -1}, True),
    ]
    low = [1, 1, 1, 5, 1, 1, 5]
    high: list[int | None] = [4, 4, 4, None, 4, 4, 5]
    values = [1, 3, 1, 5, 4, 4, 5]
    assert pinned_by_rounding(rows, 6, low, high, values, [5]) == {5}
    # r and s themselves move: r = 1, s = 3 or r = 2, s = 2
    assert pinned_by_rounding(rows, 6, low, high, values, [0, 1]) == set()


def test_a_target_without_an_upper_end_is_free() -> None:
    rows: Rows = [({0: 1, 1: -1}, False)]  # x ≤ y, y unlimited
    assert pinned_by_rounding(rows, 2, [3, 0], [None, None], [3, 7], [0, 1]) == set()


def test_an_equation_of_shown_cells_pins_its_hidden_cell() -> None:
    rows: Rows = [({0: 1, 1: 1, 2: -1}, True)]  # x + 4 = 9
    assert pinned_by_rounding(rows, 1, [1, 4, 9], [4, 4, 9], [5, 4, 9], [0]) == {0}


def test_cells_that_move_only_together_are_free() -> None:
    """z = a − b with z shown as 0 in effect (its range is 0–0): neither a nor b moves alone,
    both together do."""
    rows: Rows = [({0: 1, 1: -1, 2: 1}, True)]
    assert pinned_by_rounding(rows, 3, [0, 1, 1], [0, 8, 8], [0, 4, 4], [1, 2]) == set()


def test_when_the_pivots_run_out_every_doubtful_target_counts_as_pinned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(simplex, "PIVOTS", 0)
    rows: Rows = [({0: 1, 1: -1, 2: 1}, True)]  # as above: only the simplex frees a and b
    assert pinned_by_rounding(rows, 3, [0, 1, 1], [0, 8, 8], [0, 4, 4], [1, 2]) == {1, 2}


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0)])
def test_targets_that_move_in_proportion_are_each_judged_by_their_own_factor(
    order: tuple[int, int, int],
) -> None:
    """One search answers for every target whose move is a multiple of another's (the demo's
    department report took 3 minutes without it). a ≤ 1,5 (2·a ≤ 3, the 3 shown), b = 2·a and
    c = 3·a: a cannot reach 2 nor fall below its least value 1, but b reaches 3 and c 4,5."""
    a, b, c = order
    rows: Rows = [({b: 1, a: -2}, True), ({c: 1, a: -3}, True), ({a: 2, 3: -1}, False)]
    values = [0, 0, 0, 3]
    values[a], values[b], values[c] = 1, 2, 3
    low = [0, 0, 0, 3]
    low[a] = 1
    high: list[int | None] = [None, None, None, 3]
    assert pinned_by_rounding(rows, 3, low, high, values, [0, 1, 2]) == {a}


@st.composite
def systems(draw: st.DrawFn) -> tuple[Rows, int, list[int], list[int | None], list[int]]:
    """A few hidden cells and shown cells with true values, and relations that the true
    values keep: Σ c·x = 0 exactly, or ≤ 0."""
    hidden = draw(st.integers(1, 5))
    shown = draw(st.integers(0 if hidden > 1 else 1, 3))
    values = [draw(st.integers(0, 12)) for _ in range(hidden + shown)]
    low = [draw(st.integers(0, v)) for v in values[:hidden]] + values[hidden:]
    high: list[int | None] = [
        draw(st.one_of(st.none(), st.integers(v, v + 4))) for v in values[:hidden]
    ]
    high += values[hidden:]
    rows: Rows = []
    for _ in range(draw(st.integers(1, 4))):
        cells = draw(st.lists(st.integers(0, hidden + shown - 1), min_size=2, max_size=4,
                              unique=True))  # fmt: skip
        row = {k: draw(st.sampled_from([-3, -2, -1, 1, 2, 3])) for k in cells}
        total = sum(c * values[k] for k, c in row.items())
        equal = draw(st.booleans())
        if equal and total:  # make it hold: one more cell takes up the difference
            continue
        if not equal and total > 0:
            row = {k: -c for k, c in row.items()}
        rows.append((row, equal))
    return rows, hidden, low, high, values


def _scipy_pinned(
    rows: Rows, hidden: int, low: list[int], high: list[int | None], values: list[int]
) -> set[int] | None:
    """The oracle; None when an optimum lies too near v ± 1 for floating point to say."""
    n = len(values)
    # no limit is a far one: HiGHS may call an unbounded programme infeasible, and within
    # a thousand of its value a cell that can grow by one still can
    bounds = [
        (low[k], values[k] + 1000 if high[k] is None else high[k]) if k < hidden
        else (values[k], values[k])
        for k in range(n)
    ]  # fmt: skip
    eq = [[row.get(k, 0) for k in range(n)] for row, equal in rows if equal]
    ub = [[row.get(k, 0) for k in range(n)] for row, equal in rows if not equal]
    pinned = set()
    for target in range(hidden):
        ends = []
        for sign in (1, -1):
            cost = [0.0] * n
            cost[target] = sign
            zeros = {"b_ub": [0] * len(ub) or None, "b_eq": [0] * len(eq) or None}
            result = linprog(cost, A_ub=ub or None, A_eq=eq or None, bounds=bounds, **zeros)
            assert result.status == 0, result.message
            ends.append(sign * result.fun)
        least, most = ends
        v = values[target]
        if min(abs(least - (v - 1)), abs(most - (v + 1))) < 1e-6:
            return None
        if least > v - 1 and most < v + 1:
            pinned.add(target)
    return pinned


@settings(max_examples=300, deadline=None)
@given(system=systems())
def test_the_pins_are_those_of_the_rounded_linear_programme(
    system: tuple[Rows, int, list[int], list[int | None], list[int]],
) -> None:
    rows, hidden, low, high, values = system
    expected = _scipy_pinned(rows, hidden, low, high, values)
    assume(expected is not None)
    assert pinned_by_rounding(rows, hidden, low, high, values, range(hidden)) == expected


def test_true_values_outside_their_bounds_pin_every_target() -> None:
    """No search from a point that breaks a bound (the audit's rounded bounds would be wrong):
    every target counts as pinned, which hides more, never less."""
    rows: Rows = [({0: 1, 1: 1, 2: -1}, True)]
    assert pinned_by_rounding(rows, 2, [5, 1, 9], [8, 8, 9], [4, 5, 9], [0, 1]) == {0, 1}

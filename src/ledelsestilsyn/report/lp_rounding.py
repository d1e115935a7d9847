"""What a reader pins by solving the relations as a linear programme and rounding the optimum.

Bounding one relation at a time (`rounding`) misses what only a sum of relations shows:
with 3·r ≥ a, 3·s ≥ b + c, c ≥ 5 − a and b at least 5, r + s is at least 10 / 3 for every
a, so a reader who minimises r + s knows it is at least 4 although no single relation says
so. A whole number x with true value v is pinned that way exactly when no real assignment
that keeps every relation and bound puts x at v + 1 or more, nor at v − 1 or less.

One exact simplex (whole numbers, Bland's rule) per group of hidden cells, from the true
values: each target still in doubt is pushed up, and then down, until it has moved by one;
where a search stops may have moved later targets that far too. Most targets need no search:
a move of one free cell alone already moves them (`_moved_along_one`). After `simplex.PIVOTS`
pivots the search gives up, and the targets still in doubt count as pinned: that hides
more than needed, never too little.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from fractions import Fraction
from functools import partial

from ledelsestilsyn.report.linear import Row
from ledelsestilsyn.report.simplex import Form, Outcome, Tableau, split


def pinned_by_rounding(
    rows: Sequence[tuple[Row, bool]],
    hidden: int,
    pivots: Mapping[int, Row],
    low: Sequence[int],
    high: Sequence[int | None],
    values: Sequence[int],
    targets: Collection[int],
) -> set[int]:
    """The `targets` no real point of the relations moves by one or more from its value.

    Cells are numbered as in `rows` (Σ c·x = 0, or ≤ 0 when not equal): those below
    `hidden` are unknown between `low` and `high` (None: no limit), the others are shown;
    `values` holds the true value of every cell, and `pivots` the equations in echelon form.

    A point is the true one moved by u along the hidden cells the equations leave free
    (each other hidden cell moves as its equation says), so the equations hold by
    themselves, and what is left are inequalities A·u ≤ b that u = 0 keeps: the search
    starts there, with no phase one."""
    step = _steps(hidden, pivots)
    free = sorted({f for form in step.values() for f in form})
    column = {f: k for k, f in enumerate(free)}
    constraints = _inequalities(rows, hidden, step, low, high, values)
    if any(bound < 0 for _, bound in constraints):  # the true values break a bound: no search
        return set(targets)
    doubt = {t for t in targets if step[t]}
    pinned = set(targets) - doubt  # no free cell moves them: the equations fix them
    doubt -= _moved_along_one(constraints, step, doubt)
    tableau = Tableau(constraints, column)

    def moves(target: int, u: Mapping[int, Fraction]) -> bool:
        move = sum((c * u[f] for f, c in step[target].items() if f in u), Fraction(0))
        return abs(move) >= 1

    searched: dict[tuple[Shape, int], Outcome] = {}
    for target in sorted(doubt):
        shape = _shape(step[target])
        for sign in _open_ways(low[target], high[target], values[target]):
            if target not in doubt:
                break
            outcome = searched.get((shape, sign))
            if outcome is None:
                objective = split({f: sign * c for f, c in step[target].items()}, column)
                outcome = tableau.maximise(objective, partial(moves, target))
                if outcome == "gave up":
                    return pinned | doubt
                if outcome != "stopped":
                    searched[shape, sign] = outcome
                u = tableau.point()
                doubt.difference_update([t for t in doubt if moves(t, u)])
            if outcome == "unbounded":  # the target grows, or falls, without end
                doubt.discard(target)
    return pinned | doubt


Shape = tuple[tuple[int, Fraction], ...]
"""A move's form up to a positive factor: the targets of one shape reach their largest
value (that factor times the shape's) at one point, so one search answers for all of them."""


def _shape(form: Form) -> Shape:
    """`form` divided by the size of its first coefficient."""
    scale = abs(form[min(form)])
    return tuple(sorted((f, c / scale) for f, c in form.items()))


def _open_ways(low: int, high: int | None, value: int) -> list[int]:
    """The directions (1 up, −1 down) in which the target's own bounds let it move by one:
    a count at its least value cannot be pushed down, and a search for that finds nothing
    after many pivots (half of a month's with few reviews)."""
    return [
        sign
        for sign, room in ((1, None if high is None else high - value), (-1, value - low))
        if room is None or room >= 1
    ]


def _inequalities(
    rows: Sequence[tuple[Row, bool]],
    hidden: int,
    step: Mapping[int, Form],
    low: Sequence[int],
    high: Sequence[int | None],
    values: Sequence[int],
) -> list[tuple[Form, Fraction]]:
    """A·u ≤ b: each hidden cell's bounds, and each inequality, as forms in the free moves."""
    constraints: list[tuple[Form, Fraction]] = []
    for i, form in step.items():
        top = high[i]
        if top is not None:
            constraints.append((form, Fraction(top - values[i])))
        constraints.append(({f: -c for f, c in form.items()}, Fraction(values[i] - low[i])))
    for row, equal in rows:
        if not equal:
            form = _sum(((c, step[i]) for i, c in row.items() if i < hidden))
            if form:
                constraints.append((form, Fraction(-sum(c * values[k] for k, c in row.items()))))
    return constraints


def _moved_along_one(
    constraints: Sequence[tuple[Form, Fraction]], step: Mapping[int, Form], targets: set[int]
) -> set[int]:
    """The targets that a move of one free cell alone, as far as the inequalities let it go
    either way, moves by one or more: most of them, found without a pivot."""
    up: dict[int, Fraction] = {}  # free cell → how far it can go up alone
    down: dict[int, Fraction] = {}
    for form, bound in constraints:
        for f, a in form.items():
            ends = up if a > 0 else down
            limit = bound / abs(a)
            if f not in ends or limit < ends[f]:
                ends[f] = limit
    moved = set()
    for t in targets:
        for f, c in step[t].items():
            if f not in up or f not in down or abs(c) * max(up[f], down[f]) >= 1:
                moved.add(t)
                break
    return moved


def _steps(hidden: int, pivots: Mapping[int, Row]) -> dict[int, Form]:
    """Each hidden cell's move as a form in the moves of the free hidden cells."""
    step: dict[int, Form] = {}
    for i in range(hidden):
        row = pivots.get(i)
        if row is None:
            step[i] = {i: Fraction(1)}
        else:
            step[i] = {f: Fraction(-c, row[i]) for f, c in row.items() if f != i and f < hidden}
    return step


def _sum(terms: Iterable[tuple[int, Form]]) -> Form:
    """Σ factor · form."""
    out: dict[int, Fraction] = {}
    for factor, form in terms:
        for k, c in form.items():
            out[k] = out.get(k, Fraction(0)) + factor * c
    return {k: c for k, c in out.items() if c}

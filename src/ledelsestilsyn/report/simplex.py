"""An exact simplex for `lp_rounding`: the least and greatest of a linear form over the moves
u that keep A·u ≤ b, from u = 0 (b ≥ 0, so no phase one).

In whole numbers, as `audit._implicit` keeps its tableau: each row scaled by its own
positive factor, the right side at `RHS`, a pivot multiplying instead of dividing
(`linear.pivot`); Bland's rule, so it cannot cycle.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Literal

from ledelsestilsyn.report.linear import RHS, Row, eliminated, holding, leaving, pivot

Form = dict[int, Fraction]
"""A linear form with exact coefficients: unknown's number → coefficient."""
Outcome = Literal["stopped", "largest", "unbounded", "gave up"]

PIVOTS = 20_000


class Tableau:
    """Rows Σ a·y + s = b over y, s ≥ 0 and b ≥ 0, each with its basic cell: a free move u_f
    is y at 2k less y at 2k + 1 (k its column), and the slacks follow them."""

    def __init__(self, constraints: Sequence[tuple[Form, Fraction]], column: Mapping[int, int]):
        """The tableau of A·u ≤ b (b ≥ 0), at u = 0 with every slack basic."""
        self.column = column
        first = 2 * len(column)
        self.lines: list[Row] = []
        for r, (form, bound) in enumerate(constraints):
            line = split(form, column)
            line[first + r], line[RHS] = Fraction(1), bound
            self.lines.append(_whole(line))
        self.basis = [first + r for r in range(len(constraints))]
        self.pivots = PIVOTS
        self.rows = holding(self.lines)

    def point(self) -> dict[int, Fraction]:
        """The move u of each free cell at the basic solution (0 where it is not basic)."""
        first = 2 * len(self.column)
        y = {
            b: Fraction(line.get(RHS, 0), line[b])
            for line, b in zip(self.lines, self.basis, strict=True)
            if b < first
        }
        zero = Fraction(0)
        return {f: y.get(2 * k, zero) - y.get(2 * k + 1, zero) for f, k in self.column.items()}

    def maximise(self, objective: Form, stop: Callable[[Mapping[int, Fraction]], bool]) -> Outcome:
        """Pivot towards a larger Σ objective·y until it is largest, unbounded, or `stop`
        says the moves u are enough; "gave up" when the pivots are used up."""
        reduced = _whole({k: -c for k, c in objective.items()})  # z − Σ c·y = 0, z's row
        for line, b in zip(self.lines, self.basis, strict=True):
            if b in reduced:
                reduced = eliminated(reduced, b, line)
        while True:
            if stop(self.point()):
                return "stopped"
            entering = min((k for k, c in reduced.items() if c < 0 and k != RHS), default=None)
            if entering is None:
                return "largest"
            out = leaving(self.lines, self.rows, entering, self.basis)
            if out is None:
                return "unbounded"
            if self.pivots == 0:
                return "gave up"
            self.pivots -= 1
            pivot(self.lines, reduced, out, entering, self.rows)
            self.basis[out] = entering


def _whole(line: Form) -> Row:
    """The row times the least positive number that makes every coefficient whole."""
    scale = math.lcm(*(c.denominator for c in line.values()))
    return {k: int(c * scale) for k, c in line.items() if c}


def split(form: Form, column: Mapping[int, int]) -> Form:
    """A form in the free moves u as one in y: u_f = y[2k] − y[2k + 1]."""
    line: Form = {}
    for f, c in form.items():
        line[2 * column[f]], line[2 * column[f] + 1] = c, -c
    return line

"""Can a reader of the committee report work out a hidden number? An audit by linear programming.

A reader knows each shown number exactly, a hidden one only within its public
range (`< 5` is 1–4, `x` at least 5, a hidden share's counts at least 0),
and every relation of the report: Σ c·x = 0, or ≤ 0. A hidden cell is
*pinned* when every assignment that keeps all of that gives it one value.

We know the true values x*, and the assignments that keep the relations form
a convex set, so a cell is pinned exactly when no direction d out of x*
stays inside and moves the cell. Those directions are a cone: Σ c·d = 0 for
an equation; for a bound or an inequality that x* meets exactly, d must not
cross it; the others do not limit a small step. The cone is checked per
connected group of hidden cells: first the equations are solved exactly
(fractions), and a cell they fix is pinned outright; then a direction along
one free unknown is tried; only what is still undecided goes to a small
simplex, which stops at the first direction that moves the cell.

This is the reader who solves the relations as a linear programme (as
τ-ARGUS audits a table). Counts are whole numbers, though, and a reader
rounds: 8 · r ≥ 9 gives r ≥ 2, not 1.125. So a target the cone leaves free
is also bounded relation by relation, each bound rounded in, until the
bounds settle (`_rounded`); one whose bounds meet is pinned as well, and
so is one the cone pins once a rounded bound the true value sits on is a
wall too, and one whose least and greatest real value over all the relations
round to its own (`lp_rounding`; both in `Audit._whole`, when asked for:
`walls`). That finds the pins rounding gives, not every pin an integer
programme could find (the tests' attacker solves them as integers,
`tests/report/backcalc.py`)."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ledelsestilsyn.report.linear import (
    RHS,
    Row,
    add,
    compose,
    echelon,
    holding,
    leaving,
    pivot,
    remainder,
)
from ledelsestilsyn.report.lp_rounding import pinned_by_rounding
from ledelsestilsyn.report.rounding import tighten

if TYPE_CHECKING:
    from ledelsestilsyn.report.suppress import Key, Relation


@dataclass(frozen=True)
class Range:
    """What a reader knows of a hidden cell: at least `low`, at most `high` (None: no limit)."""

    low: int
    high: int | None = None


@dataclass
class _Group:
    """Hidden cells tied together by relations, and the shown cells in those relations.

    Hidden cells are numbered first, shown ones after them, so that solving the
    equations expresses hidden cells by shown ones wherever that is possible.
    """

    cells: list[Key]
    hidden: int
    relations: list[int]
    equations: list[Row] = field(default_factory=list)
    walls: list[Row] = field(default_factory=list)  # g with g·d ≥ 0, over hidden cells
    rows: list[tuple[Row, bool]] = field(default_factory=list)  # each relation, and if `=`


class Audit:
    """The relations of one report and its true values, indexed by cell."""

    def __init__(
        self, relations: Sequence[Relation], values: Mapping[Key, int], *, walls: bool = False
    ) -> None:
        """`walls`: also the cone with the rounded bounds as walls (`_whole`), which costs a
        second look at most groups; `suppress.decide` takes it once the first has settled."""
        self.relations = relations
        self.values = values
        self.walls = walls
        self.links: dict[Key, list[int]] = {}
        for index, relation in enumerate(relations):
            for cell, _ in relation.terms:
                self.links.setdefault(cell, []).append(index)
        self.known: dict[tuple[tuple[Key, Range, bool], ...], dict[Key, list[Key]]] = {}

    def pinned(self, hidden: Mapping[Key, Range], targets: Iterable[Key]) -> list[Key]:
        """The `targets` (cells of `hidden`) that a reader can narrow down to their true value."""
        return [c for c, _ in self.why(hidden, targets)]

    def why(
        self, hidden: Mapping[Key, Range], targets: Iterable[Key]
    ) -> list[tuple[Key, list[Key]]]:
        """Each pinned target with the shown cells that give it away: those of the equation
        that fixes it, or, when bounds take part, every shown cell of its relations."""
        wanted = list(targets)
        asked = set(wanted)  # membership below is tested per cell of every group
        found: dict[Key, list[Key]] = {}
        for cells in self._groups(hidden, wanted):
            key = tuple((c, hidden[c], c in asked) for c in sorted(cells))
            if key not in self.known:
                group = self._group(hidden, cells)
                inside = [i for i, c in enumerate(group.cells[: group.hidden]) if c in asked]
                pivots = echelon(group.equations)
                fixed = _fixed(group, inside, pivots)
                rest = [i for i in inside if i not in fixed]
                whole = self._whole(group, hidden, cells, rest, pivots)
                self.known[key] = {
                    group.cells[i]: [group.cells[k] for k in shown]
                    for i, shown in {**fixed, **whole}.items()
                }
            found.update(self.known[key])
        return [(c, found[c]) for c in wanted if c in found]

    def _whole(
        self,
        group: _Group,
        hidden: Mapping[Key, Range],
        cells: set[Key],
        targets: list[int],
        pivots: dict[int, Row],
    ) -> dict[int, list[int]]:
        """The targets whole numbers pin (`_rounded`), and then those the cone pins once the
        rounded bounds are walls too: from 8 · r ≥ 9, r is at least 2, and where r is 2
        that is a wall no real-number reader has (with r + s ≤ 3 and s at least 1, s is 1);
        last those a sum of relations pins once its optimum is rounded (`lp_rounding`)."""
        if not targets:
            return {}
        low, high = _rounded(group, self.values, hidden, pivots)
        everything = list(range(group.hidden, len(group.cells)))
        whole = {i: everything for i in targets if low[i] == high[i]}
        left = [i for i in targets if i not in whole]
        if not left or not self.walls:
            return whole
        hidden_cells = group.cells[: group.hidden]
        walls = any(
            (value == low[i] != hidden[c].low) or (value == high[i] != hidden[c].high)
            for i, c in enumerate(hidden_cells)
            for value in [self.values[c]]
        )
        if walls:
            rounded = {c: Range(low[i], high[i]) for i, c in enumerate(hidden_cells)}
            whole |= _fixed(self._group(rounded, cells), left, pivots)
        left = [i for i in left if i not in whole]
        if left:
            values = [self.values[c] for c in group.cells]
            pins = pinned_by_rounding(group.rows, group.hidden, pivots, low, high, values, left)
            whole |= {i: everything for i in pins}
        return whole

    def determined(self, hidden: Mapping[Key, Range], targets: Iterable[Key]) -> set[Key]:
        """The `targets` (cells of `hidden`) that the equations alone fix, whatever the
        bounds: a part of what `pinned` finds, for one elimination per group."""
        found: set[Key] = set()
        for cells in self._groups(hidden, targets):
            group = self._group(hidden, cells)
            pivots = echelon(group.equations)
            for i, cell in enumerate(group.cells[: group.hidden]):
                if i in pivots and all(k == i or k >= group.hidden for k in pivots[i]):
                    found.add(cell)
        return found

    def _groups(self, hidden: Mapping[Key, Range], targets: Iterable[Key]) -> Iterator[set[Key]]:
        """The groups of hidden cells (`_cells`) that hold the targets, each once."""
        seen: set[Key] = set()
        for target in targets:
            if target not in seen:
                cells = self._cells(hidden, target)
                seen |= cells
                yield cells

    def _cells(self, hidden: Mapping[Key, Range], start: Key) -> set[Key]:
        """The hidden cells tied to `start` by relations, directly or through others."""
        cells = {start}
        todo = [start]
        while todo:
            for index in self.links.get(todo.pop(), []):
                for cell, _ in self.relations[index].terms:
                    if cell in hidden and cell not in cells:
                        cells.add(cell)
                        todo.append(cell)
        return cells

    def _group(self, hidden: Mapping[Key, Range], cells: set[Key]) -> _Group:
        """The equations and walls of a group of hidden cells."""
        relations = {i for c in cells for i in self.links.get(c, [])}
        shown = {c for i in relations for c, _ in self.relations[i].terms} - cells
        group = _Group([*sorted(cells), *sorted(shown)], len(cells), sorted(relations))
        number = {c: i for i, c in enumerate(group.cells)}
        for cell in group.cells[: group.hidden]:
            known, value = hidden[cell], self.values[cell]
            if value == known.low:
                group.walls.append({number[cell]: 1})
            if value == known.high:
                group.walls.append({number[cell]: -1})
        for index in group.relations:
            relation = self.relations[index]
            row: Row = {}
            for cell, coef in relation.terms:  # a cell named twice: its coefficients add up
                add(row, coef, {number[cell]: 1})
            group.rows.append((row, relation.equal))
            if relation.equal:
                group.equations.append(row)
            elif sum(self.values[cell] * coef for cell, coef in relation.terms) == 0:
                wall = {k: -c for k, c in row.items() if k < group.hidden}
                if wall:
                    group.walls.append(wall)
        return group


def _fixed(group: _Group, targets: list[int], pivots: dict[int, Row]) -> dict[int, list[int]]:
    """The targets no feasible direction moves, each with the shown cells that fix it
    (`pivots`: the equations in echelon form)."""
    scale = math.lcm(*(row[p] for p, row in pivots.items() if p < group.hidden))
    # Each hidden cell's step as a form in the free hidden cells' steps (times `scale`).
    step: dict[int, Row] = {}
    for i in range(group.hidden):
        if i in pivots:
            row, factor = pivots[i], scale // pivots[i][i]
            step[i] = {f: -c * factor for f, c in row.items() if f != i and f < group.hidden}
        else:
            step[i] = {i: scale}
    cone = [r for r in (compose(w, step) for w in group.walls) if r]
    free = sorted({f for row in step.values() for f in row})
    undecided = {i for i in targets if step[i]}
    for f in free:  # a step along one free cell, either way
        for sign in (1, -1):
            if all(sign * row.get(f, 0) >= 0 for row in cone):
                undecided -= {i for i in undecided if f in step[i]}
    if undecided:
        tight = tight_rows(cone)
        if tight is not None:
            span = echelon([cone[k] for k in tight])
            undecided = {i for i in undecided if not remainder(step[i], span)}
    everything = list(range(group.hidden, len(group.cells)))
    return {
        i: sorted(k for k in pivots[i] if k >= group.hidden) if i not in undecided else everything
        for i in targets
        if not step[i] or i in undecided
    }


def _rounded(
    group: _Group, values: Mapping[Key, int], hidden: Mapping[Key, Range], pivots: dict[int, Row]
) -> tuple[list[int], list[int | None]]:
    """The bounds of whole numbers on each cell of the group: where they meet, a target is
    pinned that real numbers do not pin (`_fixed`).

    Counts are whole numbers, and a reader rounds: from 8 · r ≥ 9 (a review answers each
    of a step's 8 questions at most once) r is at least 2, not 1.125, and with r + s = 3
    and s at least 1, s is 1. Each relation bounds each of its hidden cells by the bounds
    of the others, rounded in (a lower bound up, an upper bound down), and a relation is
    looked at again only when a bound in it has moved, until nothing changes (or each
    relation has been looked at `_ROUNDS` times on average). Like the reader's integer
    programme, only tighter bounds than the real ones can come of it, never looser ones, so
    it adds pins and removes none. The bounds are whole numbers throughout, so the
    arithmetic is on integers.

    The relations are taken as they stand and also as the echelon form of the equations
    (`pivots`) gives them: each hidden cell there in the free ones only. A reader who
    substitutes finds what no single relation shows: with N = 21 + k in one question's row,
    b = 9 − 2k from the step's answers and r = 3k − 6 in another row, r between 1 and 4
    makes 3k between 7 and 10, so k is 3."""
    low: list[int] = [
        hidden[c].low if i < group.hidden else values[c] for i, c in enumerate(group.cells)
    ]
    high: list[int | None] = [
        hidden[c].high if i < group.hidden else values[c] for i, c in enumerate(group.cells)
    ]
    rows = [*group.rows, *((row, True) for row in pivots.values())]
    rows_of: dict[int, list[int]] = {}
    for r, (row, _) in enumerate(rows):
        for i in row:
            if i < group.hidden:
                rows_of.setdefault(i, []).append(r)
    todo = deque(range(len(rows)))
    waiting = set(todo)
    budget = _ROUNDS * len(rows)
    while todo and budget:
        budget -= 1
        r = todo.popleft()
        waiting.discard(r)
        for i in tighten(rows[r], group.hidden, low, high):
            for other in rows_of[i]:
                if other != r and other not in waiting:
                    waiting.add(other)
                    todo.append(other)
    return low, high


_ROUNDS = 50


def tight_rows(cone: list[Row]) -> list[int] | None:
    """The cone rows g with g·t = 0 for every t in the cone (None if the search gave up).

    First without a simplex: a step along one free cell, either way, that no row still
    undecided forbids makes each row it raises loose (g·t > 0 for some t). The rows it
    lowers were raised by a step found before, which none before it lowered; so the steps,
    each weighted far more than the next (ε^i, ε small), sum to a direction in the cone that
    keeps every row found loose. Then the rows left undecided alone go to the
    simplex (`_implicit`): a t that keeps them ≥ 0 is in the cone once enough of the steps
    found is added, which leaves them as they are. Most rows are loose, so the simplex is
    small (a probe's half-year committee report did not finish in ten minutes)."""
    column: dict[int, list[int]] = {}
    for k, row in enumerate(cone):
        for f in row:
            column.setdefault(f, []).append(k)
    left = set(range(len(cone)))
    moved = True
    while moved:
        moved = False
        for f, ks in column.items():
            rows = [k for k in ks if k in left]
            for sign in (1, -1):
                raised = {k for k in rows if sign * cone[k][f] > 0}
                if raised and all(sign * cone[k][f] >= 0 for k in rows):
                    left -= raised
                    moved = True
                    break
    rest = sorted(left)
    if not rest:
        return []
    part = [cone[k] for k in rest]
    tight = _implicit(part, sorted({f for row in part for f in row}))
    return None if tight is None else [rest[i] for i in tight]


def _implicit(cone: list[Row], free: list[int]) -> list[int] | None:
    """The cone rows g with g·t = 0 for every t in the cone (None if the search gave up).

    One simplex (exact, sparse, Bland's rule): maximise Σ s_g subject to
    s_g ≤ g·(p − q), s_g ≤ 1, s, p, q ≥ 0, from the origin. Directions add
    up inside a cone, so at the optimum every s_g of a row that can be
    positive is 1 at once; the rows left at 0 are the implicit equations, and
    a cell moves in the cone exactly when its step is not a combination of them.
    After `_PIVOTS` steps the search gives up: every undecided cell then counts
    as pinned, which may hide more than needed but never too little.

    The tableau is kept in whole numbers, each row scaled by its own positive factor
    (a row of equations means the same scaled): a pivot multiplies instead of dividing,
    and each row is divided by its coefficients' gcd, which keeps the numbers small and
    is many times faster than fractions.
    """
    n, m = 2 * len(free), len(cone)
    column = {f: k for k, f in enumerate(free)}
    table: list[Row] = []
    for g, row in enumerate(cone):
        line = {n + g: 1, n + m + g: 1}
        for f, c in row.items():
            line[2 * column[f]], line[2 * column[f] + 1] = -c, c
        table.append(line)
    for g in range(m):
        table.append({n + g: 1, n + 2 * m + g: 1, RHS: 1})
    basis = list(range(n + m, n + 3 * m))
    reduced: Row = {n + g: 1 for g in range(m)}
    rows = holding(table)
    for _ in range(_PIVOTS):
        entering = min((j for j, c in reduced.items() if c > 0 and j != RHS), default=None)
        if entering is None:  # a basic cell's value is its row's right side over its coefficient
            value = {b: table[r].get(RHS, 0) for r, b in enumerate(basis)}
            return [g for g in range(m) if not value.get(n + g)]
        out = leaving(table, rows, entering, basis)
        if out is None:
            return None
        pivot(table, reduced, out, entering, rows)
        basis[out] = entering
    return None


_PIVOTS = 20_000

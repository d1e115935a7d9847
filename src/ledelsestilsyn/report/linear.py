"""Sparse linear algebra in whole numbers for the audit (`audit`): rows, and their reduced
echelon form.

A row is a sparse linear form: unknown's number → integer coefficient. Whole numbers
throughout (each row divided by its coefficients' gcd) keep the arithmetic exact and many
times faster than fractions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

Row = dict[int, int]
"""A sparse linear form with integer coefficients: unknown's number → coefficient."""


def echelon(rows: Iterable[Row]) -> dict[int, Row]:
    """Reduced row echelon form in integers: pivot → its row (pivot > 0, no other pivot in it).

    Each row's pivot is its lowest unknown, and a row is divided by its coefficients' gcd with
    a positive pivot, so the form depends only on what the rows span and on the numbering.
    That leaves the order the rows are taken in free: the shortest first, and of those the
    one with the highest pivot, fill in least (three times faster on a year's report)."""
    pivots: dict[int, Row] = {}
    holding: dict[int, set[int]] = {}  # column → the pivots whose rows hold it
    for original in sorted(rows, key=lambda row: (len(row), -min(row, default=0))):
        row = dict(original)
        for p in [k for k in row if k in pivots]:
            row = combine(pivots[p][p], row, -row[p], pivots[p])
        if not row:
            continue
        p = min(row)
        row = _normal(row, p)
        for q in sorted(holding.pop(p, set())):
            old = pivots[q]
            pivots[q] = _normal(combine(row[p], old, -old[p], row), q)
            for k in old.keys() - pivots[q].keys() - {p}:
                holding[k].discard(q)
            for k in pivots[q].keys() - old.keys():
                holding.setdefault(k, set()).add(q)
        pivots[p] = row
        for k in row:
            if k != p:
                holding.setdefault(k, set()).add(p)
    return pivots


def combine(a: int, row: Row, b: int, other: Row) -> Row:
    """a·row + b·other, without zeros."""
    out = {k: a * c for k, c in row.items()}
    add(out, b, other)
    return out


def add(row: Row, factor: int, other: Row) -> None:
    """row += factor · other, dropping zeros."""
    for k, c in other.items():
        value = row.get(k, 0) + factor * c
        if value:
            row[k] = value
        else:
            row.pop(k, None)


def compose(row: Row, step: Mapping[int, Row]) -> Row:
    """The form `row` with each unknown i replaced by the form `step[i]`."""
    out: Row = {}
    for i, c in row.items():
        add(out, c, step[i])
    return out


def remainder(row: Row, pivots: dict[int, Row]) -> Row:
    """What is left of `row` after taking out the rows of `pivots` (an echelon form)."""
    for p in [k for k in row if k in pivots]:
        row = combine(pivots[p][p], row, -row[p], pivots[p])
    return row


def eliminated(other: Row, col: int, line: Row) -> Row:
    """`other` without `col`, by `line` (whose entry there is positive): other · a − line · f,
    over the gcd; a > 0 keeps the sense of an inequality."""
    out = combine(line[col], other, -other[col], line)
    divisor = math.gcd(*out.values()) if out else 1
    return {k: c // divisor for k, c in out.items()} if divisor > 1 else out


def holding(table: list[Row]) -> dict[int, set[int]]:
    """Column → the rows of `table` that hold it: what `pivot` and `leaving` look at, so that
    neither scans every row (a cone of a year's report has thousands)."""
    found: dict[int, set[int]] = {}
    for r, line in enumerate(table):
        for k in line:
            found.setdefault(k, set()).add(r)
    return found


def pivot(table: list[Row], reduced: Row, row: int, col: int, rows: dict[int, set[int]]) -> None:
    """A simplex pivot in whole numbers: `col` out of every row of `table` but `row` (whose
    entry there is positive), and out of the objective's row `reduced`, by `eliminated`;
    `rows` (`holding`) is kept up to date."""
    line = table[row]
    for r in sorted(rows[col] - {row}):
        old = table[r]
        table[r] = new = eliminated(old, col, line)
        for k in old.keys() - new.keys():
            rows[k].discard(r)
        for k in new.keys() - old.keys():
            rows.setdefault(k, set()).add(r)
    if col in reduced:
        now = eliminated(reduced, col, line)
        reduced.clear()
        reduced.update(now)


def leaving(
    table: list[Row], rows: dict[int, set[int]], entering: int, basis: list[int]
) -> int | None:
    """Bland's ratio test: of the rows with a positive entry in `entering`, the one with the
    least right side (`RHS`) over that entry, the least basic column on a tie (None: no
    row limits it). Compared crosswise in whole numbers."""
    best: int | None = None
    top, bottom = 0, 1
    for r in rows.get(entering, ()):
        line = table[r]
        den = line[entering]
        if den <= 0:
            continue
        num = line.get(RHS, 0)
        if best is None or (num * bottom, basis[r]) < (top * den, basis[best]):
            best, top, bottom = r, num, den
    return best


RHS = -1
"""The column of a tableau's right side."""


def _normal(row: Row, pivot: int) -> Row:
    """The row divided by its coefficients' gcd, with a positive pivot."""
    divisor = math.gcd(*row.values()) * (1 if row[pivot] > 0 else -1)
    return {k: c // divisor for k, c in row.items()}

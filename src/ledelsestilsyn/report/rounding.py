"""Bounds of whole numbers, one relation at a time, for the audit's rounding (`audit._whole`).

A relation Σ c·x = 0 (or ≤ 0) bounds each of its hidden cells by the bounds of the others;
counts are whole numbers, so a lower bound is rounded up and an upper bound down, in
integer arithmetic.
"""

from __future__ import annotations

from collections.abc import Sequence

from ledelsestilsyn.report.linear import Row


def tighten(
    relation: tuple[Row, bool], hidden: int, low: list[int], high: list[int | None]
) -> list[int]:
    """Bound each hidden cell (numbered below `hidden`) of one relation by the others' bounds,
    rounded in; the cells whose bounds moved."""
    row, equal = relation
    moved = []
    sums = _sums(row, low, high)
    for i, coef in row.items():
        if i >= hidden:
            continue
        least, most = _rest(sums, coef, low[i], high[i])  # Σ of the other terms
        # coef·x + rest = 0, or ≤ 0: coef·x ≤ −least, and (equal) coef·x ≥ −most
        below = None if least is None else (-least, coef)
        above = None if most is None or not equal else (-most, coef)
        if coef < 0:
            below, above = above, below
        before = (low[i], high[i])
        if above is not None:
            low[i] = max(low[i], _ceil(*above))
        if below is not None:
            ceiling = high[i]
            high[i] = _floor(*below) if ceiling is None else min(ceiling, _floor(*below))
        if (low[i], high[i]) != before:
            moved.append(i)
            sums = _sums(row, low, high)
    return moved


def _floor(numerator: int, denominator: int) -> int:
    return numerator // denominator


def _ceil(numerator: int, denominator: int) -> int:
    return -(-numerator // denominator)


_Sums = tuple[int, int, int, int]
"""Of a relation's terms: the least Σ c·x over the finite ends and how many ends are
unlimited, then the same for the most."""


def _sums(row: Row, low: Sequence[int], high: Sequence[int | None]) -> _Sums:
    least, least_open, most, most_open = 0, 0, 0, 0
    for k, c in row.items():
        lo, hi = (low[k], high[k]) if c > 0 else (high[k], low[k])
        if lo is None:
            least_open += 1
        else:
            least += c * lo
        if hi is None:
            most_open += 1
        else:
            most += c * hi
    return least, least_open, most, most_open


def _rest(sums: _Sums, coef: int, low: int, high: int | None) -> tuple[int | None, int | None]:
    """The least and the most Σ c·x over a relation's other terms than `coef`·x, with x
    between `low` and `high` (None: no limit)."""
    least, least_open, most, most_open = sums
    lo, hi = (low, high) if coef > 0 else (high, low)
    if lo is None:
        least_open -= 1
    else:
        least -= coef * lo
    if hi is None:
        most_open -= 1
    else:
        most -= coef * hi
    return (least if not least_open else None), (most if not most_open else None)

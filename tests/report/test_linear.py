"""The echelon form the audit solves a group's equations with (`report.linear.echelon`).

The audit reads a hidden cell as fixed by the equations when its row in the form holds no
other hidden cell, so the form must span the equations, be reduced, and depend on nothing but
what the rows span and the numbering of the unknowns: checked here on random integer systems.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from ledelsestilsyn.report.linear import Row, echelon

_ROW = st.dictionaries(st.integers(0, 7), st.integers(-4, 4).filter(bool), min_size=1, max_size=5)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ROW, max_size=8), st.lists(_ROW, max_size=8))
def test_an_earlier_form_stands_for_its_rows(first: list[Row], rest: list[Row]) -> None:
    whole = echelon([*first, *rest])
    assert echelon([*echelon(first).values(), *rest]) == whole
    assert echelon([*rest, *first]) == whole


@settings(max_examples=200, deadline=None)
@given(st.lists(_ROW, min_size=1, max_size=8))
def test_the_form_spans_the_rows_and_is_reduced(rows: list[Row]) -> None:
    pivots = echelon(rows)
    for p, row in pivots.items():
        assert min(row) == p and row[p] > 0
        assert not any(q in row for q in pivots if q != p)
    for row in rows:  # each row is a combination of the form's rows (pivot by pivot)
        rest = {k: Fraction(c) for k, c in row.items()}
        for p, prow in pivots.items():
            if rest.get(p):
                factor = rest[p] / prow[p]
                for k, c in prow.items():
                    rest[k] = rest.get(k, Fraction(0)) - factor * c
        assert not any(rest.values())

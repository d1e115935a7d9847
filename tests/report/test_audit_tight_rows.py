"""`audit.tight_rows`: the cone rows no direction makes positive, found with most rows
decided by steps along one free cell and only the rest given to the simplex. It must find
exactly what the simplex over every row finds (`audit._implicit`), or a hidden cell could be
called free that a reader pins."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ledelsestilsyn.report.audit import _implicit, tight_rows
from ledelsestilsyn.report.linear import Row

_ROW = st.dictionaries(st.integers(0, 5), st.integers(-3, 3).filter(bool), min_size=1, max_size=4)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ROW, min_size=1, max_size=12))
def test_the_same_rows_as_the_simplex_over_every_row(cone: list[Row]) -> None:
    free = sorted({f for row in cone for f in row})
    found, expected = tight_rows(cone), _implicit(cone, free)
    assert expected is not None and found is not None
    assert sorted(found) == sorted(expected)


def test_a_row_and_its_opposite_are_tight_and_the_rest_loose() -> None:
    # t0 ≥ 0 and −t0 ≥ 0 hold only with t0 = 0; t1 − t0 ≥ 0 can be positive (t1 > 0)
    cone: list[Row] = [{0: 1}, {0: -1}, {1: 1, 0: -1}, {1: 2}]
    assert tight_rows(cone) == [0, 1]


def test_rows_a_single_step_cannot_loosen_go_to_the_simplex() -> None:
    # t0 − t1 ≥ 0, t1 − t0 ≥ 0 and t0 + t1 ≥ 0: no step along one cell keeps the first two,
    # yet t0 = t1 = 1 makes the third positive; the first two are tight
    cone: list[Row] = [{0: 1, 1: -1}, {1: 1, 0: -1}, {0: 1, 1: 1}]
    assert tight_rows(cone) == [0, 1]

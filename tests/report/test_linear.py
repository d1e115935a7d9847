"""The echelon form the audit reuses between rounds (`report.linear`, `audit.Audit._reduced`).

Secondary suppression audits a growing group of hidden cells once a round; the audit feeds
the echelon form of the group's equations found in an earlier round, in place of those
equations. That gives the same result only because the form depends on nothing but what the
rows span and the numbering of the unknowns: checked here on random integer systems, and on
the audit itself round by round.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from ledelsestilsyn.report.audit import Audit, Range
from ledelsestilsyn.report.linear import Row, echelon
from ledelsestilsyn.report.suppress import Relation

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


def test_the_audit_finds_the_same_when_it_reuses_an_earlier_round() -> None:
    """A chain of totals c2 = c0 + c1, c4 = c2 + c3, …, the totals hidden one more each
    round: the audit that remembers earlier rounds finds what a fresh audit of each round
    finds, and each hidden total is pinned by the equation that fixes it."""
    cells = [("c", str(i)) for i in range(13)]
    values = {cell: 1 + i % 4 for i, cell in enumerate(cells)}
    values[cells[0]] = 5
    relations: list[Relation] = []
    for i in range(0, 11, 2):
        total, a, b = cells[i + 2], cells[i], cells[i + 1]
        values[total] = values[a] + values[b]
        relations.append(Relation(((total, 1), (a, -1), (b, -1))))
    remembering = Audit(relations, values)
    hidden: dict[tuple[str, ...], Range] = {}
    for i in range(0, 12, 2):
        hidden[cells[i]] = Range(5)
        fresh = Audit(relations, values).why(hidden, list(hidden))
        assert remembering.why(hidden, list(hidden)) == fresh
        # the newest total: from the next total and the part beside it
        assert sorted(dict(fresh)[cells[i]]) == sorted([cells[i + 1], cells[i + 2]])

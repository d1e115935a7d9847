"""A report with the numbers of a report inside it: the half year whose reviews are all the
fourth quarter's, the year after it, a date range of one month.

Its decision is the inner report's, under its own period's label. That is safe: every
number it shows, that report shows already to the same readers, and what it hides is
hidden there; so it tells a reader nothing new, whatever else they have. Deciding it afresh
took minutes on the demo (the half year 96 s, the year 185 s, each auditing the quarter's
numbers again through `a = b` twins with a ledger 2–4 times the size).
"""

from __future__ import annotations

from dataclasses import replace

from ledelsestilsyn.report.disclosure import Disclosure, Key
from ledelsestilsyn.report.suppress import Ledger


def same_numbers(ledger: Ledger, label: str, other: Ledger, other_label: str) -> bool:
    """Whether `ledger` (of the period `label`) publishes exactly what `other` (of
    `other_label`) does, each number under its own period's label: the same cells, values,
    units and relations. Where either names the other's label (a round of the quarter inside
    the half year), they are not the same."""
    if len(ledger.values) != len(other.values) or len(ledger.relations) != len(other.relations):
        return False
    if _names(ledger, other_label) or _names(other, label):
        return False
    return _form(ledger, label) == _form(other, other_label)


def relabelled(rules: Disclosure, label: str, to: str) -> Disclosure:
    """`rules` of the period `label`, for the same numbers of the period `to`."""

    def keys(found: frozenset[Key]) -> frozenset[Key]:
        return frozenset(_key(k, label, to) for k in found)

    return replace(
        rules,
        hidden=keys(rules.hidden),
        published=keys(rules.published),
        small_units=keys(rules.small_units),
        lost=keys(rules.lost),
        small_shares=keys(rules.small_shares),
    )


def _key(key: Key, label: str, to: str) -> Key:
    return tuple(to if part == label else part for part in key)


def _names(ledger: Ledger, label: str) -> bool:
    return any(label in key for key in ledger.values) or any(label in k for k in ledger.units)


_Form = tuple[object, ...]


def _form(ledger: Ledger, label: str) -> _Form:
    """The ledger with `label` written as one placeholder, comparable with another's."""

    def k(key: Key) -> Key:
        return _key(key, label, "\0")

    units = {
        k(key): (tuple(k(c) for c in u.cells), u.small, u.share, u.bound, u.fixed, u.unknown)
        for key, u in ledger.units.items()
    }
    relations = sorted(
        (tuple(sorted((k(cell), coef) for cell, coef in r.terms)), r.equal)
        for r in ledger.relations
    )
    depends = {k(key): sorted(k(s) for s in shares) for key, shares in ledger.depends.items()}
    return (
        ledger.min_count,
        {k(key): value for key, value in ledger.values.items()},
        units,
        relations,
        depends,
        {k(c) for c in ledger.exempt},
        {k(c) for c in ledger.given},
    )

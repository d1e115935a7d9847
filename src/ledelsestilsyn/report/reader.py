"""What a reader of a committee report knows of its hidden cells, and what they can pin.

A hidden cell is known only within its public range (`< 5` is 1–4, `x` at least 5); the
cells no reader may pin are the hidden counts and the small counts behind a share hidden for
being small; `revealed` asks the audit (`audit`, with rounded bounds as walls) which of them
a reader can pin all the same. The bounds a share's interval tells (`at_least_reviews`,
`reviews_behind`) are cells of the share, but nothing to protect in themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledelsestilsyn.report.audit import Audit, Range
from ledelsestilsyn.report.disclosure import Key

if TYPE_CHECKING:
    from ledelsestilsyn.report.suppress import Ledger


def at_least_reviews(key: Key) -> Key:
    """A bound, not a count (`Ledger.per_review`): nothing to protect in itself."""
    return ("at least reviews", *key)


def reviews_behind(key: Key) -> Key:
    """The reviews behind a pooled share (a step's, a team's, a pejlemærke's): its interval
    is Wilson's on them (`Tally.case_interval`), so a reader can work them out. Shown and
    hidden with its share; a shown share has at least `min_count` of them (`Ledger.share`),
    so nothing to protect in itself."""
    return ("reviews behind", *key)


def public_ranges(ledger: Ledger, hidden: set[Key]) -> dict[Key, Range]:
    """What a reader knows of a hidden cell: `< 5` is 1–4, `x` at least 5, a share's counts ≥ 0,
    a count never shown but said to be under 5 (`Ledger.bound`) 0–4."""
    ranges: dict[Key, Range] = {}
    for key in hidden:
        unit = ledger.units[key]
        if unit.share or unit.unknown:
            known = Range(0)
        elif unit.bound:
            known = Range(0, ledger.min_count - 1)
        elif unit.small:
            known = Range(1, ledger.min_count - 1)
        else:
            known = Range(ledger.min_count)
        ranges.update((cell, known) for cell in unit.cells)
    return ranges


def protected(ledger: Ledger, hidden: set[Key]) -> list[Key]:
    """The cells no reader may pin down: every hidden count, and the small counts
    (answers, positive or not positive) behind a share hidden for being small. A share
    hidden only because its row's count is hidden protects nothing of its own."""
    cells: list[Key] = []
    for key in sorted(hidden):
        unit = ledger.units[key]
        if not unit.share and not unit.unknown:
            cells += unit.cells
        elif unit.small or unit.unknown:
            cells += [
                c
                for c in unit.cells
                if ledger.small(ledger.values[c])
                and c not in (reviews_behind(key), at_least_reviews(key))
            ]
    return cells


def revealed(ledger: Ledger, hidden: set[Key]) -> list[Key]:
    """Protected cells a reader can pin to one value (see `audit`), in a fixed order."""
    cells = [c for c in protected(ledger, hidden) if ledger.values[c] != 0]
    audit = Audit(ledger.relations, ledger.values, walls=True)
    return audit.pinned(public_ranges(ledger, hidden), cells)

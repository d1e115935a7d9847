"""The product's own audit (`report.audit`, for `suppress.decide`) reasons with whole
numbers where a reader does: counts are integers, and a bound a reader derives is rounded.

Its cone test treats counts as real numbers; where a relation has a coefficient other
than 1 (a review answers each of a step's 8 questions at most once), a real bound of
1.125 reviews is 2 to a reader, and that can pin a hidden count that the real numbers
leave free. The oracle here is the tests' integer programme (`backcalc_system`, scipy),
which the product never imports.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from backcalc_system import System

from ledelsestilsyn.report.reader import protected, public_ranges, revealed
from ledelsestilsyn.report.suppress import Key, Ledger, decide

Terms = list[tuple[Key, int]]
READER: list[tuple[Terms, bool]] = [
    ([(("answered", "step share", "t", "s"), 1), (("template cases", "t"), -8)], False),
    ([(("answered", "team step share", "t", "B", "s"), 1), (("team cases", "t", "B"), -8)], False),
]
"""What the reader knows of a step of 8 questions, as `backcalc` does: a review answers
each at most once, so its answers are at most 8 times the reviews."""


def integer_revealed(
    ledger: Ledger, hidden: set[Key], reader: Sequence[tuple[Terms, bool]] = ()
) -> list[Key]:
    """The protected cells a reader pins with whole numbers: every cell of the ledger, the
    shown ones exact, the hidden ones in their public range, every relation, and what the
    `reader` knows besides (`READER`)."""
    system = System(ledger.min_count)
    ranges = public_ranges(ledger, hidden)
    for cell, value in ledger.values.items():
        known = ranges.get(cell)
        if known is None:
            system.var(str(cell), value, value)
        else:
            system.var(str(cell), known.low, math.inf if known.high is None else known.high)
    for relation in ledger.relations:
        system.relate([(str(c), k) for c, k in relation.terms], equal=relation.equal)
    for terms, equal in reader:
        system.relate([(str(c), k) for c, k in terms], equal=equal)
    targets = [c for c in protected(ledger, hidden) if ledger.values[c] != 0]
    system.hidden = {str(c): "x" for c in targets}
    found = system.revealed()
    return [c for c in targets if str(c) in found]


def teams_ledger() -> Ledger:
    """Template t: 9 cases, Team A 6 (shown), B 2 and C 1 (`< 5`). B's share on a step of
    8 questions is hidden with B's count, but its 9 answers are the template's (shown): so
    B has at least ⌈9 / 8⌉ = 2 reviews, C at most 9 − 6 − 2 = 1, and both are pinned."""
    ledger = Ledger(5)
    a = ledger.count(("team cases", "t", "A"), 6)
    b = ledger.count(("team cases", "t", "B"), 2)
    c = ledger.count(("team cases", "t", "C"), 1)
    total = ledger.count(("template cases", "t"), 9)
    ledger.total(total, [a, b, c])
    step = ledger.share(("step share", "t", "s"), 9, 9, [9])
    mine = ledger.share(("team step share", "t", "B", "s"), 9, 9, [9])
    ledger.total(("answered", *step), [("answered", *mine)])
    ledger.total(("positive", *step), [("positive", *mine)])
    ledger.per_review(step, 8, total)
    ledger.per_review(mine, 8, b)
    ledger.hide_with(b, [mine])
    return ledger


def test_a_bound_rounded_up_to_whole_reviews_pins_nothing_hidden() -> None:
    ledger = teams_ledger()
    rules = decide(ledger, active=True)
    assert ("team cases", "t", "B") in rules.hidden and ("team cases", "t", "C") in rules.hidden
    assert integer_revealed(ledger, set(rules.hidden), READER) == []
    assert revealed(ledger, set(rules.hidden)) == []


def test_the_audit_rounds_as_a_reader_does() -> None:
    """With only B and C hidden, the real numbers leave C between 1 and 1.875; the audit
    says it is pinned, as the integer programme does."""
    ledger = teams_ledger()
    hidden = {
        ("team cases", "t", "B"),
        ("team cases", "t", "C"),
        ("team step share", "t", "B", "s"),
    }
    assert set(integer_revealed(ledger, hidden, READER)) == {
        ("team cases", "t", "B"),
        ("team cases", "t", "C"),
    }
    assert set(revealed(ledger, hidden)) == set(integer_revealed(ledger, hidden, READER))


def test_a_relation_that_names_a_cell_twice_says_nothing_of_it() -> None:
    """A step's questions have one total: each is written equal to the first, the first
    too (q₁ = q₁). Read as a row keyed by cell, that was −q₁ = 0, so the audit took q₁ (shown
    `< 5`, at least 1) for 0, its bounds crossed and ran off (a report of three months took
    more than ten minutes), and a share's answers under q₁ looked pinned at 0."""
    ledger = Ledger(5)
    first = ledger.count(("question total", "t", "s", "q1"), 1)
    ledger.total(first, [first])
    share = ledger.share(("question share", "t", "s", "q2"), 1, 1, [1])
    ledger.at_most([("answered", *share)], [first])
    hidden = {first, share}
    assert integer_revealed(ledger, hidden, READER) == []
    assert revealed(ledger, hidden) == []

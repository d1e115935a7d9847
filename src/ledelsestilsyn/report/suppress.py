"""Disclosure control for the committee version (`--modtager udvalg`), decided once per report.

Every number a committee report publishes, in any table and any format (md,
html, csv, xlsx), is a cell of one `Ledger`. The ledger also holds what a reader
knows about how the cells hang together: totals (`total = Σ parts`), the
same count in two tables (`a = b`), and bounds (`reviews ≥ cases`). A share is
a *unit* of two cells, its numerator and its denominator: with the share and
its Wilson interval, a reader can work out both, so a shown share publishes
both counts. A pooled share's interval is on the reviews behind it, not the
answers, and so also tells how many reviews there are (`reviews_behind`).

`decide` hides, as Danmarks Statistik practises it:

- primary: a count of 1 to `min_count - 1` (shown `< 5`), and a share over
  fewer than `min_count` answers or with a small part (shown `–`);
- dependent: a share in a row whose count is hidden (no share on a
  suppressed count);
- secondary: then, as long as a reader could narrow a hidden cell down to one
  value from what is shown (`audit`: all relations of the report at once,
  solved as a linear programme), one more unit among those that give it
  away is hidden (shown `x` or `–`): the one that takes the fewest others
  with it, a share before a count, the least linked, the smallest.

Zero is never hidden: it reveals no one. A cell hidden in one table is
hidden in every table: each number has one key, and the same count in two
tables (`a = b`) is hidden in both (its *twins*). New tables take part
by adding their cells and relations to the ledger (see `published`) and
reading `Disclosure.count` / `Disclosure.shows`. For leaders (`leder`)
nothing is hidden.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ledelsestilsyn.report.disclosure import Disclosure as Disclosure
from ledelsestilsyn.report.disclosure import Key as Key
from ledelsestilsyn.report.reader import at_least_reviews, reviews_behind
from ledelsestilsyn.report.secondary import Secondary


@dataclass(frozen=True)
class Relation:
    """Σ coefficient·cell = 0 (`equal`) or ≤ 0, over integer cells."""

    terms: tuple[tuple[Key, int], ...]
    equal: bool = True


@dataclass
class Unit:
    """What is shown or hidden as one: a count, or a share (numerator and denominator)."""

    cells: tuple[Key, ...]
    small: bool
    share: bool
    bound: bool = False
    """Never shown: the reader knows only that it is under `min_count` (see `Ledger.bound`)."""
    fixed: bool | None = None
    """Decided by another report the same readers have (`overlap`): shown (True) or hidden
    (False) there, whatever this report does."""
    unknown: bool = False
    """Not published by that other report at all: a reader knows only that it is at least 0."""


@dataclass
class Ledger:
    """Every published count of one report, and the relations a reader can use."""

    min_count: int
    values: dict[Key, int] = field(default_factory=dict)
    units: dict[Key, Unit] = field(default_factory=dict)
    unit_of: dict[Key, Key] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    depends: dict[Key, list[Key]] = field(default_factory=dict)
    exempt: set[Key] = field(default_factory=set)
    """Cells of another report that its own figures already give away: not this report's to
    protect, since nothing it hides can undo that (`overlap`)."""
    from_concept: set[Key] = field(default_factory=set)
    """Counts a reader knows from the concept (`known`): where a table has one, it reads
    `< 5` when small (a round drawing 4), never `x`, which stands for at least `min_count`."""
    given: set[Key] = field(default_factory=set)
    """This report's units that the other reports give away whatever it hides: hidden only
    when nothing else protects a cell (`overlap`)."""

    def small(self, value: int) -> bool:
        return 0 < value < self.min_count

    def count(self, key: Key, value: int) -> Key:
        """A count shown on its own (a table cell). Adding the same key twice is one cell."""
        if key not in self.units:
            self._unit(key, {key: value}, small=self.small(value), share=False)
        return key

    def bound(self, key: Key, value: int) -> Key:
        """A count never shown, but said to be under `min_count` ("no team has 5 cases with the
        template"): hidden from the start, known to be 0 to `min_count - 1`, protected."""
        if key not in self.units:
            self._unit(key, {key: value}, small=False, share=False)
            self.units[key].bound = True
        return key

    def known(self, key: Key, value: int) -> Key:
        """A count a reader knows from the concept (the calibration's extra files, the cases a
        round draws: 6 drawn, all 6 counted, a question's `x` ja and `< 5` nej are 5 and 1, a
        probe): shown, as it were, and not this report's to protect."""
        if key not in self.units:
            self._unit(key, {key: value}, small=self.small(value), share=False)
            self.units[key].fixed = True
            self.exempt.add(key)
            self.from_concept.add(key)
        return key

    def unpublished(self, key: Key, value: int) -> Key:
        """A count no table shows, that a reader can still tie to those shown (a round's cases,
        to one who knows the annual plan): hidden from the start and at least 0. Not itself
        protected: it protects the shown and hidden counts it is tied to by staying unknown
        (a round's cases are protected where they are shown, as the month's series' cases)."""
        if key not in self.units:
            self._unit(key, {key: value}, small=False, share=False)
            self.units[key].fixed, self.units[key].unknown = False, True
            self.exempt.add(key)
        return key

    def share(
        self,
        key: Key,
        positive: int,
        answered: int,
        parts: Sequence[int],
        reviews: int | None = None,
        cases: int | None = None,
    ) -> Key:
        """A share positive/answered; `parts` are its non-neutral answer counts.
        `reviews`: the reviews behind a pooled share, which its interval tells (`reviews_behind`).
        `cases`: the reviewed cases behind it, where no count says so (a month inside the
        report's period): fewer than the smallest count make it small, as in `share_ok`."""
        if key not in self.units:
            few = cases is not None and cases < self.min_count
            small = few or answered < self.min_count or any(self.small(p) for p in parts)
            cells = {
                numerator(key): positive,
                denominator(key): answered,
                remainder(key): answered - positive,
            }
            if reviews is not None:
                cells[reviews_behind(key)] = reviews
            self._unit(key, cells, small=small, share=True)
            self.total(denominator(key), [numerator(key), remainder(key)])
        return key

    def per_review(self, key: Key, questions: int, reviews: Key) -> None:
        """A review answers each of a share's `questions` once: ⌈answers / questions⌉ reviews at
        least gave them (57 answers to 8 questions: 8), at most `reviews`. That bound is a
        cell of the share (`at_least_reviews`), shown with it; hidden, a reader still knows
        `answers ≤ questions · it`, and rounds it up (`audit`)."""
        least = at_least_reviews(key)
        if key in self.units and least not in self.values:
            self.values[least] = -(-self.values[denominator(key)] // questions)
            self.units[key].cells += (least,)
            self.unit_of[least] = key
        self.at_most([least], [reviews])
        self.at_most([reviews_behind(key)], [reviews])
        self.relate([(denominator(key), 1), (least, -questions)], equal=False)

    def _unit(self, key: Key, cells: dict[Key, int], *, small: bool, share: bool) -> None:
        self.values.update(cells)
        self.units[key] = Unit(tuple(cells), small, share)
        for cell in cells:
            self.unit_of[cell] = key

    def total(self, total: Key, parts: Iterable[Key]) -> None:
        """`total = Σ parts`, added only when it holds (a false relation tells a reader nothing)."""
        self.relate([(total, 1), *((p, -1) for p in parts)], equal=True)

    def at_most(self, smaller: Iterable[Key], larger: Iterable[Key]) -> None:
        """`Σ smaller ≤ Σ larger`, added only when it holds."""
        self.relate([*((s, 1) for s in smaller), *((g, -1) for g in larger)], equal=False)

    def relate(self, terms: Sequence[tuple[Key, int]], *, equal: bool) -> None:
        """Σ c·cell = 0 (`equal`) or ≤ 0, added only when it holds. A cell named twice counts
        once with its coefficients added (a step's first question equal to itself says
        nothing), so that each relation has each cell once (`audit` reads it as a row)."""
        merged: dict[Key, int] = {}
        for key, coef in terms:
            merged[key] = merged.get(key, 0) + coef
        terms = [(k, c) for k, c in merged.items() if c]
        if any(k not in self.values for k, _ in terms) or len(terms) < 2:
            return
        value = sum(self.values[k] * c for k, c in terms)
        if value == 0 or (not equal and value < 0):
            self.relations.append(Relation(tuple(terms), equal))

    def hide_with(self, count: Key, shares: Iterable[Key]) -> None:
        """No share on a suppressed count: `shares` are hidden whenever `count` is."""
        self.depends.setdefault(count, []).extend(shares)


def numerator(key: Key) -> Key:
    return ("positive", *key)


def denominator(key: Key) -> Key:
    return ("answered", *key)


def remainder(key: Key) -> Key:
    """The answers of a share that are not positive (nej, or lav and nogen grad)."""
    return ("not positive", *key)


class Memo(Protocol):
    """Decisions made before, kept between runs (`decision_memo`)."""

    def recall(self, ledger: Ledger, start: set[Key]) -> tuple[set[Key], set[Key]] | None:
        """The hidden units and the cells given up on, decided before for `ledger` from the
        units hidden at the `start`; None when not known."""

    def remember(self, ledger: Ledger, start: set[Key], hidden: set[Key], lost: set[Key]) -> None:
        """Keep a decision for `recall`."""


def decide(
    ledger: Ledger, *, active: bool, withheld: Collection[Key] = (), memo: Memo | None = None
) -> Disclosure:
    """Hide small cells, the shares that depend on them, `withheld` units (hidden for a rule of
    the audience's own), and what would give any of them away. `memo`: decisions made before,
    each used only when it still protects every cell (`Secondary.holds`)."""
    if not active:
        return Disclosure(ledger.min_count)
    own = {k: u for k, u in ledger.units.items() if u.fixed is None}
    primary = {k for k, u in own.items() if u.small or u.bound}
    primary |= {k for k, u in ledger.units.items() if u.fixed is False}
    start = primary | (set(withheld) & own.keys())
    secondary = Secondary(ledger)
    recalled = memo.recall(ledger, start) if memo is not None else None
    if recalled is not None and secondary.holds(*recalled, start):
        hidden = recalled[0]
    else:
        hidden = secondary.hide(start)
        if memo is not None:
            memo.remember(ledger, start, hidden, secondary.lost)
    small = frozenset(k for k, u in own.items() if u.small and not u.share)
    small |= {k for k in ledger.from_concept if ledger.units[k].small}
    small_shares = frozenset(k for k, u in own.items() if u.small and u.share)
    units = frozenset(k for k, u in own.items() if not u.bound)
    return Disclosure(
        ledger.min_count,
        True,
        frozenset(hidden & own.keys()),
        units,
        small,
        frozenset(secondary.lost),
        small_shares=small_shares,
    )

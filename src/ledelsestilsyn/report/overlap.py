"""The other reports the same readers may have of days inside this report's period.

A committee that gets the monthly reports and the quarter's can subtract: the quarter's
7 nej less October's 6 and November's 0 is December's hidden 1. So a report's one decision
(`suppress.decide`) takes in the report of each month, quarter and half year inside its
period (`periods.parts_inside`), as that report was decided by itself, which is never
changed here: what it shows, a reader knows; what it hides must stay hidden; what it leaves
out (a summarised step's questions, the team tables) a reader knows only to be at least 0.
A period's counts are the sums of the counts of the parts that cover it, where that holds (a
case reviewed in two months counts once in the quarter: then at most the sum).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from ledelsestilsyn.core.periods import Period, tiled_by, whole_months
from ledelsestilsyn.report.audit import Audit
from ledelsestilsyn.report.published import step_share
from ledelsestilsyn.report.reader import protected, public_ranges
from ledelsestilsyn.report.suppress import Disclosure, Key, Ledger, Relation, Unit

_BOUNDS = ("at least reviews", "at most reviews")
"""Cells that bound a count rather than count something: they do not add up over periods."""
_SHARE_CELLS = ("positive", "answered", "not positive")


@dataclass
class Inner:
    """Another report of a period inside this one: every number it could publish (`ledger`,
    with the team tables and every question row), each unit fixed as its `rules` decided."""

    period: Period
    ledger: Ledger
    rules: Disclosure
    rounds: tuple[str, ...] = ()
    """The quarters, half years and years that are rounds of their own in it (`Report.
    long_rounds`)."""
    same: dict[Key, Key] = field(default_factory=dict)
    """Cells left out for their twin (`_one_of_twins`)."""
    exempt: set[Key] = field(default_factory=set)
    """Its hidden cells that its own figures give away (its decision gave up on them, or a
    summarised step's only question is the step): nothing another report hides protects
    them, so they are not its to protect."""

    def __post_init__(self) -> None:
        for key, unit in self.ledger.units.items():
            if unit.bound:
                unit.fixed = False
            elif unit.fixed:  # known to every reader (`Ledger.known`)
                continue
            elif self.rules.publishes(key):
                unit.fixed = self.rules.shows(key)
            else:
                unit.fixed, unit.unknown = False, True
        units, values = self.ledger.units, self.ledger.values
        hidden = {k for k, u in units.items() if u.fixed is False}
        targets = [c for c in protected(self.ledger, hidden) if values[c] != 0]
        audit = Audit(self.ledger.relations, values)
        self.exempt = set(audit.pinned(public_ranges(self.ledger, hidden), targets))
        self.same = _one_of_twins(self.ledger)

    def cell(self, key: Key) -> Key | None:
        """The cell that stands for `key` here (itself, or its twin), None if there is none."""
        key = self.same.get(key, key)
        return key if key in self.ledger.values else None


def _one_of_twins(ledger: Ledger) -> dict[Key, Key]:
    """Drop each hidden count that another hidden count of the same kind equals (`a = b`: the
    CSV's row and the table's cell, when a template has one series): the same unknown twice
    tells a reader nothing more, and each one more makes the audit's groups larger. Returns
    each dropped cell's twin; the relations name the twin instead."""
    units = ledger.units
    parent: dict[Key, Key] = {}

    def root(cell: Key) -> Key:
        while cell in parent:
            cell = parent[cell]
        return cell

    for relation in ledger.relations:
        if not relation.equal or sorted(c for _, c in relation.terms) != [-1, 1]:
            continue
        (a, _), (b, _) = relation.terms
        ua, ub = units[ledger.unit_of[a]], units[ledger.unit_of[b]]
        alike = (ua.small, ua.bound, ua.unknown, ua.share) == (
            ub.small,
            ub.bound,
            ub.unknown,
            ub.share,
        )
        if alike and ua.fixed is False and ub.fixed is False and not ua.share:
            a, b = sorted((root(a), root(b)))
            if a != b:
                parent[b] = a
    same = {cell: root(cell) for cell in parent}
    for cell in same:
        del ledger.units[ledger.unit_of.pop(cell)], ledger.values[cell]
    relations = []
    for relation in ledger.relations:
        merged: dict[Key, int] = {}
        for key, coef in relation.terms:
            merged[same.get(key, key)] = merged.get(same.get(key, key), 0) + coef
        terms = tuple((k, c) for k, c in merged.items() if c)
        if len(terms) > 1:
            relations.append(Relation(terms, relation.equal))
    ledger.relations = relations
    return same


def merge(
    ledger: Ledger,
    period: Period,
    inner: Sequence[Inner],
    given: Collection[Key] = (),
    rounds: Sequence[str] = (),
) -> None:
    """Add the `inner` reports' numbers to `ledger`, the one of the report for `period`, and
    the sums that tie each period to the parts that cover it (the quarter to its months, and
    a half year to its quarters as well as to its months; a date range, this one or an
    earlier one, by the whole months it counts, `whole_months`). `given`: this report's units
    that they give away whatever it hides (`given_away`); `rounds`: its rounds that are a
    quarter, a half year or a year (`Report.long_rounds`)."""
    own = list(ledger.values)
    for other in inner:
        _add(ledger, other)
    wholes = [
        (whole_months(period), (), own, tuple(rounds)),
        *(
            (whole_months(o.period), _prefix(o.period), list(o.ledger.values), o.rounds)
            for o in inner
        ),
    ]
    kinds = sorted({o.period.kind for o in inner} - {"interval"})  # a range tiles nothing
    sums = []
    for whole, prefix, cells, held in wholes:
        for kind in kinds:
            parts = [o for o in inner if o.period.kind == kind and _within(o.period, whole)]
            if parts and tiled_by(whole, kind):
                extra = tuple(sorted(set(held) - {r for o in parts for r in o.rounds}))
                sums.append((whole, prefix, extra, cells, parts))
    # a whole beyond whose parts lies one round first (the quarter and its round): it gives
    # that round's counts, which a whole holding two of them adds up
    for whole, prefix, extra, cells, parts in sorted(sums, key=lambda s: len(s[2])):
        _sums(ledger, (whole, prefix, extra), cells, parts)
    ledger.given |= set(given) & ledger.units.keys()


def given_away(ledger: Ledger) -> set[Key]:
    """This report's units that a reader works out from the other reports alone, whatever
    this one hides (`ledger`: merged, with every table): hidden last, since hiding them
    protects nothing from that reader and only takes a number from the reader (the cases
    drawn in the quarter are the months' 13 + 13 + 7); this report must still hold by
    itself, for a reader who has only it. Worked out once per report, with everything of
    its own hidden, from the equations alone (`Audit.determined`): what bounds and rounding
    would add is left to be hidden, which is safe and only costs a number now and then."""
    units, values = ledger.units, ledger.values
    zero = {
        k
        for k, u in units.items()
        if u.fixed is None and not (u.share or u.bound) and not values[k]
    }
    hidden = {k for k, u in units.items() if u.fixed is not True} - zero  # zero: always shown
    own = [c for k, u in units.items() if u.fixed is None and k not in zero for c in u.cells]
    audit = Audit(ledger.relations, ledger.values)
    pinned = audit.determined(public_ranges(ledger, hidden), own)
    return {k for k, u in units.items() if u.fixed is None and all(c in pinned for c in u.cells)}


def _within(part: Period, whole: Period) -> bool:
    return part != whole and whole.start <= part.start and part.end <= whole.end


def _prefix(period: Period) -> Key:
    return ("report", period.label)


def _add(ledger: Ledger, other: Inner) -> None:
    prefix = _prefix(other.period)
    for key, unit in other.ledger.units.items():
        cells = tuple(prefix + c for c in unit.cells)
        ledger.units[prefix + key] = Unit(
            cells, unit.small, unit.share, unit.bound, unit.fixed, unit.unknown
        )
        for cell in unit.cells:
            ledger.unit_of[prefix + cell] = prefix + key
            ledger.values[prefix + cell] = other.ledger.values[cell]
    for relation in other.ledger.relations:
        terms = tuple((prefix + k, c) for k, c in relation.terms)
        ledger.relations.append(Relation(terms, relation.equal))
    ledger.exempt |= {prefix + other.same.get(c, c) for c in other.exempt}
    ledger.exempt |= {prefix + c for c in other.ledger.exempt}


def _sums(
    ledger: Ledger,
    of: tuple[Period, Key, tuple[str, ...]],
    cells: Sequence[Key],
    parts: Sequence[Inner],
) -> None:
    """Each count of the whole (`of`: its period, its cells' prefix, and the rounds that are a
    quarter, a half year or a year it holds and its parts do not) is the sum of its `parts`'
    same count and those rounds' (`_rounds_parts`), where that holds, and otherwise at most
    that sum (a case in two of them counts once in the whole), or at least its parts'."""
    whole, prefix, extra = of
    for cell in cells:
        if cell[0] in _BOUNDS:
            continue
        terms = []
        for part in parts:
            key = _in_part(cell, whole, part.period)
            found = None if key is None else part.cell(key)
            if found is not None:
                terms.append(_prefix(part.period) + found)
        if not terms:
            continue
        before = len(ledger.relations)
        ledger.total(prefix + cell, terms)
        if len(ledger.relations) == before and extra and cell[0] != "trend share":
            ledger.total(
                prefix + cell, [*terms, *_rounds_parts(ledger, prefix + cell, terms, extra, cell)]
            )
        if len(ledger.relations) == before:
            ledger.at_most([prefix + cell], terms)
        if len(ledger.relations) == before:
            ledger.at_most(terms, [prefix + cell])


def _rounds_parts(
    ledger: Ledger, total: Key, terms: Sequence[Key], rounds: tuple[str, ...], cell: Key
) -> list[Key]:
    """The count `cell` of each of the `rounds` that are a quarter, a half year or a year
    (counted in the whole, in none of its parts): one unknown per round, the same in every
    whole that holds it, so that a date range less the quarter is September when the
    quarter's round counts in both, and a range less two quarters when it holds both rounds
    (probes). A reader knows it only to be at least 0; it is no published count, so nothing
    protects it (`Ledger.exempt`). A round's value is the whole's less its parts' (and less
    the other rounds' known already) the first time it is the one round unknown; where
    another whole's differs, its sum does not hold and is not added. Rounds that never stand
    alone so are one unknown together; a negative difference (a case counted once in the
    whole, in a part and a round) gives no unknown, and the sum is not added."""
    tail = _unlabelled(cell)
    keys: list[Key] = [("round", r, *tail) for r in rounds]
    missing = [k for k in keys if k not in ledger.values]
    if len(missing) > 1:
        keys = [("rounds", " ".join(rounds), *tail)]
        missing = [k for k in keys if k not in ledger.values]
    for key in missing:
        known = sum(ledger.values[k] for k in keys if k != key)
        value = ledger.values[total] - sum(ledger.values[t] for t in terms) - known
        if value < 0:  # a case counted once in the whole, twice in its parts: no such sum
            break
        ledger.values[key] = value
        ledger.units[key] = Unit((key,), small=False, share=False, fixed=False, unknown=True)
        ledger.unit_of[key] = key
        ledger.exempt.add(key)
    return keys


def _unlabelled(cell: Key) -> Key:
    """`cell` without the period a tidy row names (the same count in every report)."""
    if cell[0] in _SHARE_CELLS:
        return (cell[0], *_unlabelled(cell[1:]))
    if cell[0] == "tidy":
        return ("tidy", *cell[2:])
    return cell


def _in_part(cell: Key, whole: Period, part: Period) -> Key | None:
    """The key of `cell` (a number of the report for `whole`) in the report for `part`: the
    same key, but a trend point is the part's own step share, and the tidy table's rows name
    their report's period; None when the part's report has no such number."""
    if cell[0] in _SHARE_CELLS:
        inner = _in_part(cell[1:], whole, part)
        return None if inner is None else (cell[0], *inner)
    if cell[0] == "trend share":
        _, ref, label, step = cell
        return step_share(ref, step) if label == part.label else None
    if cell[0] == "tidy" and cell[1] == whole.label:
        return ("tidy", part.label, *cell[2:])
    return cell

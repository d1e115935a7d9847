"""Secondary suppression (`suppress.decide`): one more unit hidden at a time, until no hidden
cell can be pinned; and the check that a decision made before still holds (`holds`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledelsestilsyn.report.audit import Audit
from ledelsestilsyn.report.reader import protected, public_ranges

if TYPE_CHECKING:
    from ledelsestilsyn.report.suppress import Key, Ledger


class Secondary:
    """Secondary suppression: one more unit at a time, until nothing hidden is pinned."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        audit = Audit(ledger.relations, ledger.values)
        walls = Audit(ledger.relations, ledger.values, walls=True)
        self.audits: list[tuple[Audit, set[Key]]] = [(audit, set()), (walls, set())]
        """Each audit with the cells it found free: hidden only grows, and a reader who knows
        less can pin no more, so a cell once free stays free and is not asked about again."""
        self.links = audit.links
        self.lost: set[Key] = set()
        """Hidden cells nothing could protect (see `hide`)."""
        self.twins: dict[Key, list[Key]] = {}
        for relation in ledger.relations:  # `a = b`: the same count in two tables
            if relation.equal and sorted(c for _, c in relation.terms) == [-1, 1]:
                (a, _), (b, _) = relation.terms
                pair = (ledger.units[ledger.unit_of[a]], ledger.units[ledger.unit_of[b]])
                if not any(u.share or u.bound or u.unknown for u in pair):
                    self.twins.setdefault(a, []).append(b)
                    self.twins.setdefault(b, []).append(a)

    def hide(self, primary: set[Key]) -> set[Key]:
        """`primary` and what protects it: while a hidden cell can be pinned, hide the best
        of the shown units that give it away (see `candidates`), one per round, or in a
        ledger of more than `_ONE_BY_ONE` units one per pinned cell (`protectors`). A cell
        that nothing can protect (nothing shown around it but zeros, and a zero is never
        hidden) is given up on, and the others are still protected."""
        hidden = self.closed(primary)
        many = len(self.ledger.units) > _ONE_BY_ONE
        while exposed := self.exposed(hidden):
            units = self.protectors(hidden, exposed) if many else self.protector(hidden, exposed)
            if not units:
                break
            hidden = self.closed(hidden | units)
        return hidden

    def holds(self, hidden: set[Key], lost: set[Key], start: set[Key]) -> bool:
        """Whether a decision made before (`hidden`, and `lost`: the cells it gave up on)
        protects this ledger as `hide` from `start` would: it hides what `start` and each
        unit it hides take with them, no cell but those given up on can be pinned (the audit
        `hide` ends with), and nothing is left to hide around those. Then `lost` is taken
        over. A decision that does not hold is made again: one from a cache edited by hand
        may hide more than needed, never show what must be hidden.

        The check leaves nothing behind when it fails: the cells its audit found free are free
        under `hidden`, not under the smaller sets `hide` starts from (a probe: a kept decision
        with one more cell given up failed the check, and the decision made again took every
        cell for free and hid nothing but the small ones)."""
        ledger = self.ledger
        if not (hidden <= ledger.units.keys() and lost <= ledger.values.keys()):
            return False
        if self.closed(hidden | start) != hidden:
            return False
        self.lost = set(lost)
        if self.exposed(hidden) or not self._barren(hidden, lost):
            self.lost = set()
            for _, free in self.audits:
                free.clear()
            return False
        return True

    def _barren(self, hidden: set[Key], cells: set[Key]) -> bool:
        """Whether no shown unit could protect any of `cells` (`candidates`). A search that
        finds none has passed every hidden cell tied to the cell, for each of which a search
        would find none as well."""
        passed: set[Key] = set()
        for cell in cells:
            if cell in passed:
                continue
            found, seen = self._near(hidden, cell)
            if found:
                return False
            passed |= seen
        return True

    def exposed(self, hidden: set[Key]) -> list[tuple[Key, list[Key]]]:
        """The pinned cells, each with what gives it away: by the audit, and once it finds
        none, by the audit that also takes rounded bounds as walls (slower, so once)."""
        ranges, targets = public_ranges(self.ledger, hidden), self.targets(hidden)
        for audit, free in self.audits:
            asked = [c for c in targets if c not in free]
            found = audit.why(ranges, asked)
            if found:
                free.update(set(asked) - {c for c, _ in found})
                return found
            free.update(asked)
        return []

    def protector(self, hidden: set[Key], exposed: list[tuple[Key, list[Key]]]) -> set[Key]:
        """The unit to hide for the first pinned cell that a unit can protect (none: an empty
        set); the cells before it are given up on (`lost`). Those take no new audit: what is
        hidden is the same, and whether a cell is pinned does not depend on which others are
        asked about."""
        for cell, shown in exposed:
            unit = self._best(hidden, cell, shown)
            if unit is not None:
                return {unit}
            self.lost.add(cell)
        return set()

    def protectors(self, hidden: set[Key], exposed: list[tuple[Key, list[Key]]]) -> set[Key]:
        """`protector` for each pinned cell at once, but not for a cell whose giveaway holds a
        unit chosen already (hiding that may protect it too: the next audit tells). One unit
        per round took a probe's committee report of seven months (29 reviews) past ten
        minutes, each round an audit of the same thousands of relations; this may hide a
        little more than one at a time would, never less than it must."""
        chosen: set[Key] = set()
        for cell, shown in exposed:
            if {self.ledger.unit_of[c] for c in shown} & chosen:
                continue
            unit = self._best(hidden, cell, shown)
            if unit is not None:
                chosen.add(unit)
            else:
                self.lost.add(cell)
        return chosen

    def _best(self, hidden: set[Key], cell: Key, shown: list[Key]) -> Key | None:
        """The best unit to hide for a pinned `cell`: of those that give it away, else of
        those near it (`candidates`); None when no unit can protect it."""
        units = {self.ledger.unit_of[c] for c in shown if self.hideable(c)}
        ranked = sorted(units, key=lambda u: self.rank(hidden, u, 0))
        ranked = ranked or self.candidates(hidden, cell)
        return ranked[0] if ranked else None

    def targets(self, hidden: set[Key]) -> list[Key]:
        """The protected cells but those given up on (`lost`); with `mindste_antal: 2`,
        `< 2` says 1 by itself: the concept's choice, which hiding more cannot undo."""
        ledger = self.ledger
        return [
            c
            for c in protected(ledger, hidden)
            if ledger.values[c] != 0
            and (ledger.min_count > 2 or ledger.units[ledger.unit_of[c]].share)
            and c not in ledger.exempt
            and c not in self.lost
        ]

    def hideable(self, cell: Key) -> bool:
        """A zero count is never hidden (it reveals no one, and `x` says at least 5); nor is
        what another report decided (`Unit.fixed`)."""
        unit = self.ledger.units[self.ledger.unit_of[cell]]
        return unit.fixed is None and (unit.share or self.ledger.values[cell] != 0)

    def closed(self, hidden: set[Key]) -> set[Key]:
        """`hidden` with the shares on each hidden count, and each hidden count's twins."""
        hidden = set(hidden)
        todo = list(hidden)
        while todo:
            unit = todo.pop()
            for other in [*self.ledger.depends.get(unit, []), *self.twins.get(unit, [])]:
                known = self.ledger.units.get(other)
                if known is not None and known.fixed is None and other not in hidden:
                    hidden.add(other)
                    todo.append(other)
        return hidden

    def candidates(self, hidden: set[Key], cell: Key) -> list[Key]:
        """The shown units that could protect `cell`, best first.

        The leak may run through other hidden cells (a hidden count, a hidden
        share's denominator, then a shown total), so shown units up to `_REACH`
        relations away are candidates, or further if none is that near. Best is
        the one that hides the fewest units with it (its twins and shares), then
        a share before a count, the nearest, the one in the fewest relations,
        the smallest.
        """
        found, _ = self._near(hidden, cell)
        return sorted(found, key=lambda u: self.rank(hidden, u, found[u]))

    def _near(self, hidden: set[Key], cell: Key) -> tuple[dict[Key, int], set[Key]]:
        """The shown units `candidates` takes, each with its distance, and the hidden cells
        passed on the way: where no unit is found, every hidden cell tied to `cell`."""
        ledger = self.ledger
        found: dict[Key, int] = {}
        seen = {cell}
        read: set[int] = set()  # a relation met again, further away, adds nothing
        frontier = [cell]
        distance = 0
        while frontier and (distance < _REACH or not found):
            following: list[Key] = []
            for current in frontier:
                for index in self.links.get(current, []):
                    if index in read:
                        continue
                    read.add(index)
                    for other, _ in ledger.relations[index].terms:
                        unit = ledger.unit_of[other]
                        if unit in hidden:
                            if other not in seen:
                                seen.add(other)
                                following.append(other)
                        elif unit not in found and self.hideable(other):
                            found[unit] = distance
            frontier = following
            distance += 1
        return found, seen

    def rank(
        self, hidden: set[Key], unit: Key, distance: int
    ) -> tuple[bool, int, bool, int, int, int, Key]:
        """Last of all, a unit the other reports give away (`Ledger.given`): hiding it
        protects nothing from their readers, only from a reader of this report alone."""
        cells = self.ledger.units[unit].cells
        return (
            unit in self.ledger.given,
            len(self.closed({unit}) - hidden),
            not self.ledger.units[unit].share,
            distance,
            sum(len(self.links.get(c, [])) for c in cells),
            max(self.ledger.values[c] for c in cells),
            unit,
        )


_REACH = 3
_ONE_BY_ONE = 2000
"""Above this many units a ledger is protected several units per round (`protectors`): a
quarter's committee report has up to about 1,500, a half-year's 4,000."""

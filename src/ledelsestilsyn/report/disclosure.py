"""What the renderers read of the one suppression decision (`suppress.decide`): is a number
shown, and a count's text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ledelsestilsyn.core.words import number

SECONDARY = "x"
Key = tuple[str, ...]


@dataclass(frozen=True)
class Disclosure:
    """What the renderers read: is a unit shown, and a count's text."""

    min_count: int = 5
    active: bool = False
    hidden: frozenset[Key] = frozenset()
    published: frozenset[Key] = frozenset()
    small_units: frozenset[Key] = frozenset()
    lost: frozenset[Key] = frozenset()
    """Hidden cells that stay pinned, and nothing shown is left to hide: by the public bounds
    alone (`x` at least 5, `< 5` at most 4), or by zeros (never hidden) with the reports of
    the periods inside this one."""
    teams: bool = True
    """False when the team tables were left out to protect a hidden count (`view`)."""
    small_shares: frozenset[Key] = frozenset()
    """Shares hidden by the primary rule (few answers, or a small part)."""
    summarised: frozenset[tuple[str, str]] = frozenset()
    """Steps, (template ref, step id), whose question rows were left out so that the step's
    own share could be shown, or because they would give a number away together with the
    reports of the periods inside this one (`decision.disclosure_for`)."""

    @property
    def complete(self) -> bool:
        """Whether every hidden cell is protected (nothing `lost`)."""
        return not self.lost

    def lost_steps(self) -> set[tuple[str, str]]:
        """The steps whose question rows hold a `lost` cell: a question's count, its share's
        counts, or a count of the tidy table (keys as `published` makes them)."""
        found = set()
        for cell in self.lost:
            if cell[:1] and cell[0] in ("positive", "answered", "not positive"):
                cell = cell[1:]
            if cell[:1] and cell[0] in ("answer", "question total", "question share"):
                found.add((cell[1], cell[2]))
            elif cell[:1] == ("tidy",):
                found.add((cell[3], cell[4]))
        return found

    def publishes(self, key: Key) -> bool:
        """Is `key` part of the report at all (a table may be left out as a whole)?"""
        return not self.active or key in self.published

    def shows(self, key: Key) -> bool:
        """Is the unit `key` shown? A unit the ledger does not know is not, for the committee."""
        return not self.active or (key in self.published and key not in self.hidden)

    def count(self, key: Key, value: int) -> str:
        """A count as text: `< 5` when small, `x` when hidden to protect another cell."""
        if self.shows(key):
            return number(value)
        return f"< {self.min_count}" if key in self.small_units else SECONDARY

    def floor(self, key: Key) -> int | None:
        """The least a reader knows the count `key` to be: None when it is shown (known
        exactly), 0 when it is not published, 1 for `< 5`, `min_count` for `x` (a hidden
        count is never 0)."""
        if self.shows(key):
            return None
        if not self.publishes(key):
            return 0
        return 1 if key in self.small_units else self.min_count

    def share_ok(self, answered: int, parts: Sequence[int], cases: int) -> bool:
        """The primary rule alone, for shares of other periods, whose counts are not published:
        also on the `cases` behind them, as for the report's own period (a template with fewer
        than `min_count` cases is not shown), since a step pools many answers per case."""
        if not self.active:
            return answered > 0
        small = any(0 < p < self.min_count for p in parts)
        return answered >= self.min_count and cases >= self.min_count and not small


def audience_name(audience: str) -> str:
    """An aggregate audience as a message names it (`udvalg`: udvalget, else afdelingen)."""
    return "udvalget" if audience == "udvalg" else "afdelingen"

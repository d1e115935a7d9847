"""What the committee's and the department's reports hide, kept between runs
(`.tilsyn/skjulte-tal.json`).

Deciding what a year's report hides takes the better part of a minute (hundreds of rounds,
each an audit), and the same decisions are made again and again: the report as pdf for the
agenda after md to read, the quarter after its months, the year after its quarters. A
decision depends on the report's ledger alone (`suppress.decide`), so it is kept under a
digest of the ledger, and used again only when it still protects every cell
(`secondary.Secondary.holds`: one audit instead of hundreds). A cache edited by hand can
then at most hide more than needed, never show a hidden number; deleting it is always safe.

Kept as positions in the ledger's units and cells (`ledger_digest`): the file holds no team's
or step's name, and nothing the output gate would read as a number.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.io.entry_cache import EntryCache
from ledelsestilsyn.io.stamped_json import code_stamp, write_stamped
from ledelsestilsyn.report.ledger_digest import digest, members, positions
from ledelsestilsyn.report.suppress import Key, Ledger

FORMAT = 1
KEPT = 300
"""Decisions kept: a year's reports of both audiences, made a few times over, and more."""
CODE_FILES = (
    "report/suppress.py",
    "report/secondary.py",
    "report/audit.py",
    "report/linear.py",
    "report/rounding.py",
    "report/lp_rounding.py",
    "report/reader.py",
    "report/decision_memo.py",
    "report/ledger_digest.py",
)
"""The modules whose code decides what is hidden: a change in any makes the cache stale."""


@dataclass
class DecisionMemo(EntryCache):
    """The decisions made before (`suppress.Memo`)."""

    tool: str = field(default_factory=lambda: code_stamp(CODE_FILES))

    @property
    def stamp(self) -> dict[str, Any]:
        return {"format": FORMAT, "tool": self.tool}

    def recall(self, ledger: Ledger, start: set[Key]) -> tuple[set[Key], set[Key]] | None:
        key = digest(ledger, start)
        raw = self.used.get(key, self.entries.get(key))
        if not isinstance(raw, dict):
            return None
        try:
            hidden = members(sorted(ledger.units), raw["skjult"])
            lost = members(sorted(ledger.values), raw["opgivet"])
        except (KeyError, TypeError, ValueError, IndexError):
            return None
        self.used[key] = raw
        return hidden, lost

    def remember(self, ledger: Ledger, start: set[Key], hidden: set[Key], lost: set[Key]) -> None:
        self.used[digest(ledger, start)] = {
            "skjult": positions(sorted(ledger.units), hidden),
            "opgivet": positions(sorted(ledger.values), lost),
        }
        self.changed = True

    def save(self) -> None:
        """This run's decisions, and as many of the others as `KEPT` allows: the last written
        (the file keeps them in the order they were written, this run's last)."""
        others = [d for d in self.entries if d not in self.used]
        room = max(0, KEPT - len(self.used))
        kept = {d: self.entries[d] for d in others[len(others) - room :]} if room else {}
        if not self.changed and len(kept) + len(self.used) == len(self.entries):
            return
        with contextlib.suppress(OSError, TilsynError):  # unwritten, the next run is slower
            write_stamped(self.path, self.stamp, {"entries": {**kept, **self.used}})

"""Who does a correction in a letter, and whom the caseworker tells when it is done.

`påmind` reminds the leader of a correction until its date is written under `udført:` in
the review, a file the caseworker does not keep; so the letter names the leader to tell.
SBST: tell the caseworkers "hvordan I som ledelse vil håndtere det, hvis I finder fejl".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.review.analysis import CorrectionEntry


def does_it(entry: CorrectionEntry, caseworker: str | None) -> bool:
    """The case's caseworker puts the correction right (an empty `ansvarlig` says so)."""
    who = " ".join(entry.responsible.split()).casefold()
    return not who or who == " ".join((caseworker or "").split()).casefold()


def tell_whom(records: Iterable[ReviewRecord], name: str, leaders: Mapping[str, str]) -> str:
    """Whom the caseworker tells that a correction of theirs is done: the leader `påmind`
    reminds of it (the team's under `påmindelse: ledere`, else the reviewer), for only the
    date under `udført:` in the review stops the reminders; "" when nothing is open."""
    found: list[str] = []
    for r in records:
        if any(c.done is None and does_it(c, name) for c in r.corrections):
            leader = leaders.get(r.team or "") or r.reviewer or "din leder"
            if leader not in found:
                found.append(leader)
    return " eller ".join(found)

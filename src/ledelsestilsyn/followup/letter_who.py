"""Who does a correction in a letter, and whom the caseworker tells when it is done.

`påmind` reminds the leader of a correction until its date is written under `udført:` in
the review, a file the caseworker does not keep; so the letter names the leader to tell.
SBST: tell the caseworkers "hvordan I som ledelse vil håndtere det, hvis I finder fejl".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ledelsestilsyn.core.names import same_person
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.review.analysis import CorrectionEntry
from ledelsestilsyn.schedule.corrections import team_leader


def does_it(entry: CorrectionEntry, caseworker: str | None) -> bool:
    """`caseworker` puts the correction right: an empty `ansvarlig` is the case's own, and
    a name counts in either order and case aside (`Holm, Anna` is Anna Holm)."""
    who = entry.responsible.strip()
    return not who or (caseworker is not None and same_person(who, caseworker))


def assigned(record: ReviewRecord, name: str) -> bool:
    """Whether a colleague's review has a correction not done that names `name` under
    `ansvarlig` (not the case's own caseworker, whose letter has it anyway)."""
    if record.caseworker is not None and same_person(record.caseworker, name):
        return False
    return any(
        c.done is None and c.responsible.strip() and does_it(c, name) for c in record.corrections
    )


def assignees(records: Iterable[ReviewRecord], known: Iterable[str]) -> set[str]:
    """The caseworkers of `known` (as the manifests spell them) that `assigned` finds in
    `records`: each gets a letter with those corrections."""
    reviews = [r for r in records if any(c.done is None for c in r.corrections)]
    return {name for name in known if any(assigned(r, name) for r in reviews)}


def tell_whom(records: Iterable[ReviewRecord], name: str, leaders: Mapping[str, str]) -> str:
    """Whom the caseworker tells that a correction of theirs is done: the leader `påmind`
    reminds of it (the team's under `påmindelse: ledere`, else the reviewer), for only the
    date under `udført:` in the review stops the reminders; "" when nothing is open."""
    found: list[str] = []
    for r in records:
        for c in r.corrections:
            if c.done is None and does_it(c, name):
                leader = team_leader(leaders, r.team or "") or c.by or r.reviewer or "din leder"
                if leader not in found:
                    found.append(leader)
    return " eller ".join(found)

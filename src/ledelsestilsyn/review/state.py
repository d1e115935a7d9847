"""The states a review file can be in: the one list, shared by valider, rapport and påmind.

A `StrEnum`, so a state compares equal to its Danish text: the reminder cache
stores the text, and the schedule compares plain strings against these. The
order is the order reminders list them in. This module imports nothing, so the
cron fast path can use it.
"""

from __future__ import annotations

from enum import StrEnum


class ReviewState(StrEnum):
    NOT_STARTED = "ikke påbegyndt"
    PARTIAL = "delvist udfyldt"
    INVALID = "ugyldig"
    COMPLETE = "færdig"


# The plural of each state, for counts ("2 ugyldige"); "ikke påbegyndt" does not change.
_PLURAL: dict[str, str] = {
    ReviewState.NOT_STARTED: "ikke påbegyndt",
    ReviewState.PARTIAL: "delvist udfyldte",
    ReviewState.INVALID: "ugyldige",
    ReviewState.COMPLETE: "færdige",
}


def counted(state: str, n: int) -> str:
    """`n` reviews in `state`, as Danish: "1 ugyldig", "2 ugyldige"."""
    from ledelsestilsyn.core.words import count

    return count(n, state, _PLURAL.get(state, state))


NOT_THE_ROUNDS = frozenset({"G036", "G066", "G067"})
"""A review that is not its round's review of the case: a copy beside it (G036), one outside its
round's folder (G066), or in a folder that is not the round's own (G067). Nothing in it counts,
its corrections neither: in the report as in `påmind` and the letters (found by probe Q: a
copy's overdue correction was in the report only)."""

"""One side (before or after) of a tiltag's target, counted case by case.

A step or a pejlemærke pools several questions per case, and the answers in one
case file (one caseworker, one reviewer) hang together: 2 cases with 8 answers
each are not 16 independent observations. So a side counts its cases, and its
interval is Wilson's on an effective number of answers: the answers divided by
the design effect (Kish) that the spread between the cases shows, never more
than the answers and never fewer than the cases. With one question per case
(a question target) that is the plain Wilson interval.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from ledelsestilsyn.report.aggregate import Scale
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.report.stats import (
    CaseSums,
    Interval,
    effective_size,
    share,
    wilson_share,
)

Key = tuple[str, str]
"""(step id, question id), as in `ReviewRecord.answers`."""


@dataclass(frozen=True)
class Side:
    """Per case with at least one non-neutral answer on the target: (positive, answered)."""

    per_case: tuple[tuple[int, int], ...] = ()

    @property
    def cases(self) -> int:
        return len(self.per_case)

    @property
    def positive(self) -> int:
        return sum(p for p, _ in self.per_case)

    @property
    def answered(self) -> int:
        return sum(n for _, n in self.per_case)

    @property
    def share(self) -> float | None:
        return share(self.positive, self.answered)

    @property
    def interval(self) -> Interval | None:
        value = self.share
        return (
            None
            if value is None
            else wilson_share(value, effective_size(CaseSums.of_pairs(self.per_case)))
        )


def side(
    records: Sequence[ReviewRecord], keys: Collection[Key], scales: Mapping[Key, Scale]
) -> Side:
    """The target's answers in `records`, one entry per case that answered it."""
    found = []
    for record in records:
        positive = answered = 0
        for key in keys:
            given = record.answers.get(key)
            if given is None or given[0] in scales[key].neutral:
                continue
            answered += 1
            positive += given[0] in scales[key].positive
        if answered:
            found.append((positive, answered))
    return Side(tuple(found))


def answered_keys(
    records: Sequence[ReviewRecord], keys: Collection[Key], scales: Mapping[Key, Scale]
) -> set[Key]:
    """The target's questions with at least one non-neutral answer in `records`."""
    return {
        key
        for record in records
        for key in keys
        if (given := record.answers.get(key)) is not None and given[0] not in scales[key].neutral
    }


@dataclass(frozen=True)
class PeriodAnswers:
    """A target's non-neutral answers in one period (a round) on either side of a tiltag:
    the committee is given a verdict only where every such round could be shown itself
    (`report.department.rounds_publishable`)."""

    period: str
    answered: int
    parts: tuple[int, ...]
    """The count of each non-neutral answer (ja, nej; or høj, nogen, lav grad)."""
    cases: int


def rounds(
    records: Sequence[ReviewRecord], keys: Collection[Key], scales: Mapping[Key, Scale]
) -> tuple[PeriodAnswers, ...]:
    """The target's answers in `records`, period by period (only periods with an answer)."""
    counts: dict[str, dict[str, int]] = {}
    cases: dict[str, int] = {}
    for record in records:
        given = [
            found[0]
            for key in keys
            if (found := record.answers.get(key)) is not None
            and found[0] not in scales[key].neutral
        ]
        if given:
            mine = counts.setdefault(record.period, {})
            for answer in given:
                mine[answer] = mine.get(answer, 0) + 1
            cases[record.period] = cases.get(record.period, 0) + 1
    return tuple(
        PeriodAnswers(period, sum(found.values()), tuple(sorted(found.values())), cases[period])
        for period, found in sorted(counts.items())
    )

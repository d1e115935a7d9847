"""Overdue corrections (`rettelse` in a review) for `påmind`: whose leader hears of which.

A correction is overdue when it has a deadline, no done-date, and the deadline
has passed. The reminder goes to the responsible person's leader: the leader
the concept names for the case's team (`påmindelse: ledere`), else the leader
who did the review. It names the case, the question id, the responsible
person and the deadline, never the comment or the text of the correction.

Imported on the cron fast path: plain data only, no pydantic or YAML.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ledelsestilsyn.review.validate import ReviewResult


@dataclass(frozen=True)
class CorrectionInfo:
    """An open correction with a deadline, as the schedule keeps it (no free text)."""

    case_id: str
    question: str
    deadline: date
    responsible: str
    team: str
    reviewer: str
    written: date | None = None
    """An `udført` written but not taken as done (`CorrectionEntry.written`)."""
    reviewed: date | None = None
    """The review's `dato`: a deadline before it is a slip (G051), not a correction late."""

    def to_json(self) -> list[str]:
        return [
            self.case_id,
            self.question,
            self.deadline.isoformat(),
            self.responsible,
            self.team,
            self.reviewer,
            self.written.isoformat() if self.written else "",
            self.reviewed.isoformat() if self.reviewed else "",
        ]

    @classmethod
    def from_json(cls, raw: list[Any]) -> CorrectionInfo:
        case_id, question, deadline, responsible, team, reviewer, written, reviewed = raw
        day = date.fromisoformat(deadline)
        done = date.fromisoformat(written) if written else None
        review = date.fromisoformat(reviewed) if reviewed else None
        return cls(case_id, question, day, responsible, team, reviewer, done, review)


def open_corrections(result: ReviewResult, case_id: str) -> list[list[str]]:
    """A checked review's open corrections with a deadline, as JSON for the påmind cache."""
    return [
        CorrectionInfo(
            case_id,
            c.question,
            c.deadline,
            c.responsible or result.caseworker or "",
            result.team or "",
            result.reviewer or "",
            c.written,
            result.review_date,
        ).to_json()
        for c in result.corrections
        if c.deadline is not None and c.done is None
    ]


@dataclass(frozen=True)
class OverdueCorrection:
    info: CorrectionInfo
    days_late: int

    def leader(self, leaders: Mapping[str, str]) -> str:
        """The concept's leader for the case's team, else the leader who did the review."""
        return team_leader(leaders, self.info.team) or self.info.reviewer

    def key(self) -> str:
        """Stable identity for the sent log: one reminder per correction and deadline."""
        i = self.info
        return "|".join(("rettelse", i.case_id, i.question, i.deadline.isoformat()))


def team_leader(leaders: Mapping[str, str], team: str) -> str | None:
    """The leader `påmindelse: ledere` names for `team`, the team written in any case and
    spacing (`team  syd` is `Team Syd`): one written as a person writes it was passed over,
    and the reminders went to the reviewer instead."""
    wanted = " ".join(team.split()).casefold()
    return next((v for k, v in leaders.items() if " ".join(k.split()).casefold() == wanted), None)


def overdue(corrections: Iterable[CorrectionInfo], today: date) -> tuple[OverdueCorrection, ...]:
    """The corrections past their deadline on `today`, oldest deadline first."""
    late = [
        OverdueCorrection(c, (today - c.deadline).days) for c in corrections if c.deadline < today
    ]
    late.sort(key=lambda o: (o.info.deadline, o.info.case_id, o.info.question))
    return tuple(late)


def describe_correction(item: OverdueCorrection) -> str:
    from ledelsestilsyn.report.formats import long_date

    i = item.info
    text = (
        f"{i.case_id}, {i.question}: rettelse, ansvarlig {i.responsible or 'sagens rådgiver'}, "
        f"frist {long_date(i.deadline)}"
    )
    if i.reviewed is not None and i.deadline < i.reviewed:  # a slip in the year (G051)
        text += f", før gennemgangen den {long_date(i.reviewed)}: ret datoen."
    else:
        text += f" ({item.days_late} dag{'e' if item.days_late > 1 else ''} for sent)."
    if i.written:  # a date is there, only not one it can be: asking for it would puzzle
        today = i.deadline + timedelta(days=item.days_late)
        why = "som ikke er nået" if i.written > today else "før gennemgangen"
        text += f" 'udført:' er sat til {long_date(i.written)}, {why}: ret datoen."
    return text

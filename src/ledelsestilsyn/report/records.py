"""Plain review records for the statistics, built from the validator's results.

`aggregate` works on `ReviewRecord`s only, so it can be tested without files.
Only complete reviews become records; every other review in the selection is
an `Excluded` with the reason, listed in the report and on stderr.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol

from ledelsestilsyn.core.diagnostics import Diagnostic, TilsynError
from ledelsestilsyn.core.periods import Period, calendar_round, counted_in, parse_period
from ledelsestilsyn.review.analysis import CorrectionEntry, missing_parts
from ledelsestilsyn.review.state import NOT_THE_ROUNDS, ReviewState


class ReviewLike(Protocol):
    """The fields of `review.validate.ReviewResult` the report reads."""

    @property
    def display(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def series(self) -> str | None: ...
    @property
    def period(self) -> str | None: ...
    @property
    def template_ref(self) -> str | None: ...
    @property
    def case_id(self) -> str | None: ...
    @property
    def caseworker(self) -> str | None: ...
    @property
    def team(self) -> str | None: ...
    @property
    def reviewer(self) -> str | None: ...
    @property
    def review_date(self) -> date | None: ...
    @property
    def review_no(self) -> int | None: ...
    @property
    def answers(self) -> Mapping[str, Mapping[str, tuple[str | None, str]]]: ...
    @property
    def diagnostics(self) -> Sequence[Diagnostic]: ...
    @property
    def corrections(self) -> Sequence[CorrectionEntry]: ...
    @property
    def consent(self) -> bool: ...
    @property
    def checked(self) -> bool: ...


UNKNOWN_TEAM = "uoplyst"
"""The team of a review whose case has none (the same name in every table and rule by team)."""


@dataclass(frozen=True)
class ReviewRecord:
    """One complete review: who, when, and each answer with its comment."""

    series: str
    template: str
    period: str
    period_start: date
    case_id: str
    caseworker: str | None = None
    team: str | None = None
    reviewer: str | None = None
    review_no: int = 1
    answers: Mapping[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    corrections: tuple[CorrectionEntry, ...] = ()
    consent: bool = False
    """The caseworker agreed to the case's comments as examples for the department."""
    checked: bool = True
    """`caseworker` and `team` were checked against the sample's manifest. Without one they
    are typed by hand and may hold anything (a child's name): `unchecked_anonymous` drops them
    where they would be shown beyond the leader (reports by team, letters)."""
    period_end: date | None = None
    """The last day of the round's period (None: as `period_start`'s month)."""

    def counts_in(self, period: Period) -> bool:
        return counted_in(self.period_start, self.period_end, period)

    def counts_by(self, day: date) -> bool:
        """Whether it counts in a period that ends on `day` (`counted_in`): a quarter's round
        not in October's tiltag figures, which the quarter scores with niveau 1's reviews."""
        if calendar_round(self.period_start, self.period_end):
            return self.period_end is not None and self.period_end <= day
        return self.period_start.replace(day=1) <= day


def unchecked_anonymous(record: ReviewRecord) -> ReviewRecord:
    """`record` without the caseworker and team of a header no manifest has checked."""
    return record if record.checked else replace(record, caseworker=None, team=None)


@dataclass(frozen=True)
class Excluded:
    """A review left out of the figures, and why."""

    display: str
    reason: str
    period_start: date | None = None
    open_corrections: int = 0
    """Corrections in it not done yet: real work in the case that no letter tells of."""
    caseworker: str | None = None
    """The case's caseworker, as the sample's manifest names it (None when not checked)."""
    period_end: date | None = None

    def counts_in(self, period: Period) -> bool:
        """Whether it belongs to `period` (one with no period of its own belongs to every)."""
        return self.period_start is None or counted_in(self.period_start, self.period_end, period)


def period_span(label: str | None, fallback: date | None) -> tuple[date | None, date | None]:
    """First and last day of a review's period label, else its date twice."""
    if label:
        try:
            period = parse_period(label)
            return period.start, period.end
        except TilsynError:
            pass
    return fallback, fallback


def to_record(result: ReviewLike, *, unfinished: bool = False) -> ReviewRecord | None:
    """A record for a complete review with all header fields, else None; with `unfinished`,
    for a review that is not complete (only its corrections are used), else None."""
    start, end = period_span(result.period, result.review_date)
    if (
        (result.state == ReviewState.COMPLETE) == unfinished
        or start is None
        or not (result.series and result.template_ref and result.case_id)
    ):
        return None
    answers = {
        (step, question): (answer, comment)
        for step, questions in result.answers.items()
        for question, (answer, comment) in questions.items()
        if answer is not None
    }
    return ReviewRecord(
        series=result.series,
        template=result.template_ref,
        period=result.period or start.isoformat(),
        period_start=start,
        period_end=end,
        case_id=result.case_id,
        caseworker=result.caseworker or None,
        team=result.team or None,
        reviewer=result.reviewer or None,
        review_no=result.review_no or 1,
        answers=answers,
        corrections=tuple(result.corrections),
        consent=result.consent,
        checked=result.checked,
    )


def exclusion_reason(result: ReviewLike) -> str:
    """Why a review is not counted, in Danish, without quoting its content."""
    missing = sum(
        answer is None for questions in result.answers.values() for answer, _ in questions.values()
    )
    total = sum(len(questions) for questions in result.answers.values())
    if result.state == ReviewState.INVALID:
        count = sum(d.is_error for d in result.diagnostics)  # as 'valider' counts them
        return f"ugyldig ({count} fejl; kør 'tilsyn valider' for detaljer)"
    if result.state == "ikke påbegyndt":
        return "ikke påbegyndt"
    parts = [f"{missing} af {total} spørgsmål mangler svar"] if total and missing else []
    parts += missing_parts(result.diagnostics, unanswered=not parts)
    if parts:
        return f"{result.state} ({', '.join(parts)})"
    return f"{result.state} (hoved eller svar mangler; kør 'tilsyn valider')"


@dataclass
class Selection:
    records: list[ReviewRecord]
    excluded: list[Excluded]
    unfinished: list[ReviewRecord]
    """Reviews not complete that ask for corrections: those corrections are real work in the
    cases (påmind follows them up), so the report lists them too; nothing else is counted."""


def select(results: Iterable[ReviewLike], series: str | None) -> Selection:
    """Split results into counted records and excluded ones (all periods; `build` picks).

    Records from every period are kept, because the report compares with the
    previous period, the baseline and the trend.
    """
    records: list[ReviewRecord] = []
    excluded: list[Excluded] = []
    unfinished: list[ReviewRecord] = []
    for result in results:
        if series is not None and result.series != series:
            continue
        record = to_record(result)
        if record is not None:
            records.append(record)
            continue
        start, end = period_span(result.period, result.review_date)
        still_open = sum(c.done is None for c in result.corrections)
        reason = exclusion_reason(result)
        caseworker = result.caseworker if result.checked else None
        excluded.append(Excluded(result.display, reason, start, still_open, caseworker, end))
        elsewhere = any(d.code in NOT_THE_ROUNDS for d in result.diagnostics)
        asks = result.corrections and not elsewhere
        open_record = to_record(result, unfinished=True) if asks else None
        if open_record is not None:
            unfinished.append(open_record)
    excluded.sort(key=lambda e: e.display)
    return Selection(records, excluded, unfinished)

"""Corrections in the reviewed cases (`rettelse` under an answer), as the report shows them.

Which corrections: every one recorded in a review of the report's period, and, in
the leaders' report, every one from an earlier round that was still open when the
period began: it is still the leader's business. One done before the period began
belongs to the earlier reports; counted again in every later one, a year's monthly
reports would count it twelve times. The committee's and the department's counts
are of the period's own reviews only (`carried=False`): a correction counted in
two reports that are not inside each other (October's, still open, in November's)
ties them, and November's hidden `< 5` done was its 7 less October's 6 overdue.
Status is as of the day the report is
made: `udført` when a done-date is written, else `overskredet` when the
deadline has passed, else `åben`.

Leaders get the open ones listed per team (per responsible person with
`--rådgivere`), each with its question and hjemmel; the committee gets the
counts per status only, hidden by the report's one decision (`published`), so
that they are held against the reports of the periods inside this one and
recorded with its other numbers (`issued`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ledelsestilsyn.core.periods import Period
from ledelsestilsyn.core.words import count
from ledelsestilsyn.models.template import Question, Template
from ledelsestilsyn.report.disclosure import Disclosure
from ledelsestilsyn.report.formats import long_date
from ledelsestilsyn.report.records import UNKNOWN_TEAM, ReviewRecord
from ledelsestilsyn.report.suppress import Key, Ledger
from ledelsestilsyn.review.analysis import CorrectionEntry

DONE = "udført"
OVERDUE = "overskredet"
OPEN = "åben"
STATUSES: tuple[str, ...] = (DONE, OPEN, OVERDUE)
_PLURAL = {OPEN: "åbne", OVERDUE: "overskredne"}
"""A status after a count but 1 (`3 åbne`, a probe: `3 åben`); `udført` is both."""
CASEWORKER = "sagens rådgiver"


@dataclass(frozen=True)
class TrackedCorrection:
    case_id: str
    team: str
    responsible: str
    question_id: str
    question_text: str
    legal_basis: str
    action: str
    deadline: date | None
    status: str
    days_late: int = 0


def key(status: str | None = None) -> Key:
    """The count of corrections with `status` (all of them: None) in the report's ledger."""
    return ("correction",) if status is None else ("correction", status)


def status_of(deadline: date | None, done: date | None, today: date) -> tuple[str, int]:
    """(status, days past the deadline) as of `today`."""
    if done is not None:
        return DONE, 0
    if deadline is not None and deadline < today:
        return OVERDUE, (today - deadline).days
    return OPEN, 0


def _questions(template: Template) -> dict[str, tuple[int, Question]]:
    """Each question by id, with its place in the template."""
    asked = template.questions_by_id()
    return {qid: (place, q) for place, (qid, q) in enumerate(asked.items())}


def collect(
    records: Sequence[ReviewRecord],
    templates: dict[str, Template],
    period: Period,
    today: date,
    *,
    carried: bool,
) -> list[TrackedCorrection]:
    """The period's corrections and (`carried`) those still open when it began, sorted by team,
    case and the question's place in its template (not as text: intentioner-2 before
    intentioner-10)."""
    found: list[tuple[tuple[str, str, int, str], TrackedCorrection]] = []
    by_template = {ref: _questions(t) for ref, t in templates.items()}
    for record, entry in _counted(records, period, carried=carried):
        questions = by_template.get(record.template, {})
        place, question = questions.get(entry.question, (len(questions), None))
        status, late = status_of(entry.deadline, entry.done, today)
        correction = TrackedCorrection(
            case_id=record.case_id,
            team=record.team or UNKNOWN_TEAM,
            responsible=entry.responsible or record.caseworker or CASEWORKER,
            question_id=entry.question,
            question_text=question.text if question else "",
            legal_basis=question.legal_basis if question else "",
            action=entry.action,
            deadline=entry.deadline,
            status=status,
            days_late=late,
        )
        found.append(((correction.team, record.case_id, place, entry.question), correction))
    found.sort(key=lambda item: item[0])
    return [correction for _, correction in found]


def status_counts(
    records: Sequence[ReviewRecord], period: Period, today: date, *, carried: bool
) -> dict[str, int]:
    """How many of the corrections `collect` finds have each status (none: empty)."""
    counts = dict.fromkeys(STATUSES, 0)
    for _, entry in _counted(records, period, carried=carried):
        counts[status_of(entry.deadline, entry.done, today)[0]] += 1
    return counts if any(counts.values()) else {}


def add_counts(ledger: Ledger, counts: Mapping[str, int]) -> None:
    """The counts per status and in all, into the report's ledger (`published.ledger_for`): a
    table tied to no other, but a period's counts add up over the periods inside it
    (`overlap`), as the other counts do."""
    if counts:
        parts = [ledger.count(key(status), n) for status, n in counts.items()]
        ledger.count(key(), sum(counts.values()))
        ledger.total(key(), parts)


def _counted(
    records: Sequence[ReviewRecord], period: Period, *, carried: bool
) -> Iterator[tuple[ReviewRecord, CorrectionEntry]]:
    """The period's corrections and (`carried`) those of earlier rounds not done before it
    began."""
    for record in records:
        earlier = record.period_start < period.start
        if not (record.counts_in(period) or (carried and earlier)):
            continue
        for entry in record.corrections:
            if earlier and entry.done and entry.done < period.start:
                continue  # done before the period: an earlier report's
            yield record, entry


@dataclass
class CorrectionRow:
    case_id: str
    question_id: str
    question_text: str
    legal_basis: str
    action: str
    deadline: str
    status: str


@dataclass
class CorrectionGroup:
    title: str
    rows: list[CorrectionRow]


@dataclass
class CorrectionsView:
    """`groups` are for leaders only; `counts` (status, count text) for everyone; `scope`:
    which corrections are counted, in words."""

    as_of: str
    total: str
    counts: list[tuple[str, str]]
    groups: list[CorrectionGroup]
    scope: str = "i alt"

    @property
    def summary(self) -> str:
        """One line for the top of the section: the counts per status."""
        parts = ", ".join(
            f"{text} {status if text == '1' else _PLURAL.get(status, status)}"
            for status, text in self.counts
        )
        noun = "rettelse" if self.total == "1" else "rettelser"
        return f"{self.total} {noun} {self.scope} ({parts}), status pr. {self.as_of}."


def _row(c: TrackedCorrection, scrub: Callable[[str], str]) -> CorrectionRow:
    late = count(c.days_late, "dag", "dage")
    status = f"overskredet ({late})" if c.status == OVERDUE else c.status
    return CorrectionRow(
        c.case_id,
        c.question_id,
        c.question_text,
        c.legal_basis,
        scrub(c.action) if c.action else "(handling ikke angivet)",
        long_date(c.deadline) if c.deadline else "ingen frist",
        status,
    )


def corrections_view(
    corrections: Sequence[TrackedCorrection],
    rules: Disclosure,
    *,
    today: date,
    leader: bool,
    per_person: bool,
    scrub: Callable[[str], str],
) -> CorrectionsView | None:
    """The report's corrections section; None when no review asks for a correction. `rules`:
    the report's decision, whose ledger has these counts (`published.ledger_for`); `scrub`:
    for the action a leader typed (a child's name in it is `[navn]`)."""
    if not corrections:
        return None
    counts = [sum(c.status == s for c in corrections) for s in STATUSES]
    texts = [rules.count(key(s), n) for s, n in zip(STATUSES, counts, strict=True)]
    groups: list[CorrectionGroup] = []
    if leader:
        open_ones = [c for c in corrections if c.status != DONE]
        keys = sorted({(c.team, c.responsible if per_person else "") for c in open_ones})
        for team, person in keys:
            rows = [
                _row(c, scrub)
                for c in open_ones
                if c.team == team and (not per_person or c.responsible == person)
            ]
            rows.sort(key=lambda r: (not r.status.startswith(OVERDUE), r.deadline, r.case_id))
            groups.append(CorrectionGroup(f"{team} · {person}" if person else team, rows))
    return CorrectionsView(
        as_of=long_date(today),
        total=rules.count(key(), sum(counts)),
        counts=list(zip(STATUSES, texts, strict=True)),
        groups=groups,
        scope="i alt" if leader else "i periodens gennemgange",
    )

"""A letter's open corrections from earlier rounds: what the caseworker still has to do.

`påmind` reminds the leader of an overdue correction; the caseworker, who is usually the
one to do it, hears of it only in the letter. So a letter lists, besides the period's own
findings, every correction on the caseworker's own cases from earlier rounds that is not
done yet, with its deadline (marked when passed). Names of other caseworkers in the action
become "en kollega", as in the rest of the letter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from ledelsestilsyn.core.periods import Period
from ledelsestilsyn.followup.letter_who import does_it
from ledelsestilsyn.models.template import Template
from ledelsestilsyn.report.aggregate import first_reviews
from ledelsestilsyn.report.formats import long_date
from ledelsestilsyn.report.pair_corrections import counting_corrections
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.review.analysis import CorrectionEntry


def with_all_corrections(records: Iterable[ReviewRecord]) -> list[ReviewRecord]:
    """One review per case, series and period (`first_reviews`), each also carrying the
    corrections only another review of it asks for (the second leader of a calibration pair,
    under a question the first has none under; `report.pair_corrections`), each marked with
    that review's leader (`by`), whom the caseworker tells when it is done."""
    counting = counting_corrections(records)
    firsts = first_reviews(counting)
    added: dict[tuple[str, str, str], list[CorrectionEntry]] = {}
    chosen = {id(r) for r in firsts}
    for record in counting:
        if id(record) not in chosen:
            added.setdefault((record.series, record.case_id, record.period), []).extend(
                replace(c, by=record.reviewer) for c in record.corrections
            )
    return [
        replace(r, corrections=(*r.corrections, *added[key])) if added.get(key) else r
        for r in firsts
        for key in [(r.series, r.case_id, r.period)]
    ]


@dataclass
class OpenCorrection:
    case_id: str
    period: str
    question_id: str
    text: str
    action: str
    deadline: str


def open_earlier(
    mine: Sequence[ReviewRecord],
    templates: dict[str, Template],
    period: Period,
    today: date,
    scrub: Callable[[str], str],
) -> list[OpenCorrection]:
    """The corrections not done on the caseworker's cases from rounds before `period`."""
    earlier = with_all_corrections(r for r in mine if r.period_start < period.start)
    return [
        _open(record, entry, templates, today, scrub, by=record.caseworker)
        for record in earlier
        for entry in record.corrections
        if entry.done is None
    ]


def open_assigned(
    given: Iterable[ReviewRecord],
    name: str,
    templates: dict[str, Template],
    today: date,
    scrub: Callable[[str], str],
) -> list[OpenCorrection]:
    """The corrections not done in `given` (colleagues' reviews, `letter_who.assigned`) that
    name `name` under `ansvarlig`: the letter is where the one to do them hears of them."""
    return [
        _open(record, entry, templates, today, scrub, by=name)
        for record in given
        for entry in record.corrections
        if entry.done is None and entry.responsible.strip() and does_it(entry, name)
    ]


def _open(
    record: ReviewRecord,
    entry: CorrectionEntry,
    templates: dict[str, Template],
    today: date,
    scrub: Callable[[str], str],
    *,
    by: str | None,
) -> OpenCorrection:
    """One open correction as the letter lists it; the one responsible is named when it is
    not `by` (the letter's reader)."""
    deadline = "ingen frist"
    if entry.deadline is not None:
        late = " (overskredet)" if entry.deadline < today else ""
        deadline = long_date(entry.deadline) + late
    action = scrub(entry.action) if entry.action else "(handling ikke angivet)"
    if not does_it(entry, by):
        action += f", ansvarlig {scrub(' '.join(entry.responsible.split()))}"
    template = templates.get(record.template)
    question = template.questions_by_id().get(entry.question) if template else None
    return OpenCorrection(
        record.case_id,
        record.period,
        entry.question,
        question.text if question else "",
        action,
        deadline,
    )

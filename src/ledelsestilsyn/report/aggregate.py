"""Aggregation: review records -> answer counts, shares and intervals per template.

Pure: records and resolved templates in, plain dataclasses out. A share is
positive / (all non-neutral answers), so for overordnet it is ja / (ja + nej)
and *ikke relevant* is never in the denominator. When a case has several
reviews (calibration), only the first counts in the figures; the others are
used for the agreement measures in `calibration`.

A step or a pejlemærke pools several questions per review, and the answers in
one case file hang together, so a tally keeps each review's answers and its
interval is Wilson's on the effective size (`stats.effective_size`): 5 reviews
with 4 alike answers each count as 5, not 20. Where each review gives at most
one answer (a question), that is the plain Wilson interval.

A step marked `på_tværs` (the intentions of barnets lov in tematiseret@2025.1)
asks about the whole case, not one case step: it is kept out of `case_steps`,
the pooled `total` and the pejlemærker, and shown as its own block.
"""

from __future__ import annotations

import sys
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter, not_
from typing import cast

from ledelsestilsyn.models.template import Question, ScaleValue, Template
from ledelsestilsyn.report.records import UNKNOWN_TEAM, ReviewRecord
from ledelsestilsyn.report.stats import CaseSums, Interval, effective_size, share, wilson_share


@dataclass(frozen=True)
class Scale:
    """A question's answer scale, reduced to what the statistics need."""

    answers: tuple[str, ...]
    positive: frozenset[str]
    neutral: frozenset[str]
    low: frozenset[str]
    findings: frozenset[str] = frozenset()
    """The lowest answers and every other one the scale asks a comment for (a local scale's
    `delvist opfyldt`): the answers a letter tells of and a report quotes the comments of.
    With the lowest alone, a required comment on `delvist opfyldt` reached no one (probe X)."""

    @classmethod
    def of(cls, values: Sequence[ScaleValue]) -> Scale:
        scored = [v for v in values if not v.neutral and not v.positive]
        with_points = [v.points for v in scored if v.points is not None]
        lowest = min(with_points) if with_points else None
        low = {v.answer for v in scored if lowest is None or v.points == lowest}
        asked = {v.answer for v in scored if v.comment_required}
        return cls(
            answers=tuple(v.answer for v in values),
            positive=frozenset(v.answer for v in values if v.positive),
            neutral=frozenset(v.answer for v in values if v.neutral),
            low=frozenset(low),
            findings=frozenset(low | asked),
        )

    @property
    def graded(self) -> bool:
        """True for quality scales (lav/nogen/høj grad), False for ja/nej."""
        return len(self.answers) - len(self.neutral) > 2


@dataclass
class Tally:
    """Answer counts with the share of positive among the non-neutral answers."""

    scale: Scale
    counts: Counter[str] = field(default_factory=Counter)
    given: Sequence[str | None] = ()
    """A question's tally: each review's answer, by its place among the section's records
    (None where it gave none)."""
    parts: list[Tally] = field(default_factory=list)
    """A pooled tally (step, pejlemærke, total): the question tallies it adds up."""
    _flags: tuple[int, int] | None = field(default=None, init=False, repr=False, compare=False)
    """A question's (positive, non-neutral) answers per review, `_packed`, once asked for."""

    @property
    def positive(self) -> int:
        return sum(self.counts[a] for a in self.scale.positive)

    @property
    def answered(self) -> int:
        """Non-neutral answers: the denominator of the share."""
        return sum(n for a, n in self.counts.items() if a not in self.scale.neutral)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def cases(self) -> int:
        """The reviews behind the share: those with a non-neutral answer here. A question
        has one answer per review; a step, pejlemærke or total pools several, so one case
        can give it many answers (and "100 %" on them would be that one case's result)."""
        return self.per_review().cases if self.parts else self.answered

    @property
    def share(self) -> float | None:
        return share(self.positive, self.answered)

    @property
    def interval(self) -> Interval | None:
        """Wilson's interval on the effective size: the reviews, not the answers, count (a
        question's tally has one answer per review, so there they are the same)."""
        value = self.share
        if value is None:
            return None
        return wilson_share(
            value, effective_size(self.per_review()) if self.parts else self.answered
        )

    @property
    def case_interval(self) -> Interval | None:
        """Wilson's interval on the reviews behind the share, for a report that hides small
        counts. The effective size depends on how the answers spread over the reviews (one
        case with five `nej` or five cases with one each), which such a report must not tell
        (probe BF); on the reviews, the interval tells only their number, which the ledger
        takes as published with the share (`published._share`), and is never narrower."""
        value = self.share
        return None if value is None else wilson_share(value, self.cases)

    def per_review(self) -> CaseSums:
        """The sums over the reviews of (positive, non-neutral) answers here.

        A report over 10,000 reviews has about a million answers, and a step, pejlemærke and
        the total each pool the same questions again; so each question packs its answers once
        (`_packed`), and pooling is adding whole numbers, review by review, inside C.
        """
        positive = answered = 0
        size = None
        for leaf in self.parts or [self]:
            if not leaf.given:  # a question no review answered
                continue
            if size not in (None, len(leaf.given)):
                raise ValueError("a pooled tally adds up questions of one section only")
            size = len(leaf.given)
            if leaf._flags is None:
                good, left_out = leaf.scale.positive, {None, *leaf.scale.neutral}
                counted = map(not_, map(left_out.__contains__, leaf.given))
                leaf._flags = (_packed(map(good.__contains__, leaf.given)), _packed(counted))
            positive += leaf._flags[0]
            answered += leaf._flags[1]
        if size is None:
            return CaseSums.of([], [])
        return CaseSums.of(_unpacked(positive, size), _unpacked(answered, size))

    def ordered(self) -> list[tuple[str, int]]:
        return [(a, self.counts[a]) for a in self.scale.answers]

    def add(self, other: Tally) -> None:
        self.counts.update(other.counts)
        self.parts.extend(other.parts or [other])


_DIGIT = array("I").itemsize
"""Bytes per review in a packed count: room for more questions than a template can have."""


def _packed(flags: Iterable[bool]) -> int:
    """0/1 per review as one whole number with a `_DIGIT`-byte digit per review, so that
    adding such numbers adds review by review, with no carry between reviews."""
    ones = bytes(flags)
    digits = bytearray(len(ones) * _DIGIT)
    digits[::_DIGIT] = ones
    return int.from_bytes(digits, "little")


def _unpacked(total: int, size: int) -> array[int]:
    """The per-review digits of a sum of `_packed` numbers."""
    digits = array("I", total.to_bytes(size * _DIGIT, "little"))
    if sys.byteorder == "big":
        digits.byteswap()
    return digits


@dataclass
class QuestionStat:
    step: str
    question: Question
    tally: Tally


@dataclass
class StepStat:
    id: str
    title: str
    questions: list[QuestionStat]
    tally: Tally
    across: bool = False


@dataclass
class GroupStat:
    """A pejlemærke (or another grouping of questions) with its pooled answers."""

    name: str
    tally: Tally


@dataclass
class Section:
    """All figures for one template in one period."""

    template: Template
    reviews: int
    steps: list[StepStat]

    @property
    def graded(self) -> bool:
        return any(q.tally.scale.graded for s in self.steps for q in s.questions)

    def question(self, question_id: str) -> QuestionStat | None:
        return next(
            (q for s in self.steps for q in s.questions if q.question.id == question_id), None
        )

    def step(self, step_id: str) -> StepStat | None:
        return next((s for s in self.steps if s.id == step_id), None)

    @property
    def case_steps(self) -> list[StepStat]:
        """The case steps proper: every step except those asked across the whole case."""
        return [s for s in self.steps if not s.across]

    @property
    def across_steps(self) -> list[StepStat]:
        return [s for s in self.steps if s.across]

    def total(self) -> Tally:
        """The case steps' answers pooled (the blocks across the case stay out)."""
        steps = self.case_steps
        scale = steps[0].tally.scale if steps else Scale((), frozenset(), frozenset(), frozenset())
        pooled = Tally(scale)
        for step in steps:
            pooled.add(step.tally)
        return pooled

    def pejlemaerker(self) -> list[GroupStat]:
        groups: dict[str, Tally] = {}
        for step in self.case_steps:
            for q in step.questions:
                if q.question.pejlemaerke:
                    groups.setdefault(q.question.pejlemaerke, Tally(q.tally.scale)).add(q.tally)
        return [GroupStat(name, tally) for name, tally in sorted(groups.items())]


def first_reviews(records: Iterable[ReviewRecord]) -> list[ReviewRecord]:
    """One review per case, series and period: the first (calibration extras dropped)."""
    best: dict[tuple[str, str, str], ReviewRecord] = {}
    for record in records:
        key = (record.series, record.case_id, record.period)
        current = best.get(key)
        if current is None or _order(record) < _order(current):
            best[key] = record
    return sorted(best.values(), key=_order_key)


def latest_rounds(records: Sequence[ReviewRecord]) -> list[ReviewRecord]:
    """One review per case and series: its latest round's. A series whose quarantine is
    shorter than the period draws a case in two of its rounds (October and December of a
    quarter), and the case counts once, with the review that saw it as it is now (found by
    probe R2: it counted twice in the quarter's shares, team table and letters). `records`
    hold one review per case, series and round (`first_reviews`)."""
    latest: dict[tuple[str, str], ReviewRecord] = {}
    for record in records:
        other = latest.get((record.series, record.case_id))
        if other is None or record.period_start > other.period_start:
            latest[(record.series, record.case_id)] = record
    return [r for r in records if latest[(r.series, r.case_id)] is r]


def _order(record: ReviewRecord) -> tuple[int, str]:
    return (record.review_no, record.reviewer or "")


def _order_key(record: ReviewRecord) -> tuple[str, str, str, int]:
    return (record.period, record.series, record.case_id, record.review_no)


def section(
    template: Template, records: Sequence[ReviewRecord], index: AnswerIndex | None = None
) -> Section:
    """Answer counts per question and step for the records of one template."""
    found = index.columns(records) if index is not None else answer_columns(records)
    steps: list[StepStat] = []
    for step in template.steps:
        questions: list[QuestionStat] = []
        for question in step.questions:
            given = found.get((step.id, question.id), [])
            counts = Counter(given)
            del counts[None]
            scale = Scale.of(template.scale_for(question))
            tally = Tally(scale, cast("Counter[str]", counts), given)
            questions.append(QuestionStat(step.id, question, tally))
        pooled = Tally(questions[0].tally.scale if questions else Scale.of(template.scale))
        for q in questions:
            pooled.add(q.tally)
        if pooled.total:
            steps.append(StepStat(step.id, step.title, questions, pooled, step.across))
    return Section(template, len(records), steps)


def answer_columns(records: Sequence[ReviewRecord]) -> dict[tuple[str, str], list[str | None]]:
    """Each review's answer per question, by the review's place in `records` (None where it
    gave none)."""
    found: dict[tuple[str, str], list[str | None]] = {}
    size = len(records)
    for index, record in enumerate(records):
        for key, (answer, _) in record.answers.items():
            given = found.get(key)
            if given is None:
                given = found[key] = [None] * size
            given[index] = answer
    return found


class AnswerIndex:
    """The answer columns of many records, from which those of any subset are taken.

    A report counts the same reviews in several sections (the period, the trend, each team
    and caseworker): about 2 million answers for 10,000 reviews, if each section went
    through its records' answers again. Here they are gone through once, and a subset's
    columns are picked inside C (`itemgetter`).
    """

    def __init__(self, records: Sequence[ReviewRecord]) -> None:
        self._records = records  # kept, so that no id() below is reused
        self._place = {id(record): place for place, record in enumerate(records)}
        self._columns = answer_columns(records)

    def columns(self, records: Sequence[ReviewRecord]) -> dict[tuple[str, str], list[str | None]]:
        """`answer_columns(records)`, for records in the index (others are gone through)."""
        places = [self._place.get(id(record)) for record in records]
        if len(places) < 2 or None in places:
            return answer_columns(records)
        pick = itemgetter(*places)
        found = {}
        for key, column in self._columns.items():
            given: tuple[str | None, ...] = pick(column)
            if given.count(None) < len(given):
                found[key] = list(given)
        return found


@dataclass
class GroupRow:
    """One team or caseworker: reviews and the pooled tally per step and overall."""

    name: str
    reviews: int
    steps: dict[str, Tally]
    questions: dict[str, Tally]
    total: Tally


def grouped(
    section_of: Callable[[Sequence[ReviewRecord]], Section],
    records: Sequence[ReviewRecord],
    key: Callable[[ReviewRecord], str | None],
) -> list[GroupRow]:
    """Figures per team or caseworker (records without a value are 'uoplyst')."""
    groups: dict[str, list[ReviewRecord]] = {}
    for record in records:
        groups.setdefault(key(record) or UNKNOWN_TEAM, []).append(record)
    rows = []
    for name in sorted(groups):
        stat = section_of(groups[name])
        steps = {s.id: s.tally for s in stat.steps}
        questions = {q.question.id: q.tally for s in stat.steps for q in s.questions}
        rows.append(GroupRow(name, stat.reviews, steps, questions, stat.total()))
    return rows

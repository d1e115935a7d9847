"""The whole report as data: period, comparison periods, sections, trend, teams, calibration.

`build_report` is pure: records, templates and settings in, a `Report` out.
Audience rules (what the committee may see) are applied later, in `view`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from itertools import compress

from ledelsestilsyn.core.cpr import mask_cpr
from ledelsestilsyn.core.periods import Period, parse_period, period_of, previous
from ledelsestilsyn.core.unknown_names import NAME
from ledelsestilsyn.models.template import Template
from ledelsestilsyn.report.aggregate import (
    AnswerIndex,
    GroupRow,
    QuestionStat,
    Scale,
    Section,
    answer_columns,
    first_reviews,
    grouped,
    latest_rounds,
    section,
)
from ledelsestilsyn.report.calibration import CalibrationResult, calibrate
from ledelsestilsyn.report.records import UNKNOWN_TEAM, Excluded, ReviewRecord
from ledelsestilsyn.report.scrub import and_unknown_names
from ledelsestilsyn.report.tidy import TidyGroup, tidy_groups
from ledelsestilsyn.report.versions import (
    VersionMaps,
    VersionTrend,
    carried_records,
    older_records,
    version_trend,
)

WEAKEST = 10


@dataclass(frozen=True)
class Settings:
    threshold: float = 0.8
    min_count: int = 5
    baseline: Period | None = None
    caseworkers: bool = False
    order: tuple[str, ...] = ()
    """The concept's series in order: of a case's reviews in several series (levels), the
    first series' is the one the shares count (`one_per_case`)."""
    known_names: frozenset[str] = frozenset()
    """Every name the workspace knows; any other capitalised word inside a comment's sentence
    is taken for a name nobody told the tool about (a child's) and shown as `[navn]`."""

    @cached_property
    def free_text(self) -> Callable[[str], str]:
        """Text the leaders typed as the leader's report shows it: no CPR number, and `[navn]`
        for a name the workspace does not know. One masker for comments, corrections and
        tiltag alike, so a text in several tables is read once."""
        return and_unknown_names(mask_cpr, self.known_names, NAME)


@dataclass(frozen=True)
class Comment:
    case_id: str
    answer: str
    text: str
    review_no: int = 1
    series: str = ""
    """The series, when the case has reviews in more than one (a level re-reviews it)."""


@dataclass
class TemplateReport:
    current: Section
    previous: Section | None
    baseline: Section | None
    trend: list[TrendPoint]
    teams: list[GroupRow]
    caseworkers: list[GroupRow]
    calibration: CalibrationResult | None
    comments: dict[str, list[Comment]]
    versions: VersionTrend | None = None
    """The questions across versions, when older versions are in the trend."""


@dataclass(frozen=True)
class TrendPoint:
    """One period of the trend; `inside` when it lies within the report's period."""

    label: str
    section: Section
    inside: bool


@dataclass
class SeriesCount:
    series: str
    drawn: int | None
    cases: int
    reviews: int
    templates: tuple[str, ...] = ()


@dataclass
class Report:
    period: Period
    previous: Period
    baseline: Period | None
    """None when the baseline is the period itself or a part of it (`comparable`)."""
    settings: Settings
    series: list[SeriesCount]
    teams: list[tuple[str, int]]
    templates: list[TemplateReport]
    excluded: list[Excluded]
    cases: int = 0
    """Distinct cases reviewed in the period: a case reviewed in several series counts once."""
    drawn_cases: int | None = None
    """Distinct cases drawn in the period, likewise (None: the sum of the series')."""
    weakest: list[Weak] = field(default_factory=list)
    tidy: list[TidyGroup] | None = None
    """The tidy table's groups, built only for the committee's ledger (`tidy=True`)."""
    rounds: list[TidyGroup] | None = None
    """The same by round (each sample's own period), likewise (`annual_plan`)."""
    team_drawn: dict[str, int] = field(default_factory=dict)
    """Cases drawn in the period per team (from the manifests); shown to leaders only."""
    baseline_inside: Period | None = None
    """The baseline, when it lies (in part) inside the period and is not compared with."""
    corrections: dict[str, int] = field(default_factory=dict)
    """The corrections the report counts, per status (`corrections.status_counts`)."""
    extra_files: int = 0
    """The calibration's review files beyond one per drawn case, in the rounds of the period:
    the concept says how many, so a reader of the committee's report knows it too."""
    long_rounds: tuple[str, ...] = ()
    """The quarters, half years and years that are rounds of their own counted in the period
    (kk's niveau 2, `2026-K4`): in none of its months (`records.counted_in`, `overlap`)."""


@dataclass(frozen=True)
class Weak:
    """A weak question: its figures, and the teams under the threshold of those with a share."""

    template: Template
    stat: QuestionStat
    teams_below: int
    teams: int


def in_period(records: Sequence[ReviewRecord], period: Period) -> list[ReviewRecord]:
    return [r for r in records if r.counts_in(period)]


def one_per_case(records: Sequence[ReviewRecord], order: Sequence[str]) -> list[ReviewRecord]:
    """One review of each case: of the series first in `order`, from its latest round.

    A level re-reviews the cases of the level below (KK: niveau 2 and 3 draw from
    niveau 1's completed reviews), so pooling every series would count such a case
    two or three times. Each case counts once, with the review of the lowest level,
    which reviewed every case the levels above it drew; how far the levels agree is
    the leader report's "Enighed mellem niveauerne". Within a series, a case drawn in two
    of its rounds counts with the later review (`latest_rounds`).
    """
    rank = {name: i for i, name in enumerate(order)}
    latest = latest_rounds(records)
    first: dict[str, tuple[int, str]] = {}
    for record in latest:
        key = (rank.get(record.series, len(rank)), record.series)
        first[record.case_id] = min(first.get(record.case_id, key), key)
    return [r for r in latest if first[r.case_id][1] == r.series]


def one_per_case_at_a_time(
    records: Sequence[ReviewRecord], order: Sequence[str]
) -> list[ReviewRecord]:
    """`one_per_case` among reviews of overlapping periods only: a level re-reviews the cases
    of its own period, but a case reviewed again months later, in another series, was
    reviewed twice (a tiltag's "før" keeps what the leaders saw when they decided)."""
    rank = {name: i for i, name in enumerate(order)}
    spans = {label: parse_period(label) for label in {r.period for r in records}}

    def first(record: ReviewRecord, other: ReviewRecord) -> bool:
        """Whether `other` is a review of the same case, at the same time, that counts first."""
        mine, theirs = spans[record.period], spans[other.period]
        return (
            other.case_id == record.case_id
            and (rank.get(other.series, len(rank)), other.series)
            < (rank.get(record.series, len(rank)), record.series)
            and theirs.start <= mine.end
            and mine.start <= theirs.end
        )

    by_case: dict[str, list[ReviewRecord]] = {}
    for record in records:
        by_case.setdefault(record.case_id, []).append(record)
    return [r for r in records if not any(first(r, o) for o in by_case[r.case_id])]


def bucket(period: Period, day: date) -> Period:
    """The period of the report's kind containing `day` (months for a date range)."""
    kind = "måned" if period.kind == "interval" else period.kind
    return period_of(kind, day.year, day.month)


def baseline_period(
    period: Period, records: Sequence[ReviewRecord], named: Period | None
) -> Period | None:
    """The concept's baseline, else the first period of the report's kind with data."""
    if named is not None:
        return named
    if not records:
        return None
    first = min(r.period_start for r in records)
    return bucket(period, first)


def comparable(base: Period | None, period: Period) -> Period | None:
    """The baseline a period is compared with: never one that shares a day with it. A part
    of the period (its first month, in a report over a date range) is not another period,
    and its share, decided by the rule for other periods, would give back a part of the
    period that the committee's trend hides."""
    return base if base is not None and not base.overlaps(period) else None


def _inside(base: Period | None, period: Period) -> Period | None:
    """A baseline other than the period itself that is not compared with, for the header."""
    return base if base is not None and base != period and not comparable(base, period) else None


def _template_report(
    template: Template,
    all_records: Sequence[ReviewRecord],
    period: Period,
    base: Period | None,
    settings: Settings,
    mask: Callable[[str], str],
    versions: VersionMaps,
) -> TemplateReport | None:
    own = [r for r in all_records if r.template == template.ref]
    current_all = in_period(own, period)
    order = settings.order
    current = one_per_case(first_reviews(current_all), order)
    if not current:
        return None

    older = older_records(template, all_records, versions, period)
    pooled = own + carried_records(template, older, versions)
    index = AnswerIndex(pooled)

    def of(records: Sequence[ReviewRecord]) -> Section:
        return section(template, records, index)

    prev_records = one_per_case(first_reviews(in_period(pooled, previous(period))), order)
    compared = comparable(base, period)
    base_records = (
        one_per_case(first_reviews(in_period(pooled, compared)), order) if compared else []
    )
    buckets: dict[Period, list[ReviewRecord]] = {}
    for record in first_reviews(pooled):
        point = bucket(period, record.period_start)
        # a quarter's round is no month's; and the trend ends with the report's period: the
        # second quarter's report showed the fourth's share, made again once December's
        # reviews were done, and decided every later period first (a probe: 335 of 385 s)
        if record.counts_in(point) and point.start <= period.end:
            buckets.setdefault(point, []).append(record)
    trend = [(p, of(one_per_case(buckets[p], order))) for p in sorted(buckets)]
    return TemplateReport(
        current=of(current),
        previous=of(prev_records) if prev_records else None,
        baseline=of(base_records) if base_records else None,
        trend=[TrendPoint(p.label, s, p.start in period) for p, s in trend],
        teams=grouped(of, current, lambda r: r.team),
        caseworkers=grouped(of, current, lambda r: r.caseworker) if settings.caseworkers else [],
        calibration=calibrate(template, current_all),
        comments=lowest_comments(template, current_all, mask, index),
        versions=version_trend(
            template, trend, older, versions, lambda r: bucket(period, r.period_start)
        ),
    )


def lowest_comments(
    template: Template,
    records: Sequence[ReviewRecord],
    mask: Callable[[str], str],
    index: AnswerIndex | None = None,
) -> dict[str, list[Comment]]:
    """Comments given with the lowest answers (nej, lav grad) and the others a comment is
    asked for (`Scale.findings`), CPR-like numbers masked; each
    names its series where the case has reviews in several (niveau 1 and 2 in forlægget kk)."""
    found: dict[str, list[Comment]] = {}
    series: dict[str, set[str]] = {}
    for record in records:
        series.setdefault(record.case_id, set()).add(record.series)
    columns = index.columns(records) if index is not None else answer_columns(records)
    for step in template.steps:
        for question in step.questions:
            key = (step.id, question.id)
            low = Scale.of(template.scale_for(question)).findings
            for record in compress(records, map(low.__contains__, columns.get(key, ()))):
                answer, text = record.answers[key]
                if text.strip():
                    comment = Comment(
                        record.case_id,
                        answer,
                        mask(text.strip()),
                        record.review_no,
                        record.series if len(series[record.case_id]) > 1 else "",
                    )
                    found.setdefault(question.id, []).append(comment)
    return found


def _weakest(reports: Sequence[TemplateReport], threshold: float) -> list[Weak]:
    """The questions with a share under 100 %, lowest first, and how many teams are under
    the threshold. A question where every answer is positive has no weakness to show, so it
    is never listed. Ties stay in the templates' question order (intentioner-2 before -10).
    All are returned: the view cuts the list at `WEAKEST` after the audience's hiding."""
    found: list[Weak] = []
    for report in reports:
        for step in report.current.steps:
            for q in step.questions:
                if q.tally.share is None or q.tally.share >= 1:
                    continue
                shares = [
                    s
                    for team in report.teams
                    if (t := team.questions.get(q.question.id)) and (s := t.share) is not None
                ]
                below = sum(s < threshold for s in shares)
                found.append(Weak(report.current.template, q, below, len(shares)))
    found.sort(key=lambda w: (w.stat.tally.share or 0.0, -w.stat.tally.answered))
    return found


def build_report(
    records: Sequence[ReviewRecord],
    templates: dict[str, Template],
    period: Period,
    settings: Settings,
    *,
    excluded: Sequence[Excluded] = (),
    drawn: dict[str, int] | None = None,
    drawn_cases: int | None = None,
    team_drawn: dict[str, int] | None = None,
    mask: Callable[[str], str],
    versions: VersionMaps | None = None,
    tidy: bool = False,
) -> Report:
    """Every figure of the report for `period`, compared with the previous period and baseline."""
    base = baseline_period(period, records, settings.baseline)
    reports = [
        r
        for template in templates.values()
        if (r := _template_report(template, records, period, base, settings, mask, versions or {}))
        is not None
    ]
    everything = in_period(records, period)
    current = first_reviews(everything)
    series_names = sorted({r.series for r in everything} | set(drawn or {}))
    series = [
        SeriesCount(
            name,
            (drawn or {}).get(name),
            len({r.case_id for r in current if r.series == name}),
            sum(r.series == name for r in everything),
            tuple(sorted({r.template for r in everything if r.series == name})),
        )
        for name in series_names
    ]
    distinct = {r.case_id: r for r in reversed(one_per_case(current, settings.order))}
    teams = Counter(r.team or UNKNOWN_TEAM for r in distinct.values())
    return Report(
        period=period,
        previous=previous(period),
        baseline=comparable(base, period),
        settings=settings,
        series=series,
        teams=sorted(teams.items()),
        templates=reports,
        excluded=list(excluded),
        cases=len(distinct),
        drawn_cases=drawn_cases,
        weakest=_weakest(reports, settings.threshold),
        tidy=tidy_groups(everything, templates, period.label) if tidy else None,
        rounds=tidy_groups(everything, templates) if tidy else None,
        team_drawn=dict(team_drawn or {}),
        baseline_inside=_inside(base, period),
    )

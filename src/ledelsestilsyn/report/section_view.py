"""The display model of one template's figures: steps, questions, trend, teams, calibration."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ledelsestilsyn.core.words import count as count_words
from ledelsestilsyn.core.words import number
from ledelsestilsyn.report import published
from ledelsestilsyn.report.aggregate import GroupRow, QuestionStat, Section, StepStat, Tally
from ledelsestilsyn.report.build import Comment, TemplateReport, TrendPoint
from ledelsestilsyn.report.calibration import CalibrationResult
from ledelsestilsyn.report.cells import (
    DASH,
    ShareCell,
    agreement_cells,
    change,
    non_neutral,
    share_cell,
    too_few_pairs,
)
from ledelsestilsyn.report.charts import Segment, ShareRow, share_chart, stacked_bar, trend_chart
from ledelsestilsyn.report.department import Example
from ledelsestilsyn.report.formats import percent
from ledelsestilsyn.report.levels import LevelView
from ledelsestilsyn.report.suppress import Disclosure, Key
from ledelsestilsyn.report.versions import VersionRow


@dataclass(frozen=True)
class Ctx:
    rules: Disclosure
    threshold: float
    charts: bool
    leader: bool
    elsewhere: Callable[[str, Key], bool] | None = None
    """Whether the same audience's report of the period so labelled shows the share so keyed
    (`period_reports.Reports.shows`): a share of another period is shown only where its own
    report shows it. None: the primary rule alone."""
    previous: str = ""
    baseline: str = ""


@dataclass
class QuestionView:
    id: str
    text: str
    legal_basis: str
    counts: list[str]
    total: str
    share: ShareCell
    vs_previous: str
    vs_baseline: str
    bar: str = ""


@dataclass
class StepView:
    id: str
    title: str
    share: ShareCell
    vs_previous: str
    vs_baseline: str
    questions: list[QuestionView]
    trend: str = ""
    trend_text: str = ""
    summarised: bool = False
    """The question rows are left out (for the committee) so that the step's share is shown."""
    withdrawn: bool = False
    """The question rows are left out, and the share is hidden all the same: with the reports
    of the periods inside this one, the rows would give a small number away."""


@dataclass
class GroupView:
    name: str
    reviews: str
    shares: list[ShareCell]
    total: ShareCell
    across: list[ShareCell] = field(default_factory=list)


@dataclass
class CalibrationView:
    cases: str
    shown: bool
    overall: list[str]
    disagreement: list[list[str]]
    min_pairs: int = 0
    """Set when a kappa or AC1 is left out (`–`) for having fewer pairs than this."""


@dataclass
class VersionsView:
    """The questions across template versions: one row per question, a share per period."""

    note: str
    periods: list[str]
    rows: list[tuple[str, str, list[ShareCell]]]


@dataclass
class SectionView:
    ref: str
    title: str
    graded: bool
    answers: list[str]
    share_label: str
    reviews: str
    steps: list[StepView]
    chart: str
    pejlemaerker: list[tuple[str, list[str], ShareCell]]
    step_titles: list[str]
    teams: list[GroupView]
    caseworkers: list[GroupView]
    calibration: CalibrationView | None
    comments: list[tuple[str, str, list[Comment]]] = field(default_factory=list)
    versions: VersionsView | None = None
    levels: list[LevelView] = field(default_factory=list)
    """Agreement between levels reviewing the same cases (leader report only)."""
    examples: list[Example] = field(default_factory=list)
    """Comments by the caseworker's consent, without case ids (`afdeling` only)."""
    across: list[StepView] = field(default_factory=list)
    """Blocks asked across the whole case (intentionerne), outside steps and pejlemærker."""
    across_titles: list[str] = field(default_factory=list)


def _kind(tally: Tally, answer: str) -> str:
    scale = tally.scale
    if answer in scale.positive:
        return "pos"
    if answer in scale.neutral:
        return "neu"
    return "low" if answer in scale.low else "mid"


def _other_period(
    tally: Tally | None, ctx: Ctx, label: str = "", key: Key | None = None
) -> ShareCell:
    """A share of another period: its counts are not published, so the primary rule decides,
    on the cases behind it as well as the answers (a step pools many answers per case), and
    the report of that period (`label`), where it has one: November's share, hidden there to
    protect a small count, is not given back by December's trend or its change."""
    if tally is None:
        return ShareCell()
    shown = ctx.rules.share_ok(tally.answered, non_neutral(tally), tally.cases)
    if shown and key is not None and ctx.elsewhere is not None:
        shown = ctx.elsewhere(label, key)
    return share_cell(tally, ctx.threshold, shown, ctx.rules.active)


def _question(
    ref: str, step: str, q: QuestionStat, before: Section | None, base: Section | None, ctx: Ctx
) -> QuestionView:
    ordered = q.tally.ordered()
    qid = q.question.id
    keys = [published.answer(ref, step, qid, a) for a, _ in ordered]
    key = published.question_share(ref, step, qid)
    now = share_cell(q.tally, ctx.threshold, ctx.rules.shows(key), ctx.rules.active)
    before_tally, base_tally = _question_tally(before, qid), _question_tally(base, qid)
    bar = ""
    if ctx.charts and q.tally.total and all(ctx.rules.shows(k) for k in keys):
        bar = stacked_bar([Segment(a, n, _kind(q.tally, a)) for a, n in ordered])
    return QuestionView(
        id=qid,
        text=q.question.text,
        legal_basis=q.question.legal_basis,
        counts=[ctx.rules.count(k, n) for k, (_, n) in zip(keys, ordered, strict=True)],
        total=ctx.rules.count(published.question_total(ref, step, qid), q.tally.total),
        share=now,
        vs_previous=change(now, _other_period(before_tally, ctx, ctx.previous, key)),
        vs_baseline=change(now, _other_period(base_tally, ctx, ctx.baseline, key)),
        bar=bar,
    )


def _question_tally(other: Section | None, question_id: str) -> Tally | None:
    found = other.question(question_id) if other else None
    return found.tally if found else None


def _step_tally(other: Section | None, step_id: str) -> Tally | None:
    found = other.step(step_id) if other else None
    return found.tally if found else None


def _trend_share(report: TemplateReport, point: TrendPoint, step_id: str, ctx: Ctx) -> float | None:
    """A trend point inside the report's period is published with the period's figures."""
    tally = _step_tally(point.section, step_id)
    if tally is None:
        return None
    key = published.trend_key(report, point, step_id)
    if key is not None:
        return share_cell(tally, ctx.threshold, ctx.rules.shows(key), ctx.rules.active).value
    own = published.step_share(report.current.template.ref, step_id)
    return _other_period(tally, ctx, point.label, own).value


def _step(step: StepStat, report: TemplateReport, ctx: Ctx) -> StepView:
    ref = report.current.template.ref
    key = published.step_share(ref, step.id)
    now = share_cell(step.tally, ctx.threshold, ctx.rules.shows(key), ctx.rules.active)
    summarised = (ref, step.id) in ctx.rules.summarised
    points = [(p.label, _trend_share(report, p, step.id, ctx)) for p in report.trend]
    view = StepView(
        id=step.id,
        title=step.title,
        share=now,
        vs_previous=change(
            now, _other_period(_step_tally(report.previous, step.id), ctx, ctx.previous, key)
        ),
        vs_baseline=change(
            now, _other_period(_step_tally(report.baseline, step.id), ctx, ctx.baseline, key)
        ),
        questions=[
            _question(ref, step.id, q, report.previous, report.baseline, ctx)
            for q in step.questions
            if not summarised
        ],
        summarised=summarised,
        withdrawn=summarised and not ctx.rules.shows(key),
        trend_text="; ".join(
            f"{label}: {percent(v) if v is not None else DASH}" for label, v in points
        ),
    )
    if ctx.charts and len(points) > 1:
        view.trend = trend_chart(points, ctx.threshold)
    return view


def _groups(ref: str, rows: list[GroupRow], current: Section, ctx: Ctx) -> list[GroupView]:
    """Teams (or, for leaders, caseworkers): cases, step shares and the pooled share."""
    views = []
    for row in rows:
        if not ctx.rules.publishes(published.team_cases(ref, row.name)):
            continue
        total = share_cell(
            row.total,
            ctx.threshold,
            ctx.rules.shows(published.team_share(ref, row.name)),
            ctx.rules.active,
        )
        count = ctx.rules.count(published.team_cases(ref, row.name), row.reviews)
        views.append(
            GroupView(
                row.name,
                count,
                _row_shares(ref, row, current.case_steps, ctx),
                total,
                _row_shares(ref, row, current.across_steps, ctx),
            )
        )
    return views


def _row_shares(ref: str, row: GroupRow, steps: list[StepStat], ctx: Ctx) -> list[ShareCell]:
    return [
        share_cell(
            row.steps[s.id],
            ctx.threshold,
            ctx.rules.shows(published.team_step_share(ref, row.name, s.id)),
            ctx.rules.active,
        )
        if s.id in row.steps
        else ShareCell()
        for s in steps
    ]


def _calibration(
    ref: str, calibration: CalibrationResult | None, ctx: Ctx
) -> CalibrationView | None:
    """Agreement overall and where it is lowest. Kappa and AC1 on fewer pairs than the
    report's smallest count (`mindste_antal`, as for a share) say nothing and are left out.
    The committee and the department get the cases only: the pairs, the agreement and kappa
    tell how many answers of each kind the reviewers gave (40 pairs, 97,5 %, kappa 0,00 is
    one `nej`, which the question's row hid as `< 5`; a probe)."""
    if calibration is None:
        return None
    cases = ctx.rules.count(published.calibrated(ref), calibration.cases)
    if not ctx.leader:
        return CalibrationView(cases, False, [], [], 0)
    minimum = ctx.rules.min_count
    worst = calibration.most_disagreement()
    overall = agreement_cells(calibration.overall, minimum)
    rows = [[a.label, *agreement_cells(a, minimum)] for a in worst]
    few = any(too_few_pairs(a, minimum) for a in [calibration.overall, *worst])
    return CalibrationView(cases, True, overall, rows, minimum if few else 0)


def _pejlemaerker(current: Section, ctx: Ctx) -> list[tuple[str, list[str], ShareCell]]:
    """Pejlemærker pool questions; the committee gets their shares, not their counts."""
    result = []
    for group in current.pejlemaerker():
        counts = [n for _, n in group.tally.ordered()]
        texts = [DASH] * len(counts) if ctx.rules.active else [number(n) for n in counts]
        key = published.pejlemaerke_share(current.template.ref, group.name)
        result.append(
            (
                group.name,
                texts,
                share_cell(group.tally, ctx.threshold, ctx.rules.shows(key), ctx.rules.active),
            )
        )
    return result


def section_view(report: TemplateReport, ctx: Ctx) -> SectionView:
    current = report.current
    template = current.template
    scale = current.steps[0].tally.scale if current.steps else None
    answers = list(scale.answers) if scale else [v.answer for v in template.scale]
    positive = "/".join(a for a in answers if scale and a in scale.positive)
    steps = [_step(s, report, ctx) for s in current.case_steps]
    chart_rows = [
        ShareRow(s.title, s.share.value, s.share.low or 0.0, s.share.high or 0.0)
        for s in steps
        if s.share.value is not None
    ]
    return SectionView(
        ref=template.ref,
        title=template.title,
        graded=current.graded,
        answers=answers,
        share_label=f"andel {positive}",
        reviews=ctx.rules.count(published.template_cases(template.ref), current.reviews),
        steps=steps,
        chart=share_chart(chart_rows, ctx.threshold) if ctx.charts and chart_rows else "",
        pejlemaerker=_pejlemaerker(current, ctx) if current.graded else [],
        step_titles=[s.title for s in current.case_steps],
        teams=_groups(template.ref, report.teams, current, ctx),
        caseworkers=_groups(template.ref, report.caseworkers, current, ctx) if ctx.leader else [],
        calibration=_calibration(template.ref, report.calibration, ctx),
        comments=_comments(report, current) if ctx.leader else [],
        across=[_step(s, report, ctx) for s in current.across_steps],
        across_titles=[s.title for s in current.across_steps],
        versions=_versions(report, ctx),
    )


def _versions(report: TemplateReport, ctx: Ctx) -> VersionsView | None:
    trend = report.versions
    if trend is None:
        return None
    rows = [
        (
            row.id,
            row.note,
            [
                _version_share(report, p, row, t, ctx)
                for p, t in zip(report.trend, row.tallies, strict=True)
            ],
        )
        for row in trend.rows
    ]
    pooled = count_words(trend.pooled, "spørgsmål", "spørgsmål")
    note = (
        f"Gennemgange efter {' og '.join(trend.older)} indgår i udviklingen og i "
        f"sammenligningen med tidligere perioder med svarene på de "
        f"{pooled}, der er uændrede eller erklæret ens "
        f"i {report.current.template.ref}. Et ændret spørgsmål lægges ikke sammen med sin "
        "gamle udgave: de står her hver for sig."
    )
    return VersionsView(note, [p.label for p in report.trend], rows)


def _version_share(
    report: TemplateReport, point: TrendPoint, row: VersionRow, tally: Tally | None, ctx: Ctx
) -> ShareCell:
    """A question's share in one trend period. Inside the report's period it is the
    question's share in the report when the period is one trend point (and hidden with
    it), and not shown to the committee when the period has several: those are not in
    the report's ledger. Outside, as for other periods: the primary rule, and that
    period's own report must show the question's share (of each version it pools)."""
    if tally is None:
        return ShareCell()
    if not point.inside or not ctx.rules.active:
        return _other_period(tally, ctx, point.label, published.question_share(*row.source))
    ref, qid = report.current.template.ref, row.id
    steps = [s.id for s in report.current.steps for q in s.questions if q.question.id == qid]
    if not steps or published.trend_key(report, point, steps[0]) != published.step_share(
        ref, steps[0]
    ):
        return ShareCell()
    shown = ctx.rules.shows(published.question_share(ref, steps[0], qid))
    return share_cell(tally, ctx.threshold, shown, ctx.rules.active)


def _comments(report: TemplateReport, current: Section) -> list[tuple[str, str, list[Comment]]]:
    result = []
    for step in current.steps:
        for q in step.questions:
            if q.question.id in report.comments:
                result.append((q.question.id, q.question.text, report.comments[q.question.id]))
    return result

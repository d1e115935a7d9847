"""The display model of one template's figures: steps, questions, trend, teams, calibration."""

from __future__ import annotations

from dataclasses import dataclass, field

from ledelsestilsyn.core.words import count as count_words
from ledelsestilsyn.report.aggregate import GroupRow, QuestionStat, Section, StepStat, Tally
from ledelsestilsyn.report.build import Comment, TemplateReport
from ledelsestilsyn.report.calibration import CalibrationResult
from ledelsestilsyn.report.cells import DASH, ShareCell, change, coefficient, share_cell
from ledelsestilsyn.report.charts import Segment, ShareRow, share_chart, stacked_bar, trend_chart
from ledelsestilsyn.report.department import Example
from ledelsestilsyn.report.formats import number, percent
from ledelsestilsyn.report.levels import LevelView
from ledelsestilsyn.report.suppress import Disclosure


@dataclass(frozen=True)
class Ctx:
    rules: Disclosure
    threshold: float
    charts: bool
    leader: bool


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
    examples: list[Example] = field(default_factory=list)
    """Comments by the caseworker's consent, without case ids (`afdeling` only)."""
    """Agreement between levels reviewing the same cases (leader report only)."""
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


def _question(
    q: QuestionStat, before: Section | None, base: Section | None, ctx: Ctx
) -> QuestionView:
    ordered = q.tally.ordered()
    hidden = ctx.rules.hidden([n for _, n in ordered])
    neutral = q.tally.scale.neutral
    share_hidden = [h for (a, _), h in zip(ordered, hidden, strict=True) if a not in neutral]
    now = share_cell(q.tally, ctx.rules, ctx.threshold, share_hidden)
    bar = ""
    if ctx.charts and q.tally.total and not any(hidden):
        bar = stacked_bar([Segment(a, n, _kind(q.tally, a)) for a, n in ordered])
    return QuestionView(
        id=q.question.id,
        text=q.question.text,
        legal_basis=q.question.legal_basis,
        counts=[ctx.rules.count(n, h) for (_, n), h in zip(ordered, hidden, strict=True)],
        total=ctx.rules.count(q.tally.total),
        share=now,
        vs_previous=change(now, _question_share(before, q, ctx)),
        vs_baseline=change(now, _question_share(base, q, ctx)),
        bar=bar,
    )


def _question_share(other: Section | None, q: QuestionStat, ctx: Ctx) -> ShareCell:
    found = other.question(q.question.id) if other else None
    if found is None:
        return ShareCell()
    ordered = found.tally.ordered()
    hidden = ctx.rules.hidden([n for _, n in ordered])
    neutral = found.tally.scale.neutral
    parts = [h for (a, _), h in zip(ordered, hidden, strict=True) if a not in neutral]
    return share_cell(found.tally, ctx.rules, ctx.threshold, parts)


def _step_share(other: Section | None, step_id: str, ctx: Ctx) -> ShareCell:
    found = other.step(step_id) if other else None
    return share_cell(found.tally, ctx.rules, ctx.threshold) if found else ShareCell()


def _step(step: StepStat, report: TemplateReport, ctx: Ctx) -> StepView:
    now = share_cell(step.tally, ctx.rules, ctx.threshold)
    points = [(label, _step_share(s, step.id, ctx).value) for label, s in report.trend]
    view = StepView(
        id=step.id,
        title=step.title,
        share=now,
        vs_previous=change(now, _step_share(report.previous, step.id, ctx)),
        vs_baseline=change(now, _step_share(report.baseline, step.id, ctx)),
        questions=[_question(q, report.previous, report.baseline, ctx) for q in step.questions],
        trend_text="; ".join(
            f"{label}: {percent(v) if v is not None else DASH}" for label, v in points
        ),
    )
    if ctx.charts and len(points) > 1:
        view.trend = trend_chart(points, ctx.threshold)
    return view


def _groups(rows: list[GroupRow], current: Section, ctx: Ctx) -> list[GroupView]:
    reviews = ctx.rules.column([r.reviews for r in rows])
    views = []
    for row, count in zip(rows, reviews, strict=True):
        views.append(
            GroupView(
                row.name,
                count,
                _row_shares(row, current.case_steps, ctx),
                share_cell(row.total, ctx.rules, ctx.threshold),
                _row_shares(row, current.across_steps, ctx),
            )
        )
    return views


def _row_shares(row: GroupRow, steps: list[StepStat], ctx: Ctx) -> list[ShareCell]:
    return [
        share_cell(row.steps[s.id], ctx.rules, ctx.threshold) if s.id in row.steps else ShareCell()
        for s in steps
    ]


def _calibration(calibration: CalibrationResult | None, ctx: Ctx) -> CalibrationView | None:
    if calibration is None:
        return None
    o = calibration.overall
    shown = ctx.leader or calibration.cases >= ctx.rules.min_count
    overall = [
        number(o.items),
        percent(o.agreement) if o.agreement is not None else DASH,
        coefficient(o.kappa),
        coefficient(o.ac1),
    ]
    rows = [
        [
            a.label,
            number(a.items),
            percent(a.agreement) if a.agreement is not None else DASH,
            coefficient(a.kappa),
            coefficient(a.ac1),
        ]
        for a in calibration.most_disagreement()
    ]
    return CalibrationView(
        ctx.rules.count(calibration.cases),
        shown,
        overall if shown else [],
        rows if ctx.leader else [],
    )


def _pejlemaerker(current: Section, ctx: Ctx) -> list[tuple[str, list[str], ShareCell]]:
    result = []
    for group in current.pejlemaerker():
        counts = [n for _, n in group.tally.ordered()]
        texts = [DASH] * len(counts) if ctx.rules.active else [number(n) for n in counts]
        result.append((group.name, texts, share_cell(group.tally, ctx.rules, ctx.threshold)))
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
        reviews=ctx.rules.count(current.reviews),
        steps=steps,
        chart=share_chart(chart_rows, ctx.threshold) if ctx.charts and chart_rows else "",
        pejlemaerker=_pejlemaerker(current, ctx) if current.graded else [],
        step_titles=[s.title for s in current.case_steps],
        teams=_groups(report.teams, current, ctx),
        caseworkers=_groups(report.caseworkers, current, ctx) if ctx.leader else [],
        calibration=_calibration(report.calibration, ctx),
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
                ShareCell() if t is None else share_cell(t, ctx.rules, ctx.threshold)
                for t in row.tallies
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
    return VersionsView(note, [label for label, _ in report.trend], rows)


def _comments(report: TemplateReport, current: Section) -> list[tuple[str, str, list[Comment]]]:
    result = []
    for step in current.steps:
        for q in step.questions:
            if q.question.id in report.comments:
                result.append((q.question.id, q.question.text, report.comments[q.question.id]))
    return result

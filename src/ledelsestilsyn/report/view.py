"""The display model of the whole report: every text a reader sees, audience rules applied.

The Markdown and HTML templates only lay this out; no figure is computed
or hidden in a template. `--modtager udvalg` gets aggregates only: no case
ids, caseworker names, comments or file names, and small counts hidden.
`--modtager afdeling` gets the same figures under the same rules, and on top
the tiltag's status and case examples by consent (`report.department`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ledelsestilsyn.report.build import Report
from ledelsestilsyn.report.cells import DASH, ShareCell, share_cell
from ledelsestilsyn.report.corrections import CorrectionsView
from ledelsestilsyn.report.department import MIN_CASEWORKERS, TiltagStatus
from ledelsestilsyn.report.formats import long_date, percent
from ledelsestilsyn.report.section_view import Ctx, SectionView, section_view
from ledelsestilsyn.report.suppress import Disclosure
from ledelsestilsyn.report.tiltag import TiltagView

AUDIENCES: dict[str, str] = {
    "leder": "Ledelsen (med detaljer pr. sag)",
    "udvalg": "Det politiske udvalg (kun samlede tal)",
    "afdeling": "Afdelingsmødet (generelle fund; ingen navne, sager eller tal pr. rådgiver)",
}
AGGREGATE = frozenset({"udvalg", "afdeling"})
"""The audiences that see aggregates only, with small counts hidden."""


@dataclass
class WeakView:
    id: str
    text: str
    template: str
    share: ShareCell
    answered: str
    teams: str
    tiltag: str = ""
    """The open tiltag addressing the question (leader report with a tiltag file only)."""


@dataclass
class ReportView:
    title: str
    municipality: str
    audience: str
    committee: bool
    """Aggregates only, small counts hidden (`udvalg` and `afdeling`)."""
    period: str
    period_span: str
    previous: str
    baseline: str
    generated: str
    threshold: str
    min_count: int
    series: list[list[str]]
    series_total: list[str]
    teams: list[tuple[str, str]]
    teams_total: str
    sections: list[SectionView]
    weakest: list[WeakView]
    excluded: list[tuple[str, str]]
    excluded_total: str
    corrections: CorrectionsView | None = None
    tiltag: list[TiltagView] = field(default_factory=list)
    department: bool = False
    tiltag_status: list[TiltagStatus] = field(default_factory=list)
    """The department's view of the tiltag (`afdeling` only)."""
    examples_allowed: bool = False
    min_caseworkers: int = MIN_CASEWORKERS


def _span(report: Report) -> str:
    return f"{long_date(report.period.start)} – {long_date(report.period.end)}"


def _overview(
    report: Report, rules: Disclosure
) -> tuple[list[list[str]], list[str], list[str], str]:
    """Series and team tables of the overview, with totals that cannot give back a small cell.

    The reviewed-case total appears in both tables; if either table must hide
    it, both do.
    """
    drawn = [s.drawn or 0 for s in report.series]
    drawn_texts, drawn_hidden = rules.column_with_total(drawn)
    cases, cases_hidden = rules.column_with_total([s.cases for s in report.series])
    reviews, reviews_hidden = rules.column_with_total([s.reviews for s in report.series])
    teams, teams_hidden = rules.column_with_total([n for _, n in report.teams])
    rows = [
        [s.series, d if s.drawn is not None else DASH, c, r]
        for s, d, c, r in zip(report.series, drawn_texts, cases, reviews, strict=True)
    ]
    any_drawn = any(s.drawn is not None for s in report.series)
    case_total = sum(s.cases for s in report.series)
    total = [
        rules.total_text(sum(drawn), drawn_hidden) if any_drawn else DASH,
        rules.total_text(case_total, cases_hidden or teams_hidden),
        rules.total_text(sum(s.reviews for s in report.series), reviews_hidden),
    ]
    team_total = rules.total_text(sum(n for _, n in report.teams), cases_hidden or teams_hidden)
    return rows, total, teams, team_total


def _excluded(report: Report, rules: Disclosure) -> list[tuple[str, str]]:
    if not rules.active:
        return [(e.display, e.reason) for e in report.excluded]
    kinds = sorted(Counter(e.reason.split(" (")[0] for e in report.excluded).items())
    texts = rules.column([n for _, n in kinds])
    return [(kind, text) for (kind, _), text in zip(kinds, texts, strict=True)]


def _weakest(report: Report, rules: Disclosure) -> list[WeakView]:
    views = []
    for weak in report.weakest:
        tally = weak.stat.tally
        share = share_cell(tally, rules, report.settings.threshold)
        if share.value is None:
            continue
        teams = f"{weak.teams_below} af {weak.teams}" if weak.teams and not rules.active else DASH
        views.append(
            WeakView(
                weak.stat.question.id,
                weak.stat.question.text,
                weak.template.title,
                share,
                rules.count(tally.answered),
                teams,
            )
        )
    return views


def report_view(
    report: Report, *, municipality: str, audience: str, today: date, charts: bool
) -> ReportView:
    committee = audience in AGGREGATE
    rules = Disclosure(report.settings.min_count, active=committee)
    ctx = Ctx(rules, report.settings.threshold, charts, leader=not committee)
    series, series_total, team_counts, team_total = _overview(report, rules)
    sections = [
        t for t in report.templates if not committee or t.current.reviews >= rules.min_count
    ]
    return ReportView(
        title=f"Ledelsestilsyn {report.period.label}",
        municipality=municipality,
        audience=AUDIENCES[audience],
        committee=committee,
        department=audience == "afdeling",
        period=report.period.label,
        period_span=_span(report),
        previous=report.previous.label,
        baseline=report.baseline.label if report.baseline else DASH,
        generated=long_date(today),
        threshold=percent(report.settings.threshold, 0),
        min_count=report.settings.min_count,
        series=series,
        series_total=series_total,
        teams=[(name, text) for (name, _), text in zip(report.teams, team_counts, strict=True)],
        teams_total=team_total,
        sections=[section_view(t, ctx) for t in sections],
        weakest=_weakest(report, rules),
        excluded=_excluded(report, rules),
        excluded_total=rules.count(len(report.excluded)),
    )

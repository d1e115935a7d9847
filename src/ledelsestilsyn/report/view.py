"""The display model of the whole report: every text a reader sees, audience rules applied.

The Markdown and HTML templates only lay this out; no figure is computed
or hidden in a template. `--modtager udvalg` gets aggregates only: no case
ids, caseworker names, comments or file names, and small counts hidden.
`--modtager afdeling` gets the same figures under the same rules, and on top
the tiltag's status and case examples by consent (`report.department`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ledelsestilsyn.core.periods import Period
from ledelsestilsyn.core.words import number
from ledelsestilsyn.report import published
from ledelsestilsyn.report.build import WEAKEST, Report
from ledelsestilsyn.report.cells import DASH, ShareCell, share_cell
from ledelsestilsyn.report.corrections import CorrectionsView
from ledelsestilsyn.report.decision import AGGREGATE, disclosure_for
from ledelsestilsyn.report.department import (
    MAX_EXAMPLES_PER_CASE,
    MIN_CASEWORKERS,
    Conclusion,
    TiltagStatus,
)
from ledelsestilsyn.report.formats import long_date, percent
from ledelsestilsyn.report.section_view import Ctx, SectionView, section_view
from ledelsestilsyn.report.suppress import Disclosure, Key
from ledelsestilsyn.report.tiltag import TiltagView

AUDIENCES: dict[str, str] = {
    "leder": "Ledelsen (med detaljer pr. sag)",
    "udvalg": "Det politiske udvalg (kun samlede tal)",
    "afdeling": "Afdelingsmødet (generelle fund; ingen navne, sager eller tal pr. rådgiver)",
}


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
    """The heading of the column compared with the baseline: `ift. baseline 2026-10`, or
    `ift. baseline` where there is none (the first period is it)."""
    generated: str
    threshold: str
    min_count: int
    series: list[list[str]]
    series_total: list[str]
    teams: list[list[str]]
    """Per team: name, [drawn (leaders only),] reviewed cases."""
    teams_total: list[str]
    teams_drawn: bool
    sections: list[SectionView]
    weakest: list[WeakView]
    excluded: list[tuple[str, str]]
    excluded_total: str
    corrections: CorrectionsView | None = None
    tiltag: list[TiltagView] = field(default_factory=list)
    department: bool = False
    tiltag_status: list[TiltagStatus] = field(default_factory=list)
    """The department's and the committee's view of the tiltag (`afdeling`, `udvalg`)."""
    tiltag_missing: str = ""
    """Why the report has no tiltag though tiltag.yaml is there: it has mistakes (O015)."""
    conclusions: list[Conclusion] = field(default_factory=list)
    """The leadership's conclusions on evaluated tiltag, names scrubbed (`afdeling` only)."""
    examples_allowed: bool = False
    min_caseworkers: int = MIN_CASEWORKERS
    max_examples_per_case: int = MAX_EXAMPLES_PER_CASE
    few_note: str = ""
    """Committee only, when most shares are hidden: why, and that a longer period helps."""
    shared_cases: str = ""
    """Under the overview, when a case is reviewed in several series: how it is counted."""
    disclosure: Disclosure = field(default_factory=Disclosure)
    """The report's one suppression decision, for what is added to the view afterwards."""
    compared: str = ""
    """The header's 'sammenlignet med …', saying so when there is nothing before it."""
    weakest_note: str = ""
    """'Hvor er vi svagest' without a question to list: what the reader may conclude."""
    teams_left_out: bool = False
    """The overview has no team table, and the templates none either: too few cases per team,
    or the numbers would pin a hidden count. One sentence says it for both, for "no team has
    5" was a fact the reports of the months and their quarter's decision did not share (the
    quarter's Syd `< 5` was 12 less Nord's at most 4 + 4)."""


NONE_LOW = "Ingen af de viste spørgsmålsandele er under 100 %."
NOT_ALL_SHOWN = (
    f"{NONE_LOW} Ikke alle andele kan vises her: de, der bygger på for få sager, er skjult "
    "(–) eller udeladt, og de kan være lavere."
)
NONE_SHOWN = (
    "Ingen spørgsmålsandel kan vises her: alle er skjult (–) eller udeladt, fordi de bygger på "
    "for få sager eller ville afsløre et lille tal. Om hvor vi er svagest, kan denne rapport "
    "ikke sige noget."
)


def weakest_note(report: Report, rules: Disclosure, *, committee: bool) -> str:
    """What 'Hvor er vi svagest' says when it lists no question. For the committee, read from
    what the report shows (a `–`, a left-out template or step's questions), never from the
    hidden shares: 'some questions are under 100 %, but none can be shown' told the
    committee that a share it may not see, of a template it does not see, was under 100 %;
    and 'none of the shown shares is under 100 %' read as 'all is well' where none was shown."""
    if not committee:
        return NONE_LOW
    shown, hidden = _question_shares(report, rules)
    if hidden and not shown:
        return NONE_SHOWN
    return NOT_ALL_SHOWN if hidden else NONE_LOW


def _question_shares(report: Report, rules: Disclosure) -> tuple[bool, bool]:
    """Whether the report shows a question's share, and whether it hides or leaves one out."""
    shown = hidden = False
    visible = published.shown_templates(report, rules.min_count)
    for template in report.templates:
        ref = template.current.template.ref
        if template not in visible:
            hidden = True
            continue
        for step in template.current.steps:
            if (ref, step.id) in rules.summarised:
                hidden = True
                continue
            for q in step.questions:
                if not q.tally.total:
                    continue
                if rules.shows(published.question_share(ref, step.id, q.question.id)):
                    shown = True
                else:
                    hidden = True
    return shown, hidden


SHARED_CASES = (
    "En sag, der er trukket eller gennemgået i flere tilsyn (fx på flere niveauer), tæller "
    "én gang i i alt, i tabellen pr. team og i afsnittene nedenfor, med gennemgangene fra "
    "det tilsyn, der står først i konceptet; kolonnen gennemgange tæller hver gennemgang."
)


def _compared(report: Report) -> str:
    """What the report is compared with, in words a committee member reads without the
    manual: when the previous period has no reviews, when this period is the baseline (the
    first with reviews), and when the baseline lies inside it ("baseline – (det er denne
    periode)" said the same to nobody)."""
    previous = report.previous.label
    empty = not any(t.previous for t in report.templates)
    if report.baseline is not None:
        said = f"{previous} (ingen gennemgange)" if empty else previous
        return f"sammenlignet med {said} og baseline {report.baseline.label}"
    inside = report.baseline_inside
    if inside is not None:
        said = f"{previous} (ingen gennemgange)" if empty else previous
        period = report.period
        if period.start <= inside.start and inside.end <= period.end:
            where = "der ligger i denne periode"
        elif inside.start <= period.start and period.end <= inside.end:
            where = "som denne periode ligger i"  # baseline 2026 in the report for 2026-11
        else:
            where = "der deler dage med denne periode"
        return f"sammenlignet med {said}, men ikke med baseline {inside.label}, {where}"
    start = (
        f"intet at sammenligne med ({previous} har ingen gennemgange)"
        if empty
        else f"sammenlignet med {previous}"
    )
    return (
        f"{start}; denne periode er baseline: det udgangspunkt, de næste perioder sammenlignes med"
    )


def _span(report: Report) -> str:
    return f"{long_date(report.period.start)} – {long_date(report.period.end)}"


def _overview(
    report: Report, rules: Disclosure
) -> tuple[list[list[str]], list[str], list[list[str]], list[str]]:
    """Series and team tables of the overview. A leader also sees each team's drawn
    cases, so a team whose cases are not reviewed yet stands there with 0."""
    rows = [
        [
            s.series,
            rules.count(published.drawn(s.series), s.drawn) if s.drawn is not None else DASH,
            rules.count(published.cases(s.series), s.cases),
            rules.count(published.reviews(s.series), s.reviews),
        ]
        for s in report.series
    ]
    with_drawn = [s.drawn for s in report.series if s.drawn is not None]
    case_total = rules.count(published.cases(), report.cases)
    total = [
        rules.count(published.drawn(), published.drawn_total(report)) if with_drawn else DASH,
        case_total,
        rules.count(published.reviews(), sum(s.reviews for s in report.series)),
    ]
    if not rules.active and report.team_drawn:
        reviewed = dict(report.teams)
        names = sorted(set(reviewed) | set(report.team_drawn))
        drawn_total = str(sum(report.team_drawn.values()))
        teams = [[n, str(report.team_drawn.get(n, 0)), str(reviewed.get(n, 0))] for n in names]
        return rows, total, teams, [drawn_total, case_total]
    teams = [
        [name, rules.count(published.team(name), n)]
        for name, n in report.teams
        if rules.publishes(published.team(name))
    ]
    return rows, total, teams, [case_total]


def _excluded(report: Report, rules: Disclosure) -> list[tuple[str, str]]:
    if not rules.active:  # a file's name is typed too (`S-1 kopi Noah Hansen.yaml`, a probe)
        return [(report.settings.free_text(e.display), e.reason) for e in report.excluded]
    kinds = sorted(Counter(published.excluded_kind(e.reason) for e in report.excluded).items())
    return [(kind, rules.count(published.excluded(kind), n)) for kind, n in kinds]


def _weakest(report: Report, rules: Disclosure) -> list[WeakView]:
    """The weakest questions. How many teams are under the threshold is for leaders only:
    the committee does not see the teams' shares of a question, and "2 af 2" or "0 af 3"
    says something about every single team. The list is cut after hidden shares are left
    out, so a shown share is never pushed off it by hidden lower ones (which would tell)."""
    views: list[WeakView] = []
    for weak in report.weakest:
        if len(views) == WEAKEST:
            break
        tally = weak.stat.tally
        key = published.question_share(weak.template.ref, weak.stat.step, weak.stat.question.id)
        share = share_cell(tally, report.settings.threshold, rules.shows(key), rules.active)
        if share.value is None:
            continue
        teams = f"{weak.teams_below} af {weak.teams}" if weak.teams and not rules.active else DASH
        views.append(
            WeakView(
                weak.stat.question.id,
                weak.stat.question.text,
                weak.template.title,
                share,
                number(tally.answered),
                teams,
            )
        )
    return views


def report_view(
    report: Report,
    *,
    municipality: str,
    audience: str,
    today: date,
    charts: bool,
    withheld_teams: Mapping[str, Collection[str]] | None = None,
    rules: Disclosure | None = None,
    inner: bool = False,
    elsewhere: Callable[[str, Key], bool] | None = None,
) -> ReportView:
    """The report as shown to `audience`. `rules`: its decision, when already made
    (`period_reports.Reports.decide`), else made here; `inner`: whether it took in the
    reports of periods inside the report's (`overlap`); `elsewhere`: what the audience's
    reports of other periods show (`section_view.Ctx`)."""
    committee = audience in AGGREGATE
    if rules is None:
        rules = disclosure_for(report, audience, withheld_teams)
    ctx = Ctx(
        rules,
        report.settings.threshold,
        charts,
        leader=not committee,
        elsewhere=elsewhere,
        previous=report.previous.label,
        baseline=report.baseline.label if report.baseline else "",
    )
    series, series_total, team_counts, team_total = _overview(report, rules)
    sections = published.shown_templates(report, rules.min_count) if committee else report.templates
    shown = [section_view(t, ctx) for t in sections]
    return ReportView(
        title=f"Ledelsestilsyn {report.period.label}",
        municipality=municipality,
        audience=AUDIENCES[audience],
        committee=committee,
        department=audience == "afdeling",
        period=report.period.label,
        period_span=_span(report),
        previous=report.previous.label,
        baseline=f"ift. baseline {report.baseline.label}" if report.baseline else "ift. baseline",
        generated=long_date(today),
        threshold=percent(report.settings.threshold, 0),
        min_count=report.settings.min_count,
        series=series,
        series_total=series_total,
        teams=team_counts,
        teams_total=team_total,
        teams_drawn=len(team_total) == 2,  # a leader's table: drawn and reviewed
        sections=shown,
        weakest=_weakest(report, rules),
        weakest_note=weakest_note(report, rules, committee=committee),
        compared=_compared(report),
        excluded=_excluded(report, rules),
        excluded_total=rules.count(published.excluded(), len(report.excluded)),
        few_note=few_note(report.period, shown, inner=inner) if committee else "",
        shared_cases=SHARED_CASES if published.shared(report) else "",
        disclosure=rules,
        teams_left_out=not team_counts,
    )


def few_note(period: Period, sections: Sequence[SectionView], *, inner: bool = False) -> str:
    """One line for the committee when most of the shares it is shown are hidden (`–`):
    why, and that a longer period helps. Decided from the cells as shown, never from a
    count, so the line tells nothing that the dashes do not; and it holds no number. A
    question shown with no answers at all (total `0`) has no share to hide and is left out.
    `inner`: the report took in the reports of periods inside it (`overlap`), which may be
    why, however many cases it has; the line then says so, and how to say it needs not."""
    cells: list[ShareCell] = []
    for section in sections:
        for step in [*section.steps, *section.across]:
            answered = [q.share for q in step.questions if q.total != "0"]
            cells.extend([step.share, *answered] if answered else [])
    if cells and 2 * sum(c.value is None for c in cells) <= len(cells):
        return ""
    why = (
        "De fleste andele er skjult (–): rapporten dækker få gennemgåede sager, "
        "og et lille tal kunne pege på enkelte sager."
    )
    if inner:
        more = (
            " Flere andele kan vises, når flere sager er gennemgået." if period.kind == "år" else ""
        )
        where = "i og omkring" if period.kind == "interval" else "inden i"
        return (
            "De fleste andele er skjult (–): rapporten dækker få gennemgåede sager, eller "
            f"andelene kunne sammen med rapporterne for perioderne {where} {period.label} "
            "afsløre et lille tal. Får udvalget ikke de rapporter, så skriv de slags perioder, "
            f"det får, under rapport.udvalgets_perioder i konceptet (fx [kvartal]).{more}"
        )
    year = period.end.year
    if period.kind == "måned":
        quarter = (period.end.month - 1) // 3 + 1
        longer = f"kvartalet (--periode {year}-K{quarter}) eller hele året (--periode {year})"
    elif period.kind != "år":
        longer = f"hele året (--periode {year})"
    else:
        return f"{why} Flere andele kan vises, når flere sager er gennemgået."
    return (
        f"{why} En rapport over en længere periode, fx {longer}, "
        "har flere sager bag hver andel, så flere kan vises."
    )

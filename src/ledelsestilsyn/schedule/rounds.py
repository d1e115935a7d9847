"""A series' schedule and its rounds: when each round is drawn, finished and reported.

Pure: plain data, kept in `påmind`'s JSON cache (`schedule.concept_cache`).

A series that draws from the export works in its own period: the sample is
drawn by day `udtræk_senest_dag` of the period's first month, the reviews are
finished by day `færdig_senest_dag` of its last month (the month's last day if
it is shorter), and the report is due `rapport_dage_efter` days after the
period ends.

A level (`niveau`) draws from its sources' finished reviews in its period, so
it cannot start before they are done: it works `lag_months` months after its
period, one month after the latest of its sources (niveau 2 of 2026-K4 in
January 2027, niveau 3 in February, niveau 4 in March). Its sample is drawn and
its reviews finished in that month, and the report is due `rapport_dage_efter`
days after the month ends.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ledelsestilsyn.core.periods import Kind as PeriodKind
from ledelsestilsyn.core.periods import Period, add_months, round_periods

UNKNOWN_STEP = "ukendt sagsskridt"
_STEP_ID = re.compile(r"[a-zæøå0-9][a-zæøå0-9._-]*")


@dataclass(frozen=True)
class SeriesPlan:
    """One series' schedule: when its rounds start, what they cover, their deadlines."""

    name: str
    title: str
    round_months: tuple[int, ...]
    period_kind: PeriodKind
    focus: tuple[str, ...] = ()
    annual_plan: tuple[tuple[int, tuple[str, ...]], ...] = ()
    draw_day: int = 7
    finish_day: int = 20
    report_days: int = 7
    reviewers: tuple[str, ...] = ()
    step_titles: tuple[tuple[str, str], ...] = ()
    """(step id, title) from the series' template; a step it lacks is shown by its id."""
    lag_months: int = 0
    """Months after its period in which a level works (0: a series drawn from the export)."""
    sources: tuple[str, ...] = ()
    """The series a level draws from (`niveau.fra`); empty for one drawn from the export."""

    def focus_for_month(self, month: int) -> tuple[str, ...]:
        """The steps in focus in a month: the årshjul's entry, else `fokus` (empty: all)."""
        return dict(self.annual_plan).get(month) or self.focus

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "round_months": list(self.round_months),
            "period_kind": self.period_kind,
            "focus": list(self.focus),
            "annual_plan": [[m, list(steps)] for m, steps in self.annual_plan],
            "deadlines": [self.draw_day, self.finish_day, self.report_days],
            "reviewers": list(self.reviewers),
            "titles": [list(pair) for pair in self.step_titles],
            "lag": self.lag_months,
            "sources": list(self.sources),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SeriesPlan:
        draw, finish, report = data["deadlines"]
        return cls(
            name=data["name"],
            title=data["title"],
            round_months=tuple(data["round_months"]),
            period_kind=data["period_kind"],
            focus=tuple(data["focus"]),
            annual_plan=tuple((int(m), tuple(steps)) for m, steps in data["annual_plan"]),
            draw_day=draw,
            finish_day=finish,
            report_days=report,
            reviewers=tuple(data["reviewers"]),
            step_titles=tuple((step, title) for step, title in data["titles"]),
            lag_months=data["lag"],
            sources=tuple(data["sources"]),
        )


@dataclass(frozen=True, order=True)
class Round:
    period: Period
    series: str
    title: str
    focus: tuple[str, ...]
    draw_by: date
    finish_by: date
    report_by: date
    focus_titles: tuple[str, ...] = ()
    """`focus` as a leader reads it: the steps' titles."""
    opens: date = date.min
    """The first day of the month the sample is drawn in (the period's start, or later for a
    level)."""
    closes: date = date.max
    """The last day of the month the reviews are finished in (the period's end, or later for
    a level); the report is due after it."""

    def runs(self, today: date) -> bool:
        """Whether the round's work is under way on `today`."""
        return self.opens <= today <= self.closes


def _day_in_month(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def make_round(series: SeriesPlan, period: Period) -> Round:
    start, end = period.start, period.end
    opens, closes = start, end
    first, last = (start.year, start.month), (end.year, end.month)
    if series.lag_months:
        first = last = add_months(end.year, end.month, series.lag_months)
        opens, closes = date(*first, 1), _day_in_month(*last, 31)
    focus = series.focus_for_month(start.month)
    titles = dict(series.step_titles)
    return Round(
        period=period,
        series=series.name,
        title=series.title,
        focus=focus,
        draw_by=_day_in_month(*first, series.draw_day),
        finish_by=min(_day_in_month(*last, series.finish_day), closes),
        report_by=closes + timedelta(days=series.report_days),
        focus_titles=tuple(_focus_title(step, titles) for step in focus),
        opens=opens,
        closes=closes,
    )


def _focus_title(step: str, titles: dict[str, str]) -> str:
    """The step's title; its id when the template could not be read (`tjek` says why); a step
    the template lacks, or an id no template could have (`Kirsten Ågesen`: probe BH typed a
    name in `årshjul`, and `påmind` and the calendar printed it), as unknown (`tjek`: K011)."""
    if step in titles:
        return titles[step]
    return step if not titles and _STEP_ID.fullmatch(step) else UNKNOWN_STEP


def rounds_in_year(series: SeriesPlan, year: int) -> list[Round]:
    """Every round of the series that starts in `year`, in order."""
    return [
        make_round(series, period)
        for period in round_periods(series.round_months, series.period_kind, year)
    ]

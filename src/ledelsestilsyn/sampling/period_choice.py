"""Which period `udtræk` draws: the one `--periode` names, or the round of the series that
runs today (U002 when none does, with the series' rounds on either side as the tip); and
U012 when a period that is given is not one of the series' rounds in koncept.yaml."""

from __future__ import annotations

from datetime import date

from ledelsestilsyn.core.diagnostics import Argument, Diagnostic, ErrorKind, fail, warning
from ledelsestilsyn.core.periods import (
    Period,
    parse_period,
    round_period,
    round_periods,
    rounds_around,
)
from ledelsestilsyn.models.concept import Series
from ledelsestilsyn.sampling.series_choice import level_rounds_around, running_round
from ledelsestilsyn.workspace.open import Workspace


def chosen_period(
    workspace: Workspace, name: str, series: Series, given: str | None, today: date
) -> Period:
    """The period `--periode` gives, or else the series' round that runs `today` (for a
    level: the one whose sources' period has just ended); U002 when there is none."""
    if given is not None:
        return parse_period(given)
    months, kind = series.cadence.round_months(), series.cadence.period
    found = (
        running_round(workspace, name, today)  # a level works after its period
        if series.level
        else round_period(months, kind, today)
    )
    if found is None:
        raise fail(
            Argument.PERIOD,
            "U002",
            f"serien har ingen runde, der omfatter {today}."
            if not series.level
            else f"niveauet trækker ingen runde {today}: et niveau trækkes i måneden "
            "efter sine kilders periode.",
            hint=_between_rounds(workspace, name, series, today),
            kind=ErrorKind.USAGE,
        )
    return found


def _between_rounds(workspace: Workspace, name: str, series: Series, today: date) -> str:
    """U002's tip: the series' own rounds on either side of the day, not any period (for a
    level, the rounds whose work lies before and after it)."""
    before, after = (
        level_rounds_around(workspace, name, today)
        if series.level
        else rounds_around(series.cadence.round_months(), series.cadence.period, today)
    )
    if before is None or after is None:
        return "angiv perioden."
    return f"angiv perioden: seriens seneste runde er {before.label} og den næste {after.label}."


def outside_plan(name: str, series: Series, period: Period, concept: str) -> list[Diagnostic]:
    """U012: a period that is not one of the series' rounds in koncept.yaml. It is drawn (an
    extra round may be wanted), but `påmind` will then ask for its reviews and report."""
    rounds = round_periods(series.cadence.round_months(), series.cadence.period, period.start.year)
    if period in rounds:
        return []
    listed = ", ".join(r.label for r in rounds) or "ingen"
    return [
        warning(
            concept,
            "U012",
            f"{period.label} er ikke en runde for '{name}' (runderne i {period.start.year}: "
            f"{listed}); stikprøven trækkes alligevel, og påmind vil bede om dens gennemgange "
            "og rapport.",
            hint="skal runden med i planen, så ret kadencen i koncept.yaml; var perioden en "
            "fejl, så flyt mappen væk fra udtræk, før noget er udfyldt.",
        )
    ]

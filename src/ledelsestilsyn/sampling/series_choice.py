"""Which series `udtræk` draws: the one named by `--tilsyn`, the concept's only one, or an
error (U001) whose tip names the series whose round is running (not yet drawn first) and,
for a name that is not a series, the one it most likely meant (a prefix, a typo, capitals)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ledelsestilsyn.core.diagnostics import Argument, ErrorKind, TilsynError, fail
from ledelsestilsyn.core.periods import Period, parse_period, round_periods
from ledelsestilsyn.core.quote import quote_unknown
from ledelsestilsyn.models.concept import Series
from ledelsestilsyn.models.located import meant_name
from ledelsestilsyn.workspace.open import Workspace


def chosen_series(
    workspace: Workspace, wanted: str | None, period: str | None, today: date
) -> tuple[str, Series]:
    """The series to draw; U001 (exit 2) when `wanted` is missing and there are several, or
    names none of them."""
    series = workspace.concept.series
    names = list(series)
    if wanted is None and len(names) == 1:
        return names[0], series[names[0]]
    if wanted is not None and wanted in series:
        return wanted, series[wanted]
    guess = meant_name(wanted, names) if wanted else None
    running = _running(workspace, period, today)
    if guess:
        tip = f"mente du '{guess}'? "
    elif running:
        tip = f"{running} "
    else:
        tip = ""
    raise fail(
        Argument.SERIES,
        "U001",
        f"tilsynsserien {quote_unknown(wanted, names, suggested=guess)} findes ikke."
        if wanted
        else "vælg en tilsynsserie.",
        hint=f"{tip}{'Vælg' if tip else 'vælg'} en af: {', '.join(names)}.",
        kind=ErrorKind.USAGE,
    )


def _running(workspace: Workspace, period: str | None, today: date) -> str:
    """`runder i dag (…): 'a' 2026-12 (ikke trukket endnu) og …`, or '' when no round runs;
    with `--periode` the series that have a round in that period."""
    wanted: Period | None = None
    if period:
        try:
            wanted = parse_period(period)
        except TilsynError:
            wanted = None
    found: list[tuple[str, Period, bool]] = []
    for name, current in _rounds(workspace, wanted, today):
        drawn = _drawn(workspace.samples_dir / f"{current.label}-{name}")
        found.append((name, current, drawn))
    if not found:
        return ""
    found.sort(key=lambda item: item[2])  # not yet drawn first
    listed = [f"'{n}' {p.label} ({'trukket' if d else 'ikke trukket endnu'})" for n, p, d in found]
    joined = listed[0] if len(listed) == 1 else f"{', '.join(listed[:-1])} og {listed[-1]}"
    when = f"i {wanted.label}" if wanted else f"i dag ({today.isoformat()})"
    return f"runder {when}: {joined}."


def running_round(workspace: Workspace, name: str, today: date) -> Period | None:
    """The period of the series' round whose work is under way `today`, as påmind plans it
    (for a level the period before: niveau 2 of 2026-K4 is drawn in January 2027)."""
    return next((p for n, p in _rounds(workspace, None, today) if n == name), None)


def level_rounds_around(
    workspace: Workspace, name: str, today: date
) -> tuple[Period | None, Period | None]:
    """The periods of the level's last round whose work ended before `today` and of the
    first whose work starts after it (in February 2027: niveau 2's 2026-K4 and 2027-K1)."""
    from ledelsestilsyn.schedule.rounds import rounds_in_year
    from ledelsestilsyn.schedule.series_plans import series_plans

    plan = next(p for p in series_plans(workspace.concept) if p.name == name)
    rounds = [r for y in range(today.year - 2, today.year + 2) for r in rounds_in_year(plan, y)]
    before = [r.period for r in rounds if r.closes < today]
    after = [r.period for r in rounds if r.opens > today]
    return (before[-1] if before else None), (after[0] if after else None)


def _rounds(workspace: Workspace, wanted: Period | None, today: date) -> list[tuple[str, Period]]:
    """(series, period) of each series' round in `wanted`, or, without it, of the round whose
    work is under way `today` as påmind plans it: a level works after its period (niveau 2
    of 2026-K4 in January 2027), so in December its round is not yet one to draw."""
    from ledelsestilsyn.schedule.rounds import rounds_in_year
    from ledelsestilsyn.schedule.series_plans import series_plans

    found: list[tuple[str, Period]] = []
    for plan in series_plans(workspace.concept):
        if wanted is not None:
            periods = round_periods(plan.round_months, plan.period_kind, wanted.start.year)
            found += [(plan.name, wanted)] if wanted in periods else []
            continue
        years = (today.year - 1, today.year)
        found += [
            (plan.name, r.period) for y in years for r in rounds_in_year(plan, y) if r.runs(today)
        ]
    return found


def _drawn(folder: Path) -> bool:
    from ledelsestilsyn.workspace.layout import MANIFEST_NAME

    return (folder / MANIFEST_NAME).is_file()

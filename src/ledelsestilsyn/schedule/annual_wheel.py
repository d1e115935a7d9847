"""The årshjul: one year, month by series, with each round's focus and state. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ledelsestilsyn.schedule.plan import Plan, WorkspaceState, drawn_starts, sources_drawn
from ledelsestilsyn.schedule.rounds import Round, rounds_in_year


@dataclass(frozen=True)
class Cell:
    round: Round | None
    """The round starting this month, or None."""
    running: bool = False
    """True for the later months of a round that spans several."""
    state: str = ""


def round_state(r: Round, state: WorkspaceState, today: date, sources: tuple[str, ...] = ()) -> str:
    """`planlagt`, `ikke trukket`, `før første udtræk` (a round before the series' first
    drawn one: not missed, like in `påmind`), `kilden har ingen stikprøve` (a level whose
    `sources` have none in its period: it cannot be drawn, and `påmind` does not ask), or
    `trukket: n af m færdige` (`1 af m færdig`; + `, rapport lavet`)."""
    key = (r.series, r.period.label)
    if key not in state.drawn:
        if r.opens > today:
            return "planlagt"
        if not sources_drawn(sources, r, state):
            return f"{'kilden har' if len(sources) == 1 else 'kilderne har'} ingen stikprøve"
        return "ikke trukket" if r.runs(today) or _started(r, state) else "før første udtræk"
    listed = sum((x.series, x.period) == key for x in state.reviews)
    total = listed + state.complete_unlisted.get(key, 0)
    done = state.complete_count(*key)
    text = f"trukket: {done} af {total} {'færdig' if done == 1 else 'færdige'}"
    return text + (", rapport lavet" if key in state.reports else "")


def _started(r: Round, state: WorkspaceState) -> bool:
    """Whether the series has a sample drawn for this round or one before it."""
    return any(start <= r.period.start for start in drawn_starts(state, (r.series,)))


def wheel(
    plan: Plan, state: WorkspaceState, year: int, today: date
) -> list[tuple[int, list[Cell]]]:
    """(month, one cell per series in the plan's order) for the 12 months of `year`."""
    rounds = {s.name: rounds_in_year(s, year) for s in plan.series}
    rows = []
    for month in range(1, 13):
        first = date(year, month, 1)
        cells = []
        for series in plan.series:
            cell = Cell(None)
            for r in rounds[series.name]:
                if r.period.start == first:
                    cell = Cell(r, state=round_state(r, state, today, series.sources))
                elif first in r.period:
                    cell = Cell(r, running=True)
            cells.append(cell)
        rows.append((month, cells))
    return rows


def year_rounds(plan: Plan, year: int) -> list[Round]:
    return sorted(r for s in plan.series for r in rounds_in_year(s, year))

"""A level draws from its sources' finished reviews, so `påmind` and the årshjul give it its
deadlines after them, and never call it late while its sources are still being reviewed."""

from __future__ import annotations

from datetime import date

from test_plan import PRESETS, preset_plan

from ledelsestilsyn.core.periods import parse_period
from ledelsestilsyn.schedule.annual_wheel import round_state
from ledelsestilsyn.schedule.plan import Item, WorkspaceState, status_at
from ledelsestilsyn.schedule.rounds import make_round
from ledelsestilsyn.schedule.series_plans import level_lags
from ledelsestilsyn.workspace.open import load_concept

MONTHLY_DRAWN = frozenset(
    (series, f"2026-{month:02d}") for series in ("niveau-1", "døgnvagten") for month in (10, 11)
)


def _draws(items: tuple[Item, ...]) -> dict[str, Item]:
    return {i.round.series: i for i in items if i.kind == "udtræk"}


def test_in_the_quarter_no_level_is_due_yet() -> None:
    """On 10 November the quarter's monthly reviews are still under way: before, the kk
    levels were reported '34 dage for sent' for a sample that could not yet be drawn."""
    status = status_at(preset_plan("kk"), WorkspaceState(MONTHLY_DRAWN), date(2026, 11, 10))
    levels = {"niveau-2", "døgnvagten-niveau-2", "niveau-3", "niveau-4"}
    assert not [i for i in status.items if i.round.series in levels]


def test_each_level_is_due_the_month_after_the_one_below() -> None:
    plan = preset_plan("kk")
    january = _draws(status_at(plan, WorkspaceState(MONTHLY_DRAWN), date(2027, 1, 10)).items)
    assert january["niveau-2"].round.period.label == "2026-K4"
    assert january["niveau-2"].days_left == -3  # drawn by 7 January
    assert "niveau-3" not in january and "niveau-4" not in january
    level_2 = MONTHLY_DRAWN | {("niveau-2", "2026-K4"), ("døgnvagten-niveau-2", "2026-K4")}
    february = _draws(status_at(plan, WorkspaceState(level_2), date(2027, 2, 1)).items)
    assert february["niveau-3"].round.draw_by == date(2027, 2, 7)
    assert "niveau-4" not in february


def test_the_report_is_due_after_the_levels_month() -> None:
    series = next(s for s in preset_plan("kk").series if s.name == "niveau-2")
    r = make_round(series, parse_period("2026-K4"))
    assert (r.opens, r.draw_by, r.finish_by, r.closes, r.report_by) == (
        date(2027, 1, 1),
        date(2027, 1, 7),
        date(2027, 1, 28),
        date(2027, 1, 31),
        date(2027, 2, 14),
    )
    state = WorkspaceState(frozenset({("niveau-2", "2026-K4")}))
    status = status_at(preset_plan("kk"), state, date(2027, 1, 20))
    assert not [i for i in status.items if i.kind == "rapport"]


def test_the_annual_wheel_calls_a_level_planned_until_its_month() -> None:
    series = next(s for s in preset_plan("kk").series if s.name == "niveau-2")
    r = make_round(series, parse_period("2026-K4"))
    empty = WorkspaceState(frozenset())
    assert round_state(r, empty, date(2026, 11, 10), series.sources) == "planlagt"
    assert round_state(r, empty, date(2027, 1, 10)) == "ikke trukket"
    # as in påmind: a level whose source has no sample in the period is not missed
    assert round_state(r, empty, date(2027, 1, 10), series.sources) == "kilden har ingen stikprøve"
    drawn = WorkspaceState(MONTHLY_DRAWN)
    assert round_state(r, drawn, date(2027, 1, 10), series.sources) == "ikke trukket"


def test_each_level_works_a_month_after_its_latest_source() -> None:
    concept, _ = load_concept(PRESETS / "kk.yaml")
    assert level_lags(concept) == {
        "niveau-1": 0,
        "døgnvagten": 0,
        "niveau-2": 1,
        "døgnvagten-niveau-2": 1,
        "niveau-3": 2,
        "niveau-4": 3,
    }


def test_next_month_names_the_levels_drawn_next_month() -> None:
    """In December, 'Næste måned' listed niveau 2-4 for 2027-K1 ('Stikprøven trækkes senest
    7. april 2027', '7. maj', '7. juni'), since their period starts in January, and left out
    niveau 2 for 2026-K4, which is drawn by 7 January. A level's round is next month's when
    its work begins then, and only when one of its sources has a sample in the period."""
    plan = preset_plan("kk")
    december = status_at(plan, WorkspaceState(MONTHLY_DRAWN), date(2026, 12, 2))
    upcoming = {(r.series, r.period.label, r.draw_by) for r in december.upcoming}
    assert ("niveau-2", "2026-K4", date(2027, 1, 7)) in upcoming
    assert ("døgnvagten-niveau-2", "2026-K4", date(2027, 1, 7)) in upcoming
    assert ("niveau-1", "2027-01", date(2027, 1, 7)) in upcoming
    assert all(r.draw_by.month == 1 for r in december.upcoming), upcoming
    assert {s for s, _, _ in upcoming} == {
        "niveau-1",
        "døgnvagten",
        "niveau-2",
        "døgnvagten-niveau-2",
    }
    nothing_drawn = status_at(plan, WorkspaceState(frozenset()), date(2026, 12, 2))
    assert {r.series for r in nothing_drawn.upcoming} == {"niveau-1", "døgnvagten"}

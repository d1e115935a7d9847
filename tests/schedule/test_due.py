"""What is due and overdue on a given day, for a workspace in every state."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ledelsestilsyn.review.state import ReviewState
from ledelsestilsyn.schedule.plan import (
    Plan,
    ReviewInfo,
    Status,
    WorkspaceState,
    status_at,
)
from ledelsestilsyn.schedule.rounds import SeriesPlan, rounds_in_year

MONTHLY = SeriesPlan(
    "månedligt",
    "Månedligt tilsyn",
    tuple(range(1, 13)),
    "måned",
    annual_plan=((3, ("afdækning",)), (4, ("anbringelse",))),
)
THEMED = SeriesPlan(
    "tematiseret", "Tematiseret", (2, 5, 8, 11), "måned", finish_day=28, report_days=14
)
PLAN = Plan((MONTHLY, THEMED))

COMPLETE, INVALID = ReviewState.COMPLETE, ReviewState.INVALID
NOT_STARTED, PARTIAL = ReviewState.NOT_STARTED, ReviewState.PARTIAL


def review(period: str, case: str, reviewer: str, state: str, no: int = 1) -> ReviewInfo:
    return ReviewInfo("månedligt", period, case, reviewer, state, no)


def summary(status: Status) -> list[tuple[str, str, str, str, int]]:
    return [
        (i.kind, i.round.series, i.round.period.label, i.reviewer, i.days_left)
        for i in status.items
    ]


def test_nothing_drawn_the_current_round_is_due() -> None:
    status = status_at(PLAN, WorkspaceState(frozenset()), date(2027, 3, 3))
    assert summary(status) == [("udtræk", "månedligt", "2027-03", "", 4)]
    assert [(r.series, r.period.label, r.focus) for r in status.upcoming] == [
        ("månedligt", "2027-04", ("anbringelse",))
    ]


def test_draw_overdue_after_the_draw_day() -> None:
    status = status_at(PLAN, WorkspaceState(frozenset()), date(2027, 2, 10))
    assert summary(status) == [
        ("udtræk", "månedligt", "2027-02", "", -3),
        ("udtræk", "tematiseret", "2027-02", "", -3),
    ]
    assert all(i.overdue for i in status.items)
    assert status.items[0].key() == "udtræk|månedligt|2027-02||overskredet"


def test_drawn_and_finished_nothing_due() -> None:
    state = WorkspaceState(
        frozenset({("månedligt", "2027-03")}),
        (review("2027-03", "S-1", "Anne", COMPLETE), review("2027-03", "S-2", "Bo", COMPLETE)),
    )
    status = status_at(PLAN, state, date(2027, 3, 25))
    assert status.nothing_due
    (current,) = status.rounds
    assert current.drawn and dict(current.counts) == {COMPLETE: 2}


def test_open_reviews_per_reviewer_with_days_left_and_overdue() -> None:
    reviews = (
        review("2027-03", "S-1", "Anne", COMPLETE),
        review("2027-03", "S-2", "Anne", PARTIAL),
        review("2027-03", "S-3", "Bo", NOT_STARTED),
        review("2027-03", "S-4", "Bo", INVALID),
        review("2027-03", "S-5", "", NOT_STARTED),
    )
    state = WorkspaceState(frozenset({("månedligt", "2027-03")}), reviews)
    before = status_at(PLAN, state, date(2027, 3, 15))
    assert summary(before) == [
        ("gennemgang", "månedligt", "2027-03", "", 5),
        ("gennemgang", "månedligt", "2027-03", "Anne", 5),
        ("gennemgang", "månedligt", "2027-03", "Bo", 5),
    ]
    bo = before.items[2]
    assert bo.cases == ("S-3", "S-4") and dict(bo.counts) == {NOT_STARTED: 1, INVALID: 1}
    after = status_at(PLAN, state, date(2027, 3, 22))
    assert [i.days_left for i in after.items] == [-2, -2, -2]
    assert after.items[1].key().endswith("|Anne|overskredet")


def test_report_due_after_the_period_and_gone_when_made() -> None:
    drawn = frozenset({("månedligt", "2027-03"), ("månedligt", "2027-04")})
    reviews = (
        review("2027-03", "S-1", "Anne", COMPLETE),
        review("2027-04", "S-2", "Anne", COMPLETE),
    )
    missing = status_at(PLAN, WorkspaceState(drawn, reviews), date(2027, 4, 3))
    assert summary(missing) == [("rapport", "månedligt", "2027-03", "", 4)]
    late = status_at(PLAN, WorkspaceState(drawn, reviews), date(2027, 4, 9))
    assert summary(late) == [("rapport", "månedligt", "2027-03", "", -2)]
    made = WorkspaceState(drawn, reviews, frozenset({("månedligt", "2027-03")}))
    assert status_at(PLAN, made, date(2027, 4, 9)).nothing_due


def test_calibration_pair_with_one_review_in() -> None:
    reviews = (
        review("2027-03", "S-1", "Anne", COMPLETE),
        review("2027-03", "S-1", "Bo", NOT_STARTED, 2),
        review("2027-03", "S-2", "Anne", COMPLETE),
        review("2027-03", "S-2", "Bo", COMPLETE, 2),
    )
    state = WorkspaceState(frozenset({("månedligt", "2027-03")}), reviews)
    status = status_at(PLAN, state, date(2027, 3, 10))
    assert [(i.kind, i.reviewer, i.cases) for i in status.items] == [
        ("gennemgang", "Bo", ("S-1 (2. gennemgang)",)),
        ("kalibrering", "", ("S-1",)),
    ]


def test_a_skipped_round_after_the_start_is_overdue_but_not_before_the_start() -> None:
    drawn = frozenset({("månedligt", "2027-01"), ("månedligt", "2027-03")})
    reports = frozenset({("månedligt", "2027-01")})
    status = status_at(PLAN, WorkspaceState(drawn, (), reports), date(2027, 3, 10))
    # 2026 months before the first drawn round are not reminded; February is.
    assert summary(status) == [("udtræk", "månedligt", "2027-02", "", -31)]


def test_rounds_older_than_the_horizon_are_forgotten() -> None:
    drawn = frozenset({("månedligt", "2025-01")})
    reviews = (review("2025-01", "S-1", "Anne", PARTIAL),)
    status = status_at(PLAN, WorkspaceState(drawn, reviews), date(2027, 3, 10))
    assert summary(status) == [("udtræk", "månedligt", "2027-03", "", -3)]


def test_a_sample_outside_the_cadence_is_still_followed() -> None:
    drawn = frozenset({("tematiseret", "2027-K1")})
    reviews = (ReviewInfo("tematiseret", "2027-K1", "S-9", "Anne", PARTIAL),)
    status = status_at(Plan((THEMED,)), WorkspaceState(drawn, reviews), date(2027, 3, 10))
    # The sample's own deadlines; and February's round, after it, is missing.
    assert summary(status) == [
        ("udtræk", "tematiseret", "2027-02", "", -31),
        ("gennemgang", "tematiseret", "2027-K1", "Anne", 18),
    ]


def _everything_done(plan: Plan, today: date) -> WorkspaceState:
    drawn = set()
    for series in plan.series:
        for year in (today.year - 1, today.year):
            drawn |= {(series.name, r.period.label) for r in rounds_in_year(series, year)}
    return WorkspaceState(frozenset(drawn), (), frozenset(drawn))


days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))
months = st.lists(st.integers(1, 12), min_size=1, max_size=12, unique=True).map(
    lambda ms: tuple(sorted(ms))
)
series_plans = st.builds(
    SeriesPlan,
    name=st.just("s"),
    title=st.just("S"),
    round_months=months,
    period_kind=st.sampled_from(["måned", "kvartal", "halvår", "år"]),
    draw_day=st.integers(1, 28),
    finish_day=st.integers(1, 31),
    report_days=st.integers(0, 92),
)


@given(series_plans, days)
def test_property_all_done_means_nothing_due(series: SeriesPlan, today: date) -> None:
    plan = Plan((series,))
    assert status_at(plan, _everything_done(plan, today), today).nothing_due


@given(series_plans, days)
def test_property_a_running_undrawn_round_is_always_due(series: SeriesPlan, today: date) -> None:
    status = status_at(Plan((series,)), WorkspaceState(frozenset()), today)
    running = [s.round for s in status.rounds if today in s.round.period]
    assert [i.round for i in status.items] == running
    for item in status.items:
        assert item.overdue == (today > item.deadline)
        assert item.deadline == item.round.draw_by


@given(series_plans, days)
def test_property_deadlines_are_ordered(series: SeriesPlan, today: date) -> None:
    for r in rounds_in_year(series, today.year):
        assert r.period.start <= r.finish_by <= r.period.end < r.report_by + timedelta(days=1)
        assert r.period.start <= r.draw_by

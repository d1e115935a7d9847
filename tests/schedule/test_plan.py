"""The schedule of each preset over a whole year, against hand-written expectations."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import OFFICIAL_STEPS
from ledelsestilsyn.schedule.concept_cache import plan_from_concept
from ledelsestilsyn.schedule.plan import Plan
from ledelsestilsyn.schedule.rounds import SeriesPlan, rounds_in_year
from ledelsestilsyn.templates.catalog import shipped_dir
from ledelsestilsyn.workspace.open import load_concept

PRESETS = shipped_dir().parent / "forlæg"


def preset_plan(name: str) -> Plan:
    concept, _ = load_concept(PRESETS / f"{name}.yaml")
    return plan_from_concept(concept)


def table(plan: Plan, year: int) -> dict[str, list[tuple[str, str, str, str, tuple[str, ...]]]]:
    """series -> [(label, draw by, finish by, report by, focus)] as ISO text."""
    return {
        s.name: [
            (
                r.period.label,
                r.draw_by.isoformat(),
                r.finish_by.isoformat(),
                r.report_by.isoformat(),
                r.focus,
            )
            for r in rounds_in_year(s, year)
        ]
        for s in plan.series
    }


ALL_STEPS = OFFICIAL_STEPS
SBST_FOCUS = {
    1: ("underretning", "screening"),
    2: ("underretning", "screening"),
    3: ("afdækning", "børnefaglig-undersøgelse"),
    4: ("afdækning", "børnefaglig-undersøgelse"),
    5: ("støttende-indsatser",),
    6: ("støttende-indsatser",),
    7: ("anbringelse",),
    8: ("anbringelse",),
    9: ("opfølgning",),
    10: ("opfølgning",),
    11: ALL_STEPS,
    12: ALL_STEPS,
}
# Month -> (finish by, report by) for the monthly series with 20th / 7 days after.
MONTHLY_2027 = {
    1: ("2027-01-20", "2027-02-07"),
    2: ("2027-02-20", "2027-03-07"),
    3: ("2027-03-20", "2027-04-07"),
    4: ("2027-04-20", "2027-05-07"),
    5: ("2027-05-20", "2027-06-07"),
    6: ("2027-06-20", "2027-07-07"),
    7: ("2027-07-20", "2027-08-07"),
    8: ("2027-08-20", "2027-09-07"),
    9: ("2027-09-20", "2027-10-07"),
    10: ("2027-10-20", "2027-11-07"),
    11: ("2027-11-20", "2027-12-07"),
    12: ("2027-12-20", "2028-01-07"),
}


def test_sbst_year() -> None:
    got = table(preset_plan("sbst"), 2027)
    assert got["månedligt-overordnet"] == [
        (f"2027-{m:02d}", f"2027-{m:02d}-07", *MONTHLY_2027[m], SBST_FOCUS[m]) for m in range(1, 13)
    ]
    intentions = "intentioner"
    assert got["tematiseret"] == [
        (
            "2027-02",
            "2027-02-07",
            "2027-02-28",
            "2027-03-14",
            ("underretning", "screening", intentions),
        ),
        (
            "2027-05",
            "2027-05-07",
            "2027-05-28",
            "2027-06-14",
            ("børnefaglig-undersøgelse", intentions),
        ),
        ("2027-08", "2027-08-07", "2027-08-28", "2027-09-14", ("støttende-indsatser", intentions)),
        (
            "2027-11",
            "2027-11-07",
            "2027-11-28",
            "2027-12-14",
            ("anbringelse", "opfølgning", intentions),
        ),
    ]


def test_kk_year() -> None:
    got = table(preset_plan("kk"), 2027)
    for monthly in ("niveau-1", "døgnvagten"):
        assert [row[0] for row in got[monthly]] == [f"2027-{m:02d}" for m in range(1, 13)]
        assert [row[2:4] for row in got[monthly]] == [MONTHLY_2027[m] for m in range(1, 13)]
    assert got["døgnvagten"][0][4] == ("underretning", "støttende-indsatser", "anbringelse")
    assert got["niveau-1"][0][4] == ()
    # A level draws from its sources' finished reviews in its quarter, so it works the month
    # after them: level 2 (both) the month after the quarter, finishing by the 28th and
    # reporting 14 days after that month; level 3 a month later and level 4 a month after
    # that, with the default deadlines (7th, 20th, 7 days after the month).
    level_2 = [
        ("2027-K1", "2027-04-07", "2027-04-28", "2027-05-14"),
        ("2027-K2", "2027-07-07", "2027-07-28", "2027-08-14"),
        ("2027-K3", "2027-10-07", "2027-10-28", "2027-11-14"),
        ("2027-K4", "2028-01-07", "2028-01-28", "2028-02-14"),
    ]
    assert [row[:4] for row in got["niveau-2"]] == level_2
    assert [row[:4] for row in got["døgnvagten-niveau-2"]] == level_2
    assert [row[:4] for row in got["niveau-3"]] == [
        ("2027-K1", "2027-05-07", "2027-05-20", "2027-06-07"),
        ("2027-K2", "2027-08-07", "2027-08-20", "2027-09-07"),
        ("2027-K3", "2027-11-07", "2027-11-20", "2027-12-07"),
        ("2027-K4", "2028-02-07", "2028-02-20", "2028-03-07"),
    ]
    assert [row[:4] for row in got["niveau-4"]] == [
        ("2027-K1", "2027-06-07", "2027-06-20", "2027-07-07"),
        ("2027-K2", "2027-09-07", "2027-09-20", "2027-10-07"),
        ("2027-K3", "2027-12-07", "2027-12-20", "2028-01-07"),
        ("2027-K4", "2028-03-07", "2028-03-20", "2028-04-07"),
    ]


def test_handicap_year() -> None:
    got = table(preset_plan("handicap"), 2027)
    assert got["overordnet"] == [
        ("2027-03", "2027-03-07", "2027-03-20", "2027-04-14", ()),
        ("2027-09", "2027-09-07", "2027-09-20", "2027-10-14", ()),
    ]
    themes = ("børnefaglig-undersøgelse", "opfølgning")
    assert got["uddybende"] == [
        ("2027-03", "2027-03-07", "2027-03-28", "2027-04-21", themes),
        ("2027-09", "2027-09-07", "2027-09-28", "2027-10-21", themes),
    ]


@pytest.mark.parametrize(("year", "finish"), [(2027, "2027-02-28"), (2028, "2028-02-29")])
def test_finish_day_is_clamped_to_the_month(year: int, finish: str) -> None:
    series = SeriesPlan("s", "S", (2,), "måned", finish_day=31)
    (only,) = rounds_in_year(series, year)
    assert only.finish_by.isoformat() == finish


def test_half_year_and_year_rounds() -> None:
    half = SeriesPlan("h", "H", (1, 7), "halvår", finish_day=15, report_days=30)
    assert [(r.period.label, r.finish_by, r.report_by) for r in rounds_in_year(half, 2027)] == [
        ("2027-H1", date(2027, 6, 15), date(2027, 7, 30)),
        ("2027-H2", date(2027, 12, 15), date(2028, 1, 30)),
    ]
    # Several round months inside one period give one round.
    yearly = SeriesPlan("y", "Y", (1, 4), "år")
    assert [r.period.label for r in rounds_in_year(yearly, 2027)] == ["2027"]


def test_plan_survives_json() -> None:
    plan = preset_plan("sbst")
    assert Plan.from_json(plan.to_json()) == plan

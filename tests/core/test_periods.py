from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledelsestilsyn.core.diagnostics import ErrorKind, TilsynError
from ledelsestilsyn.core.periods import (
    calendar_around,
    date_hint,
    parse_period,
    previous,
    round_period,
    round_periods,
    whole_months,
)
from ledelsestilsyn.models.cadence import Cadence


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2026-11", date(2026, 11, 1), date(2026, 11, 30), "2026-11"),
        ("2024-2", date(2024, 2, 1), date(2024, 2, 29), "2024-02"),
        ("2026-K3", date(2026, 7, 1), date(2026, 9, 30), "2026-K3"),
        ("2026-q4", date(2026, 10, 1), date(2026, 12, 31), "2026-K4"),
        ("2026-H1", date(2026, 1, 1), date(2026, 6, 30), "2026-H1"),
        ("2026", date(2026, 1, 1), date(2026, 12, 31), "2026"),
        ("2026-01-15..2026-03-01", date(2026, 1, 15), date(2026, 3, 1), "2026-01-15..2026-03-01"),
    ],
)
def test_parse_period(text: str, start: date, end: date, label: str) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.label) == (start, end, label)


@pytest.mark.parametrize("text", ["2026-13", "2026-K5", "26-11", "2026-03-01..2026-01-01", "", "x"])
def test_bad_period_is_a_usage_error(text: str) -> None:
    with pytest.raises(TilsynError) as info:
        parse_period(text)
    assert info.value.kind is ErrorKind.USAGE
    assert "P001" in str(info.value)


def test_previous() -> None:
    assert previous(parse_period("2026-01")).label == "2025-12"
    assert previous(parse_period("2026-K1")).label == "2025-K4"
    assert previous(parse_period("2026-H2")).label == "2026-H1"
    assert previous(parse_period("2026")).label == "2025"
    assert previous(parse_period("2026-01-11..2026-01-20")).label == "2026-01-01..2026-01-10"


def test_round_period() -> None:
    every_third = Cadence.model_validate({"hver": "3", "start": "2"}).round_months()
    assert round_period(every_third, "måned", date(2026, 11, 28)).label == "2026-11"  # type: ignore[union-attr]
    assert round_period(every_third, "måned", date(2026, 12, 1)) is None
    quarterly = Cadence.model_validate({"hver": "3", "periode": "kvartal"})
    found = round_period(quarterly.round_months(), quarterly.period, date(2026, 11, 28))
    assert found is not None and found.label == "2026-K4"
    twice = Cadence.model_validate({"måneder": ["3", "9"]}).round_months()
    assert [p.label for p in round_periods(twice, "måned", 2026)] == ["2026-03", "2026-09"]
    assert [p.label for p in round_periods([1, 2, 3, 4], "kvartal", 2026)] == ["2026-K1", "2026-K2"]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_monthly_round_always_contains_the_day(day: date) -> None:
    period = round_period(range(1, 13), "måned", day)
    assert period is not None and day in period
    assert previous(period).end < period.start


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("15-12-2026", "2026-12-15"),
        ("1/12-2026", "2026-12-01"),
        ("1. december 2026", "2026-12-01"),
        ("1. dec. 2026", "2026-12-01"),
        ("15 Marts 2027", "2027-03-15"),
        ("30. februar 2026", None),
        ("3. mandag 2026", None),
    ],
)
def test_a_date_written_the_danish_way_gets_its_iso_form(written: str, iso: str | None) -> None:
    expected = (
        f"skriv datoen som ÅÅÅÅ-MM-DD: {iso}." if iso else "skriv datoen som ÅÅÅÅ-MM-DD, fx X."
    )
    assert date_hint(written, "X") == expected


def test_the_period_before_whole_months_is_the_same_months_before() -> None:
    """The department meeting's report (påmind names '2027-03-01..2027-05-31') was compared
    with '2026-11-29..2027-02-28', 92 days back; the meeting before had December to
    February."""
    back = previous(parse_period("2027-03-01..2027-05-31"))
    assert back.label == "2026-12-01..2027-02-28"
    assert previous(parse_period("2026-09-01..2026-11-30")).label == "2026-06-01..2026-08-31"
    assert previous(parse_period("2027-01-01..2027-01-31")).label == "2026-12-01..2026-12-31"


def test_a_date_range_is_decided_with_every_calendar_period_of_its_years() -> None:
    """October..November: the quarter it overlaps (2026-K4 less it is December), and every
    other month, quarter, half year and year of 2026, shortest first; two years for a range
    over new year."""
    labels = [p.label for p in calendar_around(parse_period("2026-10-01..2026-11-30"))]
    assert len(labels) == 12 + 4 + 2 + 1 and labels[:2] == ["2026-01", "2026-02"]
    assert "2026-K4" in labels and "2026-H2" in labels and labels[-1] == "2026"
    over = [p.label for p in calendar_around(parse_period("2026-12-01..2027-02-28"))]
    assert len(over) == 2 * 19 and over[-2:] == ["2026", "2027"]


def test_a_date_range_counts_the_months_that_begin_in_it() -> None:
    """A review belongs to the period its round's period starts in."""
    late = whole_months(parse_period("2026-10-15..2026-12-20"))
    assert (late.start, late.end) == (date(2026, 11, 1), date(2026, 12, 31))
    assert whole_months(parse_period("2026-K4")) == parse_period("2026-K4")
    short = parse_period("2026-10-05..2026-10-20")
    assert whole_months(short) == short


def test_a_range_of_months_is_from_the_first_ones_first_day_to_the_last_ones_last() -> None:
    """`2026-10..2026-11`, as a person writes two months, was "perioden kan ikke læses"."""
    both = parse_period("2026-10..2026-11")
    assert (both.start, both.end, both.kind) == (date(2026, 10, 1), date(2026, 11, 30), "interval")
    assert both == parse_period("2026-10-01..2026-11-30")
    assert parse_period("2026-12..2027-2").end == date(2027, 2, 28)
    with pytest.raises(TilsynError) as caught:
        parse_period("2026-11..2026-10")
    assert caught.value.diagnostics[0].message == (
        "perioden slutter, før den begynder; skriv begyndelsen først."
    )
    with pytest.raises(TilsynError) as caught:
        parse_period("2026-13..2027-01")
    assert caught.value.diagnostics[0].message == "perioden kan ikke læses."


def test_a_range_written_last_day_first_says_so() -> None:
    """Before: "perioden kan ikke læses", which sends a person looking for a typo."""
    with pytest.raises(TilsynError) as caught:
        parse_period("2026-10-31..2026-10-01")
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.message == "perioden slutter, før den begynder; skriv begyndelsen først."
    with pytest.raises(TilsynError) as caught:
        parse_period("2026-10-31..2026-02-30")  # no such day: unreadable, not backwards
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.message == "perioden kan ikke læses: dagen 2026-02-30 findes ikke."
    assert diagnostic.hint is not None and diagnostic.hint.startswith("februar 2026 har 28 dage")


def test_a_date_hint_names_the_day_or_why_there_is_none() -> None:
    """Found by probes T and W: a day written almost right got an example date, and
    `--dato 2026-02-30` only 'kan ikke læses'."""
    from ledelsestilsyn.core.periods import date_hint

    said = {
        "20-11-2026": "skriv datoen som ÅÅÅÅ-MM-DD: 2026-11-20.",
        "20.11.26": "skriv datoen som ÅÅÅÅ-MM-DD med hele året: 2026-11-20.",
        "2026-11-5": "skriv datoen som ÅÅÅÅ-MM-DD: 2026-11-05.",
        "20261120": "skriv datoen som ÅÅÅÅ-MM-DD: 2026-11-20.",
        "2026-11-20T10:30": "skriv datoen som ÅÅÅÅ-MM-DD uden klokkeslæt: 2026-11-20.",
        "2026-02-30": "februar 2026 har 28 dage; skriv en dag, der findes, som ÅÅÅÅ-MM-DD, fx X.",
        "2024-02-30": "februar 2024 har 29 dage; skriv en dag, der findes, som ÅÅÅÅ-MM-DD, fx X.",
        "2026-13-01": "skriv datoen som ÅÅÅÅ-MM-DD, fx X.",
        "snarest": "skriv datoen som ÅÅÅÅ-MM-DD, fx X.",
    }
    assert {text: date_hint(text, "X") for text in said} == said

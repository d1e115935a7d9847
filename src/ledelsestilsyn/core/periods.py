"""Periods: `2026-11` (month), `2026-K3`/`2026-Q3` (quarter), `2026-H1` (half year),
`2026` (year) and `2026-01-01..2026-06-30` (range), and the round a date falls in.
"""

from __future__ import annotations

import calendar
import contextlib
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from ledelsestilsyn.core.diagnostics import Argument, ErrorKind, fail
from ledelsestilsyn.core.quote import quote

Kind = Literal["måned", "kvartal", "halvår", "år", "interval"]

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-[KkQq]([1-4])$")
_HALF = re.compile(r"^(\d{4})-[Hh]([12])$")
_YEAR = re.compile(r"^(\d{4})$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")
_MONTHS_RANGE = re.compile(r"^(\d{4})-(\d{1,2})\.\.(\d{4})-(\d{1,2})$")
_SPAN: dict[str, int] = {"måned": 1, "kvartal": 3, "halvår": 6, "år": 12}


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    label: str
    kind: Kind

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share a day."""
        return self.start <= other.end and other.start <= self.end

    def months(self) -> list[tuple[int, int]]:
        """(year, month) pairs the period touches."""
        result = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            result.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result


def _month_end(year: int, month: int) -> date:
    first_next = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return first_next - timedelta(days=1)


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def months_after(day: date, months: int) -> date:
    """The same day `months` months later (the month's last day when it is shorter)."""
    year, month = add_months(day.year, day.month, months)
    return date(year, month, min(day.day, _month_end(year, month).day))


def period_of(kind: Kind, year: int, month: int) -> Period:
    """The month/quarter/half/year period containing `year-month`."""
    if kind == "måned":
        return Period(date(year, month, 1), _month_end(year, month), f"{year}-{month:02d}", kind)
    if kind == "kvartal":
        q = (month - 1) // 3 + 1
        first = 3 * (q - 1) + 1
        return Period(date(year, first, 1), _month_end(year, first + 2), f"{year}-K{q}", kind)
    if kind == "halvår":
        h = 1 if month <= 6 else 2
        first = 1 if h == 1 else 7
        return Period(date(year, first, 1), _month_end(year, first + 5), f"{year}-H{h}", kind)
    return Period(date(year, 1, 1), date(year, 12, 31), f"{year}", "år")


FIRST_YEAR, LAST_YEAR = 1900, 2999
"""The years tilsyn reckons with. A day outside them is a slip of the keyboard (9999-12-31,
0001-01-01), and the arithmetic around it (the month after, the year before, an evaluation
six months later) would leave the calendar Python knows: an internal error in every command."""


def in_years(day: date) -> bool:
    """Whether `day` lies in the years tilsyn reckons with."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


OUTSIDE_YEARS = f"ligger uden for årene {FIRST_YEAR}–{LAST_YEAR}"


def parse_period(text: str) -> Period:
    """Parse a period as typed on the command line or in a file; exit 2 if malformed. An
    empty one is an error too, never "no period": a script whose period came out empty
    must not make the default period's files."""
    value = text.strip()
    period = _period(value)
    backwards = period is not None and period.end < period.start
    if period is not None and not backwards and in_years(period.start) and in_years(period.end):
        return period
    if not value:
        raise fail(Argument.PERIOD, "P001", "perioden er tom.", hint=_HINT, kind=ErrorKind.USAGE)
    # the period as typed where `quote` quotes it; a text with spaces may be a name (a probe)
    where = text if quote(text) == f"'{value}'" else Argument.PERIOD
    if period is None and (days := _RANGE.match(value)):  # 2026-10-01..2026-02-30: which day
        for day in (days[1], days[2]):
            if not _is_day(day):
                why = f"perioden kan ikke læses: dagen {day} findes ikke."
                hint = date_hint(day, "2026-01-31")
                raise fail(where, "P001", why, hint=hint, kind=ErrorKind.USAGE)
    if period is None and not _outside_years(value):
        why = "perioden kan ikke læses."
    elif backwards:  # a range written last day first (`2026-10-31..2026-10-01`)
        why = "perioden slutter, før den begynder; skriv begyndelsen først."
    else:
        why = f"perioden {OUTSIDE_YEARS}."
    raise fail(where, "P001", why, hint=_HINT, kind=ErrorKind.USAGE)


_HINT = (
    "skriv fx 2026-11 (måned), 2026-K3 (kvartal), 2026-H1 (halvår), 2026 (år), "
    "2026-10..2026-11 (måneder) eller 2026-01-01..2026-06-30."
)


def _period(value: str) -> Period | None:
    try:
        if m := _MONTH.match(value):
            return period_of("måned", int(m[1]), int(m[2]))
        if m := _QUARTER.match(value):
            return period_of("kvartal", int(m[1]), 3 * int(m[2]))
        if m := _HALF.match(value):
            return period_of("halvår", int(m[1]), 6 * int(m[2]))
        if m := _YEAR.match(value):
            return period_of("år", int(m[1]), 1)
        if m := _RANGE.match(value):
            # A range written last day first is returned as it is: the caller says so.
            return Period(date.fromisoformat(m[1]), date.fromisoformat(m[2]), value, "interval")
        if m := _MONTHS_RANGE.match(value):  # 2026-10..2026-11: the two months' first and last day
            start = date(int(m[1]), int(m[2]), 1)
            end = _month_end(int(m[3]), int(m[4]))
            return Period(start, end, f"{start}..{end}", "interval")
    except ValueError:
        pass
    return None


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _outside_years(value: str) -> bool:
    """Whether `value` is a month, quarter, half or year of a year tilsyn does not reckon
    with: `9999-12` could not be made (its last day is in year 10000), but it is as readable
    as `9999`, and gets the same message."""
    for pattern in (_MONTH, _QUARTER, _HALF, _YEAR):
        if m := pattern.match(value):
            return not FIRST_YEAR <= int(m[1]) <= LAST_YEAR
    return False


def parse_day(text: str, argument: Argument = Argument.DATE) -> date:
    """A day given on the command line (`--dato ÅÅÅÅ-MM-DD`); exit 2 if malformed."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise fail(
            argument,
            "P002",
            "datoen kan ikke læses.",
            hint=date_hint(text, "2026-11-15"),
            kind=ErrorKind.USAGE,
        ) from None
    if not in_years(day):
        hint = "skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-11-15."
        raise fail(argument, "P002", f"datoen {OUTSIDE_YEARS}.", hint=hint, kind=ErrorKind.USAGE)
    return day


_DANISH_DAY = re.compile(r"\s*(\d{1,2})[-./](\d{1,2})[-./](\d{4})\s*")
_NAMED_DAY = re.compile(r"\s*(\d{1,2})\.?\s*([a-zæøå]{3,})\.?\s*(\d{4})\s*", re.IGNORECASE)
_MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_MONTH_NAMES = (
    *("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september"),
    *("oktober", "november", "december"),
)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_LOOSE_ISO = re.compile(
    r"\s*(?P<y>(?:19|20)\d\d)(?:-(?P<m>\d{1,2})-(?P<d>\d{1,2})|(?P<m2>\d\d)(?P<d2>\d\d))"
    r"(?P<time>[ T]\d{1,2}[:.]\d{2}(?::\d{2})?)?\s*"
)
_SHORT_YEAR = re.compile(r"\s*(\d{1,2})[-./](\d{1,2})[-./](\d{2})\s*")


def iso_day(text: str) -> date | None:
    """The day of `text` written exactly as ÅÅÅÅ-MM-DD, or None."""
    if not _ISO_DAY.fullmatch(text):
        return None
    with contextlib.suppress(ValueError):
        return date.fromisoformat(text)
    return None


def date_hint(text: str, example: str) -> str:
    """How to write a date that could not be read: the same day as ÅÅÅÅ-MM-DD when `text`
    is one written the Danish way (15-12-2026, 15.12.2026, 15/12/2026, 15. december 2026,
    15. dec. 2026), without leading zeros, dashes or with the time (2026-12-5, 20261215,
    2026-12-15 10:30), or
    with the year in two digits (15.12.26, taken as this century's), else an example."""
    day = danish_day(text)
    if day is not None:
        return f"skriv datoen som ÅÅÅÅ-MM-DD: {day.isoformat()}."
    loose, short = _LOOSE_ISO.fullmatch(text), _SHORT_YEAR.fullmatch(text)
    with contextlib.suppress(ValueError):
        if loose:
            day = date(
                int(loose["y"]), int(loose["m"] or loose["m2"]), int(loose["d"] or loose["d2"])
            )
            plain = " uden klokkeslæt" if loose["time"] else ""
            return f"skriv datoen som ÅÅÅÅ-MM-DD{plain}: {day.isoformat()}."
        if short:
            day = date(2000 + int(short[3]), int(short[2]), int(short[1]))
            return f"skriv datoen som ÅÅÅÅ-MM-DD med hele året: {day.isoformat()}."
    if loose and 1 <= int(loose["m"] or loose["m2"]) <= 12:  # 2026-02-30: no such day
        month = int(loose["m"] or loose["m2"])
        last = calendar.monthrange(int(loose["y"]), month)[1]
        named = f"{_MONTH_NAMES[month - 1]} {loose['y']} har {last} dage"
        return f"{named}; skriv en dag, der findes, som ÅÅÅÅ-MM-DD, fx {example}."
    return f"skriv datoen som ÅÅÅÅ-MM-DD, fx {example}."


def danish_day(text: str) -> date | None:
    """The day of a date written the Danish way (15-12-2026, 15.12.2026, 15/12/2026,
    15. december 2026, 15. dec. 2026), or None."""
    numbers = _DANISH_DAY.fullmatch(text)
    named = _NAMED_DAY.fullmatch(text)
    month = None
    if numbers:
        month = int(numbers[2])
    elif named and named[2][:3].lower() in _MONTHS:
        month = _MONTHS.index(named[2][:3].lower()) + 1
    found = numbers or named
    if found is None or month is None:
        return None
    with contextlib.suppress(ValueError):
        return date(int(found[3]), month, int(found[1]))
    return None


def day_or_today(text: str | None) -> date:
    """`--dato` if given, else today's date."""
    return date.today() if text is None else parse_day(text)


def previous(period: Period) -> Period:
    """The period of the same kind just before (a range of whole months: the same number
    of months before; another range: the same number of days before)."""
    if period.kind == "interval" and _whole_months(period):
        months = len(period.months())
        year, month = add_months(period.start.year, period.start.month, -months)
        start, end = date(year, month, 1), period.start - timedelta(days=1)
        return Period(start, end, f"{start}..{end}", "interval")
    if period.kind == "interval":
        length = period.end - period.start
        end = period.start - timedelta(days=1)
        return Period(end - length, end, f"{end - length}..{end}", "interval")
    year, month = add_months(period.start.year, period.start.month, -_SPAN[period.kind])
    return period_of(period.kind, year, month)


def _whole_months(period: Period) -> bool:
    """Whether a range runs from a month's first day to a month's last day."""
    end = period.end
    return period.start.day == 1 and end == _month_end(end.year, end.month)


def round_periods(round_months: Iterable[int], kind: Kind, year: int) -> list[Period]:
    """The periods of the rounds that start in `year`, in order.

    A round starts in one of `round_months` and covers the month, quarter,
    half year or year named by `kind`; two start months in the same quarter
    are one quarterly round. `udtræk` and `påmind` both plan from this.
    """
    periods: list[Period] = []
    for month in round_months:
        period = period_of(kind, year, month)
        if period.start.year == year and (not periods or periods[-1] != period):
            periods.append(period)
    return periods


def round_period(round_months: Iterable[int], kind: Kind, day: date) -> Period | None:
    """The round period `day` falls in, or None between rounds."""
    for year in (day.year, day.year - 1):
        for period in round_periods(round_months, kind, year):
            if day in period:
                return period
    return None


def rounds_around(
    round_months: Iterable[int], kind: Kind, day: date
) -> tuple[Period | None, Period | None]:
    """The last round that ended before `day` and the first that starts after it (between
    rounds: what `udtræk` can name instead of a round that covers the day)."""
    months = list(round_months)
    periods = [p for y in range(day.year - 1, day.year + 2) for p in round_periods(months, kind, y)]
    before = [p for p in periods if p.end < day]
    after = [p for p in periods if p.start > day]
    return (before[-1] if before else None), (after[0] if after else None)


def parts_inside(period: Period) -> list[Period]:
    """The months, quarters, half years and years wholly inside `period`, other than itself:
    the periods of the other reports that tell of the same days (a quarter's months)."""
    found: list[Period] = []
    for kind in _PARTS:
        for year, month in period.months():
            part = period_of(kind, year, month)
            inside = period.start <= part.start and part.end <= period.end
            if inside and part != period and part not in found:
                found.append(part)
    return found


def calendar_around(period: Period) -> list[Period]:
    """Every month, quarter, half year and year of the years `period` touches, shortest
    first: for a date range, the periods inside it, those it overlaps
    and their parts, so that each is tied to its months (the quarter to October, November
    and December, and so to October..November)."""
    years = [period_of("år", y, 1) for y in range(period.start.year, period.end.year + 1)]
    found = [p for year in years for p in (*parts_inside(year), year)]
    return sorted(found, key=lambda p: _PARTS.index(p.kind))


def whole_months(period: Period) -> Period:
    """A date range as the whole months whose first day lies in it: a review belongs to
    the period its round's period starts in, so 2026-10-15..2026-12-31 counts November's
    and December's (each sum tied to them is still checked to hold). Others: themselves."""
    year, month = period.start.year, period.start.month
    if period.start.day > 1:
        year, month = add_months(year, month, 1)
    start, end = date(year, month, 1), _month_end(period.end.year, period.end.month)
    if period.kind != "interval" or start > period.end:
        return period
    return Period(start, end, period.label, period.kind)


def tiled_by(period: Period, kind: Kind) -> bool:
    """Whether the periods of `kind` inside `period` cover all of it (a quarter's months)."""
    first = period_of(kind, period.start.year, period.start.month)
    last = period_of(kind, period.end.year, period.end.month)
    return first.start == period.start and last.end == period.end


_PARTS: tuple[Kind, ...] = ("måned", "kvartal", "halvår", "år")


def counted_in(start: date, end: date | None, period: Period) -> bool:
    """Whether a round from `start` to `end` counts in `period`.

    A review belongs to the month its round starts in, whatever day and however long (an
    extra round `2026-11-10..2026-12-09` is November's), and so to every period that holds
    that month: a date range by the whole months whose first day lies in it
    (`whole_months`). So every report is the sum of its months, as the decision on
    what to hide ties them. A round of its own counted in a quarter and a date range but in
    no month (the day it started decided) made November the quarter less a range from 10
    November (a probe). A round that is a quarter, a half year or a year (kk's niveau 2,
    drawn when the quarter is done) counts only where all of it is: in October's report
    it put reviews of November's cases, which the quarter scored with niveau 1's, and a
    date range over October and November took it in while the quarter's December did not
    (a probe)."""
    if calendar_round(start, end):
        return start in period and end is not None and end <= period.end
    return start.replace(day=1) in period


@functools.lru_cache(maxsize=1024)  # asked for each review in each period a report weighs
def calendar_round(start: date, end: date | None) -> bool:
    """Whether a round from `start` to `end` is a quarter, a half year or a year."""
    if end is None or start.day != 1 or (end.year, end.month) == (start.year, start.month):
        return False
    kinds: tuple[Kind, ...] = ("kvartal", "halvår", "år")
    return any(
        (whole.start, whole.end) == (start, end)
        for whole in (period_of(kind, start.year, start.month) for kind in kinds)
    )

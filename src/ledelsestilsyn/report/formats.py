"""Danish number and date formats: `87,5 %`, `1.234`, `25. november 2026`."""

from __future__ import annotations

from datetime import date

MONTHS: tuple[str, ...] = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)


def number(value: int) -> str:
    """An integer with `.` as thousands separator: 10000 -> `10.000`."""
    return f"{value:,}".replace(",", ".")


def decimal(value: float, digits: int = 1) -> str:
    """A decimal number with a decimal comma: 0.25 -> `0,25` (digits=2)."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def percent(value: float, digits: int = 1) -> str:
    """A share as a Danish percentage with a space before the sign: 0.875 -> `87,5 %`."""
    return f"{decimal(value * 100, digits)} %"


def share_text(value: float) -> str:
    """A level as people write it: 0.9 -> `90 %`, 0.875 -> `87,5 %`."""
    whole = round(value * 100, 1)
    return f"{whole:.0f} %" if whole == int(whole) else percent(value)


def points(value: float) -> str:
    """A difference in percentage points with its sign: +0.052 -> `+5,2 pp`."""
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return f"{sign}{decimal(abs(value) * 100)} pp"


def long_date(day: date) -> str:
    """`25. november 2026`."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"

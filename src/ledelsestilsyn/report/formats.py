"""Danish number and date formats: `87,5 %`, `1.234`, `25. november 2026`."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

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


def decimal(value: float, digits: int = 1) -> str:
    """A decimal number with a decimal comma: 0.25 -> `0,25` (digits=2). A half is rounded up,
    as Excel and a calculator do (13/16 is `81,3 %`): Python's own formatting rounds it to
    the even digit (`81,2 %`), and a leader who checks a share by hand would find it wrong.
    Rounded first to ten places, so that float noise (28.449999999999996 for 28.45) is not
    taken for a digit."""
    exact = Decimal(f"{value:.10f}").quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    text = f"{exact:,.{digits}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def as_shown(share: float, digits: int = 1) -> float:
    """The share as `percent` shows it (0.84210… → 0.842): what a chart may draw, so that its
    coordinates tell no more than the text (a probe: a dot at x = 442.6 gave the share to
    ±0.02 points where the text gives ±0.05, and so narrowed the hidden counts behind it)."""
    exact = Decimal(f"{share * 100:.10f}").quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
    return float(exact) / 100


def percent(value: float, digits: int = 1) -> str:
    """A share as a Danish percentage with a space before the sign: 0.875 -> `87,5 %`."""
    return f"{decimal(value * 100, digits)} %"


def share_text(value: float) -> str:
    """A level as people write it: 0.9 -> `90 %`, 0.875 -> `87,5 %`."""
    shown = percent(value)
    return shown.replace(",0 %", " %")


def points(value: float) -> str:
    """A difference in percentage points with its sign: +0.052 -> `+5,2 pp`."""
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return f"{sign}{decimal(abs(value) * 100)} pp"


def long_date(day: date) -> str:
    """`25. november 2026`."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"

"""Turning tallies into the text a reader sees, once the audience's rules have said yes or no."""

from __future__ import annotations

from dataclasses import dataclass

from ledelsestilsyn.core.words import number
from ledelsestilsyn.report.aggregate import Tally
from ledelsestilsyn.report.calibration import Agreement
from ledelsestilsyn.report.formats import decimal, percent, points
from ledelsestilsyn.report.stats import Interval, difference

DASH = "–"


@dataclass(frozen=True)
class ShareCell:
    """A share as text, its interval, and whether it is shown and under the threshold."""

    text: str = DASH
    interval: str = ""
    value: float | None = None
    low: float | None = None
    high: float | None = None
    below: bool = False


def non_neutral(tally: Tally) -> list[int]:
    return [n for a, n in tally.ordered() if a not in tally.scale.neutral]


def share_cell(tally: Tally, threshold: float, shown: bool, on_cases: bool) -> ShareCell:
    """The share positive / non-neutral with its Wilson interval, or a dash when not shown.
    `on_cases`: the interval on the reviews behind the share (`Tally.case_interval`), as a
    report that hides small counts gives it."""
    if not shown:
        return ShareCell()
    return share_of(tally.share, tally.case_interval if on_cases else tally.interval, threshold)


def share_of(value: float | None, interval: Interval | None, threshold: float) -> ShareCell:
    """A share and its interval as cells (a dash without a share)."""
    if value is None or interval is None:
        return ShareCell()
    span = f"{decimal(interval.low * 100)}–{percent(interval.high)}"
    return ShareCell(percent(value), span, value, interval.low, interval.high, value < threshold)


UNCERTAIN = "(usikker)"
"""After a change whose own 95 % interval holds 0 (`stats.difference`): it may be chance
(the tiltag section claims a change on the same rule)."""


def change(now: ShareCell, before: ShareCell) -> str:
    """Direction and size of a change in percentage points: `▲ +5,2 pp`, followed by
    `(usikker)` when the change's 95 % interval holds 0."""
    if now.value is None or before.value is None:
        return DASH
    diff = now.value - before.value
    if abs(diff) < 0.0005:
        return f"= {points(0.0)}"
    text = f"{'▲' if diff > 0 else '▼'} {points(diff)}"
    return f"{text} {UNCERTAIN}" if _may_be_chance(now, before) else text


def _may_be_chance(now: ShareCell, before: ShareCell) -> bool:
    """Whether the change's interval holds 0 (a share without an interval counts as chance)."""
    if now.value is None or now.low is None or now.high is None:
        return True
    if before.value is None or before.low is None or before.high is None:
        return True
    found = difference(
        before.value, Interval(before.low, before.high), now.value, Interval(now.low, now.high)
    )
    return found.low <= 0 <= found.high


def coefficient(value: float | None) -> str:
    return DASH if value is None else decimal(value, 2).replace("-", "−")


def agreement_cells(a: Agreement, minimum: int) -> list[str]:
    """Ratings, percent agreement, kappa and AC1. Kappa and AC1 on fewer pairs than
    `minimum` (the report's smallest count, as for a share) say nothing: `–`."""
    enough = a.items >= minimum
    return [
        number(a.items),
        percent(a.agreement) if a.agreement is not None else DASH,
        coefficient(a.kappa) if enough else DASH,
        coefficient(a.ac1) if enough else DASH,
    ]


def too_few_pairs(a: Agreement, minimum: int) -> bool:
    """True when `agreement_cells` leaves out a kappa or AC1 for too few pairs."""
    return a.items < minimum and (a.kappa, a.ac1) != (None, None)

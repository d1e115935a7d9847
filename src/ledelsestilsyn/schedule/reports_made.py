"""Which reports are made, as `tilsyn påmind` sees it (part of its fast scan, `schedule.scan`).

A report counts as made when a file under `rapporter/` (any depth) has the period in its
name and either the series' name or no series' name at all (one report for all series),
and was written after the sample was drawn (or last extended): a report made before a
series' sample existed does not cover it; nor does one written before the day of the round's
latest finished review (a probe: the year's report made before December's reviews were done
was "rapport lavet" for December ever after). A report over a longer period covers the drawn
rounds inside it: `2026-K4` (or `2026`) holds the monthly rounds 2026-10 … 2026-12, as
the feedback letters for a quarter cover its months (`schedule.letters_due`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.core.periods import Period, counted_in, parse_period
from ledelsestilsyn.schedule.plan import Plan
from ledelsestilsyn.workspace.layout import RANGE_IN_NAME, REPORTS_DIR

_REPORT_LABEL = re.compile(r"(?<!\d)\d{4}(?:-(?:\d{2}|[KkQq][1-4]|[Hh][12]))?(?![\d])")
_DAY = r"\d{4}-\d{2}-\d{2}"
_RANGE_LABEL = re.compile(rf"(?<!\d)({_DAY}){RANGE_IN_NAME}({_DAY})(?!\d)")
"""A date range's report (its `..` written as `RANGE_IN_NAME`), for a range's sample."""


def reports_made(
    root: Path,
    plan: Plan,
    drawn_at: dict[tuple[str, str], int],
    finished: Mapping[tuple[str, str], str] | None = None,
) -> set[tuple[str, str]]:
    """(series, period) of each report made, as the module docstring says; `drawn_at`: when
    each sample's manifest was written (ns); `finished`: each round's latest finished review
    date (ISO)."""
    finished = finished or {}
    folder = root / REPORTS_DIR
    if not folder.is_dir():
        return set()
    longest_first = sorted((s.name for s in plan.series), key=len, reverse=True)
    rounds = _drawn_periods(drawn_at)
    made: set[tuple[str, str]] = set()
    for top, _, files in os.walk(folder):
        for name in files:
            if name.startswith("."):
                continue
            rest, mentioned = name, []
            for series in longest_first:
                if series in rest:
                    mentioned.append(series)
                    rest = rest.replace(series, "/")
            ranges = {f"{a}..{b}" for a, b in _RANGE_LABEL.findall(rest)}
            rest = _RANGE_LABEL.sub("/", rest)
            labels = ranges | {_normal_label(m) for m in _REPORT_LABEL.findall(rest)}
            labels |= {inner for label in labels for inner in _inside(label, rounds)}
            written = _written_at(Path(top) / name)
            day = _day_of(written)
            made |= {
                (s, label)
                for s in mentioned or longest_first
                for label in labels
                if written >= drawn_at.get((s, label), 0) and day >= finished.get((s, label), "")
            }
    return made


def _drawn_periods(drawn_at: dict[tuple[str, str], int]) -> dict[str, Period]:
    """The period of each drawn round's label (a label that cannot be read is left out)."""
    periods: dict[str, Period] = {}
    for _, label in drawn_at:
        if label not in periods:
            try:
                periods[label] = parse_period(label)
            except TilsynError:
                continue
    return periods


def _inside(label: str, rounds: dict[str, Period]) -> list[str]:
    """The drawn rounds' labels whose reviews the report's period `label` counts
    (`periods.counted_in`: an extra round `2026-11-10..2026-12-09` is November's)."""
    try:
        outer = parse_period(label)
    except TilsynError:
        return []
    return [k for k, p in rounds.items() if counted_in(p.start, p.end, outer)]


def _written_at(path: Path) -> int:
    """When the file was last written (ns), 0 when it cannot be read."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _day_of(stamp: int) -> str:
    """The local day (ISO) of a file time in ns."""
    return date.fromtimestamp(stamp / 1e9).isoformat() if stamp else ""


def _normal_label(label: str) -> str:
    """`2026-q3`/`2026-Q3` → `2026-K3`, `2026-h1` → `2026-H1`, as `periods` writes them."""
    return label.upper().replace("Q", "K")

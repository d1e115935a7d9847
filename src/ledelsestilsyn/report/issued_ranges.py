"""The date ranges the committee and the department have had reports for, in the order made.

Each calendar period's report is decided as if the audience had them all (`period_reports`),
but a date range can be any run of months, so the ranges an audience will get are not known
in advance, and two of them together can give a month away: August..October less
September..October is August. So each range report for an aggregate audience is recorded in
`rapporter/.datoperioder` (one line: audience, tab, range) before it is delivered, and a
range is decided with the ranges recorded before it, as with the calendar periods; a range
made again is decided as it was. Deleting the record lets a later range show what an earlier
one, together with it, gives away: it is not a cache.
"""

from __future__ import annotations

from pathlib import Path

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.core.periods import Period, parse_period
from ledelsestilsyn.io.atomic import writable_folder, write_atomic
from ledelsestilsyn.io.files import read_regular
from ledelsestilsyn.workspace.layout import ISSUED_RANGES, REPORTS_DIR


def issued_ranges(root: Path, audience: str) -> list[Period]:
    """The date ranges the workspace at `root` has made reports of for `audience`, in the
    order first made (a line that is not one is passed over; no record: none)."""
    try:
        text = read_regular(root / REPORTS_DIR / ISSUED_RANGES).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    found: list[Period] = []
    for line in text.splitlines():
        reader, _, label = line.partition("\t")
        period = _range(label.strip())
        if reader == audience and period is not None and period not in found:
            found.append(period)
    return found


def record_range(root: Path, audience: str, period: Period, display: str) -> None:
    """Add `period` (a date range) to the ranges made for `audience`, unless it is there."""
    if period in issued_ranges(root, audience):
        return
    folder = root / REPORTS_DIR
    writable_folder(folder, display=display)
    path = folder / ISSUED_RANGES
    try:
        before = read_regular(path).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        before = ""
    if before and not before.endswith("\n"):
        before += "\n"
    write_atomic(path, f"{before}{audience}\t{period.label}\n", overwrite=True)


def _range(label: str) -> Period | None:
    try:
        period = parse_period(label)
    except TilsynError:
        return None
    return period if period.kind == "interval" else None

"""U008: an export that still has cases in the period's window, but no decision in the
month before the period, looks old: it is drawn from, with a warning and its newest date
(one with no case in the window stops the draw: U006 in `sampling.empty`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ledelsestilsyn.core.diagnostics import Diagnostic, warning
from ledelsestilsyn.core.periods import Period, add_months
from ledelsestilsyn.report.formats import long_date
from ledelsestilsyn.sampling.draw import StepCount


def stale_export(
    export: str, latest: date | None, period: Period, steps: Sequence[StepCount], folder: str
) -> list[Diagnostic]:
    """U008: the export's newest decision (of the drawn kinds) is from before the month that
    ends the window (a draw for 2026-12 from an export whose newest decision is from
    October): cases decided since are missing from the pool, so the export looks old.
    Drawn anyway (a small unit may have had no decision for a month); empty: U006 instead."""
    year, month = add_months(period.start.year, period.start.month, -1)
    if latest is None or latest >= date(year, month, 1):
        return []
    rows = newest_rows(next((s.name for s in steps if s.name.startswith("sager med ")), ""))
    return [
        warning(
            export,
            "U008",
            f"eksportens nyeste {rows} er fra {long_date(latest)}, over en måned før "
            f"{period.label}; en sag med en nyere afgørelse kan ikke komme med i stikprøven.",
            hint="er eksporten gammel, så lav en ny fra sagssystemet, flyt "
            f"{folder} væk, før noget er udfyldt, og træk igen; har der ikke været afgørelser "
            "siden, er stikprøven i orden.",
        )
    ]


def newest_rows(step: str) -> str:
    """'afgørelse efter § 32, § 46' from the step `sager med afgørelse efter § 32, § 46`."""
    rows = step.removeprefix("sager med ")
    return rows if rows.startswith("afgørelse") else f"række med {rows}"

"""U008: an export that still has cases in the period's window, but no decision in the
month before the period, looks old: it is drawn from, with a warning and its newest date
(one with no case in the window stops the draw: U006 in `sampling.empty`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ledelsestilsyn.core.diagnostics import Diagnostic, warning
from ledelsestilsyn.core.periods import Period, add_months
from ledelsestilsyn.export.read import ReadOptions, newest_decision
from ledelsestilsyn.export.result import Export
from ledelsestilsyn.models.concept import ExportSpec
from ledelsestilsyn.report.formats import long_date


def stale_export(
    export: str,
    data: Export,
    period: Period,
    folder: str,
    *,
    whole: tuple[Path, ExportSpec, ReadOptions] | None = None,
) -> list[Diagnostic]:
    """U008: the export's newest decision (of any paragraph: a concept that draws only § 46
    may see none for months in a fresh export) is from before the month that ends the
    window (a draw for 2026-12 from an export whose newest decision is from October): cases
    decided since are missing from the pool, so the export looks old. Drawn anyway (a small
    unit may have had no decision for a month); empty: U006 instead."""
    year, month = add_months(period.start.year, period.start.month, -1)
    latest = data.newest or data.latest
    if latest is None or latest >= date(year, month, 1):
        return []
    if whole is not None:  # every row, read again only now
        latest = max(latest, newest_decision(*whole, export) or latest)
    if latest >= date(year, month, 1):
        return []
    return [
        warning(
            export,
            "U008",
            f"eksportens nyeste afgørelse er fra {long_date(latest)}, over en måned før "
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

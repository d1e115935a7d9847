"""The per-file part of `tilsyn påmind`'s scan (`schedule.scan`): which review files changed,
and what `valider` says of those (kept in `.tilsyn/påmind-filer.json` under `folder/name`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ledelsestilsyn.core.diagnostics import ErrorKind, TilsynError
from ledelsestilsyn.review.state import NOT_THE_ROUNDS, ReviewState
from ledelsestilsyn.schedule.concept_cache import JsonCache
from ledelsestilsyn.schedule.review_states import DATED_LATER

if TYPE_CHECKING:
    from ledelsestilsyn.review.validate import ReviewResult

FileList = list[tuple[tuple[str, str], str, str, str]]
"""(series, period), path, `folder/name`, stamp (size, mtime and context)."""

DAY_DEPENDENT = (ReviewState.INVALID, DATED_LATER)
"""States that may change when only the day changes (a `dato` after the day)."""

FUTURE_DONE = 10
"""The index of the entry's flag for a correction done 'in the future'."""
CORRECTED = 11
"""The index of the questions with any correction in the review (done, open, no deadline):
of a calibration pair's, a later review's correction under one of them is not reminded of."""


def day_dependent(entry: list[Any]) -> bool:
    """An entry that may change when only the day changes: its state (`DAY_DEPENDENT`), or a
    correction whose `udført` lies after the day it was checked (G052: open until then)."""
    return entry[2] in DAY_DEPENDENT or bool(entry[FUTURE_DONE])


def file_entries(
    concept_path: Path, files: FileList, details: JsonCache, today: date
) -> tuple[dict[str, list[Any]], int]:
    """Per-file entries of `files`; only files whose stamp changed are checked."""
    known: dict[str, list[Any]] = details.data.get("files") or {}
    day = today.isoformat()
    entries: dict[str, list[Any]] = {}
    stale: FileList = []
    for item in files:
        entry = known.get(item[2])
        if entry is not None and entry[0] == item[3] and _entry_valid(entry, day):
            entries[item[2]] = entry
        else:
            stale.append(item)
    if stale:
        entries.update(_check(concept_path, stale, today))
        details.data["files"] = {**known, **entries}
        details.changed = True
    return entries, len(stale)


def _entry_valid(entry: list[Any], day: str) -> bool:
    checked_on = str(entry[1])
    if day < checked_on:
        return False
    return not day_dependent(entry) or day == checked_on


def _schedule_state(result: ReviewResult) -> str:
    """The review's state for påmind: only dated after the day is `DATED_LATER`."""
    from ledelsestilsyn.review.analysis import INCOMPLETE_CODES
    from ledelsestilsyn.review.validate import FUTURE_DATE_CODES

    errors = [d.code for d in result.diagnostics if d.is_error]
    if result.state != ReviewState.INVALID or not set(errors) <= FUTURE_DATE_CODES:
        return str(result.state)
    if any(d.code in INCOMPLETE_CODES for d in result.diagnostics):
        return str(ReviewState.PARTIAL)
    return DATED_LATER


def _check(concept_path: Path, stale: FileList, today: date) -> dict[str, list[Any]]:
    """Check changed files with `valider` (its content-hash cache keeps this cheap)."""
    from ledelsestilsyn.review.validate import check_reviews
    from ledelsestilsyn.schedule.corrections import open_corrections
    from ledelsestilsyn.workspace.open import open_workspace

    try:
        workspace = open_workspace(concept_path.parent, concept_path)
    except TilsynError as exc:
        raise TilsynError(exc.diagnostics, kind=ErrorKind.USAGE) from None
    paths = [Path(p) for _, p, _, _ in stale]
    results = {str(r.path): r for r in check_reviews(workspace, paths, today=today)}
    day = today.isoformat()
    entries: dict[str, list[Any]] = {}
    for (series, period), path, rel, stamp in stale:
        result = results.get(path)
        if result is None or any(d.code in NOT_THE_ROUNDS for d in result.diagnostics):
            # not a review file (notes, a copy of the manifest, …), or a copy of one (G036)
            entries[rel] = [stamp, day, None, series, period, "", "", 1, [], "", False, []]
            continue
        case_id = result.case_id or Path(path).stem
        entries[rel] = [
            stamp,
            day,
            _schedule_state(result),
            series,
            period,
            case_id,
            result.reviewer or "",
            result.review_no or 1,
            open_corrections(result, case_id),
            result.review_date.isoformat() if result.review_date else "",
            any(d.code == "G052" for d in result.diagnostics),
            sorted({c.question for c in result.corrections}),
        ]
    return entries

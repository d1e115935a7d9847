"""What the schedule needs from a workspace, found fast enough for a daily cron run.

`tilsyn påmind` usually has nothing to say, and must say so in about the
time `tilsyn --help` takes. So this module imports no pydantic, no YAML and no
rich on the usual path. The plan and mail settings come from
`schedule.concept_cache`; next to them, in `.tilsyn/påmind.json` and
`.tilsyn/påmind-filer.json` (0600, safe to delete), it keeps
- per review file: its size and modification time, and what `valider`'s
  `check_reviews` said about it (state, reviewer, case id, review number),
  valid while size, time, the sample's manifest and the workspace's
  templates are unchanged. A file whose stamp differs is checked again
  (through `valider`'s content-hash cache). An invalid review is checked
  again on another day (the date check depends on the day), and every
  review when `--dato` goes back before the day it was checked.

Drawn samples are the folders `udtræk/<periode>-<tilsyn>/`. A report counts as
made when a file under `rapporter/` (any depth) has the period in its name and
either the series' name or no series' name at all (one report for all series),
and was written after the sample was drawn (or last extended): a report made
before a series' sample existed does not cover it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ledelsestilsyn.core.diagnostics import Diagnostic, ErrorKind, TilsynError
from ledelsestilsyn.review.state import ReviewState
from ledelsestilsyn.schedule.concept_cache import (
    JsonCache,
    cached_concept,
    find_concept_fast,
    save_quietly,
)
from ledelsestilsyn.schedule.corrections import CorrectionInfo
from ledelsestilsyn.schedule.letters_due import pending, written_periods
from ledelsestilsyn.schedule.mail_settings import MailSettings
from ledelsestilsyn.schedule.plan import (
    Plan,
    ReviewInfo,
    WorkspaceState,
)
from ledelsestilsyn.schedule.review_states import DATED_LATER, FILE_GONE
from ledelsestilsyn.schedule.tiltag_dates import read_dates
from ledelsestilsyn.workspace.layout import (
    MANIFEST_NAME,
    REMINDER_FILES_CACHE,
    REPORTS_DIR,
    SAMPLES_DIR,
    TEMPLATES_DIR,
    YAML_SUFFIXES,
)

if TYPE_CHECKING:
    from ledelsestilsyn.review.validate import ReviewResult

_LABEL = re.compile(r"^\d{4}(-(\d{2}|[KkQq][1-4]|[Hh][12]))?$")


@dataclass
class ReminderInputs:
    """The plan, the mail settings and the workspace's state."""

    root: Path
    concept_path: Path
    plan: Plan
    mail: MailSettings
    state: WorkspaceState
    parsed: int = 0
    """Review files checked in this run (0 when everything came from the cache)."""
    notes: list[Diagnostic] = field(default_factory=list)
    """Warnings to print however little is due (a mistake in tiltag.yaml)."""


def read_inputs(start: Path, explicit: Path | None, today: date) -> ReminderInputs:
    """Plan and workspace state; exit 2 (`TilsynError`) when the concept is broken."""
    concept_path = find_concept_fast(start, explicit)
    root = concept_path.parent
    cache = JsonCache.open(root)
    plan, mail = cached_concept(concept_path, cache)
    folders = _samples(root, plan)
    reviews, unlisted, corrections, parsed = _reviews(concept_path, folders, cache, today)
    tiltag = read_dates(root, cache.data)
    cache.changed |= tiltag.changed
    summaries = cache.data.get("folders") or {}
    latest = {(s["key"][0], s["key"][1]): s["latest"] for s in summaries.values()}
    state = WorkspaceState(
        frozenset(f.key for f in folders),
        tuple(reviews),
        frozenset(_reports(root, plan, {f.key: f.drawn_at for f in folders})),
        unlisted,
        tuple(corrections),
        tuple(tiltag.dates),
        pending(latest, written_periods(root)) if plan.feedback_days is not None else {},
    )
    save_quietly(cache)
    return ReminderInputs(root, concept_path, plan, mail, state, parsed, tiltag.notes)


def sample_folder(name: str, plan: Plan) -> tuple[str, str] | None:
    """(series, period label) of a sample folder name `<periode>-<tilsyn>`, if it is one."""
    for series in sorted(plan.series, key=lambda s: -len(s.name)):
        suffix = "-" + series.name
        if name.endswith(suffix) and _LABEL.match(name[: -len(suffix)]):
            return series.name, name[: -len(suffix)]
    return None


_FileList = list[tuple[tuple[str, str], str, str, str]]
"""(series, period), path, `folder/name`, stamp (size, mtime and context)."""


@dataclass
class _Folder:
    key: tuple[str, str]
    name: str
    path: str
    context: str
    fingerprint: str
    drawn_at: int = 0
    """When the manifest was written (ns; 0 without one)."""

    def files(self) -> _FileList:
        """The review candidates with their stamps (read again: only for changed folders)."""
        found: _FileList = []
        for file, stamp in _candidates(self.path):
            found.append((self.key, str(Path(self.path) / file), f"{self.name}/{file}", stamp))
        return [(k, p, r, f"{st}:{self.context}") for k, p, r, st in sorted(found)]


def _candidates(path: str) -> list[tuple[str, str]]:
    """(file name, `size:mtime`) of the review files in a sample folder, sorted."""
    found = []
    with os.scandir(path) as entries:
        for entry in entries:
            name = entry.name
            if (
                name.endswith(YAML_SUFFIXES)
                and name != MANIFEST_NAME
                and not name.startswith(".")
                and entry.is_file()
            ):
                st = entry.stat()
                found.append((name, f"{st.st_size}:{st.st_mtime_ns}"))
    found.sort()
    return found


def _samples(root: Path, plan: Plan) -> list[_Folder]:
    """Every drawn sample folder with a fingerprint of its files' names, sizes and times."""
    samples = root / SAMPLES_DIR
    if not samples.is_dir():
        return []
    templates = _stamp_dir(root / TEMPLATES_DIR)
    found = []
    with os.scandir(samples) as folders:
        for folder in folders:
            key = sample_folder(folder.name, plan) if folder.is_dir() else None
            if key is None:
                continue
            manifest = _stamp(Path(folder.path) / MANIFEST_NAME)
            context = f"{templates}/{manifest}"
            stamps = "\n".join(f"{n}={st}" for n, st in _candidates(folder.path))
            fingerprint = hashlib.sha256(f"{context}\n{stamps}".encode()).hexdigest()
            drawn_at = _written_at(Path(folder.path) / MANIFEST_NAME)
            found.append(_Folder(key, folder.name, folder.path, context, fingerprint, drawn_at))
    return found


def _stamp(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return "-"
    return f"{st.st_size}:{st.st_mtime_ns}"


def _written_at(path: Path) -> int:
    """When the file was last written (ns), 0 when it cannot be read."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _stamp_dir(folder: Path) -> str:
    if not folder.is_dir():
        return "-"
    parts = sorted(f"{p.name}={_stamp(p)}" for p in folder.iterdir())
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def _reviews(
    concept_path: Path, folders: list[_Folder], cache: JsonCache, today: date
) -> tuple[list[ReviewInfo], dict[tuple[str, str], int], list[CorrectionInfo], int]:
    """Reviews and open corrections per drawn folder: from a folder's summary when
    nothing in it changed."""
    known: dict[str, dict[str, Any]] = cache.data.get("folders") or {}
    day = today.isoformat()
    summaries: dict[str, dict[str, Any]] = {}
    stale = []
    for folder in folders:
        summary = known.get(folder.name)
        if summary and summary["fp"] == folder.fingerprint and _still_valid(summary, day):
            summaries[folder.name] = summary
        else:
            stale.append(folder)
    parsed = 0
    if stale:
        details = JsonCache.open(concept_path.parent, REMINDER_FILES_CACHE)
        entries, parsed = _file_entries(concept_path, stale, details, today)
        for folder in stale:
            present = [name for name, _ in _candidates(folder.path)]
            found = [entries[f"{folder.name}/{name}"] for name in present]
            summaries[folder.name] = _summary(folder, found, _gone(folder, set(present)))
        with contextlib.suppress(OSError, TilsynError):
            details.save()
    if summaries != known:
        cache.data["folders"] = summaries
        cache.changed = True
    reviews: list[ReviewInfo] = []
    unlisted: dict[tuple[str, str], int] = {}
    corrections: list[CorrectionInfo] = []
    for summary in summaries.values():
        series, period = summary["key"]
        reviews += [ReviewInfo(series, period, *listed) for listed in summary["listed"]]
        corrections += [CorrectionInfo.from_json(c) for c in summary["corrections"]]
        if summary["complete"]:
            unlisted[(series, period)] = summary["complete"]
    return reviews, unlisted, corrections, parsed


def _gone(folder: _Folder, present: set[str]) -> list[list[Any]]:
    """A listed entry (case, reviewer, state, review number) for each review the manifest
    lists whose file is not in the folder; none when the manifest cannot be read."""
    from ledelsestilsyn.io.yaml import read_document

    try:
        data = read_document(Path(folder.path) / MANIFEST_NAME).data
    except (OSError, TilsynError):
        return []
    cases = data.get("sager") if isinstance(data, dict) else None
    gone: list[list[Any]] = []
    for case in cases if isinstance(cases, list) else []:
        files = case.get("filer") if isinstance(case, dict) else None
        for number, name in enumerate(files if isinstance(files, list) else [], start=1):
            if isinstance(name, str) and name not in present:
                gone.append([str(case.get("id", "")), "", FILE_GONE, number])
    return gone


def _summary(folder: _Folder, entries: list[list[Any]], gone: list[list[Any]]) -> dict[str, Any]:
    """Open reviews and calibration pairs in full; other finished reviews as a count; and
    the reviews whose file is gone."""
    reviews = [e for e in entries if e[2] is not None]
    per_case: dict[str, int] = {}
    for e in reviews:
        per_case[e[5]] = per_case.get(e[5], 0) + 1
    listed = [e for e in reviews if e[2] != ReviewState.COMPLETE or per_case[e[5]] > 1]
    return {
        "key": list(folder.key),
        "fp": folder.fingerprint,
        "corrections": [c for e in entries for c in e[8]],
        "checked": max((str(e[1]) for e in entries), default=""),
        "invalid": any(e[2] in _DAY_DEPENDENT for e in entries),
        "latest": max((e[9] for e in reviews if e[2] == ReviewState.COMPLETE), default=""),
        "listed": [[e[5], e[6], e[2], e[7]] for e in listed] + gone,
        "complete": len(reviews) - len(listed),
    }


def _file_entries(
    concept_path: Path, folders: list[_Folder], details: JsonCache, today: date
) -> tuple[dict[str, list[Any]], int]:
    """Per-file entries of changed folders; only files whose stamp changed are checked."""
    known: dict[str, list[Any]] = details.data.get("files") or {}
    day = today.isoformat()
    entries: dict[str, list[Any]] = {}
    stale: _FileList = []
    for item in (f for folder in folders for f in folder.files()):
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


def _still_valid(summary: dict[str, Any], day: str) -> bool:
    """A folder summary holds unless the day went back, or it has invalid reviews
    and the day changed (whether a review's date lies in the future depends on it)."""
    checked = str(summary.get("checked", ""))
    if day < checked:
        return False
    return not summary.get("invalid") or day == checked


def _entry_valid(entry: list[Any], day: str) -> bool:
    checked_on, state = str(entry[1]), entry[2]
    if day < checked_on:
        return False
    return state not in _DAY_DEPENDENT or day == checked_on


_DAY_DEPENDENT = (ReviewState.INVALID, DATED_LATER)
"""States that may change when only the day changes (a `dato` after the day)."""


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


def _check(concept_path: Path, stale: _FileList, today: date) -> dict[str, list[Any]]:
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
        if result is None:  # not a review file (notes, a copy of the manifest, …)
            entries[rel] = [stamp, day, None, series, period, "", "", 1, [], ""]
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
        ]
    return entries


def _reports(root: Path, plan: Plan, drawn_at: dict[tuple[str, str], int]) -> set[tuple[str, str]]:
    """(series, period) of each report made, as the module docstring says."""
    folder = root / REPORTS_DIR
    if not folder.is_dir():
        return set()
    longest_first = sorted((s.name for s in plan.series), key=len, reverse=True)
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
            labels = {_normal_label(m) for m in _REPORT_LABEL.findall(rest)}
            written = _written_at(Path(top) / name)
            made |= {
                (s, label)
                for s in mentioned or longest_first
                for label in labels
                if written >= drawn_at.get((s, label), 0)
            }
    return made


_REPORT_LABEL = re.compile(r"(?<!\d)\d{4}(?:-(?:\d{2}|[KkQq][1-4]|[Hh][12]))?(?![\d])")


def _normal_label(label: str) -> str:
    """`2026-q3`/`2026-Q3` → `2026-K3`, `2026-h1` → `2026-H1`, as `periods` writes them."""
    return label.upper().replace("Q", "K")

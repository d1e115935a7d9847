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

Drawn samples are the folders `udtræk/<periode>-<tilsyn>/`. Which files changed and
what `valider` says of them: `schedule.file_checks`; which reports are made:
`schedule.reports_made`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from ledelsestilsyn.core.diagnostics import Diagnostic, ErrorKind, Severity, TilsynError
from ledelsestilsyn.core.names import one_spelling
from ledelsestilsyn.review.state import ReviewState
from ledelsestilsyn.schedule.concept_cache import (
    JsonCache,
    cached_concept,
    find_concept_fast,
    save_quietly,
    without_bad_cache,
)
from ledelsestilsyn.schedule.corrections import CorrectionInfo
from ledelsestilsyn.schedule.file_checks import (
    CORRECTED,
    FileList,
    day_dependent,
    file_entries,
)
from ledelsestilsyn.schedule.letters_due import pending, written_periods
from ledelsestilsyn.schedule.mail_settings import MailSettings
from ledelsestilsyn.schedule.plan import (
    Plan,
    ReviewInfo,
    WorkspaceState,
)
from ledelsestilsyn.schedule.reports_made import reports_made
from ledelsestilsyn.schedule.review_states import FILE_GONE, MOVED
from ledelsestilsyn.schedule.stamps import (
    file_stamp,
    folder_stamp,
    is_folder,
    is_plain_file,
    stat_or_none,
)
from ledelsestilsyn.schedule.tiltag_dates import read_dates
from ledelsestilsyn.workspace.layout import (
    MANIFEST_NAME,
    NOT_REVIEWS,
    REMINDER_FILES_CACHE,
    SAMPLES_DIR,
    TEMPLATES_DIR,
    YAML_SUFFIXES,
)
from ledelsestilsyn.workspace.links import linked_samples

_LABEL = re.compile(
    r"^\d{4}(-(\d{2}|[KkQq][1-4]|[Hh][12]))?$|^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$"
)
"""A sample folder's period: a round's, or a date range's (`2026-10-01..2026-11-30`, an extra
sample U012 warns of: påmind follows it too, its reviews, report and corrections)."""


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


def read_inputs(
    start: Path, explicit: Path | None, today: date, broken: ErrorKind = ErrorKind.USAGE
) -> ReminderInputs:
    """Plan and workspace state; a `TilsynError` of kind `broken` when the concept is broken
    (exit 2 for `påmind`, so that cron mails it)."""
    concept_path = find_concept_fast(start, explicit)
    return without_bad_cache(lambda fresh: _read_inputs(concept_path, today, fresh, broken))


def _read_inputs(concept_path: Path, today: date, fresh: bool, broken: ErrorKind) -> ReminderInputs:
    root = concept_path.parent
    cache = JsonCache.open(root, fresh=fresh)
    plan, mail = cached_concept(concept_path, cache, broken)
    folders = _samples(root, plan)
    reviews, unlisted, corrections, parsed = _reviews(concept_path, folders, cache, today, fresh)
    reviews, corrections = _one_name_each(reviews, corrections, plan, mail)
    tiltag = read_dates(root, cache.data)
    cache.changed |= tiltag.changed
    summaries = cache.data.get("folders") or {}
    latest = {
        (s["key"][0], s["key"][1]): (s["latest"], s.get("done", [])) for s in summaries.values()
    }
    unanswered, renewed = pending(latest, written_periods(root))
    state = WorkspaceState(
        frozenset(f.key for f in folders),
        tuple(reviews),
        frozenset(
            reports_made(
                root,
                plan,
                {f.key: f.drawn_at for f in folders},
                {key: day for key, (day, _) in latest.items()},
            )
        ),
        unlisted,
        tuple(corrections),
        tuple(tiltag.dates),
        unanswered if plan.feedback_days is not None else {},
        renewed,
    )
    save_quietly(cache)
    notes = [*_manifest_notes(summaries), *tiltag.notes]
    return ReminderInputs(root, concept_path, plan, mail, state, parsed, notes)


def _one_name_each(
    reviews: list[ReviewInfo], corrections: list[CorrectionInfo], plan: Plan, mail: MailSettings
) -> tuple[list[ReviewInfo], list[CorrectionInfo]]:
    """The reviews and corrections with one spelling of each reviewer: 'Hansen, Mette' and
    'mette  hansen' in gennemført_af are the concept's 'Mette Hansen' (its bedømmere, the
    addresses and the leaders), so that they are one reviewer with one list and one mail."""
    known = [n for s in plan.series for n in s.reviewers]
    known += [*mail.reviewers, *mail.leaders.values()]
    spelled = one_spelling(
        [*(r.reviewer for r in reviews), *(c.reviewer for c in corrections)], known
    )
    return (
        [replace(r, reviewer=spelled.get(r.reviewer, r.reviewer)) for r in reviews],
        [replace(c, reviewer=spelled.get(c.reviewer, c.reviewer)) for c in corrections],
    )


def sample_folder(name: str, plan: Plan) -> tuple[str, str] | None:
    """(series, period label) of a sample folder name `<periode>-<tilsyn>`, if it is one; also
    one with its æ, ø and å spelt otherwise (copied from a Mac: `å` as `a` and a ring), which
    the other commands read as the round's."""
    name = unicodedata.normalize("NFC", name)
    for series in sorted(plan.series, key=lambda s: -len(s.name)):
        suffix = "-" + series.name
        if name.endswith(suffix) and _LABEL.match(name[: -len(suffix)]):
            return series.name, name[: -len(suffix)]
    return None


@dataclass
class _Folder:
    key: tuple[str, str]
    name: str
    path: str
    context: str
    fingerprint: str
    drawn_at: int = 0
    """When the manifest was written (ns; 0 without one)."""

    def files(self) -> FileList:
        """The review candidates with their stamps (read again: only for changed folders)."""
        found: FileList = []
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
                and not name.startswith(NOT_REVIEWS)
                and is_plain_file(entry)
            ):
                st = entry.stat()
                found.append((name, f"{st.st_size}:{st.st_mtime_ns}"))
    found.sort()
    return found


def _samples(root: Path, plan: Plan) -> list[_Folder]:
    """Every drawn sample folder with a fingerprint of its files' names, sizes and times."""
    samples = root / SAMPLES_DIR
    linked = linked_samples(root)
    if linked:  # a wrong setup, as a broken concept is for påmind: cron's mail says it
        raise TilsynError(linked, kind=ErrorKind.USAGE)
    if not samples.is_dir():
        return []
    templates = folder_stamp(root / TEMPLATES_DIR)
    found = []
    with os.scandir(samples) as folders:
        for folder in folders:
            key = sample_folder(folder.name, plan) if is_folder(folder) else None
            if key is None:
                continue
            manifest = stat_or_none(Path(folder.path) / MANIFEST_NAME)
            context = f"{templates}/{file_stamp(manifest)}"
            stamps = "\n".join(f"{n}={st}" for n, st in _candidates(folder.path))
            # a file name that is not UTF-8 is in it as written (surrogates)
            stamped = f"{context}\n{stamps}".encode("utf-8", "surrogateescape")
            fingerprint = hashlib.sha256(stamped).hexdigest()
            drawn_at = manifest.st_mtime_ns if manifest is not None else 0
            found.append(_Folder(key, folder.name, folder.path, context, fingerprint, drawn_at))
    return found


def _reviews(
    concept_path: Path, folders: list[_Folder], cache: JsonCache, today: date, fresh: bool
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
        details = JsonCache.open(concept_path.parent, REMINDER_FILES_CACHE, fresh=fresh)
        files = [item for folder in stale for item in folder.files()]
        entries, parsed = file_entries(concept_path, files, details, today)
        for folder in stale:
            present = [name for name, _ in _candidates(folder.path)]
            found = [entries[f"{folder.name}/{name}"] for name in present]
            gone, unreadable = _gone(folder, set(present))
            strays = sorted(n for n, e in zip(present, found, strict=True) if e[2] is None)
            summaries[folder.name] = _summary(folder, found, gone) | {
                "manifest": unreadable,
                "strays": strays,
            }
        with contextlib.suppress(OSError, TilsynError):
            details.save()
    if summaries != known:
        cache.data["folders"] = summaries
        cache.changed = True
    reviews: list[ReviewInfo] = []
    unlisted: dict[tuple[str, str], int] = {}
    corrections: list[CorrectionInfo] = []
    # the files that count nowhere, by name: where a review gone from its folder may lie
    lying = {n: name for name, other in summaries.items() for n in other.get("strays", ())}
    for summary in summaries.values():
        series, period = summary["key"]
        listed = _where_gone(summary["listed"], lying)
        reviews += [ReviewInfo(series, period, *entry) for entry in listed]
        corrections += [CorrectionInfo.from_json(c) for c in summary["corrections"]]
        if summary["complete"]:
            unlisted[(series, period)] = summary["complete"]
    return reviews, unlisted, corrections, parsed


def _where_gone(entries: list[list[Any]], strays: dict[str, str]) -> list[list[Any]]:
    """A folder's listed entries, each review whose file is gone said to lie in the other
    round's folder where a file by its name counts nowhere (`strays`: G066), if one does.
    Worked out on every run, as another folder's files may change while this one's do not."""
    listed: list[list[Any]] = []
    for entry in entries:
        file = entry[4] if len(entry) > 4 else None
        if entry[2] == FILE_GONE and file in strays:
            entry = [entry[0], entry[1], f"{MOVED} {strays[file]}", entry[3]]
        listed.append(entry[:4])
    return listed


def _gone(folder: _Folder, present: set[str]) -> tuple[list[list[Any]], list[Any] | None]:
    """A listed entry (case, reviewer, state, review number, file name) for each review the
    manifest lists whose file is not in the folder; none when the manifest cannot be read, and
    then its first problem (line, column, code, message) to warn of at every run."""
    from ledelsestilsyn.io.yaml import read_document

    path = Path(folder.path) / MANIFEST_NAME
    try:
        data = read_document(path, display=MANIFEST_NAME).data
    except TilsynError as exc:
        first = exc.diagnostics[0]
        return [], [first.line, first.column, first.code, first.message]
    except OSError:
        return [], None
    cases = data.get("sager") if isinstance(data, dict) else None
    gone: list[list[Any]] = []
    for case in cases if isinstance(cases, list) else []:
        files = case.get("filer") if isinstance(case, dict) else None
        for number, name in enumerate(files if isinstance(files, list) else [], start=1):
            if isinstance(name, str) and name not in present:
                gone.append([str(case.get("id", "")), "", FILE_GONE, number, name])
    return gone, None


def _manifest_notes(summaries: dict[str, dict[str, Any]]) -> list[Diagnostic]:
    """G031 for each sample whose manifest cannot be read (as `valider` says it): without
    it, påmind cannot tell a review whose file is gone."""
    notes = []
    for name, summary in sorted(summaries.items()):
        problem = summary.get("manifest")
        if problem:
            line, column, code, message = problem
            notes.append(
                Diagnostic(
                    f"{SAMPLES_DIR}/{name}/{MANIFEST_NAME}",
                    line,
                    column,
                    "G031",
                    f"manifestet kan ikke læses ({code}: {message}); påmind kan ikke se, om en "
                    "af stikprøvens gennemgange er væk.",
                    "ret manifestet, og tjek det med 'tilsyn valider'.",
                    Severity.WARNING,
                )
            )
    return notes


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
        "corrections": _one_per_question(reviews),
        "checked": max((str(e[1]) for e in entries), default=""),
        "invalid": any(day_dependent(e) for e in entries),
        "latest": max((e[9] for e in reviews if e[2] == ReviewState.COMPLETE), default=""),
        "done": sorted({e[5] for e in reviews if e[2] == ReviewState.COMPLETE}),
        "listed": [[e[5], e[6], e[2], e[7]] for e in listed] + gone,
        "complete": len(reviews) - len(listed),
    }


def _one_per_question(reviews: list[list[Any]]) -> list[list[str]]:
    """The open corrections of a folder's reviews that count, by the rule of
    `report.pair_corrections` (kept here for the cron fast path): per case and question, the
    first review's that has one, finished reviews before unfinished ones, then by review
    number and leader, as the caseworker's letter and the report take them."""
    found: list[list[str]] = []
    seen: dict[str, set[str]] = {}
    for e in sorted(reviews, key=lambda e: (e[5], e[2] != ReviewState.COMPLETE, e[7], e[6])):
        before = seen.setdefault(e[5], set())
        found += [c for c in e[8] if c[1] not in before]
        before |= set(e[CORRECTED])
    return found


def _still_valid(summary: dict[str, Any], day: str) -> bool:
    """A folder summary holds unless the day went back, or it has invalid reviews
    and the day changed (whether a review's date lies in the future depends on it)."""
    checked = str(summary.get("checked", ""))
    if day < checked:
        return False
    return not summary.get("invalid") or day == checked

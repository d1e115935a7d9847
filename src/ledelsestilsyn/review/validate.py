"""`tilsyn valider`: check filled-in reviews against their templates, every problem at once.

The public interface, also used by `rapport` and `påmind`:

- `walk(paths)`: the review files under the given files and folders (recursive;
  manifests, hidden files and non-YAML files skipped), and the sample folders;
- `check_reviews(workspace, paths, today=…)`: one `ReviewResult` per review
  file, with its state, header, canonical answers and diagnostics;
- `run_checks(…)`: the same plus what was skipped and run-level notes.

Which steps a review must answer: when the review's folder holds the sample
manifest (`udtræk.yaml`), its `fokus` (no `fokus`: every step of the
template); otherwise the steps present in the file. A focus step missing from
the file is an error, and so is a step outside the focus.

Files are read and hashed every time; parsing and checking is skipped when the
cache (`review.cache`) knows the same bytes, and cold runs over many files use
a process pool (`review.analyse_files`). Nothing here ever writes to a review
file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity, TilsynError
from ledelsestilsyn.core.names import as_read
from ledelsestilsyn.core.unknown_names import NAME
from ledelsestilsyn.io.named import check_named
from ledelsestilsyn.models.manifest import Manifest
from ledelsestilsyn.review.analyse_files import Templates, analyse_all
from ledelsestilsyn.review.analysis import INCOMPLETE_CODES, Analysis, CorrectionEntry
from ledelsestilsyn.review.cache import ReviewCache
from ledelsestilsyn.review.file_kind import not_a_review
from ledelsestilsyn.review.header import HeaderContext, check_header
from ledelsestilsyn.review.manifests import home, owners, sample_manifests
from ledelsestilsyn.review.name_check import name_warnings, strangers
from ledelsestilsyn.review.pairs import same_reviewer
from ledelsestilsyn.review.state import ReviewState
from ledelsestilsyn.workspace.known_names import KnownNames, known_names
from ledelsestilsyn.workspace.layout import (
    MANIFEST_NAME,
    NOT_REVIEWS,
    REVIEW_CACHE,
    YAML_SUFFIXES,
)
from ledelsestilsyn.workspace.open import Workspace


@dataclass(frozen=True)
class ReviewResult:
    path: Path
    display: str
    state: ReviewState
    series: str | None
    period: str | None
    template_ref: str | None
    case_id: str | None
    caseworker: str | None
    team: str | None
    reviewer: str | None
    review_date: date | None
    review_no: int | None
    answers: dict[str, dict[str, tuple[str | None, str]]]
    diagnostics: list[Diagnostic]
    corrections: tuple[CorrectionEntry, ...] = ()
    consent: bool = False
    checked: bool = False
    """The header was checked against the sample's manifest, so `caseworker` and `team` are
    the export's; without one they are whatever was typed (`report.records`)."""

    @property
    def errors(self) -> int:
        return sum(d.is_error for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return len(self.diagnostics) - self.errors


@dataclass
class ReviewRun:
    results: list[ReviewResult] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """(display, why): files recognised as something other than a review."""
    notes: list[Diagnostic] = field(default_factory=list)
    """Problems outside the reviews (e.g. an unreadable manifest)."""
    from_cache: int = 0


@dataclass(frozen=True)
class Found:
    """What one walk of the paths given finds: review files, and the folders with a manifest."""

    files: list[Path]
    sample_folders: set[Path]
    """Also a folder whose reviews are all gone (its manifest still lists them)."""


def walk(paths: list[Path]) -> Found:
    """The review files under `paths`, sorted and without duplicates, and the sample
    folders, from one walk of each folder.

    A file named explicitly is always included (its content decides whether it
    is a review); in folders, only `*.yaml`/`*.yml` that are not a manifest, hidden or
    Office's (`NOT_REVIEWS`) are.
    """
    found: dict[Path, Path] = {}
    folders: set[Path] = set()
    for path in paths:
        if not path.is_dir():
            found.setdefault(Path.cwd() / path, path)
            continue
        _readable(path)
        for candidate in sorted(path.rglob("*")):
            if any(part.startswith(NOT_REVIEWS) for part in candidate.relative_to(path).parts):
                continue
            if candidate.name == MANIFEST_NAME:
                folders.add(candidate.parent)
            elif candidate.suffix.lower() in YAML_SUFFIXES and candidate.is_file():
                found.setdefault(Path.cwd() / candidate, candidate)
    return Found(list(found.values()), folders)


def _readable(folder: Path) -> None:
    """Raise the `OSError` of a folder under `folder` that cannot be read (W003 at the edge):
    `rglob` passes over it, and a round another leader drew, still private to them, was left
    out of `valider` and of a report without a word (a probe). Hidden folders (a draw in
    progress) are not looked into."""

    def stop(exc: OSError) -> None:
        raise exc

    for _, folders, _ in os.walk(folder, onerror=stop):
        folders[:] = [f for f in folders if not f.startswith(NOT_REVIEWS)]


def check_reviews(
    workspace: Workspace, paths: list[Path] | None = None, *, today: date
) -> list[ReviewResult]:
    """One result per review file (default: everything under the workspace's `udtræk/`)."""
    return run_checks(workspace, paths, today=today).results


_NO_PATH = "tjek stavemåden (en mappe eller en .yaml-fil); uden stier læses alle under udtræk/."


def run_checks(
    workspace: Workspace,
    paths: list[Path] | None = None,
    *,
    today: date,
    use_cache: bool = True,
) -> ReviewRun:
    targets = paths if paths is not None else [workspace.samples_dir]
    for target in paths or ():
        folder = check_named(target, str(target), "G040", folders=True, hint=_NO_PATH)
        if not folder and (wrong := not_a_review(target, str(target), "G069")) is not None:
            raise wrong
    found, cwd = walk([t for t in targets if t.exists()]), Path.cwd().resolve()
    files = found.files
    templates = Templates(workspace.catalog)
    run = ReviewRun()
    manifests = sample_manifests(
        files, found.sample_folders, lambda p: display(workspace, p, cwd), run.notes
    )
    focus = {folder: list(m.focus) if m else None for folder, m in manifests.items()}
    listed = owners(manifests)
    names = frozenset(workspace.concept.series)
    samples = workspace.samples_dir.resolve()
    homes = {folder: home(folder.resolve(), m, samples) for folder, m in manifests.items()}
    cache = ReviewCache.open(workspace.cache_dir / REVIEW_CACHE) if use_cache else None
    analyses, run.from_cache = analyse_all(files, focus, templates, cache)
    people = _people(workspace, manifests.values(), analyses.values())
    for path in files:
        shown = display(workspace, path, cwd)
        analysis = analyses[path]
        if not analysis.is_review:
            run.skipped.append((shown, analysis.skip_reason or ""))
            continue
        manifest = manifests[path.parent]
        owner = listed.get(path.name.casefold())
        context = HeaderContext(names, manifest, owner, homes[path.parent], people.all)
        run.results.append(finish(analysis, path, shown, today, context))
    run.notes += same_reviewer(run.results, analyses)
    if cache is not None:
        _save(cache, run)
    return run


def _people(
    workspace: Workspace, manifests: Iterable[Manifest | None], analyses: Iterable[Analysis]
) -> KnownNames:
    """Every name the workspace knows (`known_names`), with the samples' and the reviews'."""
    cases = [c for m in manifests if m is not None for c in m.cases]
    return known_names(
        workspace,
        analyses,
        caseworkers=(c.caseworker for c in cases),
        teams=(c.team for c in cases),
    )


def _save(cache: ReviewCache, run: ReviewRun) -> None:
    reason, hint = "", "tjek at mappen .tilsyn kan skrives, eller slet den."
    try:
        cache.save()
        return
    except TilsynError as exc:  # the folder is a link, a file, or cannot be written
        first = exc.diagnostics[0]
        reason, hint = f" ({first.message.rstrip('.')})", first.hint or hint
    except OSError:
        pass
    message = f"cachen kunne ikke gemmes{reason}; næste kørsel bliver langsommere."
    run.notes.append(
        Diagnostic(str(cache.path.parent), None, None, "G041", message, hint, Severity.WARNING)
    )


def display(workspace: Workspace, path: Path, cwd: Path | None = None) -> str:
    """A path as the user sees it: relative to the current folder, else to the workspace."""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.relative_to(cwd or Path.cwd().resolve()))
    except ValueError:
        return workspace.display(path)


ELSEWHERE = "G066"
FOCUS_CODES = frozenset({"G011", "G012"})
"""The steps checked against the folder's focus: of a review in another round's folder
(G066), whose focus is not the review's, they said to delete steps from a complete review
(found by probe Q, F6)."""

FUTURE_DATE_CODES = frozenset({"G006"})
"""A review's `dato` after `today`: an error that depends on the day."""


def finish(
    analysis: Analysis, path: Path, shown: str, today: date, context: HeaderContext
) -> ReviewResult:
    """The result as of `today`: header checked, diagnostics named by `shown`, state decided."""
    analysis, header_errors = check_header(analysis, path, shown, context)
    names = name_warnings(analysis.names, shown, context.people)
    found = [*analysis.diagnostics, *names]
    if any(d.code == ELSEWHERE for d in header_errors):  # the folder's focus is not its own
        found = [d for d in found if d.code not in FOCUS_CODES]
    diagnostics = sorted(
        [replace(d, file=shown) for d in found] + header_errors,
        key=lambda d: (d.line or 0, d.column or 0, d.code),
    )
    if analysis.review_date is not None and analysis.review_date > today:
        line, column = analysis.date_pos or (None, None)
        message = f"'dato' ligger i fremtiden (i dag er {today.isoformat()})."
        hint = "skriv den dag, gennemgangen blev lavet."
        diagnostics.append(Diagnostic(shown, line, column, "G006", message, hint))
    unknown = strangers(analysis.names, context.people)
    corrections = [
        _not_done_yet(_unnamed(c, unknown), shown, today, diagnostics) for c in analysis.corrections
    ]
    return ReviewResult(
        path=path,
        display=shown,
        state=_state(analysis, diagnostics),
        series=analysis.series,
        period=analysis.period,
        template_ref=analysis.template_ref,
        case_id=analysis.case_id,
        caseworker=analysis.caseworker,
        team=analysis.team,
        reviewer=analysis.reviewer,
        review_date=analysis.review_date,
        review_no=analysis.review_no,
        answers=analysis.answers,
        diagnostics=diagnostics,
        corrections=tuple(corrections),
        consent=analysis.consent,
        checked=context.manifest is not None,
    )


def _unnamed(correction: CorrectionEntry, unknown: list[str]) -> CorrectionEntry:
    """The correction with `[navn]` as its responsible person when G068 warns of the name
    (`strangers`): else `påmind` and its mail named a child written there (a probe)."""
    if unknown and any(name in as_read(correction.responsible) for name in unknown):
        return replace(correction, responsible=NAME)
    return correction


def _not_done_yet(
    correction: CorrectionEntry, shown: str, today: date, diagnostics: list[Diagnostic]
) -> CorrectionEntry:
    """A correction whose `udført` lies after `today` (a slip of the year or the month) is not
    done yet: G052, a warning, and the correction stays open, so `påmind` still reminds of it
    when its deadline passes. The review itself is finished and counts (an error made it
    'dated later' in `påmind`, and the reminder of the overdue correction disappeared)."""
    if correction.done is None or correction.done <= today:
        return correction
    line, column = correction.done_pos or (None, None)
    message = (
        f"'udført' ligger i fremtiden (i dag er {today.isoformat()}); rettelsen regnes som "
        "ikke udført, indtil den dag er nået."
    )
    hint = "skriv den dag, rettelsen blev gjort, eller lad feltet stå tomt."
    diagnostics.append(Diagnostic(shown, line, column, "G052", message, hint, Severity.WARNING))
    return replace(correction, done=None, written=correction.done)


def _state(analysis: Analysis, diagnostics: list[Diagnostic]) -> ReviewState:
    if any(d.is_error for d in diagnostics):
        return ReviewState.INVALID
    if not analysis.started:
        return ReviewState.NOT_STARTED
    if any(d.code in INCOMPLETE_CODES for d in diagnostics):
        return ReviewState.PARTIAL
    return ReviewState.COMPLETE

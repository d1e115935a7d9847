"""Where a sample comes from, besides the export: earlier samples and completed reviews.

Earlier manifests in the workspace give quarantine and the rotation history;
a level draws from the completed reviews of one or more other series' samples
in the same period, judged complete as `tilsyn valider` judges them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ledelsestilsyn.core.diagnostics import Diagnostic, TilsynError, fail, warning
from ledelsestilsyn.core.periods import Period, parse_period
from ledelsestilsyn.core.words import count, listing
from ledelsestilsyn.io.atomic import TEMP_PREFIX
from ledelsestilsyn.io.files import open_regular
from ledelsestilsyn.io.yaml import read_document
from ledelsestilsyn.models.concept import Series
from ledelsestilsyn.models.located import validate_document
from ledelsestilsyn.models.manifest import Manifest
from ledelsestilsyn.sampling.draw import Case, EarlierCase, History, StepCount, build_history
from ledelsestilsyn.sampling.manifest_cache import ManifestCache
from ledelsestilsyn.workspace.layout import CACHE_DIR, MANIFEST_CACHE, MANIFEST_NAME, SAMPLES_DIR
from ledelsestilsyn.workspace.open import Workspace


@dataclass
class DrawSource:
    """What a sample is drawn from: cases, population counts, input and history."""

    cases: list[Case]
    steps: list[StepCount]
    source: dict[str, Any] | None
    diagnostics: list[Diagnostic]
    history: History = field(default_factory=History)
    empty_sources: list[str] = field(default_factory=list)
    """A level's source series without one completed review in the period."""
    old_export: date | None = None
    """The export's newest decision date, when it is before the window: the export is old."""


def load_manifest(path: Path, workspace: Workspace) -> Manifest | None:
    if not path.is_file():
        return None
    return validate_document(Manifest, read_document(path, display=workspace.display(path)))


def manifests(workspace: Workspace) -> list[tuple[Path, Manifest]]:
    """Every sample's manifest in the workspace (parsed once, see `manifest_cache`)."""
    found = []
    if workspace.samples_dir.is_dir():
        cache = ManifestCache.open(workspace.cache_dir / MANIFEST_CACHE)
        for path in sorted(workspace.samples_dir.glob(f"*/{MANIFEST_NAME}")):
            if not path.parent.name.startswith(TEMP_PREFIX) and path.is_file():
                found.append((path, cache.load(path, workspace.display(path))))
        cache.save()
    return found


def caseworkers(workspace: Workspace) -> set[str]:
    """Every caseworker a sample's manifest names; none when a manifest cannot be read (the
    commands that read the samples say why)."""
    try:
        found = manifests(workspace)
    except TilsynError:
        return set()
    named = {c.caseworker for _, m in found for c in m.cases if c.caseworker}
    return named | {n for _, m in found for n in m.caseworkers}


def drawn_from(root: Path, path: Path) -> Path | None:
    """The manifest of a sample in the workspace at `root` drawn from the file at `path`
    (same size and SHA-256 as the manifest's `input`), or None: that file is the sample's
    audit trail, and the case system cannot export the same day's list again. A manifest
    that cannot be read says nothing here (`valider` and `udtræk` report it)."""
    try:
        size = path.stat().st_size if path.is_file() else -1
    except OSError:
        return None
    samples = root / SAMPLES_DIR
    if size < 0 or not samples.is_dir():
        return None
    digest = ""
    cache = ManifestCache.open(root / CACHE_DIR / MANIFEST_CACHE)
    for manifest_path in sorted(samples.glob(f"*/{MANIFEST_NAME}")):
        try:
            source = cache.load(manifest_path, manifest_path.name).source
        except (TilsynError, OSError):
            continue
        if source is None or source.size != size:
            continue
        digest = digest or _sha256(path)
        if digest == source.sha256:
            return manifest_path
    return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with open_regular(path) as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()


def earlier_cases(workspace: Workspace, name: str, period: Period) -> list[EarlierCase]:
    """Cases of earlier samples drawn from the export (levels draw from reviews)."""
    cases = []
    for path, manifest in manifests(workspace):
        if manifest.source_series:
            continue
        if manifest.series == name and manifest.period == period.label:
            continue
        drawn = _manifest_period(path, manifest, workspace)
        overlapping = manifest.series == name and drawn.start <= period.end
        overlapping = overlapping and period.start <= drawn.end
        cases += [
            EarlierCase(drawn.start, c.id, c.caseworker or "", c.team or "", overlapping)
            for c in manifest.cases
        ]
    return cases


def _manifest_period(path: Path, manifest: Manifest, workspace: Workspace) -> Period:
    try:
        return parse_period(manifest.period)
    except TilsynError:
        raise fail(workspace.display(path), "U007", "manifestets periode kan ikke læses.") from None


def level_source(
    workspace: Workspace, name: str, series: Series, period: Period, today: date
) -> DrawSource:
    """The completed reviews of the source series within this period, pooled, as cases.

    A source round counts when it starts inside the period, so a quarterly
    level pools the monthly rounds of its quarter. A case drawn in more than
    one source round is one case; it counts as completed if one of its
    reviews is. The rotation history is the level's own earlier rounds (the
    source rounds are the pool itself, so they say nothing about rotation),
    and the reasons say so (`History.scope`).
    """
    assert series.level is not None
    sources = series.level.sources
    drawn: dict[str, Case] = {}
    paths: list[Path] = []
    per_source = dict.fromkeys(sources, 0)
    ids: dict[str, set[str]] = {s: set() for s in sources}
    earlier: list[EarlierCase] = []
    for path, manifest in manifests(workspace):
        start = _manifest_period(path, manifest, workspace).start
        if manifest.series == name and start < period.start:
            earlier += [
                EarlierCase(start, c.id, c.caseworker or "", c.team or "") for c in manifest.cases
            ]
        if manifest.series not in per_source or start not in period:
            continue
        for case in manifest.cases:
            per_source[manifest.series] += 1
            ids[manifest.series].add(case.id)
            drawn.setdefault(
                case.id,
                Case(case.id, case.caseworker or "", case.team or "", dict(case.attributes)),
            )
            paths += [path.parent / f for f in case.files[:1]]
    completed, unfinished = _completed(workspace, paths, today)
    cases = [drawn[i] for i in sorted(completed & set(drawn))]
    steps = [
        StepCount(f"sager trukket i '{source}' i {period.label}", n)
        for source, n in per_source.items()
    ]
    steps.append(StepCount("heraf med færdig gennemgang", len(cases)))
    history = build_history(earlier, period.start, 0, scope=f"i '{name}' ")
    empty = [source for source, drawn_ids in ids.items() if not drawn_ids & completed]
    left_out = [(p, s, c) for p, s, c in unfinished if c not in completed]
    notes = _left_out(workspace, name, period, left_out) if completed else []
    return DrawSource(cases, steps, None, notes, history, empty)


def _completed(
    workspace: Workspace, paths: list[Path], today: date
) -> tuple[set[str], list[tuple[Path, str, str]]]:
    """Case ids whose (first) review is complete, as `tilsyn valider` judges it, and the
    others' (path, state, case id)."""
    if not paths:
        return set(), []
    from ledelsestilsyn.review.state import ReviewState
    from ledelsestilsyn.review.validate import check_reviews

    results = check_reviews(workspace, paths, today=today)
    done = {r.case_id for r in results if r.state is ReviewState.COMPLETE and r.case_id}
    return done, [
        (r.path, str(r.state), r.case_id)
        for r in results
        if r.state is not ReviewState.COMPLETE and r.case_id
    ]


def _left_out(
    workspace: Workspace, name: str, period: Period, unfinished: list[tuple[Path, str, str]]
) -> list[Diagnostic]:
    """U014, one per source round: its unfinished reviews, whose cases this draw leaves out
    for good (a level is drawn once). The population table says how many, not where."""
    from ledelsestilsyn.review.state import counted

    rounds: dict[Path, list[tuple[str, str]]] = {}
    for path, state, case_id in unfinished:
        rounds.setdefault(path.parent, []).append((state, case_id))
    notes = []
    for folder, reviews in sorted(rounds.items()):
        states = [s for s, _ in reviews]
        n = len(reviews)
        by_state = listing([counted(s, states.count(s)) for s in dict.fromkeys(states)])
        ids = sorted(c for _, c in reviews)
        shown = ", ".join(ids[:_NAMED]) + (f" og {n - _NAMED} flere" if n > _NAMED else "")
        notes.append(
            warning(
                workspace.display(folder),
                "U014",
                f"{count(n, 'gennemgang', 'gennemgange')} er ikke "
                f"{'færdig' if n == 1 else 'færdige'} ({by_state}): {shown}; "
                f"{'sagen' if n == 1 else 'sagerne'} kan ikke komme med i '{name}' for "
                f"{period.label}, for et niveau trækkes kun én gang.",
                hint="gør gennemgangene færdige (tjek med tilsyn valider), før niveauet trækkes.",
            )
        )
    return notes


_NAMED = 5

"""Analysing many review files: from the cache when it knows the bytes, else in a process pool.

An analysis depends only on a file's bytes, its template and the focus steps
(`review.check`), so it is cached by content hash, and cold runs over many
files spread the parsing over up to four processes.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ledelsestilsyn.core.diagnostics import Diagnostic, TilsynError
from ledelsestilsyn.core.progress import step
from ledelsestilsyn.io.files import read_limited, read_regular
from ledelsestilsyn.io.yaml import MAX_BYTES
from ledelsestilsyn.review.analysis import Analysis
from ledelsestilsyn.review.cache import Entry, ReviewCache
from ledelsestilsyn.review.check import analyse
from ledelsestilsyn.review.template_index import TemplateIndex
from ledelsestilsyn.templates.catalog import Catalog

PARALLEL_MIN = 48
CHUNK = 32


class Templates:
    """Resolved, indexed templates by reference, memoised for one run."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.indexes: dict[str, TemplateIndex | TilsynError] = {}
        known = ",".join(sorted(f"{i}@{v}" for i, v in catalog.templates))
        self.missing = "mangler:" + hashlib.sha256(known.encode("utf-8")).hexdigest()[:16]

    def index(self, ref: str) -> TemplateIndex:
        if ref not in self.indexes:
            try:
                self.indexes[ref] = TemplateIndex.build(self.catalog.resolve(ref))
            except TilsynError as exc:
                self.indexes[ref] = exc
        found = self.indexes[ref]
        if isinstance(found, TilsynError):
            raise found
        return found

    def fingerprint(self, ref: str | None) -> str | None:
        """What a cached analysis of a review naming `ref` depends on."""
        if ref is None:
            return None
        try:
            return self.index(ref).fingerprint
        except TilsynError:
            return self.missing


def _read(path: Path, shown: str) -> bytes | Diagnostic:
    try:
        return read_limited(path, shown, limit=MAX_BYTES, hint=_TOO_LARGE)
    except TilsynError as exc:
        return exc.diagnostics[0]


_TOO_LARGE = "en gennemgang fylder normalt under 100 kB; er det den rigtige fil?"


def analyse_file(
    path: Path, shown: str, templates: Templates, focus: list[str] | None
) -> tuple[str | None, Analysis]:
    """(SHA-256 of the bytes analysed or None if unreadable, the analysis)."""
    raw = _read(path, shown)
    if isinstance(raw, Diagnostic):
        return None, Analysis(diagnostics=[raw])
    return hashlib.sha256(raw).hexdigest(), analyse(raw, shown, templates.index, focus)


def analyse_all(
    files: list[Path],
    focus: dict[Path, list[str] | None],
    templates: Templates,
    cache: ReviewCache | None,
) -> tuple[dict[Path, Analysis], int]:
    """The analysis of each file (from the cache when it knows the bytes) and how many were."""
    results: dict[Path, Analysis] = {}
    from_cache = 0
    missing: list[Path] = []
    for path in files:
        hit = (
            _cached(path, focus[path.parent], templates, cache) if cache and cache.entries else None
        )
        if hit is None:
            missing.append(path)
        else:
            results[path] = hit
            from_cache += 1
    with step("Tjekker gennemgange", len(missing)) as done:
        analysed = _analyse_many(missing, focus, templates)
        for number, (path, (digest, analysis)) in enumerate(analysed, 1):
            done(number)
            results[path] = analysis
            if cache is not None and digest is not None:
                fingerprint = templates.fingerprint(analysis.template_ref)
                entry = Entry(str(path.resolve()), focus[path.parent], fingerprint, analysis)
                cache.put(digest, entry)
    return results, from_cache


def _cached(
    path: Path, focus: list[str] | None, templates: Templates, cache: ReviewCache
) -> Analysis | None:
    try:
        raw = read_regular(path, MAX_BYTES)
    except OSError:
        return None
    if len(raw) > MAX_BYTES:
        return None
    entry = cache.get(hashlib.sha256(raw).hexdigest())
    if entry is None or entry.focus != focus:
        return None
    if entry.fingerprint != templates.fingerprint(entry.analysis.template_ref):
        return None
    return entry.analysis


def _analyse_many(
    files: list[Path], focus: dict[Path, list[str] | None], templates: Templates
) -> Iterable[tuple[Path, tuple[str | None, Analysis]]]:
    jobs = [(p, str(p), focus[p.parent]) for p in files]
    workers = min(os.cpu_count() or 1, 4)
    if len(files) < PARALLEL_MIN or workers < 2:
        for path, shown, steps in jobs:
            yield path, analyse_file(path, shown, templates, steps)
        return
    chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    with ProcessPoolExecutor(
        workers, initializer=_worker_init, initargs=(templates.catalog,)
    ) as pool:
        for chunk, results in zip(chunks, pool.map(_worker_chunk, chunks), strict=True):
            for (path, _, _), result in zip(chunk, results, strict=True):
                yield path, result


_WORKER_TEMPLATES: list[Templates] = []


def _worker_init(catalog: Catalog) -> None:
    _WORKER_TEMPLATES.append(Templates(catalog))


def _worker_chunk(
    jobs: list[tuple[Path, str, list[str] | None]],
) -> list[tuple[str | None, Analysis]]:
    templates = _WORKER_TEMPLATES[-1]
    return [analyse_file(path, shown, templates, steps) for path, shown, steps in jobs]

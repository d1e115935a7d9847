"""`tilsyn udtræk`: from the export (or another series' completed reviews) to a sample folder.

The sample goes to `udtræk/<periode>-<tilsyn>/`: one review file per drawn
case (and per extra calibration reviewer) and the manifest `udtræk.yaml`.
This module decides what to draw (series, period, size, seed, window) and
builds the manifest; `sampling.period_choice` picks the period, `sampling.sources`
reads earlier samples and reviews, `sampling.draw` draws, and `sampling.write`
writes the folder. An existing sample is never touched, except that a larger
`antal` adds new files and rewrites the manifest (never a review file), with
every case drawn before kept as it stands there (`sampling.extend`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from ledelsestilsyn import __version__
from ledelsestilsyn.core.diagnostics import (
    Argument,
    Diagnostic,
    ErrorKind,
    TilsynError,
    fail,
    warning,
)
from ledelsestilsyn.core.periods import (
    Period,
    add_months,
)
from ledelsestilsyn.export.read import (
    Meanwhile,
    ReadOptions,
    check_phase_column,
    check_readable,
    read_export,
)
from ledelsestilsyn.models.concept import Series
from ledelsestilsyn.models.manifest import MAX_SEED, Manifest
from ledelsestilsyn.sampling.copied_names import (
    attribute_masker,
    known_in_sample,
    named_ids_warning,
    named_warnings,
)
from ledelsestilsyn.sampling.cpr_keys import cpr_key_warning, cpr_numbered
from ledelsestilsyn.sampling.draw import (
    DrawResult,
    DrawSpec,
    build_history,
    choose_calibration,
    draw,
    draw_per_group,
    eligible,
    seed_for,
)
from ledelsestilsyn.sampling.elsewhere import not_drawn_elsewhere
from ledelsestilsyn.sampling.empty import nothing_to_draw
from ledelsestilsyn.sampling.extend import as_drawn, kept_outside, pool_with_drawn
from ledelsestilsyn.sampling.files import (
    cpr_warnings,
    files_for,
    manifest_data,
    nameless_warnings,
)
from ledelsestilsyn.sampling.period_choice import chosen_period, outside_plan
from ledelsestilsyn.sampling.series_choice import (
    chosen_series,
)
from ledelsestilsyn.sampling.sources import DrawSource, earlier_cases, level_source, load_manifest
from ledelsestilsyn.sampling.stale import stale_export
from ledelsestilsyn.sampling.usable_concept import check_usable
from ledelsestilsyn.sampling.write import write_sample
from ledelsestilsyn.workspace.layout import MANIFEST_NAME, SCHEMA_DIR
from ledelsestilsyn.workspace.open import Workspace


class DrawStatus(StrEnum):
    CREATED = "oprettet"
    EXTENDED = "udvidet"
    EXISTS = "findes"
    FULL = "fuld"
    """`--antal` over a sample that has every possible case already: nothing is written."""
    DRY_RUN = "prøve"


@dataclass(frozen=True)
class DrawRequest:
    today: date
    export: Path | None = None
    series: str | None = None
    period: str | None = None
    seed: int | None = None
    size: int | None = None
    delimiter: str | None = None
    encoding: str | None = None
    sheet: str | None = None
    dry_run: bool = False
    allow_empty_source: bool = False
    """Draw a level although one of its source series has no completed review (U013)."""
    user: str = ""
    created: str = ""


@dataclass
class DrawOutcome:
    status: DrawStatus
    folder: Path
    manifest: Manifest
    written: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def run_draw(workspace: Workspace, request: DrawRequest) -> DrawOutcome:
    """Draw (or extend, or report the existing) sample for one series and period."""
    if request.seed is not None and request.seed > MAX_SEED:  # the draw keys with 16 bytes
        raise fail(
            Argument.SEED,
            "U025",
            f"frøet er for stort ({len(str(request.seed))} cifre); det største er 2**128 - 1.",
            hint="udelad frøet (så udledes det af serie og periode), eller brug et mindre tal.",
            kind=ErrorKind.USAGE,
        )
    name, series = chosen_series(workspace, request.series, request.period, request.today)
    period = chosen_period(workspace, name, series, request.period, request.today)
    folder = workspace.samples_dir / f"{period.label}-{name}"
    not_drawn_elsewhere(workspace, folder, name, period.label)
    existing = load_manifest(folder / MANIFEST_NAME, workspace)
    concept = workspace.display(workspace.concept_path)
    outside = [] if existing else outside_plan(name, series, period, concept)
    size = request.size or series.sample_size
    if existing is not None:
        if request.seed is not None and request.seed != existing.seed:
            raise fail(
                workspace.display(folder),
                "U003",
                f"stikprøven findes allerede med seed {existing.seed}.",
                hint="en stikprøve kan kun udvides med samme seed; flyt mappen for at trække om.",
                kind=ErrorKind.USAGE,
            )
        # Only `--antal` extends: a run without it never changes a sample leaders are filling
        # in, even one smaller than the concept's antal (drawn with a smaller --antal, or
        # from a population with fewer cases); it rewrote the manifest on every run.
        if request.size is None or size <= len(existing.cases):
            if request.export is not None:
                check_readable(request.export, str(request.export))
            return DrawOutcome(DrawStatus.EXISTS, folder, existing)
    check_usable(workspace, request.today)
    seed = existing.seed if existing else request.seed
    seed = seed if seed is not None else seed_for(name, period.label)
    _check_quotas(series, size, request.size is not None, workspace)
    source = (
        _level_source(workspace, name, series, period, request)
        if series.level
        else _export_source(workspace, name, series, period, request)
    )
    pool, missing = pool_with_drawn(source.cases, existing)
    source = replace(source, cases=pool)
    drawn = _draw(workspace, name, series, period, source, size, seed, existing)
    result = as_drawn(drawn, existing)
    known = known_in_sample(result.picks, workspace.concept)
    manifest = _manifest(
        workspace, name, series, period, request, source, result, size, seed, existing, known
    )
    export = str(request.export or "udtræk")
    sheet = (source.source or {}).get("ark")
    headers = workspace.concept.export.columns
    diagnostics = [
        *outside,
        *source.diagnostics,
        *kept_outside(missing, workspace.display(folder / MANIFEST_NAME)),
        # first: what no mask can take away, before lines per case that may run past the
        # screen's 25 per file (a probe: U030 was the 105th)
        *named_ids_warning(result.picks, known, export, headers["sag"], sheet),
        *cpr_warnings(result.picks, export, sheet, headers),
        *nameless_warnings(result.picks, export, sheet, headers),
        *named_warnings(result.picks, known, export, sheet, headers),
    ]
    if request.dry_run:
        return DrawOutcome(DrawStatus.DRY_RUN, folder, manifest, [], diagnostics)
    if existing is not None and len(manifest.cases) == len(existing.cases):
        # the manifest said `antal: 8` over 6 cases, with an extension that added none (a probe)
        return DrawOutcome(DrawStatus.FULL, folder, manifest, [], diagnostics)
    from ledelsestilsyn.workspace.schemas import ensure_schemas

    diagnostics += ensure_schemas(
        workspace.root / SCHEMA_DIR, workspace.catalog, workspace.cache_dir, workspace.display
    )
    written = write_sample(workspace, folder, series, manifest, existing)
    status = DrawStatus.EXTENDED if existing else DrawStatus.CREATED
    return DrawOutcome(status, folder, manifest, written, diagnostics)


def _check_quotas(series: Series, size: int, given: bool, workspace: Workspace) -> None:
    needed = sum(q.count for q in series.quotas)
    if needed > size:
        raise fail(
            Argument.COUNT if given else workspace.display(workspace.concept_path),
            "U004",
            f"kvoterne kræver {needed} sager, men antallet er {size}.",
            hint="hæv antallet, eller sænk kvoterne i koncept.yaml.",
            kind=ErrorKind.USAGE if given else ErrorKind.DATA,
        )


def _window(period: Period, months: int) -> tuple[date, date]:
    year, month = add_months(period.start.year, period.start.month, -months)
    return date(year, month, 1), period.start - timedelta(days=1)


def _level_source(
    workspace: Workspace, name: str, series: Series, period: Period, request: DrawRequest
) -> DrawSource:
    """The level's pool; a source series without completed reviews stops the draw (U013).

    A level is drawn once: drawn now, the cases of that series could never be
    drawn into it later (Døgnvagten's five a quarter would never reach niveau 3).
    `allow_empty_source` draws anyway, with a warning (the CLI names its flag in the hint).
    When no source has a completed review, U006 says so instead.
    """
    source = level_source(workspace, name, series, period, request.today)
    if not source.empty_sources or not source.cases:
        return source
    names = ", ".join(f"'{s}'" for s in source.empty_sources)
    one = len(source.empty_sources) == 1
    message = (
        f"{'kildeserien' if one else 'kildeserierne'} {names} har ingen færdige "
        f"gennemgange i {period.label}, så {'dens' if one else 'deres'} sager kan ikke "
        f"komme med i '{name}'"
    )
    hint = (
        f"gør gennemgangene i {names} færdige (tjek med tilsyn valider), og kør så udtræk "
        "igen; et niveau trækkes kun én gang."
    )
    concept = workspace.display(workspace.concept_path)
    if not request.allow_empty_source:
        raise fail(concept, "U013", f"{message}; intet er skrevet.", hint=hint)
    problem = warning(concept, "U013", f"{message}.", hint=hint)
    return replace(source, diagnostics=[*source.diagnostics, problem])


def _export_source(
    workspace: Workspace, name: str, series: Series, period: Period, request: DrawRequest
) -> DrawSource:
    if request.export is None:
        raise fail(
            "udtræk",
            "U005",
            "angiv eksportfilen fra sagssystemet.",
            hint="fx: tilsyn udtræk eksport.csv",
            kind=ErrorKind.USAGE,
        )
    rules = workspace.concept.eligibility_for(name)
    window = _window(period, rules.window_months)
    options = ReadOptions(
        rules.paragraphs,
        window,
        request.delimiter,
        request.encoding,
        rules.phases,
        rules.phase_column,
        sheet=request.sheet,
        today=request.today,
    )
    spec = workspace.concept.export
    check_phase_column(options, spec, workspace.display(workspace.concept_path))
    path = request.export
    # The earlier samples do not depend on the export: read while its second half is.
    earlier_work = Meanwhile(lambda: earlier_cases(workspace, name, period))
    data = read_export(path, spec, options, str(path), earlier_work.run)
    earlier = earlier_work.result()
    history = build_history(earlier, period.start, rules.quarantine_months, end=period.end)
    numbered = cpr_numbered(data.cases)
    cases, steps = eligible(
        data.cases,
        filters=rules.filters,
        exclude=rules.exclude,
        quarantined=history.quarantined,
        numbered=numbered,
    )
    source = data.source.manifest()
    warned = cpr_key_warning(numbered, str(request.export), spec.columns["sag"], data.source.sheet)
    old = data.latest if data.latest is not None and data.latest < window[0] else None
    folder = workspace.display(workspace.samples_dir / f"{period.label}-{name}")
    export = str(request.export)
    stale = [] if old else stale_export(export, data, period, folder, whole=(path, spec, options))
    found = [*data.diagnostics, *warned, *stale]
    return DrawSource(cases, [*data.steps, *steps], source, found, history, old_export=old)


def _draw(
    workspace: Workspace,
    name: str,
    series: Series,
    period: Period,
    source: DrawSource,
    size: int,
    seed: int,
    existing: Manifest | None,
) -> DrawResult:
    spec = DrawSpec(
        size=size,
        seed=seed,
        quotas=series.quotas,
        fill_up=series.fill_up,
        rotation=series.rotation,
        history=source.history,
        keep=[c.id for c in existing.cases] if existing else [],
    )
    result = (
        draw_per_group(source.cases, spec, series.level.per)
        if series.level
        else draw(source.cases, spec)
    )
    if not result.picks:
        raise TilsynError(
            [
                *source.diagnostics,
                nothing_to_draw(
                    workspace.display(workspace.concept_path), name, series, period, source
                ),
            ]
        )
    return result


def _manifest(
    workspace: Workspace,
    name: str,
    series: Series,
    period: Period,
    request: DrawRequest,
    source: DrawSource,
    result: DrawResult,
    size: int,
    seed: int,
    existing: Manifest | None,
    known: Sequence[str],
) -> Manifest:
    template = workspace.catalog.resolve(series.template, workspace.display(workspace.concept_path))
    calibrated: list[str] = []
    if series.calibration is not None:
        previous = [c.id for c in existing.cases if len(c.files) > 1] if existing else []
        calibrated = choose_calibration(
            [p.case.id for p in result.picks], series.calibration.count, seed, previous
        )
    reviewers = series.calibration.reviewers if series.calibration else 1
    earlier = {c.id: c.files for c in existing.cases} if existing else None
    files = files_for(result.picks, set(calibrated), reviewers, earlier)
    rules = workspace.concept.eligibility_for(name)
    data = manifest_data(
        series=name,
        period=period.label,
        template=template.ref,
        focus=series.focus_for_month(period.start.month),
        who=(request.created, request.user, __version__),
        seed=seed,
        size=size,
        source=source.source,
        source_series=series.level.sources if series.level else [],
        settings=_settings(series, rules.model_dump(by_alias=True)),
        steps=source.steps,
        result=result,
        files=files,
        population=source.cases,
        names=attribute_masker(known),
        earlier=existing,
    )
    return Manifest.model_validate(data)


def _settings(series: Series, rules: dict[str, Any]) -> dict[str, Any]:
    if not rules.get("faser"):  # no phase selection: the manifest stays as before it existed
        rules = {k: v for k, v in rules.items() if k not in ("faser", "fasekolonne")}
    settings: dict[str, Any] = {"udvælgelse": rules, "rotation": series.rotation}
    if series.quotas:
        settings["fyld_op"] = series.fill_up
    if series.calibration:
        settings["kalibrering"] = series.calibration.model_dump(by_alias=True)
    if series.level:
        settings["niveau"] = series.level.model_dump(by_alias=True, exclude_none=True)
    return settings

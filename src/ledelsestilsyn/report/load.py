"""Reading what the report needs from a workspace: checked reviews, templates, manifests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity, TilsynError
from ledelsestilsyn.core.periods import Period, calendar_round, counted_in, parse_period
from ledelsestilsyn.core.words import count as count_words
from ledelsestilsyn.io.yaml import read_document
from ledelsestilsyn.models.located import validate_document
from ledelsestilsyn.models.manifest import Manifest
from ledelsestilsyn.models.template import Template
from ledelsestilsyn.report.records import Excluded, ReviewRecord, period_span, select
from ledelsestilsyn.review.validate import run_checks
from ledelsestilsyn.templates.versions import VersionMap, compare, version_key
from ledelsestilsyn.workspace.layout import MANIFEST_NAME
from ledelsestilsyn.workspace.open import Workspace


@dataclass
class Inputs:
    records: list[ReviewRecord]
    excluded: list[Excluded]
    templates: dict[str, Template]
    drawn: list[tuple[str, Period, frozenset[str]]]
    """Each sample: its series, its round's period and its cases."""
    notes: list[Diagnostic] = field(default_factory=list)
    versions: dict[tuple[str, str], VersionMap] = field(default_factory=dict)
    """(older ref, newer ref) for every two versions of one template among the reviews."""
    unfinished: list[ReviewRecord] = field(default_factory=list)
    """Reviews not complete that ask for corrections (see `records.Selection`)."""
    caseworkers: set[str] = field(default_factory=set)
    """Every caseworker a sample's manifest names, in any series and period, also where no
    review is finished: names that free text passed on must not show."""
    today: date | None = None
    """The day the reviews were checked as of (an open tiltag's deadline before it is late)."""
    drawn_teams: dict[str, str] = field(default_factory=dict)
    """Each drawn case's team, as its sample's manifest has it (the leader's team table)."""
    extra_files: list[tuple[Period, int]] = field(default_factory=list)
    """Each sample's review files beyond one per case (the calibration's), by its round."""


def load_inputs(
    workspace: Workspace,
    paths: Sequence[Path] | None,
    series: str | None,
    *,
    today: date,
) -> Inputs:
    """Checked reviews (through the validator and its cache), their templates, drawn counts."""
    run = run_checks(workspace, list(paths) if paths else None, today=today)
    chosen = select(run.results, series)
    notes = list(run.notes)
    templates = workspace.catalog.resolve_each((r.template for r in chosen.records), notes)
    records = [r for r in chosen.records if r.template in templates]
    drawn, caseworkers, drawn_teams, extra_files = _samples(workspace, series, notes)
    versions = _versions(workspace, list(templates.values()))
    inputs = Inputs(records, chosen.excluded, templates, drawn, notes, versions)
    inputs.unfinished, inputs.caseworkers, inputs.today = chosen.unfinished, caseworkers, today
    inputs.drawn_teams, inputs.extra_files = drawn_teams, extra_files
    return inputs


def _versions(workspace: Workspace, templates: list[Template]) -> dict[tuple[str, str], VersionMap]:
    """How the questions relate between each two versions of one template in the reviews."""
    found: dict[tuple[str, str], VersionMap] = {}
    for old in templates:
        for new in templates:
            if old.id == new.id and version_key(old.version) < version_key(new.version):
                chain = workspace.catalog.lineage(old.ref, new.ref)
                found[(old.ref, new.ref)] = compare(chain)
    return found


def _samples(
    workspace: Workspace, series: str | None, notes: list[Diagnostic]
) -> tuple[
    list[tuple[str, Period, frozenset[str]]], set[str], dict[str, str], list[tuple[Period, int]]
]:
    """Cases drawn per sample of `series` (or all): (series, round's period, case ids); the
    caseworkers of every sample; each drawn case's team; and each sample's files beyond one
    per case. All from the sample manifests."""
    drawn: list[tuple[str, Period, frozenset[str]]] = []
    caseworkers: set[str] = set()
    teams: dict[str, str] = {}
    extra: list[tuple[Period, int]] = []
    if not workspace.samples_dir.is_dir():
        return drawn, caseworkers, teams, extra
    for path in sorted(workspace.samples_dir.glob(f"*/{MANIFEST_NAME}")):
        try:
            manifest = validate_document(
                Manifest, read_document(path, display=workspace.display(path))
            )
        except TilsynError as exc:
            notes.extend(replace(d, severity=Severity.WARNING) for d in exc.diagnostics)
            continue
        caseworkers.update(c.caseworker for c in manifest.cases if c.caseworker)
        caseworkers.update(manifest.caseworkers)
        start, end = period_span(manifest.period, None)
        if start is None or end is None or (series and manifest.series != series):
            continue
        round_ = Period(start, end, manifest.period, "interval")
        drawn.append((manifest.series, round_, frozenset(c.id for c in manifest.cases)))
        teams.update((c.id, c.team) for c in manifest.cases if c.team)
        extra.append((round_, sum(max(len(c.files) - 1, 0) for c in manifest.cases)))
    return drawn, caseworkers, teams, extra


def latest_period(records: Sequence[ReviewRecord]) -> Period | None:
    """The period among the finished reviews that begins last (the report's and the letters'
    period when none is asked for): the month a round counts in (an extra round
    `2026-11-10..2026-12-09` is November's), or a quarter's, a half year's or a year's round's
    own; None without a finished review."""
    if not records:
        return None
    latest = max(records, key=lambda r: (r.period_start, r.period))
    if latest.period and calendar_round(latest.period_start, latest.period_end):
        return parse_period(latest.period)  # a quarter's round: the quarter
    return parse_period(latest.period_start.strftime("%Y-%m"))  # the month it counts in


def why_empty(inputs: Inputs, period: Period, samples: str, series: str | None = None) -> str:
    """Why a period has nothing to count: unfinished reviews, or no sample at all (of
    `series`, when the report is for one: other series may well have samples then).
    The report's L007 and the letters' O020 give the same tip."""
    excluded = [e for e in inputs.excluded if e.counts_in(period)]
    if not excluded and not any(counted_in(r.start, r.end, period) for _, r, _ in inputs.drawn):
        which = f"'{series}' har ingen stikprøve" if series else "der er ingen stikprøver"
        begun = sorted({r for _, r, _ in inputs.drawn if r.start in period}, key=lambda r: r.start)
        if period.kind == "interval" and begun:
            month = begun[0].start.strftime("%Y-%m")
            return (
                f"stikprøven for {begun[0].label} tæller i den måned, den begynder i, og en "
                "datoperiode tæller de hele måneder, hvis første dag ligger i den; vælg "
                f"perioden {month} (eller en datoperiode fra den 1.)."
            )
        return (
            f"{which} i {period.label}; "
            f"se mapperne i {samples}/ (de hedder <periode>-{series or '<tilsyn>'})."
        )
    n = len(excluded)
    return (
        f"{count_words(n, 'gennemgang', 'gennemgange')} i perioden er ikke "
        f"{'færdig' if n == 1 else 'færdige'}; se 'tilsyn valider'."
    )

"""The files of a drawn sample: the manifest's content and text, and the review files.

Everything written passes `core.cpr.mask_cpr`: only the case id (a case key that
looks like a CPR number is never drawn), caseworker, team and the stratum
columns are written. Output is deterministic; only `oprettet` and
`oprettet_af` in the manifest (and in its `udvidelser`) depend on when and by whom.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ledelsestilsyn.core.cpr import find_cpr, mask_cpr
from ledelsestilsyn.core.diagnostics import Diagnostic, Severity, TilsynError, fail
from ledelsestilsyn.core.gate import Gated, gate
from ledelsestilsyn.io.yaml import dump, parse_text
from ledelsestilsyn.models.base import Model
from ledelsestilsyn.models.manifest import Manifest
from ledelsestilsyn.models.template import Template
from ledelsestilsyn.sampling.draw import Case, DrawResult, Pick, StepCount
from ledelsestilsyn.sampling.fillin import case_filename, review_answers, review_head
from ledelsestilsyn.workspace.layout import MANIFEST_NAME
from ledelsestilsyn.workspace.schemas import review_schema_name

MANIFEST_HEADER = (
    "# yaml-language-server: $schema=../../skema/udtræk.json\n"
    "# Manifest for en stikprøve trukket af 'tilsyn udtræk'. Ret ikke i filen: den\n"
    "# dokumenterer, hvordan stikprøven er trukket (samme eksport, koncept og seed giver\n"
    "# samme stikprøve).\n"
)


def files_for(
    picks: Sequence[Pick],
    calibrated: set[str],
    reviewers: int,
    earlier: dict[str, list[str]] | None = None,
) -> dict[str, list[str]]:
    """File names per case: one, or one per reviewer for the calibration cases.

    A case already in the sample keeps the names its manifest gives it (they
    may come from an older naming); only missing reviewers get new names. Two
    reviews never share a file: names are unique by construction, and a clash
    (also one that differs only in case, as on a shared drive) is refused.
    """
    files: dict[str, list[str]] = {}
    owners: dict[str, str] = {MANIFEST_NAME.casefold(): ""}
    for pick in picks:
        count = reviewers if pick.case.id in calibrated else 1
        kept = (earlier or {}).get(pick.case.id, [])
        names = kept + [case_filename(pick.case.id, n) for n in range(len(kept) + 1, count + 1)]
        for name in names:
            other = owners.setdefault(name.casefold(), pick.case.id)
            if other != pick.case.id or names.count(name) > 1:
                raise _clash(name, other, pick.case.id)
        files[pick.case.id] = names
    return files


def _clash(name: str, first: str, second: str) -> TilsynError:
    owner = f"sag '{first}'" if first else "manifestet"
    return fail(
        "udtræk",
        "U010",
        f"to filer i stikprøven ville hedde '{name}' ({owner} og sag '{second}'); "
        "intet er skrevet.",
        hint="sagsnumrene giver samme filnavn; send eksporten til udviklerne, så navnene "
        "kan gøres entydige.",
    )


def manifest_data(
    *,
    series: str,
    period: str,
    template: str,
    focus: list[str],
    who: tuple[str, str, str],
    seed: int,
    size: int,
    source: dict[str, Any] | None,
    source_series: Sequence[str],
    settings: dict[str, Any],
    steps: Sequence[StepCount],
    result: DrawResult,
    files: dict[str, list[str]],
    population: Sequence[Case],
    names: Callable[[str], str],
    earlier: Manifest | None = None,
) -> dict[str, Any]:
    """The manifest as plain data with its Danish keys. An extension of the `earlier` sample
    keeps its head (when, by whom, from which export and with which settings it was first
    drawn) and is added to its `udvidelser` (with its settings where the concept changed
    them); the population, quotas and notes are this run's."""
    created, user, version = who
    run: dict[str, Any] = {"oprettet": created, "oprettet_af": user, "værktøj": f"tilsyn {version}"}
    data: dict[str, Any] = {
        "tilsyn": series,
        "periode": period,
        "skabelon": template,
        "fokus": focus,
    }
    data |= _head(earlier) if earlier else run
    data |= {"seed": seed, "antal": size}
    first = _dumped(earlier.source) if earlier else source
    if first:
        data["input"] = first
    if source_series:
        data["fra_tilsyn"] = list(source_series)
    if earlier:
        added = {**run, "antal_før": earlier.sample_size, "antal": size}
        if source is not None:
            added["input"] = source
        if _as_read(settings) != earlier.settings:  # the concept changed between the draws
            added["indstillinger"] = settings
        data["udvidelser"] = [*(_dumped(e) for e in earlier.extensions), added]
    data["indstillinger"] = earlier.settings if earlier else settings
    data["population"] = [{"trin": s.name, "antal": s.count} for s in steps]
    data["kvoter"] = [
        {
            "stratum": q.stratum,
            "kvote": q.quota,
            "mulige": q.eligible,
            "opnået": q.achieved,
            **({"bemærkning": q.note} if q.note else {}),
        }
        for q in result.quotas
    ]
    data["sager"] = [case_entry(pick, files[pick.case.id], names) for pick in result.picks]
    notes = [f"{q.stratum}: {q.note}" for q in result.quotas if q.note]
    if len(result.picks) < size:
        short = any(q.eligible < q.quota for q in result.quotas)
        why = (
            "en kvote har for få mulige sager (med fyld_op: ja fyldes der op fra de øvrige)"
            if short
            else "der er ikke flere mulige sager"
        )
        notes.append(f"kun {len(result.picks)} af {size} sager kunne trækkes; {why}")
    data["bemærkninger"] = notes
    # Every caseworker of the population, drawn or not: a colleague's name in a comment is
    # replaced in another caseworker's letter also before that colleague is drawn.
    data["rådgivere"] = sorted(
        {c.caseworker for c in population if c.caseworker}
        | set(earlier.caseworkers if earlier else [])
    )
    return data


def _as_read(settings: dict[str, Any]) -> Any:
    """`settings` as the manifest will read them back (every value a text)."""
    return parse_text(dump(settings), "indstillinger").data


def _dumped(entry: Model | None) -> dict[str, Any] | None:
    return entry.model_dump(by_alias=True, exclude_none=True) if entry else None


def _head(earlier: Manifest) -> dict[str, Any]:
    return {
        "oprettet": earlier.created,
        "oprettet_af": earlier.created_by,
        "værktøj": earlier.tool_version,
    }


def cpr_warnings(
    picks: Sequence[Pick], export: str, sheet: str | None, headers: Mapping[str, str]
) -> list[Diagnostic]:
    """U020 for each copied value of a drawn case that holds a CPR-like number.

    Only the drawn cases' values are written, so only they are scanned; the
    value is masked by `case_entry`, and the warning names the column as the export
    heads it (`headers`: the concept's `eksport.kolonner`), never the value (and the
    workbook's `sheet` and row, as Excel shows them).
    """
    warnings = []
    for pick in picks:
        case = pick.case
        columns = {"rådgiver": case.caseworker, "team": case.team, **case.attrs}
        for column, value in columns.items():
            if find_cpr(value):
                warnings.append(
                    Diagnostic(
                        export,
                        case.line or None,
                        None,
                        "U020",
                        f"sag {case.id}: kolonnen '{headers.get(column, column)}' indeholder "
                        "noget, der ligner et "
                        "CPR-nummer; det er skrevet som X'er i udtrækket.",
                        "ret eksporten i sagssystemet: CPR-numre hører kun til i CPR-kolonnen.",
                        Severity.WARNING,
                        sheet=sheet,
                    )
                )
    return warnings


def nameless_warnings(
    picks: Sequence[Pick], export: str, sheet: str | None, headers: Mapping[str, str]
) -> list[Diagnostic]:
    """U021 for each drawn case whose caseworker cell is empty: no letter names it, and the
    rotation could not count it for anyone. The column is named as the export heads it."""
    column = headers.get("rådgiver", "rådgiver")
    return [
        Diagnostic(
            export,
            pick.case.line or None,
            None,
            "U021",
            f"sag {pick.case.id} er trukket uden rådgiver: kolonnen '{column}' er tom i "
            "eksporten, så sagen kommer ikke med i et brev fra 'tilsyn tilbagemelding'.",
            "skriv rådgiveren på sagen i sagssystemet; giv indtil da selv rådgiveren "
            "tilbagemelding på sagen.",
            Severity.WARNING,
            sheet=sheet,
        )
        for pick in picks
        if not pick.case.caseworker
    ]


def case_entry(pick: Pick, files: list[str], names: Callable[[str], str]) -> dict[str, Any]:
    """The case as the manifest lists it; `names` masks the names in a copied column's value
    (`copied_names`)."""
    case = pick.case
    entry: dict[str, Any] = {
        "id": case.id,
        "rådgiver": mask_cpr(case.caseworker),
        "team": mask_cpr(case.team),
    }
    if pick.stratum:
        entry["stratum"] = pick.stratum
    entry["begrundelse"] = pick.reason
    attributes = {k: names(mask_cpr(v.strip())) for k, v in sorted(case.attrs.items()) if v.strip()}
    if attributes:
        entry["egenskaber"] = attributes
    entry["filer"] = files
    return entry


def manifest_text(manifest: Manifest) -> str:
    data = manifest.model_dump(by_alias=True, exclude_none=True, mode="json")
    return MANIFEST_HEADER + dump(data)


def render_files(template: Template, manifest: Manifest) -> dict[str, Gated]:
    """File name → bytes of every review file the manifest lists, in manifest order.

    The files are empty, so their answer sections are all alike: made and passed
    through the output gate once. The gate of a file is its head's and that
    section's: a CPR-like number crosses a line end only into a line that begins with a
    digit or a dash (`core.cpr`), and the section begins with `svar:`.
    """
    schema = f"../../skema/{review_schema_name(template)}"
    answers = gate(review_answers(template, manifest.focus)).encode()
    rendered: dict[str, Gated] = {}
    for case in manifest.cases:
        for number, name in enumerate(case.files, start=1):
            head = review_head(
                template,
                series=manifest.series,
                period=manifest.period,
                case_id=case.id,
                caseworker=case.caseworker,
                team=case.team,
                schema=schema,
                review_no=number if number > 1 else None,
            )
            rendered[name] = Gated(gate(head).encode() + answers)
    return rendered

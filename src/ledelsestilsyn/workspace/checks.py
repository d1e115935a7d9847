"""`tilsyn tjek`: cross-checks of concept and templates, and departures from the sources.

Errors (the concept cannot be used) and warnings (it can, but departs from
what Social- og Boligstyrelsen and the handicap model recommend). The
recommendations are cited from `kilder/` in each message.
"""

from __future__ import annotations

from datetime import date

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity, TilsynError
from ledelsestilsyn.core.quote import quote
from ledelsestilsyn.core.words import count
from ledelsestilsyn.io.document import Path_ as PathT
from ledelsestilsyn.io.document import YamlDocument
from ledelsestilsyn.models.concept import OWN_COLUMNS, Concept, Quota, Series
from ledelsestilsyn.models.located import did_you_mean
from ledelsestilsyn.templates.catalog import Catalog
from ledelsestilsyn.workspace.focus_months import unused_months
from ledelsestilsyn.workspace.paragraph_detail import paragraph_details
from ledelsestilsyn.workspace.reviewer_addresses import reviewer_address_warnings
from ledelsestilsyn.workspace.unlikely_settings import unlikely_settings


def check_concept(
    concept: Concept, doc: YamlDocument, catalog: Catalog, today: date
) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    columns = set(concept.export.columns)
    for column in concept.eligibility.filters:
        if column not in columns:
            problems.append(_unmapped(doc, ("udvælgelse", "filtre", column), column, columns))
    problems.extend(_check_phases(concept, doc, None, columns))
    problems.extend(_window(doc, ("udvælgelse",), concept.eligibility.window_months))
    for name, series in concept.series.items():
        problems.extend(
            _window(doc, ("tilsyn", name, "udvælgelse"), series.eligibility.window_months)
        )
        problems.extend(_check_series(concept, doc, catalog, name, series, columns))
        problems.extend(_recommendations(doc, catalog, name, series))
        problems.extend(_older_version(doc, catalog, name, series))
    problems.extend(_dissemination(concept, doc))
    problems.extend(reviewer_address_warnings(concept, doc))
    problems.extend(paragraph_details(concept, doc))
    problems.extend(unlikely_settings(concept, doc, today))
    return problems


def _dissemination(concept: Concept, doc: YamlDocument) -> list[Diagnostic]:
    """Warnings where the concept does not say how results reach people (SBST, handicap)."""
    if not isinstance(doc.data, dict) or "formidling" not in doc.data:
        return [
            doc.diagnostic(
                (),
                "A006",
                "konceptet siger ikke, hvordan resultaterne formidles og følges op; SBST beder "
                "konceptet beskrive det for den enkelte rådgiver, teamet og afdelingen.",
                hint="tilføj 'formidling:' (se README, Opfølgning og læring).",
                severity=Severity.WARNING,
            )
        ]
    spec = concept.dissemination
    warnings: list[tuple[PathT, str, str]] = []
    if not spec.caseworker_feedback:
        warnings.append(
            (
                ("formidling", "tilbagemelding_til_rådgiver"),
                "A007",
                "ingen tilbagemelding til den enkelte rådgiver; handicapmodellen anbefaler "
                "individuel feedback på konkrete sager.",
            )
        )
    if not spec.department_meetings:
        warnings.append(
            (
                ("formidling",),
                "A008",
                "ingen afdelingsmøder; handicapmodellen anbefaler en fælles opfølgning på de "
                "generelle fund på et afdelingsmøde.",
            )
        )
    if not spec.uses_tiltag:
        warnings.append(
            (
                ("formidling", "tiltag"),
                "A009",
                "ingen tiltag; SBST beder konceptet beskrive, om der beskrives tiltag, når "
                "tilsynet finder udfordringer.",
            )
        )
    return [
        doc.diagnostic(path, code, message, severity=Severity.WARNING)
        for path, code, message in warnings
    ]


def _check_series(
    concept: Concept,
    doc: YamlDocument,
    catalog: Catalog,
    name: str,
    series: Series,
    columns: set[str],
) -> list[Diagnostic]:
    base: PathT = ("tilsyn", name)
    try:
        template = catalog.resolve(series.template, doc.file)
    except TilsynError as exc:
        first = exc.diagnostics[0]
        return [doc.diagnostic((*base, "skabelon"), first.code, first.message, hint=first.hint)]
    return [
        *_check_focus(doc, base, series, [s.id for s in template.steps], template.ref),
        *unused_months(doc, base, name, series),
        *_check_quotas(doc, base, series, columns),
        *_check_links(concept, doc, base, name, series, columns),
    ]


def _check_focus(
    doc: YamlDocument, base: PathT, series: Series, step_ids: list[str], ref: str
) -> list[Diagnostic]:
    problems = []
    focus_lists: list[tuple[PathT, list[str]]] = [((*base, "fokus"), series.focus)]
    focus_lists += [((*base, "årshjul", str(m)), steps) for m, steps in series.annual_plan.items()]
    for path, steps in focus_lists:
        for i, step in enumerate(steps):
            if step in step_ids:
                continue
            guess = did_you_mean(step, step_ids)
            problems.append(
                doc.diagnostic(
                    (*path, i),
                    "K011",
                    f"sagsskridtet {quote(step)} findes ikke i skabelonen '{ref}'.",
                    hint=f"mente du '{guess}'?" if guess else f"kendte: {', '.join(step_ids)}.",
                )
            )
    return problems


def _check_quotas(
    doc: YamlDocument, base: PathT, series: Series, columns: set[str]
) -> list[Diagnostic]:
    problems = []
    stack: list[tuple[PathT, Quota]] = [
        ((*base, "kvoter", i), q) for i, q in enumerate(series.quotas)
    ]
    while stack:
        path, quota = stack.pop()
        for column in quota.where:
            if column not in columns:
                problems.append(_unmapped(doc, (*path, "hvor", column), column, columns))
        stack.extend(((*path, "heraf", i), q) for i, q in enumerate(quota.sub_quotas))
    quota_sum = sum(q.count for q in series.quotas)
    if quota_sum > series.sample_size:
        problems.append(
            doc.diagnostic(
                (*base, "antal"),
                "K014",
                f"kvoterne kræver {quota_sum} sager, men 'antal' er {series.sample_size}.",
            )
        )
    return problems


def _check_links(
    concept: Concept,
    doc: YamlDocument,
    base: PathT,
    name: str,
    series: Series,
    columns: set[str],
) -> list[Diagnostic]:
    problems = [
        _unmapped(doc, (*base, "udvælgelse", "filtre", column), column, columns)
        for column in series.eligibility.filters or {}
        if column not in columns
    ]
    if series.rotation == "team" and "team" not in columns:
        problems.append(
            doc.diagnostic(
                (*base, "rotation"),
                "K015",
                "rotation over teams kræver, at kolonnen 'team' er med i eksport.kolonner.",
            )
        )
    problems.extend(_check_level(concept, doc, base, name, series))
    override = series.eligibility
    if override.phases is not None or override.phase_column or override.paragraphs is not None:
        problems.extend(_check_phases(concept, doc, name, columns))
    return problems


def _check_phases(
    concept: Concept, doc: YamlDocument, name: str | None, columns: set[str]
) -> list[Diagnostic]:
    """Phase selection names a mapped column of its own; something must be selectable."""
    rules = concept.eligibility_for(name) if name else concept.eligibility
    base: PathT = ("tilsyn", name, "udvælgelse") if name else ("udvælgelse",)
    if rules.phases and (rules.phase_column not in columns or rules.phase_column in OWN_COLUMNS):
        own = rules.phase_column in OWN_COLUMNS
        mapped = sorted(c for c in columns if c not in OWN_COLUMNS)
        guess = did_you_mean(rules.phase_column, mapped)
        key = "fasekolonne" if (*base, "fasekolonne") in doc.values else "faser"
        hint = f"mente du '{guess}'? " if guess else ""
        return [
            doc.diagnostic(
                (*base, key),
                "K017",
                f"der vælges på sagsfase i kolonnen {quote(rules.phase_column)}, men "
                + (
                    "den læser værktøjet selv; brug 'filtre' til den."
                    if own
                    else "den står ikke under eksport.kolonner."
                ),
                hint=hint + "ret fasekolonne, eller tilføj kolonnen under eksport.kolonner.",
            )
        ]
    if not rules.paragraphs and not rules.phases:
        return [
            doc.diagnostic(
                (*base, "paragraffer"),
                "K018",
                "hverken paragraffer eller faser: ingen sager kan trækkes.",
                hint='skriv fx paragraffer: ["32", "46"] eller faser: ["underretning"].',
            )
        ]
    return []


def _check_level(
    concept: Concept, doc: YamlDocument, base: PathT, name: str, series: Series
) -> list[Diagnostic]:
    """Each series a level draws from must exist and be another series."""
    if series.level is None:
        return []
    problems = []
    for i, source in enumerate(series.level.sources):
        path = (*base, "niveau", "fra", i)
        if source == name:
            problems.append(doc.diagnostic(path, "K013", "en serie kan ikke trække fra sig selv."))
        elif source not in concept.series:
            guess = did_you_mean(source, [s for s in concept.series if s != name])
            problems.append(
                doc.diagnostic(
                    path,
                    "K013",
                    f"tilsynsserien {quote(source)} findes ikke.",
                    hint=f"mente du '{guess}'?" if guess else None,
                )
            )
    loop = None if problems else _level_loop(concept, name)
    if loop:
        problems.append(
            doc.diagnostic(
                (*base, "niveau", "fra"),
                "K013",
                f"niveauerne trækker fra hinanden i ring: {' → '.join(loop)}.",
                hint="et niveau kan kun trække fra serier, der ikke selv trækker fra det.",
            )
        )
    return problems


def _level_loop(concept: Concept, name: str) -> list[str] | None:
    """A chain of `niveau.fra` links from `name` back to itself, if there is one."""
    stack: list[list[str]] = [[name]]
    seen: set[str] = set()
    while stack:
        chain = stack.pop()
        level = concept.series[chain[-1]].level if chain[-1] in concept.series else None
        for source in level.sources if level else []:
            if source == name:
                return [*chain, name]
            if source not in seen:
                seen.add(source)
                stack.append([*chain, source])
    return None


def _unmapped(
    doc: YamlDocument, path: tuple[str | int, ...], column: str, columns: set[str]
) -> Diagnostic:
    guess = did_you_mean(column, sorted(columns))
    return doc.diagnostic(
        path,
        "K012",
        f"kolonnen {quote(column)} er ikke med i eksport.kolonner.",
        hint=f"mente du '{guess}'?" if guess else "tilføj den under eksport.kolonner.",
        key=True,
    )


def _recommendations(
    doc: YamlDocument, catalog: Catalog, name: str, series: Series
) -> list[Diagnostic]:
    """Warnings where the concept departs from the recommendations in the sources."""
    base = ("tilsyn", name)
    warnings: list[tuple[PathT, str, str]] = []
    try:
        kind = catalog.resolve(series.template).type
    except TilsynError:
        return []
    months = series.cadence.round_months()
    twice_a_year = len(months) == 2
    if kind == "tematiseret" and series.cadence.every < 2 and series.cadence.months is None:
        warnings.append(
            (
                (*base, "kadence"),
                "A001",
                "tematiseret tilsyn hver måned; Social- og Boligstyrelsen foreslår hver 2.–3. "
                "måned på få sager.",
            )
        )
    if kind == "overordnet" and twice_a_year and series.sample_size < 30:
        warnings.append(
            (
                (*base, "antal"),
                "A002",
                f"overordnet tilsyn to gange om året på {series.sample_size} sager; "
                "handicapmodellen anbefaler mindst 30 sager.",
            )
        )
    if kind == "tematiseret" and twice_a_year and series.sample_size < 20:
        warnings.append(
            (
                (*base, "antal"),
                "A003",
                f"uddybende tilsyn på {series.sample_size} sager; handicapmodellen anbefaler "
                "mindst 20 sager.",
            )
        )
    themes = max([len(series.focus), *(len(v) for v in series.annual_plan.values())])
    limit = series.themes_max if series.themes_max is not None else (2 if twice_a_year else None)
    if kind == "tematiseret" and limit is not None and themes > limit:
        warnings.append(
            (
                (*base, "fokus"),
                "A004",
                f"uddybende tilsyn med {themes} temaer; handicapmodellen anbefaler højst 2.",
            )
        )
    return [
        doc.diagnostic(path, code, message, severity=Severity.WARNING)
        for path, code, message in warnings
    ]


def _window(doc: YamlDocument, where: PathT, months: int | None) -> list[Diagnostic]:
    """A005 where a window (the concept's, or a series' own) is not the year the
    templates are written for."""
    if months is None or months == 12:
        return []
    return [
        doc.diagnostic(
            (*where, "vindue_måneder"),
            "A005",
            f"sagerne udvælges {count(months, 'måned', 'måneder')} tilbage; skabelonerne er "
            "tænkt til ca. et år.",
            severity=Severity.WARNING,
        )
    ]


def _older_version(
    doc: YamlDocument, catalog: Catalog, name: str, series: Series
) -> list[Diagnostic]:
    """A series pinned to a version older than the newest one of its template."""
    ident, _, version = series.template.partition("@")
    versions = catalog.versions(ident)
    if not version or version not in versions or version == versions[-1]:
        return []
    newest = f"{ident}@{versions[-1]}"
    return [
        doc.diagnostic(
            ("tilsyn", name, "skabelon"),
            "A012",
            f"tilsynet bruger {series.template}, men der findes en nyere version: {newest}.",
            hint=f"skriv 'skabelon: {newest}' (se forskellen med 'tilsyn skabelon forskel "
            f"{series.template} {newest}'), og flyt ufærdige gennemgange med 'tilsyn migrer'.",
            severity=Severity.WARNING,
        )
    ]

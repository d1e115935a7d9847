"""Names in the export's copied columns (`fase`, `risikoområde` …) of the drawn cases.

A case system's free field may hold a child's or a parent's name (`vold – Emil Abdirahman`).
The manifest keeps such a column for strata and for the levels above, so the name is
written there as `[navn]` (`core.unknown_names`) and said once per case and column (U029),
as a CPR-like number is written as X'es (U020). The concept's own values (its quotas'
`hvor`, its filters), the caseworkers, the teams and the people it names are no names
nobody told the tool about, so a stratum's value is kept as the concept writes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from ledelsestilsyn.core.danish_words import first_name
from ledelsestilsyn.core.diagnostics import Diagnostic, Severity
from ledelsestilsyn.core.names import as_read
from ledelsestilsyn.core.unknown_names import (
    likely_names,
    replace_spans,
    words_of,
)
from ledelsestilsyn.core.words import count
from ledelsestilsyn.models.concept import Concept, Quota
from ledelsestilsyn.sampling.draw import Pick
from ledelsestilsyn.workspace.people import concept_names

CODE = "U029"
IDS_CODE = "U030"


def known_in_sample(picks: Sequence[Pick], concept: Concept) -> tuple[str, ...]:
    """The names and values the copied columns may show as they are."""
    known = {p.case.caseworker for p in picks} | {p.case.team for p in picks}
    known |= concept_names(concept) | {concept.municipality}
    eligibility = concept.eligibility
    known |= {*eligibility.phases, *(v for values in eligibility.filters.values() for v in values)}
    for series in concept.series.values():
        known |= {v for q in _all(series.quotas) for values in q.where.values() for v in values}
        known |= {v for values in (series.eligibility.filters or {}).values() for v in values}
    return tuple(sorted(n for n in known if n))


def attribute_masker(known: Iterable[str]) -> Callable[[str], str]:
    """A copied column's value with each likely name (`name_spans`) as `[navn]`; a value
    without one is kept as the export has it (the gate shows a direction mark in it as `�`)."""
    words = tuple(known)

    def masked(value: str) -> str:
        read = as_read(value)
        spans = name_spans(read, words)
        return replace_spans(read, spans) if spans else value

    return masked


def name_spans(read: str, known: Sequence[str]) -> list[tuple[int, int]]:
    """The likely names in a copied value or a case number, as read (`likely_names`), but a
    single word at its start that is no common first name: that is the case system's
    category (`Angst`, `Skilsmisse`, `Cerebral parese`) or prefix (`Amager-2025-00144`),
    written with a capital as a value begins, not a name (a probe: five of eight drawn
    cases' categories were `[navn]` in the manifest)."""
    return [s for s in likely_names(read, known) if not _category_word(read, s)]


def _category_word(read: str, span: tuple[int, int]) -> bool:
    start, end = span
    if read[:start].strip(" \t\u00a0\"'(-–"):
        return False
    word = read[start:end]
    return len(words_of(word)) == 1 and not first_name(word)


def named_warnings(
    picks: Sequence[Pick],
    known: Sequence[str],
    export: str,
    sheet: str | None,
    headers: Mapping[str, str],
) -> list[Diagnostic]:
    """U029 for each copied value of a drawn case that seems to name someone; the message
    names the column as the export heads it (`headers`), never the value."""
    found = []
    for pick in picks:
        case = pick.case
        for column, value in sorted(case.attrs.items()):
            if not name_spans(as_read(value), known):
                continue
            found.append(
                Diagnostic(
                    export,
                    case.line or None,
                    None,
                    CODE,
                    f"sag {case.id}: kolonnen '{headers.get(column, column)}' ser ud til at "
                    "nævne nogen ved navn; navnet er skrevet som [navn] i udtrækket.",
                    "ret eksporten i sagssystemet: et barns eller en forælders navn hører "
                    "ikke til i de kolonner, der kopieres.",
                    Severity.WARNING,
                    sheet=sheet,
                )
            )
    return found


def _all(quotas: Iterable[Quota]) -> Iterable[Quota]:
    for quota in quotas:
        yield quota
        yield from _all(quota.sub_quotas)


def named_ids_warning(
    picks: Sequence[Pick], known: Sequence[str], export: str, column: str, sheet: str | None
) -> list[Diagnostic]:
    """U030 once for the drawn cases whose case number seems to name someone (`Karimi-2025-
    00144`, the `sag` column mapped to a column of names): the number is the case's key, in
    file names, reports and letters, so it cannot be masked; the lines say where."""
    named = [p.case for p in picks if name_spans(as_read(p.case.id), known)]
    if not named:
        return []
    word = "række" if sheet else "linje"
    lines = sorted(c.line for c in named if c.line)
    where = f" ({word} {', '.join(map(str, lines[:5]))}{' …' if len(lines) > 5 else ''})"
    return [
        Diagnostic(
            export,
            lines[0] if lines else None,
            None,
            IDS_CODE,
            f"{count(len(named), 'trukket sag', 'trukne sager')} har et sagsnummer (kolonnen "
            f"'{column}'), der ser ud til at nævne nogen ved navn{where if lines else ''}; "
            "sagsnummeret står i filnavne, rapporter og breve.",
            "peg 'sag' under eksport.kolonner i koncept.yaml på sagssystemets sagsnummer; "
            "står der et navn i sagsnummeret, så ret det i sagssystemet.",
            Severity.WARNING,
            sheet=sheet,
        )
    ]

"""U022: cases left out because their case number looks like a CPR number.

A case system may file a case under the child's CPR number, or the concept may map
`sag` to the CPR column. Such a case cannot be drawn: its number would stand in the
review file's name, the manifest and every letter. It is left out of the population
(`draw.eligible`), and this says so with the export's lines, never the number."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from ledelsestilsyn.core.cpr import find_cpr, may_hold_cpr
from ledelsestilsyn.core.diagnostics import Diagnostic, Severity
from ledelsestilsyn.core.words import count

if TYPE_CHECKING:
    from ledelsestilsyn.sampling.draw import Case

SHOWN_LINES = 5


def looks_like_cpr(text: str, *, zero_lost: bool = False) -> bool:
    """True if `text` holds a CPR-like number (`cpr.find_cpr`); with `zero_lost`, also nine
    digits that are one without the leading zero Excel drops (`207117152`)."""
    return bool(find_cpr(text)) or (zero_lost and _shortened(text))


def cpr_numbered(cases: Sequence[Case]) -> list[Case]:
    """The cases numbered like a CPR number (U022); in a column with CPR numbers also those
    Excel shortened to nine digits, in a column of nine-digit case numbers none of those."""
    if not may_hold_cpr("\x00".join(c.id for c in cases)):
        return []
    lost = any(looks_like_cpr(c.id) for c in cases)
    return [c for c in cases if looks_like_cpr(c.id, zero_lost=lost)]


def lost_zeros(values: Collection[str], *, holds_cpr: bool) -> dict[str, str]:
    """Each of a copied column's (distinct) values that is a CPR number Excel shortened to
    nine digits, with its zero put back (`102031234`: `0102031234`), so that it is masked and
    reported (U020) wherever it would be written, as ten digits are. As for the case number
    (U022), that is when the export holds CPR numbers: the concept names its CPR column
    (`holds_cpr`), or the column has one. A column of nine-digit codes in an export without
    CPR numbers keeps them."""
    nine = [v for v in values if _shortened(v.strip())]
    if not nine or not (holds_cpr or any(map(looks_like_cpr, values))):
        return {}
    return {v: "0" + v.strip() for v in nine}


def with_lost_zeros(
    cases: list[Case],
    names: Collection[str],
    columns: Mapping[str, Collection[str]],
    *,
    holds_cpr: bool,
) -> list[Case]:
    """`cases` with every copied value (caseworker, team, a further column) that lost a CPR
    number's zero read with it (`lost_zeros`). `names` and `columns` are the distinct values
    only: an export has few, and many cases, so the usual export costs nothing."""
    names_fixed = lost_zeros(names, holds_cpr=holds_cpr)
    fixed = {
        column: found
        for column, values in columns.items()
        if (found := lost_zeros(values, holds_cpr=holds_cpr))
    }
    if not names_fixed and not fixed:
        return cases
    return [
        case._replace(
            caseworker=names_fixed.get(case.caseworker, case.caseworker),
            team=names_fixed.get(case.team, case.team),
            attrs={k: fixed.get(k, {}).get(v, v) for k, v in case.attrs.items()},
        )
        for case in cases
    ]


def _shortened(value: str) -> bool:
    return len(value) == 9 and value.isdigit() and bool(find_cpr("0" + value))


def fix(cases: int) -> str:
    """What to do about `cases` cases numbered like a CPR number."""
    them = "sagen" if cases == 1 else "sagerne"
    return (
        f"et CPR-nummer må aldrig stå i en fil eller et filnavn, så {them} kan ikke trækkes; "
        "står der CPR-numre i kolonnen, så peg 'sag' under eksport.kolonner i koncept.yaml på "
        "eksportens sagsnummer, ellers ret sagsnummeret i sagssystemet."
    )


def cpr_key_warning(
    numbered: Sequence[Case], export: str, column: str, sheet: str | None
) -> list[Diagnostic]:
    """One warning for all the cases numbered like a CPR number (`cpr_numbered`), with
    their lines."""
    left_out = sorted(numbered, key=lambda c: c.line)
    if not left_out:
        return []
    word = "række" if sheet else "linje"
    lines = [str(c.line) for c in left_out[:SHOWN_LINES] if c.line]
    more = len(left_out) - len(lines)
    where = f": {word} {', '.join(lines)}" if lines else ""
    if lines and more:
        where += f" og {more} {'flere' if more > 1 else 'mere'}"
    return [
        Diagnostic(
            export,
            left_out[0].line or None,
            None,
            "U022",
            f"{count(len(left_out), 'sag', 'sager')} er ikke med blandt de mulige sager, fordi "
            + (
                f"sagsnummeret (kolonnen '{column}') ligner et CPR-nummer{where}."
                if len(left_out) == 1
                else f"sagsnumrene (kolonnen '{column}') ligner CPR-numre{where}."
            ),
            fix(len(left_out)),
            Severity.WARNING,
            sheet=sheet,
        )
    ]

"""A larger `antal` on an existing sample: every case drawn before stays, exactly as drawn.

The cases are taken from the manifest, not from today's population: a case
drawn before may since have been drawn by another series (and so be in
quarantine), have left the window or the export, or have another caseworker
in today's export. Its review file was written from the manifest, and
`valider` checks the file against it, so the manifest's entry is kept as it
stands (caseworker, team, attributes, stratum and reason); only new cases
come from the population.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from types import MappingProxyType

from ledelsestilsyn.core.diagnostics import Diagnostic, warning
from ledelsestilsyn.core.words import count
from ledelsestilsyn.models.manifest import DrawnCase, Manifest
from ledelsestilsyn.sampling.draw import Case, DrawResult, Pick


def pool_with_drawn(cases: Sequence[Case], existing: Manifest | None) -> tuple[list[Case], int]:
    """The pool to draw from: the cases already drawn, as the manifest has them, and the
    other cases of the population; and how many drawn cases the population no longer holds."""
    if existing is None:
        return list(cases), 0
    drawn = {c.id: _case(c) for c in existing.cases}
    others = [c for c in cases if c.id not in drawn]
    return [*drawn.values(), *others], len(drawn) - (len(cases) - len(others))


def as_drawn(result: DrawResult, existing: Manifest | None) -> DrawResult:
    """The result with each case drawn before given its stratum and reason from then."""
    if existing is None:
        return result
    before = {c.id: c for c in existing.cases}
    picks = [
        Pick(p.case, before[p.case.id].stratum, before[p.case.id].reason)
        if p.case.id in before
        else p
        for p in result.picks
    ]
    return replace(result, picks=picks)


def kept_outside(missing: int, where: str) -> list[Diagnostic]:
    """A warning that cases drawn before are kept although the population no longer has them."""
    if not missing:
        return []
    cases = count(missing, "sag", "sager")
    it = "den" if missing == 1 else "de"
    return [
        warning(
            where,
            "U011",
            f"{cases} i stikprøven er ikke længere blandt de mulige sager (trukket i en anden "
            "tilsynsserie siden, uden for vinduet, filtreret fra eller ikke i eksporten); "
            f"{it} er beholdt, som {it} blev trukket.",
            hint="intet at gøre: en trukket sag tages aldrig ud af stikprøven.",
        )
    ]


def _case(drawn: DrawnCase) -> Case:
    attrs = MappingProxyType(dict(drawn.attributes))
    return Case(drawn.id, drawn.caseworker or "", drawn.team or "", attrs)

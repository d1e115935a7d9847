"""Every name the workspace knows, one answer for `valider`, `rapport` and the letters."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from ledelsestilsyn.workspace.open import Workspace
from ledelsestilsyn.workspace.people import concept_names, tiltag_people


class _Correction(Protocol):
    @property
    def responsible(self) -> str: ...


class Reviewed(Protocol):
    """A review as any command holds it (`Analysis`, `ReviewRecord`)."""

    @property
    def caseworker(self) -> str | None: ...
    @property
    def reviewer(self) -> str | None: ...
    @property
    def team(self) -> str | None: ...
    @property
    def corrections(self) -> Iterable[_Correction]: ...


@dataclass(frozen=True)
class KnownNames:
    """Every name the workspace knows, split by whether it is a person's."""

    people: frozenset[str]
    """An aggregate report leaves these out."""
    places: frozenset[str]
    """The teams and the municipality: names, but no one's; and the addresses the concept
    gives colleagues, which the scrubbers treat as their names (`report.scrub`)."""
    unconfirmed: frozenset[str] = frozenset()
    """Of `people`, those only a correction's `ansvarlig` names: typed there and nowhere
    else, a name may be anyone's (a parent's), so `valider` asks (G068)."""

    @property
    def all(self) -> frozenset[str]:
        """What free text may show as it is; any other name there is `[navn]`. Not an
        `unconfirmed` name: written as a correction's responsible, a child's name made itself
        known, and stood in every comment and letter (found by a probe, December 2026)."""
        return (self.people - self.unconfirmed) | self.places


def named_in(
    reviews: Iterable[Reviewed],
    *,
    caseworkers: Iterable[str | None] = (),
    teams: Iterable[str | None] = (),
) -> KnownNames:
    """The names `reviews` give (caseworker, reviewer, team, responsible for a correction),
    with the samples' `caseworkers` and `teams`: the part of `known_names` that needs no
    workspace, so that a letter never masks a name it shows itself."""
    reviews = list(reviews)
    people = {n for r in reviews for n in (r.caseworker, r.reviewer) if n}
    people |= {n for n in caseworkers if n}
    responsible = {c.responsible for r in reviews for c in r.corrections if c.responsible}
    places = {n for n in teams if n} | {r.team for r in reviews if r.team}
    return KnownNames(
        frozenset(people | responsible), frozenset(places), frozenset(responsible - people)
    )


def known_names(
    workspace: Workspace,
    reviews: Iterable[Reviewed] = (),
    *,
    caseworkers: Iterable[str | None] = (),
    teams: Iterable[str | None] = (),
) -> KnownNames:
    """The one answer `valider`, `rapport` and the letters give to which names are known,
    so that a name one accepts is not `[navn]` or a warning in another: `named_in`, the
    concept's people and municipality, and who is responsible for a tiltag."""
    named = named_in(reviews, caseworkers=caseworkers, teams=teams)
    staff = concept_names(workspace.concept) | tiltag_people(workspace)
    concept = workspace.concept
    # a colleague's address the concept gives: shown where the name is, masked where it is
    places = named.places | {concept.municipality} | set(concept.dissemination.caseworkers.values())
    return KnownNames(named.people | staff, places, named.unconfirmed - staff)

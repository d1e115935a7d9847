"""The people a workspace names in its own files, whose names no shared output may carry."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.io.named import present
from ledelsestilsyn.io.yaml import read_document
from ledelsestilsyn.models.concept import Concept
from ledelsestilsyn.models.located import validate_document
from ledelsestilsyn.models.tiltag import TiltagFile
from ledelsestilsyn.workspace.layout import TILTAG_FILE
from ledelsestilsyn.workspace.open import Workspace


def concept_names(concept: Concept) -> set[str]:
    """Every person the concept names: caseworkers, reviewers, leaders, consultants."""
    names = set(concept.dissemination.caseworkers) | set(concept.reminders.reviewers)
    names |= set(concept.reminders.leaders.values()) | set(concept.reminders.consultants)
    for spec in concept.series.values():
        names |= set(spec.reviewers)
    return names


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
    """The teams and the municipality: names, but no one's."""

    @property
    def all(self) -> frozenset[str]:
        """What free text may show as it is; any other name there is `[navn]`."""
        return self.people | self.places


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
    people |= {c.responsible for r in reviews for c in r.corrections if c.responsible}
    people |= {n for n in caseworkers if n}
    places = {n for n in teams if n} | {r.team for r in reviews if r.team}
    return KnownNames(frozenset(people), frozenset(places))


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
    people = named.people | concept_names(workspace.concept) | _tiltag_people(workspace)
    return KnownNames(people, named.places | {workspace.concept.municipality})


def _tiltag_people(workspace: Workspace) -> set[str]:
    """Who is responsible for each tiltag (a local lawyer, say, whom no other file names);
    none when tiltag.yaml cannot be read: the command that uses the tiltag says why."""
    path = workspace.root / TILTAG_FILE
    if not present(path):
        return set()
    try:
        doc = read_document(path, display=workspace.display(path))
        if doc.data is None:
            return set()
        tiltag = validate_document(TiltagFile, doc).tiltag
    except TilsynError:
        return set()
    return {t.responsible for t in tiltag if t.responsible}

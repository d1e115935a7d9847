"""The people a workspace names in its own files, whose names no shared output may carry."""

from __future__ import annotations

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


def tiltag_people(workspace: Workspace) -> set[str]:
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

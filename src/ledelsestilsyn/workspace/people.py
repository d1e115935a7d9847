"""The people a workspace names in its own files, whose names no shared output may carry."""

from __future__ import annotations

from ledelsestilsyn.models.concept import Concept


def concept_names(concept: Concept) -> set[str]:
    """Every person the concept names: caseworkers, reviewers, leaders, consultants."""
    names = set(concept.dissemination.caseworkers) | set(concept.reminders.reviewers)
    names |= set(concept.reminders.leaders.values()) | set(concept.reminders.consultants)
    for spec in concept.series.values():
        names |= set(spec.reviewers)
    return names

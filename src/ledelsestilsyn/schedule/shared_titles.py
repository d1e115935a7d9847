"""Tiltag and series titles as a shared calendar may show them: no name of anyone the
workspace knows.

A leader writes a tiltag's title for the leaders ('Emil Sørensen: partshøring'), but the
calendar (`årshjul --format ics`) is made to share (0644, a team's Outlook), as the
department's report is; so its titles are scrubbed as that report's are: every name of the
concept, of the samples' caseworkers and of whoever is responsible for a tiltag is `[navn]`,
and so is any other likely name (a child's, `core.unknown_names`), a case number of a
sample is `[sag]`, CPR-like numbers are masked, and an id that names a
person or a case is the tiltag's place in tiltag.yaml (`tiltag 2`). A series' title in the
concept is typed by a person as well, and is scrubbed the same way (a probe: `Tematiseret
tilsyn v. Gørild Sæbø` stood in each of the year's events).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ledelsestilsyn.core.cpr import mask_cpr
from ledelsestilsyn.followup.tiltag import load_tiltag
from ledelsestilsyn.report.department import free_text_scrubber, neutral_id
from ledelsestilsyn.report.scrub import case_masker
from ledelsestilsyn.sampling.sources import manifests
from ledelsestilsyn.schedule.rounds import Round
from ledelsestilsyn.schedule.tiltag_dates import TiltagDate
from ledelsestilsyn.workspace.open import open_workspace
from ledelsestilsyn.workspace.people import concept_names


def shared_titles(
    dates: Sequence[TiltagDate], rounds: Sequence[Round], concept: Path
) -> tuple[list[TiltagDate], list[Round]]:
    """`dates` and `rounds` with their titles scrubbed of names (the workspace of the
    `concept` file)."""
    workspace = open_workspace(concept.parent, concept)
    names = concept_names(workspace.concept) | {d.responsible for d in dates if d.responsible}
    cases: set[str] = set()
    teams: set[str] = set()
    for _, manifest in manifests(workspace):
        names |= {c.caseworker for c in manifest.cases if c.caseworker}
        names |= set(manifest.caseworkers)
        cases |= {c.id for c in manifest.cases}
        teams |= {c.team for c in manifest.cases if c.team}
    places = teams | {workspace.concept.municipality}
    scrub = free_text_scrubber(names, case_masker(cases, mask_cpr), places)
    place = {t.id: n for n, t in enumerate(load_tiltag(workspace), start=1)} if dates else {}
    neutral = neutral_id(names, cases)
    shown = [(d, neutral(d.id, place.get(d.id, len(place) + 1))) for d in dates]
    return (
        [replace(d, id=tiltag_id, title=scrub(d.title)) for d, tiltag_id in shown],
        [replace(r, title=scrub(r.title)) for r in rounds],
    )

"""Shared by the `tilsyn migrer` tests: a månedligt-overordnet sample drawn on 2024.1."""

from __future__ import annotations

from pathlib import Path

from ledelsestilsyn.io.yaml import read_document
from ledelsestilsyn.models.located import validate_document
from ledelsestilsyn.models.review import Review
from ledelsestilsyn.sampling.fillin import render_review
from ledelsestilsyn.templates.catalog import Catalog

SERIES = "månedligt-overordnet"
PERIOD = "2026-10"
DAY = "2026-10-28"
FOLDER = f"udtræk/{PERIOD}-{SERIES}"
OLD, NEW = "overordnet@2024.1", "overordnet@2025.1"


def render(
    ref: str,
    case: str,
    focus: list[str],
    review_no: int | None = None,
    workspace: Path | None = None,
) -> str:
    """The review file udtræk writes for `case` on template `ref` (`workspace`: its own)."""
    return render_review(
        Catalog.load(workspace).resolve(ref),
        series=SERIES,
        period=PERIOD,
        case_id=case,
        caseworker="Anna Holm",
        team="Team Nord",
        focus=focus,
        review_no=review_no,
    )


def drawn_folder(
    workspace: Path, focus: list[str], cases: tuple[str, ...], template: str = OLD
) -> Path:
    """The sample folder with its manifest listing `cases`; no reviews yet."""
    folder = workspace / FOLDER
    folder.mkdir(parents=True)
    drawn = "".join(
        f'  - id: "{case}"\n    rådgiver: "Anna Holm"\n    team: "Team Nord"\n'
        f'    begrundelse: "tilfældig"\n    filer: [{case}.yaml]\n'
        for case in cases
    )
    (folder / "udtræk.yaml").write_text(
        f'tilsyn: "{SERIES}"\nperiode: "{PERIOD}"\nskabelon: "{template}"\n'
        f"fokus: [{', '.join(focus)}]\n"
        'oprettet: "2026-10-01T08:00:00"\noprettet_af: "test"\nværktøj: "0.1.0"\nseed: 1\n'
        f"antal: {len(cases)}\nsager:\n{drawn}",
        encoding="utf-8",
    )
    return folder


def read_review(path: Path) -> Review:
    return validate_document(Review, read_document(path))

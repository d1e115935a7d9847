"""`known_names`: the one set of names `valider`, `rapport` and the letters keep in free text.

Each command gathered it on its own, so a name one knew (a tiltag's responsible, a team) was
a warning (G068) or `[navn]` in another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.workspace.known_names import known_names
from ledelsestilsyn.workspace.open import open_workspace
from ledelsestilsyn.workspace.people import concept_names


@dataclass
class _Correction:
    responsible: str


@dataclass
class _Review:
    caseworker: str | None
    reviewer: str | None
    team: str | None
    corrections: list[_Correction] = field(default_factory=list)


def _tiltag(cli: Cli, responsible: str) -> None:
    made = cli(
        "tiltag", "ny", "--skabelon", "overordnet", "--spørgsmål", "underretning-1",
        "--titel", "Partshøring", "--dato", "2026-11-25", "--ansvarlig", responsible,
    )  # fmt: skip
    assert made.exit_code == 0, made.output


def test_the_concept_the_tiltag_the_samples_and_the_reviews_name(
    cli: Cli, example_workspace: Path
) -> None:
    _tiltag(cli, "Mette Lund")
    review = _Review("Anna Holm", "Leder Juul", "Team Nord", [_Correction("Per Berg")])
    reviews = [review, _Review(None, None, None, [_Correction("")])]
    names = known_names(
        open_workspace(example_workspace),
        reviews,
        caseworkers=["Bo Lind", None],
        teams=["Team Unge", ""],
    )
    said = {"Mette Lund", "Anna Holm", "Leder Juul", "Per Berg", "Bo Lind"}
    assert names.people == said | concept_names(open_workspace(example_workspace).concept)
    assert "Camilla Bjørnholt" in names.people  # the concept's
    addresses = {"cabj@eksempelby.example", "jeoe@eksempelby.example"}  # the letters go there
    assert names.places == {"Eksempelby Kommune", "Team Nord", "Team Unge", *addresses}
    # a name only a correction gives is no one free text may show (a child's, written there)
    assert names.unconfirmed == {"Per Berg"}
    assert names.all == (names.people - {"Per Berg"}) | names.places


@pytest.mark.parametrize("text", ["tiltag: [\n", "tiltag:\n  - titel: uden id\n", ""])
def test_a_tiltag_file_that_cannot_be_read_names_no_one_and_breaks_nothing(
    cli: Cli, example_workspace: Path, text: str
) -> None:
    """The command that shows the tiltag says what is wrong with the file; the names are
    the workspace's other names."""
    _tiltag(cli, "Mette Lund")
    (example_workspace / "tiltag.yaml").write_text(text, encoding="utf-8")
    workspace = open_workspace(example_workspace)
    assert known_names(workspace).people == concept_names(workspace.concept)


def test_a_folder_named_as_the_tiltag_file_names_no_one(example_workspace: Path) -> None:
    (example_workspace / "tiltag.yaml").mkdir()
    workspace = open_workspace(example_workspace)
    assert known_names(workspace).people == concept_names(workspace.concept)

"""A caseworker's case reviewed on two levels (forlægget kk): the letter tells the two reviews
apart by series, and the comparison counts the case once, as the report does."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from conftest import TESTS, Cli

sys.path.insert(0, str(TESTS / "report"))
from report_data import overordnet_answer, write_round

from ledelsestilsyn.templates.catalog import Catalog

ARGS = ("tilbagemelding", "--periode", "2026-K4", "--dato", "2027-01-25")
LEVEL_1 = "udtræk/2026-10-niveau-1"
LEVEL_2 = "udtræk/2026-K4-niveau-2"


@pytest.fixture
def kk(tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`init --forlæg kk` with one niveau-1 round of 12 cases in October."""
    root = tmp_path / "kk"
    assert cli("init", str(root), "--forlæg", "kk").exit_code == 0
    monkeypatch.chdir(root)
    write_round(
        root,
        Catalog.load(root),
        series="niveau-1",
        ref="overordnet@2025.1",
        period="2026-10",
        focus=["underretning"],
        cases=12,
        answer=overordnet_answer(0),
        day="2026-10-20",
    )
    return root


def _level_2(root: Path, cases: list[str]) -> None:
    """Niveau 2 re-reviews `cases` of niveau 1, finding every answer 'nej'."""
    folder = root / LEVEL_2
    folder.mkdir(parents=True)
    manifest = (root / LEVEL_1 / "udtræk.yaml").read_text(encoding="utf-8")
    head, _ = manifest.split("sager:\n")
    head = head.replace('"niveau-1"', '"niveau-2"').replace('"2026-10"', '"2026-K4"')
    entries = [e for e in manifest.split("sager:\n")[1].split("  - ") if e.strip()]
    kept = [e for e in entries if any(f'"{c}"' in e for c in cases)]
    text = head + "fra_tilsyn: [niveau-1]\nsager:\n" + "".join("  - " + e for e in kept)
    (folder / "udtræk.yaml").write_text(text, encoding="utf-8")
    for case in cases:
        review = (root / LEVEL_1 / f"{case}.yaml").read_text(encoding="utf-8")
        review = review.replace('tilsyn: "niveau-1"', 'tilsyn: "niveau-2"')
        review = review.replace('periode: "2026-10"', 'periode: "2026-K4"')
        review = review.replace('dato: "2026-10-20"', 'dato: "2027-01-20"')
        for old in ('svar: "ja"', 'svar: "ikke relevant"'):
            review = review.replace(old, 'svar: "nej"')
        review = review.replace('kommentar: ""', 'kommentar: "Ses ikke på niveau 2."')
        (folder / f"{case}.yaml").write_text(review, encoding="utf-8")


def _letter(root: Path, worker: str) -> str:
    [path] = (root / "tilbagemeldinger" / "2026-K4").glob(f"{worker.replace(' ', '_')}-*.md")
    return path.read_text(encoding="utf-8")


def _comparison(letter: str) -> str:
    return letter.split("## Til sammenligning", 1)[1]


def test_a_case_on_two_levels_is_told_apart_and_counted_once(kk: Path, cli: Cli) -> None:
    assert cli(*ARGS).exit_code == 0
    before = _comparison(_letter(kk, "Anna Holm"))
    shutil.rmtree(kk / "tilbagemeldinger")
    _level_2(kk, ["S-2026-10-000", "S-2026-10-001"])  # Anna Holm's and Bo Lind's cases
    result = cli(*ARGS)
    assert result.exit_code == 0, result.output
    anna = _letter(kk, "Anna Holm")
    assert "### S-2026-10-000 (Overordnet ledelsestilsyn · Niveau 1: månedligt tilsyn" in anna
    assert "### S-2026-10-000 (Overordnet ledelsestilsyn · Niveau 2: lokalt tilsyn" in anna
    assert _comparison(anna) == before, "the level-2 review is not counted a second time"
    carla = _letter(kk, "Carla Friis")  # one review of her case: heading as before
    assert "### S-2026-10-002 (Overordnet ledelsestilsyn)\n" in carla

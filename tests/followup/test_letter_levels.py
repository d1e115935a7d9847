"""A caseworker's case reviewed on two levels (forlægget kk): the letter tells the two reviews
apart by series, and the comparison counts the case once, as the report does."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from conftest import TESTS, Cli

sys.path.insert(0, str(TESTS / "report"))
from report_data import level_1_round, level_2_round

ARGS = ("tilbagemelding", "--periode", "2026-K4", "--dato", "2027-01-25")


@pytest.fixture
def kk(tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`init --forlæg kk` with one niveau-1 round of 12 cases in October."""
    root = tmp_path / "kk"
    assert cli("init", str(root), "--forlæg", "kk").exit_code == 0
    monkeypatch.chdir(root)
    level_1_round(root, 12)
    return root


def _letter(root: Path, worker: str) -> str:
    [path] = (root / "tilbagemeldinger" / "2026-K4").glob(f"{worker.replace(' ', '_')}-*.md")
    return path.read_text(encoding="utf-8")


def _comparison(letter: str) -> str:
    return letter.split("## Til sammenligning", 1)[1]


def test_a_case_on_two_levels_is_told_apart_and_counted_once(kk: Path, cli: Cli) -> None:
    assert cli(*ARGS).exit_code == 0
    before = _comparison(_letter(kk, "Anna Holm"))
    shutil.rmtree(kk / "tilbagemeldinger")
    cases = ["S-2026-10-000", "S-2026-10-001"]  # Anna Holm's and Bo Lind's
    level_2_round(kk, cases, "2027-01-20", "Ses ikke på niveau 2.")
    result = cli(*ARGS)
    assert result.exit_code == 0, result.output
    anna = _letter(kk, "Anna Holm")
    assert "### S-2026-10-000 (Overordnet ledelsestilsyn · Niveau 1: månedligt tilsyn" in anna
    assert "### S-2026-10-000 (Overordnet ledelsestilsyn · Niveau 2: lokalt tilsyn" in anna
    assert _comparison(anna) == before, "the level-2 review is not counted a second time"
    carla = _letter(kk, "Carla Friis")  # one review of her case: heading as before
    assert "### S-2026-10-002 (Overordnet ledelsestilsyn)\n" in carla

"""A level drawn while some source reviews are unfinished says which (U014): a level is drawn
once, so those cases can never come up to it, and the population table alone hides where."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_levels import MONTHS, QUARTER, TODAY, complete, folder, manifest, setup_kk

from conftest import Cli


def _finish_all_but_one(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The quarter's niveau 1 complete but for one partial review in November; its case id."""
    setup_kk(cli, tmp_path, monkeypatch)
    for month in MONTHS:
        complete("niveau-1", month, f"{month}-20", unfinished=False)
    late = sorted(manifest("niveau-1", "2026-11").cases, key=lambda c: c.id)[0]
    path = folder("niveau-1", "2026-11") / late.files[0]
    path.write_text(path.read_text(encoding="utf-8").replace('svar: "ja"', 'svar: ""', 1))
    return late.id


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_level_names_the_unfinished_source_reviews_it_leaves_out(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dry_run: bool
) -> None:
    late = _finish_all_but_one(cli, tmp_path, monkeypatch)
    extra = ["--tør"] if dry_run else []
    result = cli("udtræk", "--tilsyn", "niveau-2", "--periode", QUARTER, "--dato", TODAY, *extra)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "U014" in line]
    assert warnings == [
        f"udtræk/2026-11-niveau-1: advarsel U014: 1 gennemgang er ikke færdig (1 delvist "
        f"udfyldt): {late}; sagen kan ikke komme med i 'niveau-2' for {QUARTER}, for et niveau "
        "trækkes kun én gang. Tip: gør gennemgangene færdige (tjek med tilsyn valider), før "
        "niveauet trækkes."
    ]
    if not dry_run:
        assert late not in {c.id for c in manifest("niveau-2", QUARTER).cases}


def test_a_level_with_every_source_review_finished_says_nothing_of_it(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup_kk(cli, tmp_path, monkeypatch)
    for month in MONTHS:
        complete("niveau-1", month, f"{month}-20", unfinished=False)
    result = cli("udtræk", "--tilsyn", "niveau-2", "--periode", QUARTER, "--dato", TODAY)
    assert result.exit_code == 0, result.output
    assert "U014" not in result.output

"""The leader's comments name the series beside a case reviewed on two levels (forlægget kk),
so the two reviews' comments are told apart; a case reviewed once is listed as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_data import overordnet_answer, write_round

from conftest import Cli
from ledelsestilsyn.templates.catalog import Catalog


def _level_2(root: Path, case: str) -> None:
    """Niveau 2 re-reviews niveau 1's `case` in the quarter and finds every answer 'nej'."""
    folder = root / "udtræk" / "2026-K4-niveau-2"
    folder.mkdir(parents=True)
    manifest = (root / "udtræk" / "2026-10-niveau-1" / "udtræk.yaml").read_text(encoding="utf-8")
    head, cases = manifest.split("sager:\n")
    head = head.replace('"niveau-1"', '"niveau-2"').replace('"2026-10"', '"2026-K4"')
    [entry] = [e for e in cases.split("  - ") if f'"{case}"' in e]
    (folder / "udtræk.yaml").write_text(f"{head}fra_tilsyn: [niveau-1]\nsager:\n  - {entry}")
    review = (root / "udtræk" / "2026-10-niveau-1" / f"{case}.yaml").read_text(encoding="utf-8")
    for old, new in (
        ('tilsyn: "niveau-1"', 'tilsyn: "niveau-2"'),
        ('periode: "2026-10"', 'periode: "2026-K4"'),
        ('dato: "2026-10-20"', 'dato: "2026-11-20"'),
        ('svar: "ja"', 'svar: "nej"'),
        ('svar: "ikke relevant"', 'svar: "nej"'),
        ('kommentar: ""', 'kommentar: "Set på niveau 2."'),
    ):
        review = review.replace(old, new)
    (folder / f"{case}.yaml").write_text(review, encoding="utf-8")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_comment_names_the_level_of_a_case_reviewed_twice(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
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
        cases=6,
        answer=overordnet_answer(0),
        day="2026-10-20",
    )
    _level_2(root, "S-2026-10-000")
    result = cli("rapport", "--periode", "2026-K4", "--format", fmt, "-o", "-")
    assert result.exit_code == 0, result.output
    text = str(result.stdout)
    if fmt == "md":
        assert "  - S-2026-10-000, niveau-2 (nej): Set på niveau 2." in text
        assert "  - S-2026-10-000, niveau-1 (nej): Partshøring mangler i journalen." in text
        assert "  - S-2026-10-001 (nej): " in text
    else:
        assert '<span class="id">S-2026-10-000</span>, niveau-2 (nej): Set på niveau 2.' in text
        assert '<span class="id">S-2026-10-001</span> (nej): ' in text

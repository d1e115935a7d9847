"""The leader's comments name the series beside a case reviewed on two levels (forlægget kk),
so the two reviews' comments are told apart; a case reviewed once is listed as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_data import level_1_round, level_2_round

from conftest import Cli


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_comment_names_the_level_of_a_case_reviewed_twice(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    root = tmp_path / "kk"
    assert cli("init", str(root), "--forlæg", "kk").exit_code == 0
    monkeypatch.chdir(root)
    level_1_round(root, 6)
    level_2_round(root, ["S-2026-10-000"], "2026-11-20", "Set på niveau 2.")
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

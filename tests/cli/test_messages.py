"""Messages a new user met in a trial: Danish all through, naming what the user typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli


def edit_concept(workspace: Path, old: str, new: str) -> None:
    path = workspace / "koncept.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_literal_choice_lists_the_values_in_danish(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    edit_concept(workspace, "rotation: rådgiver", "rotation: raadgiver")
    result = cli("tjek")
    assert result.exit_code == 1
    assert "'rotation': skal være en af: rådgiver, team eller ingen." in result.output
    assert " or " not in result.output


def test_a_share_above_one_says_how_a_share_is_written(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    edit_concept(workspace, "tærskel: 0.8", "tærskel: 80")
    result = cli("tjek")
    assert result.exit_code == 1 and "'tærskel': må højst være 1." in result.output
    assert "Tip: en andel skrives som decimaltal: 0.8 = 80 %." in result.output

"""The concept's `formidling`: presets fill it in, and `tjek` warns where the loop is open."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import Cli


def _concept(folder: Path, old: str, new: str) -> None:
    path = folder / "koncept.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("preset", ["sbst", "kk", "handicap"])
def test_presets_describe_the_loop_without_warnings(
    cli: Cli, tmp_path: Path, preset: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / preset
    assert cli("init", str(folder), "--forlæg", preset).exit_code == 0
    monkeypatch.chdir(folder)
    text = (folder / "koncept.yaml").read_text(encoding="utf-8")
    assert "\nformidling:\n  tilbagemelding_til_rådgiver: ja\n" in text
    result = cli("tjek")
    # A fresh preset is warned only about what init left to fill in (A010/A011), never the loop.
    assert result.exit_code == 0 and not re.search(r"A00[6-9]", result.output), result.output


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("  tilbagemelding_til_rådgiver: ja", "  tilbagemelding_til_rådgiver: nej", "A007"),
        ("  afdelingsmøder: [6, 12]", "  afdelingsmøder: []", "A008"),
        ("  tiltag: ja", "  tiltag: nej", "A009"),
    ],
)
def test_tjek_warns_when_the_loop_is_open(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, code: str
) -> None:
    monkeypatch.chdir(workspace)
    _concept(workspace, old, new)
    result = cli("tjek")
    assert result.exit_code == 0
    assert f"advarsel {code}" in result.output + result.stderr


def test_no_formidling_section_is_a_warning_and_bad_months_an_error(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    path = workspace / "koncept.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("\nformidling:\n")[0] + "\n", encoding="utf-8")
    assert "advarsel A006" in (r := cli("tjek")).output + r.stderr
    path.write_text(text.replace("afdelingsmøder: [6, 12]", "afdelingsmøder: [6, 13]"), "utf-8")
    bad = cli("tjek")
    assert bad.exit_code == 1 and "afdelingsmødernes måneder" in bad.output + bad.stderr

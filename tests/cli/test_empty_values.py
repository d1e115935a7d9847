"""An empty value where a period or a folder is asked for (`--periode ''`, `init ''`): a
script whose `$PERIODE` was empty wrote the report and the letters for another period, and
`init ''` made a workspace in the current folder. Each is a usage error (exit 2), in Danish."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli

SERIES = "månedligt-overordnet"


@pytest.mark.parametrize(
    "args",
    [
        ("rapport", "--periode", ""),
        ("tilbagemelding", "--periode", " "),
        ("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "", "--tør"),
    ],
    ids=["rapport", "tilbagemelding", "udtræk"],
)
def test_an_empty_period_is_a_usage_error(
    cli: Cli, filled_example: Path, args: tuple[str, ...]
) -> None:
    before = sorted(p.relative_to(filled_example) for p in filled_example.rglob("*"))
    result = cli(*args)
    assert result.exit_code == 2, result.output
    assert "--periode: fejl P001: perioden er tom." in result.stderr
    assert "skriv fx 2026-11" in result.stderr
    after = sorted(p.relative_to(filled_example) for p in filled_example.rglob("*"))
    assert [p for p in after if p.parts[0] != ".tilsyn"] == [
        p for p in before if p.parts[0] != ".tilsyn"
    ]


@pytest.mark.parametrize("args", [("init", ""), ("skema", "--mappe", "")], ids=["init", "skema"])
def test_an_empty_folder_is_a_usage_error(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    folder = tmp_path / "tom"
    folder.mkdir()
    monkeypatch.chdir(folder)
    result = cli(*args)
    assert result.exit_code == 2, result.output
    assert "stien er tom" in result.stderr
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [
        ("udtræk", "", "--tilsyn", SERIES, "--periode", "2026-12", "--tør"),
        ("rapport", "--periode", "2026-11", "-o", ""),
        ("årshjul", "2027", "-o", ""),
    ],
    ids=["udtræk", "rapport", "årshjul"],
)
def test_an_empty_file_is_a_usage_error(
    cli: Cli, filled_example: Path, args: tuple[str, ...]
) -> None:
    result = cli(*args)
    assert result.exit_code == 2, result.output
    assert "stien er tom" in result.stderr
    assert ".:" not in result.stderr


def test_a_period_pasted_with_a_name_is_not_echoed(cli: Cli, filled_example: Path) -> None:
    """Probe BB: `--periode "Zlatan Karimi 030315-4492"` printed `Zlatan Karimi XXXXXX-XXXX:
    fejl P001`; a value with spaces is named by its argument, as `--tilsyn` does."""
    result = cli("rapport", "--periode", "Zlatan Karimi 030315-4492")
    assert result.exit_code == 2, result.output
    assert "--periode: fejl P001: perioden kan ikke læses." in result.stderr
    assert "Zlatan" not in result.output and "Karimi" not in result.output
    short = cli("rapport", "--periode", "2026-13")
    assert "2026-13: fejl P001" in short.stderr, short.stderr

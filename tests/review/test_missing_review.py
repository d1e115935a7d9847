"""A review the manifest lists whose file is gone is an error in `valider`, never silence."""

from __future__ import annotations

from pathlib import Path

from conftest import Cli

FOLDER = Path("udtræk") / "2026-11-månedligt-overordnet"


def _draw(cli: Cli) -> list[str]:
    args = ("udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-11")
    assert cli(*args).exit_code == 0
    return sorted(p.name for p in FOLDER.glob("*.yaml") if p.name != "udtræk.yaml")


def _line_in_manifest(name: str) -> int:
    lines = (FOLDER / "udtræk.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if name in line)


def test_a_deleted_review_is_an_error_at_its_line_in_the_manifest(
    cli: Cli, example_workspace: Path
) -> None:
    files = _draw(cli)
    (FOLDER / files[0]).unlink()
    result = cli("valider", str(FOLDER))
    assert result.exit_code == 1, result.output
    line = _line_in_manifest(files[0])
    expected = f"{FOLDER / 'udtræk.yaml'}:{line}:"
    assert expected in result.output and "fejl G034" in result.output, result.output
    assert f"gennemgangen {files[0]} står i udtrækket, men filen findes ikke" in result.output
    assert result.output.count("G034") == 1, result.output


def test_a_sample_whose_reviews_are_all_gone_is_still_checked(
    cli: Cli, example_workspace: Path
) -> None:
    files = _draw(cli)
    for name in files:
        (FOLDER / name).unlink()
    result = cli("valider")
    assert result.exit_code == 1, result.output
    assert result.output.count("fejl G034") == len(files), result.output


def test_a_complete_sample_has_no_missing_review(cli: Cli, example_workspace: Path) -> None:
    _draw(cli)
    result = cli("valider")
    assert result.exit_code == 0 and "G034" not in result.output, result.output

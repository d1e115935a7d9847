"""Messages a new user met in a trial: Danish all through, naming what the user typed."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import TESTS, Cli, edit_concept


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


def test_every_fixed_choice_ignores_case() -> None:
    import typer.main

    from ledelsestilsyn.cli.app import app

    def choices(command: Any, path: str) -> Iterator[tuple[str, Any]]:
        for param in command.params:
            descriptor = getattr(param, "type_descriptor", None)
            if descriptor is not None and descriptor.is_choice:
                yield f"{path} {param.opts[0]}", descriptor
        for name, sub in getattr(command, "commands", {}).items():
            yield from choices(sub, f"{path} {name}")

    found = dict(choices(typer.main.get_command(app), "tilsyn"))
    assert "tilsyn rapport --modtager" in found
    assert [where for where, d in found.items() if d.case_sensitive] == []


def test_a_choice_in_capitals_is_accepted(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    result = cli("rapport", "--modtager", "Udvalg", "--format", "MD", "-o", "-")
    assert "--modtager" not in result.output and "--format" not in result.output
    assert "fejl: ugyldig værdi" not in (result.stderr or "")


def test_a_preset_in_capitals_is_accepted_and_a_near_miss_suggested(
    cli: Cli, tmp_path: Path
) -> None:
    made = cli("init", str(tmp_path / "ny"), "--forlæg", "KK")
    assert made.exit_code == 0, made.output
    assert "ud fra forlægget 'kk':" in made.stdout
    wrong = cli("init", str(tmp_path / "anden"), "--forlæg", "sbts")
    assert wrong.exit_code == 2 and "--forlæg: fejl I002" in wrong.stderr
    assert "mente du 'sbst'?" in wrong.stderr


def test_valider_on_an_empty_folder_names_that_folder(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    (workspace / "noter").mkdir()
    result = cli("valider", "noter")
    assert "Ingen gennemgange fundet (kiggede i noter)." in result.stdout
    assert "udtræk" not in result.stdout


def test_a_report_for_a_period_without_samples_says_so(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    result = cli("rapport", "--periode", "1999", "-o", "-")
    assert result.exit_code == 1 and "L007" in result.stderr
    assert "0 gennemgange" not in result.stderr
    assert "der er ingen stikprøver i 1999; se mapperne i udtræk/" in result.stderr


def test_a_report_for_one_series_without_a_sample_in_the_period_names_the_series(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Other series have samples in 2026-10; 'no samples in 2026-10' was untrue."""
    sys.path.insert(0, str(TESTS / "report"))
    from report_data import build_workspace

    build_workspace(workspace)
    monkeypatch.chdir(workspace)
    result = cli("rapport", "--periode", "2026-10", "--tilsyn", "tematiseret", "-o", "-")
    assert result.exit_code == 1 and "L007" in result.stderr
    assert (
        "Tip: 'tematiseret' har ingen stikprøve i 2026-10; se mapperne i udtræk/ "
        "(de hedder <periode>-tematiseret)."
    ) in result.stderr


def test_a_period_without_reviews_is_the_same_message_in_the_report_and_the_letters(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """L007 stood at '1999:' (the period as if it were a file) and O020 at '--periode:' with
    the tip 'tjek navnet og perioden' though no name was given: both now point at the
    option the user typed and say why the period is empty."""
    monkeypatch.chdir(workspace)
    report = cli("rapport", "--periode", "1999", "-o", "-")
    letters = cli("tilbagemelding", "--periode", "1999")
    tip = "Tip: der er ingen stikprøver i 1999; se mapperne i udtræk/"
    for result, code in ((report, "L007"), (letters, "O020")):
        assert result.exit_code == 1, result.output
        assert result.stderr.startswith(
            f"--periode: fejl {code}: ingen færdige gennemgange i perioden 1999."
        ), result.stderr
        assert tip in result.stderr, result.stderr
    # without --periode, neither points at an option the user did not type
    report = cli("rapport", "-o", "-")
    letters = cli("tilbagemelding")
    for result, code in ((report, "L006"), (letters, "O020")):
        assert result.exit_code == 1, result.output
        assert result.stderr.startswith(f"udtræk: fejl {code}: "), result.stderr

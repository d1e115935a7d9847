"""The README's example scripts answer in Danish, like `tilsyn`.

`python eksempler/generer_eksport.py --ud eksport.csv` is in the README for anyone without an
export yet; `--help` or a forgotten `--ud` gave argparse's English ("usage:", "options",
"the following arguments are required: --ud").
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EKSEMPLER, Cli

ENGLISH = ("usage", "options", "show this help", "required", "error", "invalid")


@pytest.mark.parametrize("script", ["generer_eksport.py", "udfyld_eksempel.py"])
def test_help_is_danish(script: str) -> None:
    run = [sys.executable, str(EKSEMPLER / script), "--help"]
    result = subprocess.run(run, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Brug: ")
    assert "tilvalg:" in result.stdout and "vis denne hjælp og afslut" in result.stdout
    assert not [w for w in ENGLISH if w in result.stdout.casefold()], result.stdout


def test_a_forgotten_argument_is_said_in_danish() -> None:
    run = [sys.executable, str(EKSEMPLER / "generer_eksport.py")]
    result = subprocess.run(run, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "generer_eksport.py: fejl: disse argumenter mangler: --ud" in result.stderr
    assert not [w for w in ENGLISH if w in result.stderr.casefold()], result.stderr


def test_a_wrong_value_is_said_in_danish() -> None:
    run = [sys.executable, str(EKSEMPLER / "udfyld_eksempel.py"), ".", "--senest", "30-11-2026"]
    result = subprocess.run(run, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "fejl: tilvalget --senest: ugyldig værdi: '30-11-2026'" in result.stderr


def test_the_xlsx_script_says_a_missing_export_in_danish(tmp_path: Path) -> None:
    run = [sys.executable, str(EKSEMPLER / "til_xlsx.py"), str(tmp_path / "mangler.csv")]
    result = subprocess.run([*run, str(tmp_path / "ud.xlsx")], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr == f"til_xlsx.py: fejl: {tmp_path / 'mangler.csv'} findes ikke.\n"
    assert not (tmp_path / "ud.xlsx").exists()


def test_the_fill_script_says_each_file_in_one_parenthesis(
    example_workspace: Path, cli: Cli
) -> None:
    """'udfyldt (med en rettelse i sagen) (samtykke til eksempel)' read as two remarks glued
    together; the notes of one file stand in one parenthesis."""
    from conftest import Cli

    drawn = Cli()(
        "udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-11"
    )
    assert drawn.exit_code == 0, drawn.output
    run = [sys.executable, str(EKSEMPLER / "udfyld_eksempel.py"), ".", "--rettelse"]
    run += ["--senest", "2026-11-30"]
    result = subprocess.run(run, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert ") (" not in result.stdout, result.stdout
    assert "udfyldt (med en rettelse i sagen" in result.stdout

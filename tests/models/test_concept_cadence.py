"""Cadences a concept could not mean (found by probe X): 'hver anden måned' written as words,
an empty `måneder` (a series without rounds, silent in `tjek`), and `måneder` beside `hver`
and `start` (one of them ignored without a word)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli, edit_concept

KADENCE = "    kadence: månedlig\n"


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            '"hver anden måned"',
            "en kadence som 'hver anden måned' skrives med nøglerne 'hver' og 'start'. Tip: "
            "skriv kadence: {hver: 2, start: 1}",
        ),
        ("{måneder: []}", "'måneder' er tom, så serien har ingen runder."),
        ("{hver: 2, måneder: [2, 8]}", "skriv enten 'måneder' eller 'hver' og 'start', ikke"),
    ],
)
def test_a_cadence_that_cannot_be_meant_is_an_error(
    cli: Cli, example_workspace: Path, written: str, said: str
) -> None:
    edit_concept(example_workspace, KADENCE, f"    kadence: {written}\n")
    result = cli("tjek")
    assert result.exit_code == 1, result.output
    assert said in " ".join(result.output.split()), result.output

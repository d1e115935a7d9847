"""A folder or a link where tilsyn keeps a file of its own (a lock, a log, a letter's list).

The user never named these paths, so "angiv et filnavn" is no help: the message says a folder
stands where tilsyn writes its file, and what to do about it. A link is refused, as at every
other path tilsyn writes, and nothing is made where it points.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conftest import TESTS, Cli

sys.path.insert(0, str(TESTS / "report"))  # rapport_ws builds from report_data

ENGLISH = re.compile(r"\b(Error|directory|Permission|No such|denied|exists)\b")
LETTERS = ("tilbagemelding", "--periode", "2026-11", "--dato", "2026-11-25")
REMIND = ("påmind", "--dato", "2026-11-25", "--altid")
# (path inside the workspace, the command that writes it)
OWN_FILES = {
    ".tilsyn/påmind.lock": REMIND,
    ".tilsyn/påmind-sendt.json": ("påmind", "--dato", "2026-11-25"),  # a look writes no log
    "tilbagemeldinger/2026-11/.sager": LETTERS,
    "tilbagemeldinger/2026-11/Anna_Holm-77a25cd9.md": LETTERS,
    "rapporter/2026-11-leder.html": ("rapport", "--periode", "2026-11", "--dato", "2026-11-25"),
}


def _plain(result_output: str, stderr: str | None) -> str:
    return result_output + (stderr or "")


@pytest.mark.parametrize("own", OWN_FILES)
def test_a_folder_where_tilsyn_keeps_its_own_file_is_named_as_such(
    cli: Cli, rapport_ws: Path, own: str
) -> None:
    (rapport_ws / own).mkdir(parents=True)
    result = cli(*OWN_FILES[own])
    output = _plain(result.output, result.stderr)
    assert result.exit_code == 1, output
    assert "intern fejl" not in output
    assert re.search(r"fejl W003: der står en mappe, hvor tilsyn skriver sin fil", output), output
    assert "Tip: flyt eller slet mappen" in output, output
    assert "angiv et filnavn" not in output
    assert not ENGLISH.search(output), output


def test_a_folder_named_with_o_is_still_a_call_to_name_a_file(cli: Cli, rapport_ws: Path) -> None:
    (rapport_ws / "ud").mkdir()
    result = cli("rapport", "--periode", "2026-11", "--dato", "2026-11-25", "-o", "ud")
    output = _plain(result.output, result.stderr)
    assert result.exit_code == 2, output
    assert "fejl W003: stien er en mappe, ikke en fil" in output
    assert "Tip: angiv et filnavn i mappen" in output


def test_a_lock_that_is_a_link_is_refused_and_nothing_is_made_where_it_points(
    cli: Cli, rapport_ws: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "udenfor" / "lås"
    outside.parent.mkdir()
    (rapport_ws / ".tilsyn").mkdir(exist_ok=True)
    (rapport_ws / ".tilsyn" / "påmind.lock").symlink_to(outside)
    result = cli(*REMIND)
    output = _plain(result.output, result.stderr)
    assert result.exit_code == 1, output
    assert "fejl W002" in output and "symbolsk link" in output, output
    assert not outside.exists()

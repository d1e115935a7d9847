"""`udtræk/`, or a sample folder in it, as a symbolic link (`workspace.links`).

Before, each command did its own thing: `udtræk` refused it (W002), `migrer` rewrote the
reviews where the link pointed, `valider` passed a linked sample folder over without a word,
`rapport` showed its series as drawn but not reviewed, and `påmind` read through it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import Cli

SAMPLE = "2026-11-månedligt-overordnet"
CALLS = {
    "valider": ("valider", "--dato", "2026-11-30"),
    "rapport": ("rapport", "--periode", "2026-11", "--dato", "2026-11-30", "-o", "-"),
    "tilbagemelding": ("tilbagemelding", "--periode", "2026-11", "--dato", "2026-11-30"),
    "påmind": ("påmind", "--dato", "2026-11-25", "--altid"),
    "migrer": ("migrer", f"udtræk/{SAMPLE}", "--til", "overordnet@2025.1", "--dato", "2026-11-30"),
    "tjek": ("tjek",),
}


def _moved_out(folder: Path, outside: Path) -> dict[str, bytes]:
    """Move `folder` to `outside` and put a link in its place; what the files held."""
    shutil.move(folder, outside)
    folder.symlink_to(outside, target_is_directory=True)
    return {p.name: p.read_bytes() for p in outside.rglob("*") if p.is_file()}


@pytest.mark.parametrize("linked", ["udtræk", f"udtræk/{SAMPLE}"])
@pytest.mark.parametrize("command", list(CALLS))
def test_a_linked_sample_folder_is_refused_by_every_command(
    cli: Cli, filled_example: Path, tmp_path: Path, linked: str, command: str
) -> None:
    outside = tmp_path / "udenfor"
    held = _moved_out(filled_example / linked, outside)
    result = cli(*CALLS[command])
    said = " ".join(result.output.split())
    assert result.exit_code in (1, 2), said
    assert f"{linked}: fejl W002: mappen er et symbolsk link; tilsyn læser og skriver ikke" in said
    assert "Tip: erstat linket med en almindelig mappe" in said
    assert {p.name: p.read_bytes() for p in outside.rglob("*") if p.is_file()} == held

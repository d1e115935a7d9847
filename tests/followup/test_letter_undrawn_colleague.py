"""A colleague's name in a comment is replaced in another caseworker's letter, also when
that colleague has no case in any sample yet: `udtræk` writes every caseworker of the
population into the manifest (`rådgivere`). Before, only drawn caseworkers and those under
`formidling: rådgivere` were known, and a trial's first letter said "Signe Æbelø Hansen
overtog sagen", because Signe had not been drawn."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import yaml

from conftest import TESTS, Cli

sys.path.insert(0, str(TESTS / "schedule"))
from remind_support import MONTHLY, draw, fill, reviews


def _export_caseworkers() -> set[str]:
    with Path("eksport.csv").open(encoding="cp1252", newline="") as f:
        return {row["Sagsbehandler"].strip() for row in csv.DictReader(f, delimiter=";")}


def test_a_colleague_not_drawn_yet_is_a_colleague_in_the_letter(
    example_workspace: Path, cli: Cli
) -> None:
    folder = draw(cli, MONTHLY, "2026-11")
    manifest = yaml.safe_load((folder / "udtræk.yaml").read_text(encoding="utf-8"))
    drawn = {c["rådgiver"] for c in manifest["sager"]}
    undrawn = sorted(_export_caseworkers() - drawn)
    assert undrawn and set(manifest["rådgivere"]) >= drawn | {undrawn[0]}
    colleague = undrawn[0]
    first = reviews(folder)[0]
    fill(first, "Karen Holm Madsen", "2026-11-10")
    text = first.read_text(encoding="utf-8")
    finding = f"svar: \"nej\"\n      kommentar: '{colleague} overtog sagen.'"
    text = text.replace("svar: \"ja\"\n      kommentar: ''", finding, 1)
    assert colleague in text
    first.write_text(text, encoding="utf-8")
    result = cli("tilbagemelding", "--periode", "2026-11", "--dato", "2026-11-25")
    assert result.exit_code == 0, result.output
    written = [Path(line) for line in result.stdout.splitlines() if line.endswith(".md")]
    letters = "\n".join(p.read_text(encoding="utf-8") for p in written)
    assert "en kollega overtog sagen." in letters
    assert all(part not in letters for part in colleague.split())

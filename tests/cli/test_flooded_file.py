"""A file full of problems shows its first lines and how many more (found by probe V: a
manifest of 100,000 unknown keys gave 100,000 lines on stderr and took 20 s)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import Cli
from ledelsestilsyn.core.diagnostics import SHOWN_PER_FILE

FOLDER = "udtræk/2026-11-månedligt-overordnet"


def test_a_review_full_of_unknown_keys_shows_its_first_lines_and_the_count(
    cli: Cli, filled_example: Path
) -> None:
    flooded, other = sorted((filled_example / FOLDER).glob("S-*.yaml"))[:2]
    with flooded.open("a", encoding="utf-8") as out:
        out.writelines(f"nøgle{n}: x\n" for n in range(300))
    other.write_text(other.read_text(encoding="utf-8").replace('svar: "ja"', 'svar: "jo"', 1))

    result = cli("valider")

    assert result.exit_code == 1
    lines = result.output.splitlines()
    of_flooded = [line for line in lines if line.startswith(f"{FOLDER}/{flooded.name}:")]
    assert len(of_flooded) == SHOWN_PER_FILE + 1, len(of_flooded)
    assert of_flooded[-1] == (
        f"{FOLDER}/{flooded.name}: 275 fejl mere i filen er ikke vist; de første 25 står"
        " ovenfor. Tip: ret dem, og kør igen."
    )
    assert any(line.startswith(f"{FOLDER}/{other.name}:") and "G016" in line for line in lines)
    assert re.search(r"^301 fejl", result.output, re.MULTILINE), result.output

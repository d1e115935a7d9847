"""Counts read as Danish: "1 advarsel", "1 sag", "1 ny gennemgangsfil", "2 ugyldige"."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import Cli

# A number followed by a plural word it cannot take: the bugs this file is about.
WRONG = re.compile(
    r"(?<![\d,.])1 (advarsler|sager|nye|gennemgangsfiler|tilsynsserier|skabeloner|filer|runder"
    r"|gennemgange|skemaer|begivenheder|dage)\b"
    r"|(?<![\d,.])([02-9]|\d\d+) (ugyldig|delvist udfyldt|færdig)\b(?!e)"
)


def test_one_case_one_new_file(cli: Cli, example_workspace: Path) -> None:
    args = ("udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-11")
    first = cli(*args, "--antal", "1").output.splitlines()[-1]
    assert first.startswith("Trak 1 sag (seed "), first
    assert first.endswith(": 1 ny gennemgangsfil og udtræk.yaml."), first
    more = cli(*args, "--antal", "3").output.splitlines()[-1]
    assert more.startswith(
        "Udvidede stikprøven i udtræk/2026-11-månedligt-overordnet til 3 sager (seed "
    ), more
    assert more.endswith(": 2 nye gennemgangsfiler og udtræk.yaml."), more
    assert not WRONG.search(first + more)


def test_the_wrong_pattern_catches_the_old_texts() -> None:
    assert WRONG.search("0 fejl, 1 advarsler.")
    assert WRONG.search("(3 ugyldig)")
    assert not WRONG.search("(1 ugyldig, 2 ugyldige, 1 sag, 2 sager)")

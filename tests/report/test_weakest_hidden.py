"""'Hvor er vi svagest' when the committee may see none of the low shares.

The committee's report hides shares on few cases. When every share under 100 % is hidden,
"Ingen af de viste spørgsmålsandele er under 100 %" read as "all is well" to a committee
member; the section must say that there are low shares it cannot show, and why.
"""

from __future__ import annotations

from pathlib import Path

HIDDEN = (
    "Nogle spørgsmål har en andel under 100 %, men ingen af dem kan vises her: de bygger på "
    "for få sager."
)


def weakest(cli, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = cli("rapport", "--dato", "2026-11-25", "-o", "-", "--format", "md", *args)
    assert result.exit_code == 0, result.output + (result.stderr or "")
    return str(result.stdout).split("## Hvor er vi svagest")[1].split("\n## ")[0].strip()


def test_the_committee_is_told_that_low_shares_are_hidden(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    committee = weakest(cli, "--periode", "2026-11", "--modtager", "udvalg")
    assert committee.startswith(HIDDEN), committee
    assert "Ingen af de viste spørgsmålsandele er under 100 %" not in committee
    leader = weakest(cli, "--periode", "2026-11")  # the leader sees them all
    assert HIDDEN not in leader and "| spørgsmål |" in leader

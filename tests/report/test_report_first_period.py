"""The first report's header: what it is compared with, when there is nothing before it.

"sammenlignet med 2026-08 og baseline –" read as if August had been reviewed, and a
leader could not tell what "baseline –" meant. The header says both plainly.
"""

from __future__ import annotations

from pathlib import Path


def header(cli, period: str) -> str:  # type: ignore[no-untyped-def]
    args = ("--dato", "2026-11-25", "-o", "-", "--format", "md", "--periode", period)
    result = cli("rapport", *args)
    assert result.exit_code == 0, result.output + (result.stderr or "")
    return next(x for x in str(result.stdout).splitlines() if x.startswith("Periode:"))


def test_the_first_period_says_there_is_nothing_to_compare_with(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    first = header(cli, "2026-09")
    assert "sammenlignet med 2026-08 (ingen gennemgange) og baseline – (det er denne periode)" in (
        first
    )
    later = header(cli, "2026-11")
    assert "sammenlignet med 2026-10 og baseline 2026-09 ·" in later

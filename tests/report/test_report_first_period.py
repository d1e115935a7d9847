"""The first report's header: what it is compared with, when there is nothing before it.

"sammenlignet med 2026-08 og baseline –" read as if August had been reviewed, and a
leader could not tell what "baseline –" meant; "baseline – (det er denne periode)" was still
unclear to a committee member. The header says both plainly.
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
    assert (
        "intet at sammenligne med (2026-08 har ingen gennemgange); denne periode er baseline: "
        "det udgangspunkt, de næste perioder sammenlignes med ·"
    ) in first
    assert "–" not in first.split("·")[1], first  # 'baseline –' read as a dash to nobody
    later = header(cli, "2026-11")
    assert "sammenlignet med 2026-10 og baseline 2026-09 ·" in later


def test_a_period_that_is_its_own_baseline_after_reviewed_ones_says_so(  # type: ignore[no-untyped-def]
    cli, rapport_ws: Path
) -> None:
    concept = rapport_ws / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    concept.write_text(text.replace("rapport:\n", 'rapport:\n  baseline: "2026-11"\n', 1), "utf-8")
    line = header(cli, "2026-11")
    assert (
        "sammenlignet med 2026-10; denne periode er baseline: det udgangspunkt, de næste "
        "perioder sammenlignes med ·"
    ) in line, line

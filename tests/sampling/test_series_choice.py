"""`udtræk` without `--tilsyn` (or with a name that is not a series) in a concept with
several series: the tip names the round that is running and what was meant."""

from __future__ import annotations

from pathlib import Path

from conftest import Cli


def test_without_a_series_the_running_round_is_suggested(cli: Cli, example_workspace: Path) -> None:
    """Only 'vælg en af: månedligt-overordnet, tematiseret' was said, so a new user had to
    work out from koncept.yaml which series had a round now."""
    result = cli("udtræk", "eksport.csv", "--dato", "2026-12-03")
    assert result.exit_code == 2
    assert (
        "fejl U001: vælg en tilsynsserie. Tip: runder i dag (2026-12-03): "
        "'månedligt-overordnet' 2026-12 (ikke trukket endnu). Vælg en af: "
        "månedligt-overordnet, tematiseret. Skriv serien efter --tilsyn."
    ) in " ".join(result.stderr.split())
    drawn = cli("udtræk", "eksport.csv", "--tilsyn", "tematiseret", "--periode", "2026-11")
    assert drawn.exit_code == 0, drawn.output
    result = cli("udtræk", "eksport.csv", "--periode", "2026-11")
    said = " ".join(result.stderr.split())
    assert (
        "runder i 2026-11: 'månedligt-overordnet' 2026-11 (ikke trukket endnu) og "
        "'tematiseret' 2026-11 (trukket)."
    ) in said


def test_a_prefix_or_other_capitals_is_taken_for_the_series_it_begins(
    cli: Cli, example_workspace: Path
) -> None:
    """'--tilsyn tema' gave no 'mente du' (too far from 'tematiseret' by spelling)."""
    for given, meant in (("tema", "tematiseret"), ("Månedligt", "månedligt-overordnet")):
        result = cli("udtræk", "eksport.csv", "--tilsyn", given, "--periode", "2026-11")
        assert result.exit_code == 2
        assert f"findes ikke. Tip: mente du '{meant}'?" in " ".join(result.stderr.split())
    assert not Path("udtræk", "2026-11-tematiseret").exists()

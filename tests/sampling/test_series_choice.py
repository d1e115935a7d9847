"""`udtræk` without `--tilsyn` (or with a name that is not a series) in a concept with
several series: the tip names the round that is running and what was meant."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    # a name typed where a series belongs, like nothing the concept has: only its length
    result = cli("udtræk", "eksport.csv", "--tilsyn", "Emil_Barnesen", "--periode", "2026-11")
    assert "tilsynsserien (en tekst på 13 tegn) findes ikke." in result.stderr, result.stderr


def test_a_level_without_a_period_draws_the_round_that_is_due(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In January 2027 påmind says niveau 2 for 2026-K4 is to be drawn, but 'udtræk --tilsyn
    niveau-2' without --periode took 2027-K1 (the quarter just begun, nothing finished), and
    U001's tip in December named niveau 2's 2026-K4 as running. Now a level's round is the
    one whose work is under way, as påmind plans it."""
    assert cli("init", "kk", "--forlæg", "kk").exit_code == 0
    monkeypatch.chdir(tmp_path / "kk")
    january = cli("udtræk", "--tilsyn", "niveau-2", "--dato", "2027-01-10", "--tør")
    said = " ".join(january.stderr.split())
    assert "ingen sager kan trækkes til 'niveau-2' i 2026-K4" in said, said
    february = cli("udtræk", "--tilsyn", "niveau-2", "--dato", "2027-02-10")
    said = " ".join(february.stderr.split())
    assert february.exit_code == 2
    assert "fejl U002: niveauet trækker ingen runde 2027-02-10" in said, said
    assert "seriens seneste runde er 2026-K4 og den næste 2027-K1." in said, said
    december = " ".join(cli("udtræk", "--dato", "2026-12-03").stderr.split())
    assert "'niveau-1' 2026-12 (ikke trukket endnu)" in december, december
    assert "'niveau-2'" not in december.split("Vælg en af")[0], december

"""A review outside any sample has no manifest to check its header against: its `team` and
`rådgiver` are free text, typed by hand, and may hold a child's name. They never become a
team in the department's or the committee's report, or a caseworker with a letter (its file
name would carry the name); such a review counts under an unknown team."""

from __future__ import annotations

import re
from pathlib import Path

from test_committee_disclosure import DAY, SERIES, fill_all

from conftest import Cli

CHILD = "Emil Sørensen"


def _loose_reviews(cli: Cli, root: Path) -> None:
    """Six complete reviews copied out of the drawn sample into a folder with no manifest,
    with a child's name as team and as caseworker."""
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-11")
    assert result.exit_code == 0, result.output
    drawn = sorted((root / "udtræk" / f"2026-11-{SERIES}").glob("S-*.yaml"))
    loose = root / "udtræk" / "løse"
    loose.mkdir()
    for i, path in enumerate(drawn[:6]):
        fill_all(path, "ja")
        text = path.read_text(encoding="utf-8")
        text = re.sub(r'^  team: ".*"$', f'  team: "{CHILD}"', text, count=1, flags=re.M)
        text = re.sub(r'^  rådgiver: ".*"$', f'  rådgiver: "{CHILD}"', text, count=1, flags=re.M)
        text = re.sub(r'^  id: ".*"$', f'  id: "L-{i}"', text, count=1, flags=re.M)
        (loose / f"L-{i}.yaml").write_text(text, encoding="utf-8")


def test_a_typed_team_or_caseworker_reaches_no_report_or_letter(
    cli: Cli, example_workspace: Path
) -> None:
    _loose_reviews(cli, example_workspace)
    for who in ("udvalg", "afdeling"):  # the leader sees each review as it is written
        for fmt in ("md", "html"):
            result = cli(
                "rapport", "--dato", DAY, "-o", "-", "--modtager", who, "--format", fmt
            )  # fmt: skip
            assert result.exit_code == 0, result.output
            assert CHILD not in result.stdout, (who, fmt)
    result = cli("tilbagemelding", "--periode", "2026-11", "--dato", DAY)
    assert result.exit_code == 0, result.output
    letters = [p.name for p in (example_workspace / "tilbagemeldinger").rglob("*")]
    assert letters and not any("Emil" in name for name in letters), letters

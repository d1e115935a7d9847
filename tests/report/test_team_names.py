"""A team called after a person ("Bo Linds team", "Team Bo") shows the committee and the
department no name: the export's team names pass the same scrubber as the case examples."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from test_committee_disclosure import DAY, SERIES, fill_all, reviews_by_team

from conftest import EKSEMPLER, Cli
from ledelsestilsyn.report.anonymous import neutral_teams


def caseworker_of(path: Path) -> str:
    found = re.search(r'^  rådgiver: "(.+)"$', path.read_text(encoding="utf-8"), re.M)
    assert found
    return found.group(1)


@pytest.fixture
def named_teams(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli) -> dict[str, str]:
    """The example's 30 drawn cases, 20 reviewed; Team Vest renamed after one of its
    caseworkers in full, Team Nord and Team Syd after a first name each (both then read
    `Team [navn]`). Returns the new team names by the names they hide."""
    for name in ("koncept.yaml", "eksport.csv"):
        shutil.copy(EKSEMPLER / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    args = ("--tilsyn", SERIES, "--periode", "2026-11", "--antal", "30", "--seed", "9")
    assert cli("udtræk", "eksport.csv", *args).exit_code == 0
    folder = tmp_path / "udtræk" / f"2026-11-{SERIES}"
    teams = reviews_by_team(folder)
    for paths in teams.values():
        for i, path in enumerate(paths[:5]):
            fill_all(path, "ja" if i % 2 else "nej")
    vest = caseworker_of(teams["Team Vest"][0])
    nord = caseworker_of(teams["Team Nord"][0]).split()[0]
    syd = caseworker_of(teams["Team Syd"][0]).split()[0]
    renamed = {"Team Vest": f"{vest}s team", "Team Nord": f"Team {nord}", "Team Syd": f"Team {syd}"}
    for path in folder.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        for old, new in renamed.items():
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    return {vest: renamed["Team Vest"], nord: renamed["Team Nord"], syd: renamed["Team Syd"]}


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_team_named_after_a_person_shows_no_name(
    cli: Cli, named_teams: dict[str, str], audience: str, fmt: str
) -> None:
    args = ("--periode", "2026-11", "--dato", DAY, "--format", fmt, "-o", "-")
    leader = cli("rapport", *args)
    assert all(team in leader.stdout for team in named_teams.values())  # the leader's own
    result = cli("rapport", *args, "--modtager", audience)
    assert result.exit_code == 0, result.output
    for name in named_teams:
        for part in name.split():
            assert not re.search(rf"(?<!\w){re.escape(part)}(?!\w)", result.stdout), part
    text = result.stdout
    assert "Team Unge" in text and "[navn]s team" in text
    assert "Team [navn] (1)" in text and "Team [navn] (2)" in text  # two teams, two rows


def test_two_teams_that_would_read_the_same_are_numbered() -> None:
    def scrub(text: str) -> str:
        return text.replace("Bo", "[navn]").replace("Eva", "[navn]")

    teams = ["Team Eva", "Team Bo", "Team Nord", "Team [navn]"]
    assert neutral_teams(teams, scrub) == {
        "Team Bo": "Team [navn] (1)",
        "Team Eva": "Team [navn] (2)",
    }

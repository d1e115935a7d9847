"""One name, two teams: maybe two caseworkers of one name in one letter.

The export knows a caseworker only by name. Two colleagues called Anna Holm in two teams got
one letter with both people's cases, findings and the leaders' comments, without a word, and
`--mail` sent it to one of them (found by an independent test of the letters). A caseworker
who moved team has cases of two teams too, so the letter is still written, with O033; it is
not mailed: a person decides.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conftest import TESTS, Cli

sys.path.insert(0, str(TESTS / "report"))
from report_data import build_workspace

from ledelsestilsyn.followup.letter_mail import addresses_for
from ledelsestilsyn.followup.letters import Letter

NOV = Path("udtræk") / "2026-11-månedligt-overordnet"
ARGS = ("tilbagemelding", "--periode", "2026-11", "--dato", "2026-11-25")


@pytest.fixture
def ws(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Bo Lind's cases given to an Anna Holm of Bo's team, as the export would name her."""
    build_workspace(workspace)
    monkeypatch.chdir(workspace)
    folder = workspace / NOV
    for path in folder.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(rådgiver: \"?)Bo Lind", r"\1Anna Holm", text), "utf-8")
    return workspace


def test_a_letter_with_cases_of_two_teams_is_written_with_a_warning(cli: Cli, ws: Path) -> None:
    result = cli(*ARGS)
    said = " ".join(str(result.stderr).split())
    assert result.exit_code == 0, said
    assert "advarsel O033: brevet til Anna Holm har sager fra 2 teams" in said
    assert "er det to rådgivere med samme navn, står begge personers sager i ét brev" in said
    assert "har rådgiveren skiftet team, er brevet rigtigt" in said
    assert said.count("O033") == 1


def test_such_a_letter_is_not_mailed() -> None:
    two = Letter("Anna Holm", "–", "2026-11", "", "K", "", [], [], [], teams=["Nord", "Syd"])
    one = Letter("Bo Lind", "Nord", "2026-11", "", "K", "", [], [], [], teams=["Nord"])
    known = {"Anna Holm": "anna@kommune.example", "Bo Lind": "bo@kommune.example"}
    found, said = addresses_for([two, one], known, "koncept.yaml")
    assert [(letter.caseworker, address) for letter, address in found] == [
        ("Bo Lind", "bo@kommune.example")
    ]
    [warning] = said
    assert warning.code == "O033" and "brevet er skrevet, men ikke sendt" in warning.message

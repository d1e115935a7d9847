"""The committee's headline figures (a step's share) are the last thing secondary suppression
gives up: with 35 reviewed cases and a few nej and ikke relevant on each question, the
committee saw no share at all before ('–' on every step), because hiding a share was ranked
cheaper than hiding one more count. Nothing hidden may be found from what is shown."""

from __future__ import annotations

import os
from pathlib import Path

from backcalc import read_report
from report_data import underretning_round

from conftest import Cli


def _answer(case: int, question: int) -> tuple[str, str]:
    """About 1 in 8 nej and 1 in 8 ikke relevant, spread differently over each question."""
    value = (case * 5 + question * 3) % 16
    if value in (3, 11):
        return "nej", "Mangler."
    if value in (7, 15):
        return "ikke relevant", ""
    return "ja", ""


def _ends(row: str) -> tuple[float, float]:
    low, high = row.split("|")[3].strip().rstrip(" %").split("–")
    return float(low.replace(",", ".")), float(high.replace(",", "."))


def test_a_quarter_of_35_cases_shows_the_committee_its_step_share(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    assert cli("init", str(folder), "--forlæg", "sbst").exit_code == 0
    underretning_round(folder, "2026-11", 35, _answer)
    os.chdir(folder)
    args = ("rapport", "--periode", "2026-11", "--format", "md", "-o", "-")
    committee = cli(*args, "--modtager", "udvalg")
    leader = cli(*args)
    assert committee.exit_code == 0 == leader.exit_code, committee.output
    text = str(committee.stdout)
    row = next(x for x in text.splitlines() if x.startswith("| Underretning |"))
    shown = next(x for x in str(leader.stdout).splitlines() if x.startswith("| Underretning |"))
    assert row.split("|")[2] == shown.split("|")[2], (row, shown)
    # the committee's interval is on the 35 cases (probe BF), never narrower than the leader's
    (low, high), (leader_low, leader_high) = _ends(row), _ends(shown)
    assert low <= leader_low and high >= leader_high and (low, high) == (70.6, 93.7), row
    assert not read_report(text, "md").revealed()

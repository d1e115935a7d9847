"""Probe BF F1: the committee knows how many cases a round draws (the concept's `antal`), so
an `x` over the drawn cases hid nothing, and with it a small count could be worked out: 6
drawn, all 6 reviewed and counted, a question's `x` ja and `< 5` nej can only be 5 and 1.
Now the ledger counts the drawn cases as known, and a step's question rows that would still
give a small count away are left out."""

from __future__ import annotations

import os
from pathlib import Path

from backcalc import read_report
from report_data import TEAMS, write_round

from conftest import Cli
from ledelsestilsyn.templates.catalog import Catalog


def test_six_drawn_and_one_nej_gives_the_committee_no_small_count(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    assert cli("init", str(folder), "--forlæg", "sbst").exit_code == 0
    write_round(
        folder,
        Catalog.load(folder),
        series="månedligt-overordnet",
        ref="overordnet@2024.1",
        period="2026-11",
        focus=["underretning"],
        cases=6,
        answer=lambda case, q: ("nej", "Mangler.") if case == 0 and q == 3 else ("ja", ""),
        day="2026-11-20",
        teams=TEAMS[:1],
        unstarted=0,  # all 6 drawn are reviewed
    )
    os.chdir(folder)
    args = ("rapport", "--periode", "2026-11", "--modtager", "udvalg", "-o", "-")
    for fmt in ("md", "csv"):
        result = cli(*args, "--format", fmt)
        assert result.exit_code == 0, result.output
        text = str(result.stdout)
        rows = [r for r in text.splitlines() if "underretning-4" in r]
        assert not any("< 5" in r for r in rows), rows  # the one nej, 6 - 5, is in no row
    md = str(cli(*args, "--format", "md").stdout)
    assert not read_report(md, "md").revealed()

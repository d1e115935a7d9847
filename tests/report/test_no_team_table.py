"""`Intet team har 5 eller flere sager med denne skabelon` is a published fact: under the
overview's team table it bounds each team's cases with the template, and the one
suppression decision takes it into account (`Ledger.bound`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from backcalc import read_csv, read_report, read_xlsx
from report_data import overordnet_answer, tematiseret_answer, write_round
from test_committee_disclosure import committee

from conftest import Cli
from ledelsestilsyn.templates.catalog import Catalog


@pytest.fixture
def two_templates(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """overordnet: 8 cases, 4 for Team Nord and 4 for Team Syd; tematiseret: one more case
    for Team Nord. The overview shows Nord (5) and Syd (`< 5`); overordnet has no team table,
    for no team has 5 cases with it: 4 + 4 = 8 then gives Syd away as 4."""
    catalog = Catalog.load(workspace)
    common = {"period": "2026-11", "focus": ["underretning"], "day": "2026-11-20"}
    write_round(
        workspace,
        catalog,
        series="månedligt-overordnet",
        ref="overordnet@2024.1",
        cases=8,
        answer=overordnet_answer(0),
        teams=["Team Nord"] * 4 + ["Team Syd"] * 4 + ["Team Nord"],
        **common,
    )
    write_round(
        workspace,
        catalog,
        series="tematiseret",
        ref="tematiseret@2025.1",
        cases=1,
        answer=tematiseret_answer(0),
        teams=["Team Nord"],
        first=100,
        **common,
    )
    monkeypatch.chdir(workspace)
    return workspace


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
def test_no_team_table_for_a_template_gives_no_team_away(
    cli: Cli, two_templates: Path, audience: str
) -> None:
    texts = committee(cli, "--periode", "2026-11", "--modtager", audience)
    assert "Intet team har 5 eller flere sager med denne skabelon" in texts["md"]
    assert "| Team Syd | < 5 |" in texts["md"]
    for fmt in ("md", "html"):
        system = read_report(texts[fmt], fmt)
        read_csv(system, texts["csv"])
        read_xlsx(system, Path(texts["xlsx"]))
        assert system.revealed() == {}, fmt

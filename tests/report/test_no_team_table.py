"""`Intet team har 5 eller flere sager med denne skabelon` is a published fact: under the
overview's team table it bounds each team's cases with the template, and the one
suppression decision takes it into account (`Ledger.bound`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from backcalc import read_csv, read_report, read_xlsx
from report_data import overordnet_answer, tematiseret_answer, write_round
from test_committee_disclosure import committee
from test_random_across_reports import together

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


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
def test_the_months_without_a_team_table_do_not_pin_a_team_in_the_quarter(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch, audience: str
) -> None:
    """Found by a probe: October (Nord 4, Syd 1) and November (Nord 4, Syd 3) each said
    "intet team har 5 eller flere gennemgåede sager", and the quarter showed Nord `x`, Syd
    `< 5` and 12 in all. Nord is at most 4 + 4 = 8 and at least 12 − 4 = 8, so Syd was 4:
    the months' sentence bounded nothing in the quarter's decision. Now a month without a
    team table says only that the teams are left out, as a report does whose team numbers
    would give a hidden count away."""
    catalog = Catalog.load(workspace)
    for period, nord, syd in (("2026-10", 4, 1), ("2026-11", 4, 3)):
        write_round(
            workspace,
            catalog,
            series="månedligt-overordnet",
            ref="overordnet@2025.1",
            period=period,
            focus=["underretning"],
            cases=nord + syd,
            answer=overordnet_answer(0),
            day=f"{period}-20",
            teams=["Team Nord"] * nord + ["Team Syd"] * syd,
            first=100 * int(period[-2:]),
        )
    monkeypatch.chdir(workspace)
    systems = {}
    for period in ("2026-10", "2026-11", "2026-K4"):
        result = cli(
            "rapport", "--dato", "2026-12-31", "-o", "-", "--format", "md",
            "--modtager", audience, "--periode", period,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        systems[period] = read_report(str(result.stdout), "md")
    assert systems["2026-10"].teams_under is None  # the months say the teams are left out
    revealed = together(systems, (("2026-K4", ("2026-10", "2026-11")),)).revealed()
    assert revealed == {}, revealed

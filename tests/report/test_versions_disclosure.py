"""A series over two versions of its template: the committee's and the department's reports
for the month (with the table of questions across versions) and for the quarter (with the
older version's section left out for its few cases) give no hidden number away."""

from __future__ import annotations

from pathlib import Path

import pytest
from backcalc import read_csv, read_report, read_xlsx
from report_data import overordnet_answer, write_round
from test_committee_disclosure import committee

from conftest import Cli
from ledelsestilsyn.templates.catalog import Catalog


@pytest.fixture
def two_versions(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """October: 4 cases on overordnet@2024.1; November: 7 on overordnet@2025.1."""
    catalog = Catalog.load(workspace)
    for period, ref, cases in (
        ("2026-10", "overordnet@2024.1", 4),
        ("2026-11", "overordnet@2025.1", 7),
    ):
        write_round(
            workspace,
            catalog,
            series="månedligt-overordnet",
            ref=ref,
            period=period,
            focus=["underretning", "screening"],
            cases=cases,
            answer=overordnet_answer(1),
            day=f"{period}-20",
        )
    monkeypatch.chdir(workspace)
    return workspace


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
@pytest.mark.parametrize("period", ["2026-11", "2026-K4"])
def test_two_versions_of_a_template_reveal_nothing(
    cli: Cli, two_versions: Path, audience: str, period: str
) -> None:
    texts = committee(cli, "--periode", period, "--modtager", audience)
    if period == "2026-11":
        assert "### Udvikling pr. spørgsmål på tværs af versioner" in texts["md"]
    else:  # the older version's 4 cases: no section; the newer's 7 are November's, which
        # November's own report shows (`overlap`), so the quarter shows them too
        assert "(overordnet@2024.1)" not in texts["md"] and "\n7 sager." in texts["md"]
    for fmt in ("md", "html"):
        system = read_report(texts[fmt], fmt)
        read_csv(system, texts["csv"])
        read_xlsx(system, Path(texts["xlsx"]))
        assert system.revealed() == {}, fmt

"""A committee or department report of one series, or of some files (`report.call`, L017).

Such a report was decided with other such reports, not with the full ones the audience
gets: beside the full November report, November's drawn cases of one series gave the other
series' hidden count by subtraction (23 drawn in all, 19 of månedligt-overordnet: tematiseret
had 4, shown as `< 5`). The full report has a row per series, so nothing is lost.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_ranges_and_baseline_disclosure import _months

from conftest import Cli

DAY = "2026-12-05"
SERIES = "månedligt-overordnet"


def _said(cli: Cli, *args: str) -> tuple[int, str]:
    result = cli("rapport", "--dato", DAY, "--periode", "2026-11", "-o", "-", *args)
    return result.exit_code, " ".join(str(result.stderr).split())


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
def test_a_report_of_one_series_is_only_for_the_leader(
    cli: Cli, workspace: Path, audience: str
) -> None:
    _months(workspace, {"2026-11": 6})
    os.chdir(workspace)
    code, said = _said(cli, "--modtager", audience, "--tilsyn", SERIES)
    assert code == 2, said
    reader = "udvalgets" if audience == "udvalg" else "afdelingens"
    assert (
        f"--tilsyn: fejl L017: {reader} rapport omfatter alle tilsyn og alle gennemgange; en "
        "rapport for ét tilsyn kunne sammen med den fulde afsløre et skjult tal" in said
    )
    assert "Tip: lav rapporten for alle tilsyn og alle gennemgange (den fulde rapport" in said
    assert not (workspace / "rapporter" / ".udgivet").exists()


def test_a_report_of_some_files_is_only_for_the_leader(cli: Cli, workspace: Path) -> None:
    _months(workspace, {"2026-11": 6})
    os.chdir(workspace)
    folder = next((workspace / "udtræk").iterdir())
    code, said = _said(cli, str(folder), "--modtager", "afdeling")
    assert code == 2, said
    assert "--modtager: fejl L017: afdelingens rapport" in said
    assert "en rapport for nogle af gennemgangsfilerne kunne" in said


def test_the_leader_may_narrow_and_the_full_report_is_made(cli: Cli, workspace: Path) -> None:
    _months(workspace, {"2026-11": 6})
    os.chdir(workspace)
    folder = next((workspace / "udtræk").iterdir())
    assert _said(cli, "--tilsyn", SERIES, "--format", "md")[0] == 0
    assert _said(cli, str(folder), "--format", "md")[0] == 0
    assert _said(cli, "--modtager", "udvalg", "--format", "md")[0] == 0

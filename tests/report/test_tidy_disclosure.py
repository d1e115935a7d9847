"""The committee's long table (CSV, Excel) next to the report: one round at a time.

The table has a row per period × series × question × answer. A round's reviews answer
every question of its focus, so the rows of one question add up to the round's reviews,
the same for every question; with one question fully shown (6 ja, 0 nej, 0 ikke relevant)
the reader knows the round had 6 reviews, and '5 … x, < 5, 0' on the next question is
5 and 1. With levels (kk), a case counts once in the report, with niveau 1's review, so
the report's counts are niveau 1's rows when every case was reviewed there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from backcalc import read_csv, read_report, read_xlsx
from report_data import kk_round, underretning_round
from test_committee_disclosure import committee

from conftest import Cli


def _october(case: int, question: int) -> tuple[str, str]:
    return ("nej", "Mangler.") if question > 0 and case == 0 else ("ja", "")


def _november(case: int, question: int) -> tuple[str, str]:
    return ("nej", "Mangler.") if (case + question) % 3 == 0 else ("ja", "")


def _revealed(texts: dict[str, str]) -> dict[str, float]:
    found: dict[str, float] = {}
    for fmt in ("md", "html"):
        system = read_report(texts[fmt], fmt)
        read_csv(system, texts["csv"])
        read_xlsx(system, Path(texts["xlsx"]))
        found |= system.revealed()
    return found


def test_a_round_in_the_table_adds_up_to_its_reviews(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    underretning_round(workspace, "2026-10", 6, _october)
    underretning_round(workspace, "2026-11", 7, _november)
    assert _revealed(committee(cli, "--periode", "2026-K4")) == {}


def test_a_level_above_counts_its_cases_once_in_the_table_too(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "kk"
    assert cli("init", str(root), "--forlæg", "kk").exit_code == 0
    monkeypatch.chdir(root)
    for series, period, cases, answer in (
        ("niveau-1", "2026-11", 9, lambda c, q: ("nej", "x") if (c + q) % 4 == 0 else ("ja", "")),
        ("niveau-2", "2026-K4", 3, lambda c, q: ("nej", "x") if c * q % 3 == 1 else ("ja", "")),
    ):
        folder = kk_round(root, series, period, cases, answer, "2026-11-25")
        for path in folder.iterdir():  # niveau 2 drew niveau 1's November cases
            path.write_text(path.read_text("utf-8").replace("S-2026-K4-", "S-2026-11-"), "utf-8")
            path.rename(path.with_name(path.name.replace("S-2026-K4-", "S-2026-11-")))
    assert _revealed(committee(cli, "--periode", "2026-K4")) == {}

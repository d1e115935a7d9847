"""A report's trend ends with the report's own period (a probe).

The second quarter's report, made in December, showed the fourth quarter's share in its
trend: the report of a closed period changed as later reviews came in, and for the committee
it decided every later period first (335 of 385 s in the probe's workspace).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from report_data import write_round

from conftest import Cli
from ledelsestilsyn.templates.catalog import Catalog


def _answer(case: int, question: int) -> tuple[str, str]:
    value = "nej" if (case + question) % 4 == 0 else "ja"
    return value, "Mangler." if value == "nej" else ""


def _rounds(root: Path) -> None:
    catalog = Catalog.load(root)
    for n, month in enumerate(("2026-09", "2026-10", "2026-11")):
        write_round(
            root, catalog, series="månedligt-overordnet", ref="overordnet@2024.1",
            period=month, focus=["underretning"], cases=6, first=10 * n,
            answer=_answer,
            day=f"{month}-20",
        )  # fmt: skip


@pytest.mark.parametrize("audience", ["leder", "udvalg"])
def test_the_trend_of_an_earlier_month_shows_no_later_month(
    cli: Cli, workspace: Path, audience: str
) -> None:
    _rounds(workspace)
    os.chdir(workspace)
    result = cli(
        "rapport", "--dato", "2026-12-05", "--periode", "2026-10", "--format", "md", "-o", "-",
        "--modtager", audience,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    row = next(x for x in result.stdout.splitlines() if x.startswith("| Underretning |"))
    assert "2026-09: " in row and "2026-10: " in row, row
    assert "2026-11" not in row, row

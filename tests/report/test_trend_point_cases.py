"""A month inside a longer committee report is shown only on enough cases, as other periods.

A report over a date range shows a point per month. A step pools many answers per case:
one December case with 8 answers on underretning, all ja, passes a rule on answers alone,
and its "100,0 %" would then be one case's result (every answer is ja here, so no count
is small and nothing else hides it).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from report_data import underretning_round


def _trend(cli, audience: str) -> str:  # type: ignore[no-untyped-def]
    span = "2026-10-01..2026-12-31"
    args = ("--dato", "2027-01-20", "-o", "-", "--periode", span, "--format", "md")
    result = cli("rapport", *args, "--modtager", audience)
    assert result.exit_code == 0, result.output + (result.stderr or "")
    row = next(x for x in str(result.stdout).splitlines() if x.startswith("| Underretning |"))
    return row.split("|")[-2].strip()


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
def test_a_month_of_one_case_shows_no_share_in_the_quarter(  # type: ignore[no-untyped-def]
    cli, workspace: Path, monkeypatch: pytest.MonkeyPatch, audience: str
) -> None:
    monkeypatch.chdir(workspace)
    for period, cases in (("2026-10", 8), ("2026-11", 8), ("2026-12", 1)):
        underretning_round(workspace, period, cases, lambda case, question: ("ja", ""))
    trend = _trend(cli, audience)
    assert "2026-10: 100,0 %" in trend  # 8 cases: shown
    assert "2026-12: –" in trend, trend  # one case: hidden

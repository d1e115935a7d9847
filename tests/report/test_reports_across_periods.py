"""A committee that gets both the monthly reports and the quarter's: a count hidden in one
month's report must not be the quarter's count minus the other months' (differencing).

Within one report this is guarded (the quarter's trend hides a month that could be worked
out from the others: test_baseline_inside_period); across the reports a committee
actually receives (`--periode 2026-10`, `2026-11`, `2026-12`, `2026-K4`, as README's
examples run them) the quarter's decision takes in the months' reports as each was
decided (`report/overlap`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_tiltag_disclosure import DAY, overordnet

from conftest import Cli, edit_concept

MONTHS = ("2026-10", "2026-11", "2026-12")
REPORT = ("rapport", "--dato", DAY, "-o", "-", "--format", "md")


def question_row(cli: Cli, period: str, audience: str = "udvalg") -> list[str]:
    """underretning-1's counts (ja, nej, ikke relevant, i alt) in the committee's report;
    `–` each where the report leaves the question's row out."""
    result = cli(*REPORT, "--modtager", audience, "--periode", period)
    assert result.exit_code == 0, result.output
    lines = [x for x in str(result.stdout).splitlines() if x.startswith("| **underretning-1")]
    if not lines:
        return ["–"] * 4
    line = lines[0]
    return [c.strip() for c in line.split("|")[2:6]]


def test_a_month_hidden_in_its_report_is_not_the_quarter_minus_the_others(
    cli: Cli, workspace: Path
) -> None:
    """October 6 nej of 12, November none of 12, December 1 of 6: December's report hides its
    nej (`< 5`) and its ja (`x`), but the quarter shows 7 nej and 23 ja, October 6 and 6,
    November 0 and 12: December is 7 − 6 − 0 = 1 nej and 23 − 6 − 12 = 5 ja."""
    overordnet(workspace, "2026-10", 12, 6)
    overordnet(workspace, "2026-11", 12, 0)
    overordnet(workspace, "2026-12", 6, 1)
    os.chdir(workspace)
    rows = {p: question_row(cli, p) for p in (*MONTHS, "2026-K4")}
    assert rows["2026-12"][1] == "< 5"
    for col in range(4):
        cells = [rows[p][col] for p in ("2026-K4", "2026-10", "2026-11")]
        if rows["2026-12"][col].isdigit():
            continue
        worked_out = all(c.isdigit() for c in cells)
        assert not worked_out, (col, rows)


def _three_months(workspace: Path) -> None:
    overordnet(workspace, "2026-10", 12, 6)
    overordnet(workspace, "2026-11", 12, 0)
    overordnet(workspace, "2026-12", 6, 1)


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
def test_the_months_reports_hide_what_the_quarter_would_give_away(
    cli: Cli, workspace: Path, audience: str
) -> None:
    """The quarter's nej is October's 6, November's 0 and December's hidden 1: with the months'
    reports, the quarter cannot show it, nor the total that December's hidden 5 ja would
    follow from. What the months' reports show, the quarter's can show as well (the cases
    drawn: 13 + 13 + 7)."""
    _three_months(workspace)
    os.chdir(workspace)
    row = question_row(cli, "2026-K4", audience)
    assert "7" not in row and "23" not in row and "30" not in row, row
    result = cli(*REPORT, "--periode", "2026-K4", "--modtager", audience)
    overview = next(x for x in str(result.stdout).splitlines() if x.startswith("| **i alt**"))
    assert overview.split("|")[2].strip() in ("33", "x"), overview  # drawn: the concept tells
    note = "andelene kunne sammen med rapporterne for perioderne inden i 2026-K4"
    assert note in result.stdout and "under rapport.udvalgets" in result.stdout


def test_a_committee_that_gets_only_quarters_sees_the_quarter_whole(
    cli: Cli, workspace: Path
) -> None:
    """`udvalgets_perioder: [kvartal]`: the committee gets no month's report, so the quarter
    shows its counts, and a month's report for the committee is a wrong call (L014)."""
    _three_months(workspace)
    edit_concept(
        workspace, "  mindste_antal: 5", "  mindste_antal: 5\n  udvalgets_perioder: [kvartal]"
    )
    os.chdir(workspace)
    assert question_row(cli, "2026-K4") == ["23", "7", "0", "30"]
    refused = cli(*REPORT, "--periode", "2026-12", "--modtager", "udvalg")
    assert refused.exit_code == 2, refused.output
    assert "L014" in refused.output and "kvartaler" in refused.output, refused.output
    assert "--periode: fejl L014" in refused.output, refused.output
    assert "vælg fx perioden 2026-K4" in refused.output, refused.output
    assert "Traceback" not in refused.output
    leader = cli(*REPORT, "--periode", "2026-12")  # the leader's report is not the committee's
    assert leader.exit_code == 0, leader.output


def test_a_year_is_checked_against_its_quarters_and_months(cli: Cli, workspace: Path) -> None:
    """The year's nej less the other quarters' is the fourth quarter's, which itself hides
    it: the year hides its nej too, with months and quarters both taken in."""
    overordnet(workspace, "2026-03", 12, 6)
    overordnet(workspace, "2026-06", 12, 0)
    overordnet(workspace, "2026-09", 12, 6)
    overordnet(workspace, "2026-12", 6, 1)
    os.chdir(workspace)
    assert question_row(cli, "2026-K4")[1] == "< 5"
    year = question_row(cli, "2026")
    assert year[1] != "13" and year[0] != "29", year

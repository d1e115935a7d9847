"""A share of another period (the trend's points, the change from the previous period) is
shown to the committee only where that period's own report shows it: November's share,
hidden in November's report to protect a small count, must not come back in December's
trend, where a reader of both would have it (random workspaces, `random_periods`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from random_periods import DAY, MONTHS, Workspace, describe, from_seed, workspaces
from test_random_periods import make

from conftest import Cli

PERIODS = (*MONTHS, "2026-K3", "2026-K4")


def step_rows(cli: Cli, period: str) -> dict[str, list[str]] | None:
    """Per step (template heading + step title), its row in the committee's md: share first,
    trend last; None when the period has no report."""
    result = cli(
        "rapport", "--dato", DAY, "-o", "-", "--modtager", "udvalg", "--format", "md",
        "--periode", period,
    )  # fmt: skip
    if result.exit_code == 1 and "L007" in result.output:
        return None
    assert result.exit_code == 0, result.output + (result.stderr or "")
    rows, template, table = {}, "", False
    for line in str(result.stdout).splitlines():
        if line.startswith("## "):
            template = line
        if line.startswith("| sagsskridt |"):
            table = True
            continue
        if table and line.startswith("|") and not line.startswith("|---"):
            cells = [c.strip() for c in line.split("|")[1:-1]]
            rows[f"{template} {cells[0]}"] = cells
        elif not line.startswith("|"):
            table = False
    return rows


def check(cli: Cli, tmp_path: Path, space: Workspace, seed: int | None) -> None:
    make(cli, tmp_path, space)
    reports = {p: rows for p in PERIODS if (rows := step_rows(cli, p)) is not None}
    for period, rows in reports.items():
        for step, cells in rows.items():
            for point in cells[-1].split("; "):
                label, _, value = point.partition(": ")
                own = reports.get(label, {}).get(step)
                if label == period or own is None or value in ("–", ""):
                    continue
                assert own[1] != "–", (
                    f"{period}'s trend shows {label}: {value} for {step}, which {label}'s own "
                    f"report hides\n{describe(space, period, seed)}"
                )


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(space=workspaces())
def test_a_share_hidden_in_its_own_report_is_hidden_in_the_others(
    cli: Cli, tmp_path: Path, space: Workspace
) -> None:
    note(describe(space, "2026-12"))
    check(cli, tmp_path, space, None)


SEEDS = (3, 7, 11, 22)


@pytest.mark.parametrize("seed", SEEDS, ids=[f"seed-{s}" for s in SEEDS])
def test_numbered_workspaces_agree_across_periods(cli: Cli, tmp_path: Path, seed: int) -> None:
    space, _ = from_seed(seed)
    check(cli, tmp_path, space, seed)

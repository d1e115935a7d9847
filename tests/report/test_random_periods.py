"""Random workspaces over several periods (`random_periods`): the committee's report of a
month, a quarter or a date range, in md, html, csv and xlsx, read by the attacker
(`backcalc`), gives no hidden number away."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from random_periods import DAY, MONTHS, PERIODS, Workspace, workspaces, write
from test_committee_disclosure import assert_nothing_revealed

from conftest import Cli
from ledelsestilsyn.core.periods import parse_period


def committee(cli: Cli, period: str, audience: str = "udvalg") -> dict[str, str]:
    """The report for `audience` as md, html and csv text, and the workbook's path."""
    texts = {}
    for fmt in ("md", "html", "csv", "xlsx"):
        target = f"udvalg-{uuid.uuid4().hex[:8]}.xlsx" if fmt == "xlsx" else "-"
        result = cli(
            "rapport", "--dato", DAY, "-o", target, "--modtager", audience,
            "--format", fmt, "--periode", period,
        )  # fmt: skip
        assert result.exit_code == 0, result.output + (result.stderr or "")
        texts[fmt] = str(Path(target).resolve()) if fmt == "xlsx" else result.stdout
    return texts


def make(cli: Cli, tmp_path: Path, space: Workspace) -> Path:
    folder = tmp_path / f"ws-{uuid.uuid4().hex[:8]}"
    assert cli("init", str(folder), "--forlæg", "sbst").exit_code == 0
    write(folder, space)
    os.chdir(folder)
    return folder


def reviewed_in(space: Workspace, period: str) -> bool:
    """Whether `period` has a complete review (else there is no report to read)."""
    span = parse_period(period)
    return any(
        patterns and parse_period(month).start in span
        for month, patterns in zip(MONTHS, space.rounds, strict=True)
    ) or (bool(space.themed) and parse_period("2026-11").start in span)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(space=workspaces(), period=st.sampled_from(PERIODS))
def test_random_periods_reveal_nothing(
    cli: Cli, tmp_path: Path, space: Workspace, period: str
) -> None:
    make(cli, tmp_path, space)
    if not reviewed_in(space, period):
        return
    assert_nothing_revealed(committee(cli, period))

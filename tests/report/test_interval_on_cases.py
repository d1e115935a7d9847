"""Probe BF F2: a pooled share's interval in a report that hides small counts.

Its interval was Wilson's on an effective size, which depends on how the `nej` answers
spread over the cases: five `nej` in one case and one in each of five cases gave the
committee 63,2–98,6 % and 81,9–96,4 % beside the same share, so the committee could tell
that one child's case held them all. Now the committee's and the department's intervals
are on the cases behind the share, and the ledger knows a shown share tells that number.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from backcalc import read_report
from report_data import underretning_round

from conftest import Cli

OUT = ("rapport", "--periode", "2026-11", "-o", "-")


def _workspace(cli: Cli, folder: Path, nej: dict[int, set[int]]) -> Path:
    """10 cases of underretning (8 questions), `nej` on the questions `nej[case]` holds."""
    assert cli("init", str(folder), "--forlæg", "sbst").exit_code == 0

    def answer(case: int, question: int) -> tuple[str, str]:
        return ("nej", "Mangler.") if question in nej.get(case, set()) else ("ja", "")

    underretning_round(folder, "2026-11", 10, answer)
    return folder


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
def test_how_the_nej_spread_over_the_cases_does_not_change_what_the_committee_sees(
    cli: Cli, tmp_path: Path, audience: str
) -> None:
    """The same counts per question, five `nej` in one case or one in each of five: the
    leader's intervals differ (the effective size), the committee's report is the same."""
    one = _workspace(cli, tmp_path / "one", {0: {1, 2, 3, 4, 5}})
    spread = _workspace(cli, tmp_path / "spread", {c: {c + 1} for c in range(5)})
    seen: dict[str, list[str]] = {}
    for folder in (one, spread):
        os.chdir(folder)
        for fmt in ("md", "csv", "html"):
            result = cli(*OUT, "--format", fmt, "--modtager", audience)
            assert result.exit_code == 0, result.output
            seen.setdefault(fmt, []).append(str(result.stdout))
        leader = cli(*OUT, "--format", "md")
        seen.setdefault("leder", []).append(str(leader.stdout))
    for fmt in ("md", "csv", "html"):
        first, second = seen[fmt]
        assert first == second, fmt
    assert seen["leder"][0] != seen["leder"][1]  # the leader sees the spread, as before
    assert not read_report(seen["md"][0], "md").revealed()

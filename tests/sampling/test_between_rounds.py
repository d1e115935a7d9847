"""U002: a day between a series' rounds names the series' own rounds on either side.

Before, the tip was always "angiv perioden, fx 2026-11 eller 2026-K4", also for a series
that runs in February, May, August and November, where 2026-K4 is no round at all.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.core.periods import rounds_around


def test_the_tip_names_the_last_and_the_next_round(
    workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)  # sbst: tematiseret every 3rd month from February
    result = cli("udtræk", "--tilsyn", "tematiseret", "--dato", "2026-12-02", "--tør")
    assert result.exit_code == 2, result.output
    assert (
        "--periode: fejl U002: serien har ingen runde, der omfatter 2026-12-02. Tip: angiv "
        "perioden: seriens seneste runde er 2026-11 og den næste 2027-02."
    ) in result.output


def test_the_rounds_around_a_day_cross_the_year() -> None:
    before, after = rounds_around([2, 5, 8, 11], "måned", date(2026, 1, 15))
    assert before is not None and after is not None
    assert (before.label, after.label) == ("2025-11", "2026-02")

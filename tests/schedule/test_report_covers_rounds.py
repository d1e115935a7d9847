"""A report over a longer period (the quarter, the year) holds the monthly rounds in it.

A municipality that reports each quarter (`tilsyn rapport --periode 2026-K4`) was told
every week for a year that the report of each monthly round was missing, though the
quarter's report holds their reviews; the letters for a quarter already cover its months.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from remind_support import finish_round

from conftest import Cli


def test_a_quarters_report_covers_the_monthly_rounds_in_it(
    example_workspace: Path, cli: Cli
) -> None:
    finish_round(cli, "2026-11-12")
    made = cli("rapport", "--periode", "2026-K4", "--dato", "2026-12-02")
    assert made.exit_code == 0, made.output
    status = cli("påmind", "--dato", "2026-12-02", "--altid").output
    assert "rapporten mangler" not in status, status
    assert "Månedligt overordnet ledelsestilsyn 2026-11 (fokus:" in status
    assert "8 af 8 gennemgange færdige, rapport lavet." in status, status
    wheel = cli("årshjul", "2026", "--dato", "2026-12-02").output
    assert "rapport lavet" in wheel, wheel


def test_a_years_report_covers_its_rounds_but_another_month_does_not(
    example_workspace: Path, cli: Cli
) -> None:
    finish_round(cli, "2026-11-12")
    Path("rapporter").mkdir()
    Path("rapporter/2026-10-leder.html").write_text("<html></html>", encoding="utf-8")
    other = cli("påmind", "--dato", "2026-12-02", "--altid").output
    assert "2026-11: rapporten mangler (" in other, other
    Path("rapporter/2026-leder.html").write_text("<html></html>", encoding="utf-8")
    year = cli("påmind", "--dato", "2026-12-02", "--altid").output
    assert "rapporten mangler" not in year, year


def test_a_report_made_before_the_rounds_reviews_were_done_covers_none_of_it(
    example_workspace: Path, cli: Cli
) -> None:
    """A probe: the year's report, made on a day before December's reviews were finished,
    stood as "rapport lavet" for December ever after (in `påmind` and `årshjul`), so no one
    was reminded to make the report with them."""
    finish_round(cli, "2026-11-12")
    drawn_on = datetime(2026, 11, 2, 9, 0).timestamp()  # the samples, as on the day drawn
    for manifest in Path("udtræk").glob("*/udtræk.yaml"):
        os.utime(manifest, (drawn_on, drawn_on))
    Path("rapporter").mkdir()
    report = Path("rapporter/2026-leder.html")
    report.write_text("<html></html>", encoding="utf-8")
    made_on = datetime(2026, 11, 10, 12, 0).timestamp()
    os.utime(report, (made_on, made_on))
    before = cli("påmind", "--dato", "2026-12-02", "--altid").output
    assert "2026-11: rapporten mangler (" in before, before
    made_on = datetime(2026, 11, 12, 15, 0).timestamp()  # the day the last was finished
    os.utime(report, (made_on, made_on))
    after = cli("påmind", "--dato", "2026-12-02", "--altid").output
    assert "rapporten mangler" not in after, after

"""A committee report made again after a review came in late or was corrected (`issued`).

The two versions differ by that review's answers: 6 nej, then 7, and the committee knows
what the late review said. tilsyn cannot know which version was sent, so it says so (L015)
when a version shows counts 1 to `mindste_antal - 1` away from an earlier one's.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from test_ranges_and_baseline_disclosure import _months

from conftest import Cli
from ledelsestilsyn.report import period_reports
from ledelsestilsyn.report.build import Report
from ledelsestilsyn.report.disclosure import Disclosure

DAY = "2026-12-05"
SAID = (
    "rapporter/.udgivet: advarsel L015: rapporten for 2026-11 til udvalget er lavet før med andre "
    "tal: nogle er ændret med 1 til 4 (en sen eller rettet gennemgang); har udvalget fået den "
    "første, viser forskellen et lille tal."
)


def _made(cli: Cli, audience: str = "udvalg", fmt: str = "md", period: str = "2026-11") -> str:
    result = cli(
        "rapport", "--dato", "2027-01-10" if period > "2026-11" else DAY, "-o", "-",
        "--modtager", audience, "--format", fmt, "--periode", period,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return " ".join(str(result.stderr).split())


def test_a_second_version_with_a_small_change_is_said(cli: Cli, workspace: Path) -> None:
    _months(workspace, {"2026-11": 6})
    os.chdir(workspace)
    assert "L015" not in _made(cli)
    assert "L015" not in _made(cli, fmt="csv")  # the same numbers: the same version
    _months(workspace, {"2026-11": 7})  # one review's answer is corrected to nej
    assert "L015" not in _made(cli, "leder")  # the leader's report is not counted
    said = _made(cli, fmt="csv")
    assert SAID in said, said
    assert "Tip: giv ikke udvalget begge" in said
    assert SAID in _made(cli)  # both versions are still there
    record = json.loads((workspace / "rapporter" / ".udgivet").read_text(encoding="utf-8"))
    assert [(r["modtager"], r["periode"]) for r in record["rapporter"]] == [
        ("udvalg", "2026-11"),
        ("udvalg", "2026-11"),
    ]


def test_a_large_change_and_the_same_numbers_to_the_other_audience_are_not_said(
    cli: Cli, workspace: Path
) -> None:
    """Twelve more nej is no small number; the department's report with the committee's
    numbers gives nothing more away."""
    _months(workspace, {"2026-11": 6})
    os.chdir(workspace)
    _made(cli)
    assert "L015" not in _made(cli, "afdeling")
    _months(workspace, {"2026-11": 18})
    assert "L015" not in _made(cli)


def test_a_second_version_after_the_departments_says_who_got_the_first(
    cli: Cli, workspace: Path
) -> None:
    """The department got November with 6 nej; after a late review the committee's report
    shows 7. The warning names the department as the one that may have the first."""
    _months(workspace, {"2026-11": 6})
    os.chdir(workspace)
    assert "L015" not in _made(cli, "afdeling")
    _months(workspace, {"2026-11": 7})
    said = _made(cli)
    assert (
        "L015: rapporten for 2026-11 til udvalget er lavet før til afdelingen med andre tal: "
        "nogle er ændret med 1 til 4 (en sen eller rettet gennemgang); har afdelingen fået den "
        "første, viser forskellen et lille tal."
    ) in said, said
    assert "Tip: giv ikke udvalget denne, hvis afdelingen har fået den første" in said


def test_a_broken_record_stops_the_committees_report_not_the_leaders(
    cli: Cli, workspace: Path
) -> None:
    _months(workspace, {"2026-11": 6})
    os.chdir(workspace)
    record = workspace / "rapporter" / ".udgivet"
    record.parent.mkdir(exist_ok=True)
    record.write_text('{"format": 1, "rapporter": [{"modtager": "udv', encoding="utf-8")
    result = cli(
        "rapport", "--dato", DAY, "-o", "-", "--modtager", "udvalg", "--periode", "2026-11"
    )  # fmt: skip
    assert result.exit_code == 1
    said = " ".join(str(result.stderr).split())
    assert "rapporter/.udgivet: fejl L018: den er ikke den liste over rapporter" in said, said
    assert "Tip: gendan filen fra en sikkerhedskopi, eller ret den" in said
    assert record.read_text(encoding="utf-8").endswith('"udv')
    _made(cli, "leder")  # made: the leader's reports are not recorded


def test_a_quarter_over_a_month_sent_before_a_late_review_is_said(
    cli: Cli, workspace: Path
) -> None:
    """November went to the committee with 4 nej; a review came in late (or was corrected)
    and November now has 5. The quarter, less October and December, is November as it is
    now: its report gives what the late review said. Before, only a second November report
    was said (L015), not the quarter, nor December, whose "ift. 2026-11" is November's share
    now."""
    _months(workspace, {"2026-10": 6, "2026-11": 5, "2026-12": 6})
    os.chdir(workspace)
    late = next(workspace.glob("udtræk/2026-11-*/S-2026-11-000.yaml"))  # one of the 5 nej
    filled = late.read_text(encoding="utf-8")
    late.write_text(re.sub(r'svar: "(ja|nej)"', 'svar: ""', filled), encoding="utf-8")
    for month in ("2026-10", "2026-11"):
        assert "L015" not in _made(cli, period=month)
    assert "L015" not in _made(cli, period="2026-K4")  # nothing changed yet
    late.write_text(filled, encoding="utf-8")  # the late review comes in
    for period in ("2026-K4", "2026-12"):
        said = _made(cli, period=period)
        assert (
            "rapporter/.udgivet: advarsel L015: rapporten for 2026-11 er lavet før med andre tal, "
            f"end perioden har nu: nogle er ændret med 1 til 4 (en sen eller rettet "
            f"gennemgang); rapporten for {period} bygger på de nye" in said
        ), said
    assert "rapporten for 2026-10 er lavet før" not in said  # October has not changed


def test_a_month_after_the_year_does_not_decide_the_years_report_again(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A year's report made before stays in the record, and every later report that overlaps
    it compares the year's counts now with those made. Deciding what the year's report would
    hide now took as long as making it (on the demo: a November report after the year's and a
    date range's took two minutes, not one second). Its counts now, hidden or not, are what a
    later report can give away of it at most, and a late review is still said (L015)."""
    _months(workspace, {"2026-10": 6, "2026-11": 5})
    os.chdir(workspace)
    late = next(workspace.glob("udtræk/2026-11-*/S-2026-11-000.yaml"))  # one of the 5 nej
    filled = late.read_text(encoding="utf-8")
    late.write_text(re.sub(r'svar: "(ja|nej)"', 'svar: ""', filled), encoding="utf-8")
    assert "L015" not in _made(cli, period="2026", fmt="csv")
    late.write_text(filled, encoding="utf-8")  # the late review comes in
    decided: list[str] = []
    real = period_reports.disclosure_for

    def recorded(report: Report, *args: Any, **kwargs: Any) -> Disclosure:
        decided.append(report.period.label)
        return real(report, *args, **kwargs)

    monkeypatch.setattr(period_reports, "disclosure_for", recorded)
    said = _made(cli, period="2026-11", fmt="csv")
    assert "2026" not in decided, decided
    assert (
        "L015: rapporten for 2026 er lavet før med andre tal, end perioden har nu: nogle er "
        "ændret med 1 til 4"
    ) in said, said

"""The intentions of barnets lov in tematiseret@2025.1: a block across the case.

They are not pooled into the pejlemærker or the steps' overall share (2024.1
reports stay as they were), and a report over 2025.1 periods is a golden file.
Regenerate on purpose with `TILSYN_OPDATER_GOLDEN=1`.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from report_data import tematiseret_answer, write_round

from conftest import TESTS, Cli
from ledelsestilsyn.models.template import Template
from ledelsestilsyn.report.aggregate import section
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.templates.catalog import Catalog

CATALOG = Catalog.load(None)
FOCUS = ["støttende-indsatser", "intentioner"]


def _record(template: Template) -> ReviewRecord:
    """Every case-step question 'lav grad', every intention 'høj grad'."""
    answers = {
        (s.id, q.id): ("høj grad" if s.id == "intentioner" else "lav grad", "")
        for s in template.steps
        if s.id in FOCUS
        for q in s.questions
    }
    return ReviewRecord(
        series="tematiseret",
        template=template.ref,
        period="2026-11",
        period_start=date(2026, 11, 1),
        case_id="S-1",
        answers=answers,
    )


def test_intentions_stay_out_of_pejlemaerker_and_total_in_2025() -> None:
    template = CATALOG.resolve("tematiseret@2025.1")
    stat = section(template, [_record(template)])
    case_questions = len(template.step("støttende-indsatser").questions)  # type: ignore[union-attr]
    pooled = {g.name: dict(g.tally.counts) for g in stat.pejlemaerker()}
    assert sum(n for counts in pooled.values() for n in counts.values()) == case_questions
    assert all("høj grad" not in counts for counts in pooled.values())
    assert dict(stat.total().counts) == {"lav grad": case_questions}
    assert [s.id for s in stat.case_steps] == ["støttende-indsatser"]
    assert [s.id for s in stat.across_steps] == ["intentioner"]
    assert stat.across_steps[0].tally.share == 1.0


def test_2024_reports_still_pool_the_intentions() -> None:
    """A review pins its version: old periods are reported exactly as before."""
    template = CATALOG.resolve("tematiseret@2024.1")
    stat = section(template, [_record(template)])
    intentions = len(template.step("intentioner").questions)  # type: ignore[union-attr]
    pooled = {g.name: g.tally.counts["høj grad"] for g in stat.pejlemaerker()}
    assert sum(pooled.values()) == intentions
    assert stat.total().counts["høj grad"] == intentions
    assert stat.across_steps == []


@pytest.fixture
def ws_2025(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two monthly rounds of tematiseret@2025.1 (4 and 5 cases, so the questions differ)."""
    catalog = Catalog.load(workspace)
    for shift, (month, cases) in enumerate((("10", 4), ("11", 5))):
        write_round(
            workspace,
            catalog,
            series="tematiseret",
            ref="tematiseret@2025.1",
            period=f"2026-{month}",
            focus=FOCUS,
            cases=cases,
            answer=tematiseret_answer(shift),
            day=f"2026-{month}-20",
        )
    monkeypatch.chdir(workspace)
    return workspace


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("rapport-tematiseret-2025.md", "md"), ("rapport-tematiseret-2025.html", "html")],
)
def test_golden_report_over_2025_periods(cli: Cli, ws_2025: Path, name: str, fmt: str) -> None:
    result = cli(
        "rapport", "--dato", "2026-11-25", "-o", "-", "--periode", "2026-11", "--format", fmt
    )
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert (
        "tematiseret@2025.1" in text and "På tværs af sagen: Intentionerne med barnets lov" in text
    )
    golden = TESTS / "golden" / name
    if os.environ.get("TILSYN_OPDATER_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"{name} har ændret sig"


def test_md_pejlemaerker_leave_the_intentions_out(cli: Cli, ws_2025: Path) -> None:
    result = cli(
        "rapport", "--dato", "2026-11-25", "-o", "-", "--periode", "2026-11", "--format", "md"
    )
    text = result.stdout
    block = text.index("### På tværs af sagen: Intentionerne med barnets lov")
    pejlemaerker = text.index("### Pejlemærker")
    assert block < pejlemaerker
    table = text[pejlemaerker:].split("\n\n")[1]
    counted = sum(int(c) for row in table.splitlines()[2:] for c in row.split(" | ")[1:5])
    template = CATALOG.resolve("tematiseret@2025.1")
    per_case = len(template.step("støttende-indsatser").questions)  # type: ignore[union-attr]
    assert counted == 5 * per_case  # five cases, only the case step's answers
    assert (
        "| team | sager | Støttende indsatser (§ 32) | samlet | Intentionerne med barnets lov |"
        in text
    )

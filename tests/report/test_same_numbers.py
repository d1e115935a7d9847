"""A committee report whose numbers are all those of a report inside it (the half year with
reviews in the fourth quarter only) takes that report's decision (`same_numbers`), instead of
deciding the same numbers again: on the demo that took the half year 96 s and the year 185 s.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from report_data import write_round

from conftest import Cli
from ledelsestilsyn.report import period_reports
from ledelsestilsyn.report.disclosure import Disclosure
from ledelsestilsyn.report.same_numbers import relabelled, same_numbers
from ledelsestilsyn.report.suppress import Ledger
from ledelsestilsyn.templates.catalog import Catalog

DAY = "2027-01-10"


def _write(root: Path, months: tuple[str, ...]) -> None:
    catalog = Catalog.load(root)

    def answer(case: int, question: int) -> tuple[str, str]:
        value = "nej" if (case + question) % 5 == 0 else "ja"
        return value, "Mangler." if value == "nej" else ""

    for n, month in enumerate(months):
        write_round(
            root, catalog, series="månedligt-overordnet", ref="overordnet@2024.1",
            period=month, focus=["underretning", "screening"], cases=4 + 2 * n,
            answer=answer, day=f"{month}-20", first=10 * n,
        )  # fmt: skip


@pytest.fixture
def decided(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The periods whose decision is made (`disclosure_for`), in order."""
    made: list[str] = []
    original = period_reports.disclosure_for

    def spy(report, *args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(report.period.label)
        return original(report, *args, **kwargs)

    monkeypatch.setattr(period_reports, "disclosure_for", spy)
    yield made


def _report(cli: Cli, period: str) -> str:
    result = cli(
        "rapport", "--dato", DAY, "-o", "-", "--modtager", "udvalg", "--format", "md",
        "--periode", period,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def _tables(text: str) -> list[str]:
    """The report's table rows, with the columns that name another period left out."""
    rows = [line for line in text.splitlines() if line.startswith("|")]
    return [re.sub(r"\d{4}(-[KH]\d)?", "P", row) for row in rows]


def test_the_half_year_of_one_quarters_reviews_takes_the_quarters_decision(
    cli: Cli, workspace: Path, decided: list[str]
) -> None:
    _write(workspace, ("2026-10", "2026-11", "2026-12"))
    os.chdir(workspace)
    half = _report(cli, "2026-H2")
    assert decided == ["2026-10", "2026-11", "2026-12", "2026-K4"]  # not the half year
    quarter = _report(cli, "2026-K4")
    assert "x" in "".join(_tables(quarter)) or "–" in "".join(_tables(quarter))
    assert _tables(half) == _tables(quarter)
    decided.clear()
    assert _report(cli, "2026") and "2026" not in decided  # the year: the same again


def test_a_half_year_with_more_than_the_quarter_is_decided_itself(
    cli: Cli, workspace: Path, decided: list[str]
) -> None:
    _write(workspace, ("2026-09", "2026-10", "2026-11"))
    os.chdir(workspace)
    _report(cli, "2026-H2")
    assert decided[-1] == "2026-H2"


def _ledger(label: str, value: int = 3) -> Ledger:
    ledger = Ledger(5)
    ledger.count(("tidy", label, "a"), value)
    ledger.count(("tidy", label, "b"), 4)
    ledger.count(("cases",), value + 4)
    ledger.total(("cases",), [("tidy", label, "a"), ("tidy", label, "b")])
    return ledger


def test_same_numbers_under_each_periods_label() -> None:
    assert same_numbers(_ledger("2026-H2"), "2026-H2", _ledger("2026-K4"), "2026-K4")
    assert not same_numbers(_ledger("2026-H2", 2), "2026-H2", _ledger("2026-K4"), "2026-K4")
    named = _ledger("2026-H2")
    named.count(("round", "2026-K4"), 7)  # a round of the quarter, inside the half year
    other = _ledger("2026-K4")
    other.count(("round", "2026-K4"), 7)
    assert not same_numbers(named, "2026-H2", other, "2026-K4")


def test_a_decision_relabelled_names_the_other_period() -> None:
    rules = Disclosure(5, True, frozenset({("tidy", "2026-K4", "a")}), frozenset({("cases",)}))
    moved = relabelled(rules, "2026-K4", "2026-H2")
    assert moved.hidden == {("tidy", "2026-H2", "a")}
    assert moved.published == {("cases",)}

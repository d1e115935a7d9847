"""A series over two versions of its template: the committee's and the department's reports
for the month (with the table of questions across versions) and for the quarter (with the
older version's section left out for its few cases) give no hidden number away."""

from __future__ import annotations

from pathlib import Path

import pytest
from backcalc import md_tables, read_csv, read_report, read_xlsx
from report_data import overordnet_answer, write_round
from test_committee_disclosure import committee

from conftest import Cli
from ledelsestilsyn.report import published
from ledelsestilsyn.report.period_reports import drawn_on
from ledelsestilsyn.templates.catalog import Catalog
from ledelsestilsyn.templates.versions import compare

OLD, NEW = "overordnet@2024.1", "overordnet@2025.1"


def _october_and_november(workspace: Path, october: int, november: int) -> Path:
    """October's `october` cases on overordnet@2024.1, November's `november` on 2025.1."""
    catalog = Catalog.load(workspace)
    for period, ref, cases in (("2026-10", OLD, october), ("2026-11", NEW, november)):
        write_round(
            workspace,
            catalog,
            series="månedligt-overordnet",
            ref=ref,
            period=period,
            focus=["underretning", "screening"],
            cases=cases,
            answer=overordnet_answer(1),
            day=f"{period}-20",
        )
    return workspace


@pytest.fixture
def two_versions(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """October: 4 cases on overordnet@2024.1; November: 7 on overordnet@2025.1."""
    monkeypatch.chdir(workspace)
    return _october_and_november(workspace, 4, 7)


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
@pytest.mark.parametrize("period", ["2026-11", "2026-K4"])
def test_two_versions_of_a_template_reveal_nothing(
    cli: Cli, two_versions: Path, audience: str, period: str
) -> None:
    texts = committee(cli, "--periode", period, "--modtager", audience)
    if period == "2026-11":
        assert "### Udvikling pr. spørgsmål på tværs af versioner" in texts["md"]
    else:  # the older version's 4 cases: no section; the newer's 7 are November's, which
        # November's own report shows (`overlap`), so the quarter shows them too
        assert "(overordnet@2024.1)" not in texts["md"] and "\n7 sager." in texts["md"]
    for fmt in ("md", "html"):
        system = read_report(texts[fmt], fmt)
        read_csv(system, texts["csv"])
        read_xlsx(system, Path(texts["xlsx"]))
        assert system.revealed() == {}, fmt


@pytest.fixture
def full_versions(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """October: 40 cases on overordnet@2024.1; November: 40 on overordnet@2025.1."""
    monkeypatch.chdir(workspace)
    return _october_and_november(workspace, 40, 40)


def _versions_column(text: str, label: str) -> list[str]:
    """The column of `label` in the table of questions across versions."""
    rows = next(rows for _, rows in md_tables(text) if rows[0][:2] == ["spørgsmål", "versioner"])
    at = rows[0].index(label)
    return [row[at] for row in rows[1:]]


def test_another_periods_share_across_versions_is_shown_only_where_its_report_shows_it(
    cli: Cli, full_versions: Path
) -> None:
    """October's committee report leaves its question rows out (their small counts would
    follow) but shows each step's share. November's table of questions across versions
    gave October's question shares all the same (the primary rule alone); now each is
    checked against October's report of the version it pools, as a step's trend and change
    are. Those are now shown, since October's report shows the older step, carried whole
    (before, only the newer version's share was asked for, which October has none of)."""
    october = committee(cli, "--periode", "2026-10")["md"]
    assert "Spørgsmålene vises ikke i denne udgave" in october
    assert "| Underretning | 66,7 %" in october
    texts = committee(cli, "--periode", "2026-11")
    assert set(_versions_column(texts["md"], "2026-10")) == {"–"}
    assert "2026-10: 66,7 %; 2026-11: 66,7 %" in texts["md"]
    leader = cli(
        "rapport", "--periode", "2026-11", "--dato", "2027-01-05", "-o", "-", "--format", "md"
    )
    assert leader.exit_code == 0, leader.output
    assert set(_versions_column(leader.stdout, "2026-10")) == {"66,7 % ⚠"}
    for fmt in ("md", "html"):
        system = read_report(texts[fmt], fmt)
        read_csv(system, texts["csv"])
        assert system.revealed() == {}, fmt


def test_a_share_pooled_across_versions_draws_on_each_versions_share() -> None:
    """In a period with reviews on both versions, a question's share pools both, so that
    period's report must show both; a step's share draws on the older step's, carried whole
    (overordnet's steps are), and a version without reviews there has nothing to show."""
    catalog = Catalog.load(None)
    versions = {(OLD, NEW): compare(catalog.lineage(OLD, NEW))}
    question = published.question_share(NEW, "underretning", "underretning-1")
    older = published.question_share(OLD, "underretning", "underretning-1")
    assert drawn_on(question, {OLD, NEW}, versions) == [question, older]
    assert drawn_on(question, {OLD}, versions) == [older]
    assert drawn_on(question, {NEW}, versions) == [question]
    step = published.step_share(NEW, "screening")
    assert drawn_on(step, {OLD, NEW}, versions) == [step, published.step_share(OLD, "screening")]
    assert drawn_on(published.team(NEW), {OLD}, versions) == [published.team(NEW)]

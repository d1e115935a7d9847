"""A baseline inside the report's own period is no baseline: it would publish a part of the period.

A report over 2026-10-01..2026-12-31 takes the first month with data, 2026-10, as its
baseline. The committee's trend hid October (`–`) so that December's three cases could not be
worked out from the quarter minus October and November (now the period's share is hidden
instead, since October's own report shows October's); the column "ift. baseline 2026-10"
then gave October's share back (quarter share minus the change), decided by the rule for
other periods alone. A period is compared only with periods outside it.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from backcalc import read_csv, read_report, read_xlsx
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from report_data import Answer, underretning_round
from test_committee_disclosure import committee

from conftest import Cli, edit_concept
from ledelsestilsyn.report import decision

RANGE = "2026-10-01..2026-12-31"


def _answers(shift: int, every: int) -> Answer:
    def answer(case: int, question: int) -> tuple[str, str]:
        value = "nej" if (case * 7 + question * 3 + shift) % every == 0 else "ja"
        return value, "Mangler." if value == "nej" else ""

    return answer


def _rounds(root: Path) -> None:
    """October and November 9 cases each, December 2: December's `nej` are few."""
    for shift, (period, cases, every) in enumerate(
        (("2026-10", 9, 5), ("2026-11", 9, 5), ("2026-12", 2, 7))
    ):
        underretning_round(root, period, cases, _answers(shift, every))


def _report(cli: Cli, audience: str, period: str) -> list[str]:
    args = ("--dato", "2027-01-10", "-o", "-", "--format", "md", "--periode", period)
    result = cli("rapport", *args, "--modtager", audience)
    assert result.exit_code == 0, result.output + (result.stderr or "")
    return str(result.stdout).splitlines()


def _step_row(lines: list[str]) -> list[str]:
    row = next(x for x in lines if x.startswith("| Underretning |"))
    return [c.strip() for c in row.split("|")[1:-1]]


@pytest.mark.parametrize("audience", ["udvalg", "afdeling", "leder"])
def test_a_baseline_inside_the_period_is_not_compared_with(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch, audience: str
) -> None:
    monkeypatch.chdir(workspace)
    _rounds(workspace)
    lines = _report(cli, audience, RANGE)
    if audience == "udvalg":  # the case found: December hidden, and so the whole period's
        # share, since October's and November's reports show theirs (`overlap`) …
        assert "2026-12: –" in _step_row(lines)[-1]
        assert _step_row(lines)[1] == "–"
    header = next(x for x in lines if x.startswith("| sagsskridt |"))
    assert "| ift. baseline |" in header, header  # no period named: none is compared with
    assert _step_row(lines)[4] == "–"  # … and not given back by the baseline column
    questions = [  # the question table (none, if summarised), not the weakest list
        x for x in lines if x.startswith("| **underretning-") and "Overordnet" not in x
    ]
    assert all(x.split("|")[-2].strip() == "–" for x in questions)
    assert "men ikke med baseline 2026-10, der ligger i denne periode" in next(
        x for x in lines if x.startswith("Periode:")
    )


def test_a_named_baseline_overlapping_the_period_is_not_compared_with(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`rapport.baseline: 2026-11` in a report for 2026-K4: November is a part of the quarter."""
    monkeypatch.chdir(workspace)
    _rounds(workspace)
    edit_concept(workspace, "rapport:\n", 'rapport:\n  baseline: "2026-11"\n')
    lines = _report(cli, "udvalg", "2026-K4")
    assert _step_row(lines)[4] == "–"
    assert "men ikke med baseline 2026-11, der ligger i denne periode" in next(
        x for x in lines if x.startswith("Periode:")
    )


def test_a_baseline_around_the_period_is_said_to_hold_it(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`rapport.baseline: 2026` in a report for 2026-K4: the quarter lies in the baseline, not
    the other way round (before: "baseline 2026, der ligger i denne periode")."""
    monkeypatch.chdir(workspace)
    _rounds(workspace)
    edit_concept(workspace, "rapport:\n", 'rapport:\n  baseline: "2026"\n')
    lines = _report(cli, "udvalg", "2026-K4")
    assert "men ikke med baseline 2026, som denne periode ligger i" in next(
        x for x in lines if x.startswith("Periode:")
    )


def test_a_decision_is_made_once_for_the_same_rows_left_out(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the quarter, leaving a step's question rows out does not show its share, so the
    rows are taken back: the decision with no rows left out was then made all over again
    (in a year's report, seconds each time). It is made once for each set of rows left out."""
    monkeypatch.chdir(workspace)
    _rounds(workspace)
    made: list[frozenset[tuple[str, str]]] = []
    real = decision._decision

    def counted(report, withheld, summarised, inner, given, memo):  # type: ignore[no-untyped-def]
        if report.period.label == "2026-K4":
            made.append(frozenset(summarised))
        return real(report, withheld, summarised, inner, given, memo)

    monkeypatch.setattr(decision, "_decision", counted)
    _report(cli, "udvalg", "2026-K4")
    assert any(made) and frozenset() in made, made  # rows were left out, and taken back
    assert len(made) == len(set(made)), made


MONTHS = ("2026-10", "2026-11", "2026-12")


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@example(rounds=[(9, 0, 5), (9, 1, 5), (2, 2, 7)], audience="udvalg")  # the case above
@given(
    rounds=st.lists(
        st.tuples(st.integers(1, 10), st.integers(0, 6), st.sampled_from([2, 3, 5, 7, 11, 40])),
        min_size=3,
        max_size=3,
    ),
    audience=st.sampled_from(["udvalg", "afdeling"]),
)
def test_random_months_of_a_date_range_reveal_nothing(
    cli: Cli, tmp_path: Path, rounds: list[tuple[int, int, int]], audience: str
) -> None:
    """Each month's share in the trend is a part of the period's: md, html, csv and xlsx read
    together (the trend's months inside the period included) give no hidden count away."""
    folder = tmp_path / f"ws-{uuid.uuid4().hex[:8]}"
    assert cli("init", str(folder), "--forlæg", "sbst").exit_code == 0
    for period, (cases, shift, every) in zip(MONTHS, rounds, strict=True):
        underretning_round(folder, period, cases, _answers(shift, every))
    os.chdir(folder)
    texts = committee(cli, "--periode", RANGE, "--modtager", audience, "--dato", "2027-01-10")
    for fmt in ("md", "html"):
        system = read_report(texts[fmt], fmt)
        if sum(cases for cases, _, _ in rounds) >= 5:  # the template is shown: its months read
            assert any(k.startswith("trend[") for k in system.bounds), fmt
        read_csv(system, texts["csv"])
        read_xlsx(system, Path(texts["xlsx"]))
        assert system.revealed() == {}, fmt

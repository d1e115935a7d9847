"""Random workspaces over several periods (`random_periods`): the committee's and the
department's report of a month, a quarter or a date range, in md, html, csv and xlsx, read
by the attacker (`backcalc`), gives no hidden number away. Both audiences are promised the
same rules for small counts (README, `--modtager afdeling`; the kk preset's
`mindste_antal`); the leader's report hides nothing and is not read here.

Two ways in: hypothesis (its failure prints the workspace) and a fixed list of numbered
workspaces (`from_seed`), so that a failure found by number is found again by that number
on any machine: `pytest tests/report/test_random_periods.py -k 'seed-22'`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from backcalc import Side, Verdict, read_verdicts
from backcalc_system import System
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from random_periods import DAY, MONTHS, PERIODS, Workspace, describe, from_seed, workspaces, write
from test_committee_disclosure import assert_nothing_revealed
from test_integer_audit import integer_revealed

from conftest import Cli
from ledelsestilsyn.core.periods import parse_period
from ledelsestilsyn.report import decision, run, secondary
from ledelsestilsyn.report.department import TiltagStatus
from ledelsestilsyn.report.suppress import Disclosure, Ledger, decide
from ledelsestilsyn.report.tiltag import (
    BETTER,
    NOT_COMPARABLE,
    TOO_FEW,
    UNCLEAR,
    WORSE,
    EffectRow,
    TiltagView,
)
from ledelsestilsyn.templates.catalog import Catalog

AUDIENCES = ("udvalg", "afdeling")
SEEDS = (3, 7, 11, 22)
"""Numbered workspaces run every time (`from_seed`): a month, a quarter and a date range,
tiltag decided before and inside the period, with and without a level, examples with
consent. Number 22 (a quarter with a small themed round) took the committee's report more
than ten minutes before its audit read `q₁ = q₁` as a relation of nothing."""


def committee(cli: Cli, period: str, audience: str = "udvalg") -> dict[str, str]:
    """The report for `audience` as md, html and csv text, and the workbook's path."""
    texts = {}
    for fmt in ("md", "html", "csv", "xlsx"):
        target = f"{audience}-{uuid.uuid4().hex[:8]}.xlsx" if fmt == "xlsx" else "-"
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


DATA_VERDICTS = (BETTER, WORSE, UNCLEAR, TOO_FEW, NOT_COMPARABLE)
"""The verdicts made of the target's counts (the others say why there is none)."""


def verdicts(views: list[TiltagView], statuses: list[TiltagStatus], decided: str) -> list[Verdict]:
    """The verdicts the report shows that are made of counts, each with the counts (the
    product's own `EffectRow`, as the tests know the true values of a ledger)."""
    rows: list[tuple[EffectRow, str]] = []
    start = 0
    for t in views:
        mine = statuses[start : start + (len(t.rows) + len(t.gone) or 1)]
        start += len(mine)
        rows += [(row, shown.verdict) for row, shown in zip(t.rows, mine, strict=False)]
    assert start == len(statuses)
    catalog, day = Catalog.load(None), date.fromisoformat(decided)
    found = []
    for row, shown in rows:
        if not shown.startswith(DATA_VERDICTS):
            continue
        titles = {s.id: s.title for s in catalog.resolve(row.ref).steps}
        sides = []
        for after in (False, True):
            mine = [r for r in row.rounds if (parse_period(r.period).start >= day) == after]
            cell = row.after if after else row.before
            answered = sum(r.answered for r in mine)
            positive = round((cell.value or 0) * answered)
            cases = sum(r.cases for r in mine)
            sides.append(Side(tuple(r.period for r in mine), positive, answered, cases))
        question = None if row.target.startswith("sagsskridt") else row.target
        whole = " af " not in row.target
        found.append(Verdict(row.ref, titles[row.steps[0]], question, whole, sides[0], sides[1]))
    return found


def told_verdicts(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, period: str, audience: str, decided: str
) -> tuple[dict[str, str], Callable[[System], None]]:
    """The report for `audience` (`committee`), and what a reader is told besides: the
    counts behind each verdict it shows (`backcalc.read_verdicts`)."""
    shown: list[tuple[list[TiltagView], list[TiltagStatus]]] = []
    real = run.tiltag_status

    def capturing(views: list[TiltagView], *args: object) -> list[TiltagStatus]:
        statuses = real(views, *args)  # type: ignore[arg-type]
        shown.append((list(views), statuses))
        return statuses

    with monkeypatch.context() as patch:
        patch.setattr(run, "tiltag_status", capturing)
        texts = committee(cli, period, audience)
    assert "\n## Tiltag\n" in texts["md"], "tiltag.yaml blev ikke læst"
    assert "Alle gennemgange i perioden er færdige og medregnet." in texts["md"]  # all valid
    told = verdicts(*shown[-1], decided)

    def tell(system: System) -> None:
        read_verdicts(system, told, parse_period(period))

    return texts, tell


def check(
    cli: Cli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    space: Workspace,
    period: str,
    seed: int | None,
) -> None:
    """Both audiences' reports of `space` reveal nothing, read with the counts behind each
    tiltag's verdict they show; a failure says how to build the workspace again."""
    make(cli, tmp_path, space)
    if not reviewed_in(space, period):
        return
    for audience in AUDIENCES:
        texts, tell = told_verdicts(cli, monkeypatch, period, audience, space.decided)
        try:
            assert_nothing_revealed(texts, tell)
        except AssertionError as failure:
            raise AssertionError(f"{audience}: {describe(space, period, seed)}") from failure


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(space=workspaces(), period=st.sampled_from(PERIODS))
def test_random_periods_reveal_nothing(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, space: Workspace, period: str
) -> None:
    note(describe(space, period))
    check(cli, tmp_path, monkeypatch, space, period, None)


@pytest.mark.parametrize("seed", SEEDS, ids=[f"seed-{s}" for s in SEEDS])
def test_numbered_workspaces_reveal_nothing(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    space, period = from_seed(seed)
    check(cli, tmp_path, monkeypatch, space, period, seed)


@pytest.mark.parametrize("seed", SEEDS, ids=[f"seed-{s}" for s in SEEDS])
def test_many_units_hidden_a_round_reveal_nothing(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """A ledger of more units than `secondary._ONE_BY_ONE` (a half-year's report) is
    protected one unit per pinned cell a round, not one a round; here every ledger is, and
    the attacker still reads nothing."""
    monkeypatch.setattr(secondary, "_ONE_BY_ONE", 0)
    space, period = from_seed(seed)
    check(cli, tmp_path, monkeypatch, space, period, seed)


@pytest.mark.parametrize("seed", SEEDS, ids=[f"seed-{s}" for s in SEEDS])
def test_the_audit_misses_no_pin_of_whole_numbers(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """The product's audit solves its ledger with real numbers and rounds relation by
    relation (`audit._whole`), which is not every pin whole numbers give (an odd cycle of
    totals can pin a cell by parity alone). On the ledgers the report really builds, the
    tests' integer programme (HiGHS, exact) finds nothing pinned that the decision hides."""
    space, period = from_seed(seed)
    make(cli, tmp_path, space)
    if not reviewed_in(space, period):
        return
    decided: list[tuple[Ledger, Disclosure]] = []

    def deciding(ledger: Ledger, **options: object) -> Disclosure:
        rules = decide(ledger, **options)  # type: ignore[arg-type]
        decided.append((ledger, rules))
        return rules

    monkeypatch.setattr(decision, "decide", deciding)
    for audience in AUDIENCES:
        decided.clear()
        result = cli(
            "rapport", "--dato", DAY, "-o", "-", "--modtager", audience, "--format", "md",
            "--periode", period,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        ledger, rules = decided[-1]
        assert integer_revealed(own_part(ledger), set(rules.hidden)) == [], audience


def own_part(ledger: Ledger) -> Ledger:
    """The report's own cells and relations, without the reports inside its period that its
    decision took in (`overlap`): what a reader of this report alone has."""
    own = Ledger(ledger.min_count)
    for key, unit in ledger.units.items():
        if unit.fixed is None:
            own.units[key] = unit
            for cell in unit.cells:
                own.unit_of[cell], own.values[cell] = key, ledger.values[cell]
    own.relations = [r for r in ledger.relations if all(c in own.values for c, _ in r.terms)]
    return own

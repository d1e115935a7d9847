"""A quarter over monthly rounds with rotating focus: a step only some rounds looked at.

The annual plan moves the focus from month to month. October looked at underretning
(10 cases), November at screening (one case). The quarter's report stopped with an
internal error (KeyError in "Hvor er vi svagest": a team without a screening review had
no row for its questions), and the committee saw screening's share, pooled over the one
case's six answers, as "100,0 %" or "0,0 %": one child's case. A share pooled over a
step, a pejlemærke or a team counts the cases behind it, as a question's does.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from backcalc import read_csv, read_plan, read_report, read_xlsx
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from report_data import write_round
from test_committee_disclosure import committee

from conftest import Cli
from ledelsestilsyn.templates.catalog import Catalog


def _rounds(root: Path, screening: str, cases: int = 1) -> None:
    catalog = Catalog.load(root)

    def mixed(case: int, question: int) -> tuple[str, str]:
        value = "nej" if (case + question) % 4 == 0 else "ja"
        return value, "Mangler." if value == "nej" else ""

    common = {"series": "månedligt-overordnet", "ref": "overordnet@2024.1"}
    write_round(
        root, catalog, **common, period="2026-10", focus=["underretning"], cases=10,
        answer=mixed, day="2026-10-20",
    )  # fmt: skip
    write_round(
        root, catalog, **common, period="2026-11", focus=["screening"], cases=cases,
        answer=lambda case, question: (screening, "Mangler."), day="2026-11-20",
    )  # fmt: skip


def _report(cli: Cli, audience: str) -> str:
    args = ("--dato", "2026-12-20", "--periode", "2026-K4", "-o", "-", "--format", "md")
    result = cli("rapport", *args, "--modtager", audience)
    assert result.exit_code == 0, result.output + (result.stderr or "")
    return str(result.stdout)


def _screening(text: str) -> list[str]:
    row = next(x for x in text.splitlines() if x.startswith("| Screening |"))
    return [c.strip() for c in row.split("|")[1:-1]]


@pytest.mark.parametrize("audience", ["leder", "udvalg", "afdeling"])
def test_a_step_only_one_round_looked_at_makes_no_internal_error(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch, audience: str
) -> None:
    monkeypatch.chdir(workspace)
    _rounds(workspace, "nej")
    text = _report(cli, audience)
    assert _screening(text)[1] == ("0,0 % ⚠" if audience == "leder" else "–")


@pytest.mark.parametrize("answer", ["ja", "nej"])
def test_the_committee_sees_no_step_share_on_fewer_than_five_cases(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    monkeypatch.chdir(workspace)
    _rounds(workspace, answer)
    for audience in ("udvalg", "afdeling"):
        assert _screening(_report(cli, audience))[1:3] == ["–", ""], audience


def test_five_cases_behind_a_step_show_its_share(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    _rounds(workspace, "ja", cases=5)
    assert _screening(_report(cli, "udvalg"))[1] == "100,0 %"


FOCUS = (["underretning"], ["screening"], ["underretning", "screening"])


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@example(rounds=[(10, 0, 3), (1, 1, 40), (0, 0, 3)], audience="udvalg")  # the case above
@example(  # screening-3 "i alt 6" gave screening-1's `x` back (6 = 5 + its `< 5`): a step's
    # questions have equal totals, which the ledger knew only as "all = the template's cases"
    rounds=[(0, 0, 2), (1, 0, 2), (6, 1, 40)],
    audience="udvalg",
)
@example(  # screening's "i alt 16" read as every case's: a reader who took it that all the
    # quarter's cases answered every step "found" 16 cases (there were 22)
    rounds=[(6, 0, 40), (7, 2, 2), (9, 2, 2)],
    audience="udvalg",
)
@example(  # with the plan: 6 cases, 5 on underretning, so December's screening was one case
    rounds=[(3, 0, 2), (2, 0, 2), (1, 1, 2)],
    audience="udvalg",
)
@example(rounds=[(9, 2, 2), (1, 2, 3), (3, 0, 5)], audience="afdeling")  # seed 12, while building
@given(
    rounds=st.lists(
        st.tuples(st.integers(0, 9), st.integers(0, 2), st.sampled_from([2, 3, 5, 40])),
        min_size=3,
        max_size=3,
    ),
    audience=st.sampled_from(["udvalg", "afdeling"]),
)
def test_random_quarters_of_rotating_focus_reveal_nothing(
    cli: Cli, tmp_path: Path, rounds: list[tuple[int, int, int]], audience: str
) -> None:
    """Three months, each round with its own focus and size: the quarter's md, html, csv and
    xlsx read together give no hidden count away, to a reader who knows the annual plan:
    which step each month looked at (`read_plan`)."""
    folder = tmp_path / f"ws-{uuid.uuid4().hex[:8]}"
    assert cli("init", str(folder), "--forlæg", "sbst").exit_code == 0
    catalog = Catalog.load(folder)
    for month, (cases, focus, every) in zip(("10", "11", "12"), rounds, strict=True):

        def answer(case: int, question: int, every: int = every) -> tuple[str, str]:
            value = ("nej", "ja", "ikke relevant")[min((case * 3 + question) % every, 2)]
            return value, "Mangler." if value == "nej" else ""

        if cases:
            write_round(
                folder, catalog, series="månedligt-overordnet", ref="overordnet@2024.1",
                period=f"2026-{month}", focus=FOCUS[focus], cases=cases, answer=answer,
                day=f"2026-{month}-20",
            )  # fmt: skip
    os.chdir(folder)
    if sum(cases for cases, _, _ in rounds) == 0:
        return
    texts = committee(cli, "--periode", "2026-K4", "--modtager", audience, "--dato", "2027-01-10")
    for fmt in ("md", "html"):
        system = read_report(texts[fmt], fmt)
        read_csv(system, texts["csv"])
        read_xlsx(system, Path(texts["xlsx"]))
        read_plan(system, "overordnet@2024.1", [FOCUS[f] for cases, f, _ in rounds if cases])
        assert system.revealed() == {}, fmt

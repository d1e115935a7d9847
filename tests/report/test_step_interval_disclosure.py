"""A step's interval is Wilson's on an effective size, not on the answers: what it gives away.

The effective size s lies between the reviews k that answered the step and its
answers n (`stats.effective_size`), so the interval no longer tells the
denominator; it tells that at most s reviews answered, and so that no question of
the step has more than s non-neutral answers. `backcalc` reads exactly that, and
these tests show it finds a hidden count that only such an interval gives away.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from backcalc import read_report
from backcalc_system import largest_size, read_share
from report_data import underretning_round

from conftest import Cli
from ledelsestilsyn.report import decision
from ledelsestilsyn.report.reader import revealed, reviews_behind
from ledelsestilsyn.report.stats import wilson, wilson_share
from ledelsestilsyn.report.suppress import Ledger, decide, denominator


def test_a_step_interval_reads_as_at_most_that_many_reviews() -> None:
    """60 % on 5 reviews, 8 questions each: any 5 ≤ n ≤ 40 answers, never more than 5 reviews."""
    found = read_share("60,0 %", "23,1–88,2 %", 8)
    assert {n for _, n, _ in found} == {5, 10, 15, 20, 25, 30, 35, 40}
    assert {most for _, _, most in found} == {5}
    assert read_share("60,0 %", "23,1–88,2 %", 1) == [(3, 5, 5)]  # a question: exact
    size = largest_size(0.6, "23,1–88,2 %", 1, 40)
    assert size is not None and 5 <= size < 6
    shown = wilson_share(0.6, size)
    assert shown is not None and round(shown.low, 3) == round(wilson(3, 5).low, 3)  # type: ignore[union-attr]


def leaky_report(cli: Cli, folder: Path) -> tuple[str, str]:
    """9 reviews of underretning (8 questions): 4 answer ikke relevant throughout, 3 ja and
    2 nej. Every question's counts are small (3, 2, 4 of 9) and hidden; the step's share
    (24 of 40, 60 %) is on 5 reviews, so its interval is Wilson's on 5: 23,1–88,2 %.
    Returns the committee report and the leader's step row."""
    assert cli("init", str(folder), "--forlæg", "sbst").exit_code == 0
    underretning_round(
        folder,
        "2026-11",
        9,
        lambda case, q: (
            ("ikke relevant", "") if case < 4 else ("ja", "") if case < 7 else ("nej", "Mangler.")
        ),
    )
    os.chdir(folder)
    texts = []
    for modtager in ("udvalg", "leder"):
        args = ("--periode", "2026-11", "--format", "md", "--modtager", modtager, "-o", "-")
        result = cli("rapport", *args)
        assert result.exit_code == 0, result.output
        texts.append(str(result.stdout))
    row = next(x for x in texts[1].splitlines() if x.startswith("| Underretning |"))
    return texts[0], row


def test_the_committee_sees_the_step_share_without_the_questions_it_would_give_away(
    cli: Cli, tmp_path: Path
) -> None:
    """With the question rows, the step's share had to be hidden (below). The committee's
    headline is the step's share, so the question rows go instead, and nothing is revealed."""
    committee, row = leaky_report(cli, tmp_path / "ws")
    shown = next(x for x in committee.splitlines() if x.startswith("| Underretning |"))
    assert shown == row
    assert "Spørgsmålene vises ikke i denne udgave" in committee
    assert "underretning-1" not in committee
    assert read_report(committee, "md").revealed() == {}


def test_backcalc_finds_a_count_that_only_a_step_interval_gives_away(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Published, the leader's step row would tell the committee that at most 5 reviews
    answered underretning: then no question has more than 5 ja or nej, so each has at least
    4 ikke relevant, and `< 5` says it is 4. With the question rows kept (as before steps
    could be summarised), the product hides the step's share; put back in, backcalc finds
    all eight counts, and without its interval, none."""
    monkeypatch.setattr(decision, "_hidden_step_shares", lambda report, rules: set())
    committee, row = leaky_report(cli, tmp_path / "ws")
    hidden = next(x for x in committee.splitlines() if x.startswith("| Underretning |"))
    assert hidden.startswith("| Underretning | – |")
    assert row.startswith("| Underretning | 60,0 % ⚠ | 23,1–88,2 % |")
    leaked = read_report(committee.replace(hidden, row), "md").revealed()
    expected = {f"a[overordnet@2024.1|underretning-{i}|ikke relevant]" for i in range(1, 9)}
    assert expected <= leaked.keys() and {leaked[k] for k in expected} == {4}
    without = re.sub(r"23,1–88,2 %", "", row)
    assert read_report(committee.replace(hidden, without), "md").revealed() == {}


def _ledger(most_reviews: int | None) -> Ledger:
    """A question with 9 answers: `< 5` ikke relevant, the rest in a share hidden for a small
    part (3 ja, 2 nej). Its step's share is shown; with `most_reviews` its interval says at
    most that many reviews answered the step, as `published` writes it down."""
    ledger = Ledger(5)
    neutral = ledger.count(("answer", "ikke relevant"), 4)
    question = ledger.share(("question share",), 3, 5, [3, 2])
    ledger.count(("question total",), 9)
    ledger.total(("question total",), [neutral, denominator(question)])
    step = ledger.share(("step share",), 24, 40, [24, 16], most_reviews)
    if most_reviews is not None:
        ledger.at_most([denominator(question)], [reviews_behind(step)])
    return ledger


def test_the_committee_version_hides_what_a_step_interval_would_give_away() -> None:
    """9 - 4 = 5 answers at most, and `< 5` ikke relevant: at least 5 - shown, a step
    interval on 5 reviews would pin the 4. The ledger knows, and hides more."""
    plain = decide(_ledger(None), active=True)
    assert plain.shows(("step share",))
    clustered = _ledger(5)
    rules = decide(clustered, active=True)
    assert revealed(clustered, set(rules.hidden)) == []
    assert not rules.shows(("step share",)) or not rules.shows(("question total",))
    assert revealed(clustered, set(plain.hidden)) == [("answer", "ikke relevant")]


def test_the_ledger_writes_down_how_many_reviews_a_step_interval_allows() -> None:
    """5 reviews with 4 alike answers to underretning: its interval is on 5 reviews, and no
    question of it can have more than 5 answers; a question's interval allows no bound."""
    from test_step_interval_cases import OVERORDNET, alike, record

    from ledelsestilsyn.core.cpr import mask_cpr
    from ledelsestilsyn.core.periods import parse_period
    from ledelsestilsyn.report.build import Settings, build_report
    from ledelsestilsyn.report.published import ledger_for, question_share, step_share

    keys = [("underretning", f"underretning-{i}") for i in range(1, 5)]
    answers = alike(5, 3, keys, "ja", "nej")
    records = [record(c, a, OVERORDNET.ref) for c, a in enumerate(answers)]
    period = parse_period("2026-11")
    templates = {OVERORDNET.ref: OVERORDNET}
    report = build_report(records, templates, period, Settings(), mask=mask_cpr, tidy=True)
    ledger = ledger_for(report)
    step = step_share(OVERORDNET.ref, "underretning")
    assert ledger.values[reviews_behind(step)] == 5
    for _, qid in keys:
        share = question_share(OVERORDNET.ref, "underretning", qid)
        assert reviews_behind(share) not in ledger.values
        terms = ((denominator(share), 1), (reviews_behind(step), -1))
        assert any(r.terms == terms and not r.equal for r in ledger.relations)

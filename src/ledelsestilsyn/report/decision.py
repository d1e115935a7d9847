"""The one suppression decision for a report, for its audience (`suppress.decide` on the
report's ledger, `published.ledger_for`): the step shares a committee reads first, the
teams withheld, and the reports of the periods inside it (`overlap`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from ledelsestilsyn.report import published
from ledelsestilsyn.report.build import Report
from ledelsestilsyn.report.overlap import Inner, given_away, merge
from ledelsestilsyn.report.suppress import Disclosure, Key, Memo, decide

AGGREGATE = frozenset({"udvalg", "afdeling"})
"""The audiences that see aggregates only, with small counts hidden."""


def disclosure_for(
    report: Report,
    audience: str,
    withheld_teams: Mapping[str, Collection[str]] | None = None,
    inner: Sequence[Inner] = (),
    memo: Memo | None = None,
) -> Disclosure:
    """The one suppression decision for the whole report (nothing hidden for leaders).

    `withheld_teams` (per template ref) are teams whose shares this audience does not
    see at all (fewer than three reviewed caseworkers, for the department and the
    committee); they are hidden as part of the decision, so nothing shown gives them away.
    A step's share that would be hidden only to protect its questions' small counts is
    shown, and the step's question rows are left out instead (`Disclosure.summarised`), where
    that does show it (with the reports inside the period, it may not).
    `inner`: the same audience's reports of periods inside this one, as decided (`overlap`).
    Where a step's question rows would give a number away together with them or with what
    the concept tells (the cases drawn: 6 drawn, none left out, a question's `x` ja and
    `< 5` nej is 5 and 1), and nothing else shown can be hidden to prevent it (zeros are
    never hidden, and what a reader knows cannot be), its rows are left out
    whether or not that shows its share (`withdrawn`). `memo`: decisions made before
    (`decision_memo`).
    """
    if audience not in AGGREGATE:
        return Disclosure(report.settings.min_count)
    withheld = _team_shares(report, withheld_teams or {})
    summarised: set[tuple[str, str]] = set()
    futile: set[tuple[str, str]] = set()  # summarised, and the share still hidden
    given: set[Key] = set()
    if inner:
        whole = published.ledger_for(report)
        merge(whole, report.period, inner, rounds=report.long_rounds)
        given = given_away(whole)
    withdrawn: set[tuple[str, str]] = set()
    made: dict[frozenset[tuple[str, str]], Disclosure] = {}  # rows taken back: made before
    while True:
        left_out = frozenset(summarised | withdrawn)
        if left_out not in made:
            made[left_out] = _decision(report, withheld, set(left_out), inner, given, memo)
        rules = made[left_out]
        gone = rules.lost_steps() - withdrawn
        if gone:
            withdrawn |= gone
            summarised -= gone
            continue
        unshown = {s for s in summarised if not rules.shows(published.step_share(*s))}
        if unshown:  # its question rows go only where that shows the step's share
            summarised -= unshown
            futile |= unshown
            continue
        hidden = _hidden_step_shares(report, rules) - summarised - futile - withdrawn
        if not hidden:
            return replace(rules, summarised=frozenset(summarised | withdrawn))
        summarised |= hidden


def _decision(
    report: Report,
    withheld: set[Key],
    summarised: set[tuple[str, str]],
    inner: Sequence[Inner],
    given: set[Key],
    memo: Memo | None,
) -> Disclosure:
    ledger = published.ledger_for(report, summarised=summarised)
    merge(ledger, report.period, inner, given, report.long_rounds)
    rules = decide(ledger, active=True, withheld=withheld, memo=memo)
    if rules.complete:
        return rules
    # Still pinned by the bounds alone (Syd `x` and three teams `< 5` give at least 8 cases,
    # a question `< 5`, 0, `< 5` at most 8): the team tables, each team at least 1, go.
    ledger = published.ledger_for(report, teams=False, summarised=summarised)
    merge(ledger, report.period, inner, given, report.long_rounds)
    return replace(decide(ledger, active=True, withheld=withheld, memo=memo), teams=False)


def _hidden_step_shares(report: Report, rules: Disclosure) -> set[tuple[str, str]]:
    """Steps whose share is hidden only to protect other cells (its own counts are not small):
    a step's share is the committee's headline, so its question rows go first."""
    found = set()
    for template in report.templates:
        ref = template.current.template.ref
        for step in template.current.steps:
            key = published.step_share(ref, step.id)
            if rules.publishes(key) and not rules.shows(key) and key not in rules.small_shares:
                found.add((ref, step.id))
    return found


def _team_shares(report: Report, teams: Mapping[str, Collection[str]]) -> set[Key]:
    """Every share of the named teams (per template ref): steps, blocks across the case, total."""
    keys: set[Key] = set()
    for template in report.templates:
        ref = template.current.template.ref
        for name in teams.get(ref, ()):
            keys.add(published.team_share(ref, name))
            steps = template.current.steps
            keys.update(published.team_step_share(ref, name, s.id) for s in steps)
    return keys

"""The rounds of the period in the committee's ledger, for a reader who knows the annual plan.

The concept's annual plan says which steps each round looks at, and a committee may well
have it (rotating focus: October on underretning, November on screening, December on
both). Such a reader knows that a question's count over the period is the cases of the
rounds that looked at its step, and that a series' cases are its rounds' cases: with 6
cases, 5 on underretning and screening's `< 5`, December's cases on screening are 6 − 5 = 1.
A reader who does not know the plan gets none of that; the tables' own relations are in
`published`.

Each round's cases are a count that no table shows (`Ledger.unpublished`); the relations
are added where they hold, as every relation of the ledger is, and only for a series whose
rounds looked at different steps: for the others they say nothing new, and an unknown more
only sends the search for what to hide further afield (`secondary.Secondary.candidates`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ledelsestilsyn.report.build import Report
from ledelsestilsyn.report.suppress import Key, Ledger
from ledelsestilsyn.report.tidy import TidyGroup, question_rows


def round_cases(period: str, series: str, ref: str) -> Key:
    """The cases one round (a sample: period and series) reviewed with template `ref`."""
    return ("round cases", period, series, ref)


def add_rounds(
    ledger: Ledger, report: Report, shown: Collection[str], summarised: Collection[tuple[str, str]]
) -> dict[str, list[Key]]:
    """Each round's cases, tied to the tidy table's rows of its series (the rounds that
    looked at a step add up to each of its questions' rows); the rounds' keys by series,
    for the overview's counts (`published.ledger_for`)."""
    if report.rounds is None or report.tidy is None:
        raise ValueError("udvalgets regnskab kræver runderne: build_report(tidy=True)")
    by_series: dict[str, list[Key]] = {}
    looked: dict[tuple[str, str, str], list[Key]] = {}  # series, template, step → rounds
    for group in _rotating(report.rounds):
        ref = group.section.template.ref
        key = ledger.unpublished(
            round_cases(group.period, group.series, ref), group.section.reviews
        )
        by_series.setdefault(group.series, []).append(key)
        for step in group.section.steps:
            looked.setdefault((group.series, ref, step.id), []).append(key)
    for group, q, rows in question_rows(report.tidy, shown, summarised):
        rounds = looked.get((group.series, group.section.template.ref, q.step))
        if rounds:
            ledger.relate([*((r, 1) for r in rounds), *((k, -1) for _, k, _ in rows)], equal=True)
    return by_series


def _rotating(rounds: Sequence[TidyGroup]) -> list[TidyGroup]:
    """The rounds of the series whose rounds did not all look at the same steps: where they
    did, every case answered every step, which the tables' own relations already say."""
    focus: dict[str, set[tuple[str, frozenset[str]]]] = {}
    for group in rounds:
        steps = frozenset(s.id for s in group.section.steps)
        focus.setdefault(group.series, set()).add((group.section.template.ref, steps))
    return [g for g in rounds if len(focus[g.series]) > 1]

"""Agreement between the levels of a tilsyn (KK's niveau 4: "kvalitetssikrer ledelsestilsynet").

A series with `niveau: {fra: …}` draws from another series' completed
reviews, so the same case is reviewed at two levels (niveau 1 and niveau 3,
say). For each template and each pair of series that share cases, every
review of the higher level in the period is paired with the lower level's
latest review of the same case up to the end of the higher review's period
(a quarterly niveau 2 draws from all three monthly niveau-1 rounds, so each
of them counts, not only the first); "lower" is the series that comes
first in the concept. The figures are the calibration's (`calibration.compare`):
percent agreement, Cohen's kappa and Gwet's AC1, and the questions where the
levels answered differently. Calibration extras (`gennemgang_nr` 2, 3 …) are
left out: each level counts with its first review of the case.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from ledelsestilsyn.core.periods import Period, parse_period
from ledelsestilsyn.core.words import number
from ledelsestilsyn.models.template import Template
from ledelsestilsyn.report.aggregate import first_reviews
from ledelsestilsyn.report.calibration import Agreement, compare
from ledelsestilsyn.report.cells import agreement_cells, too_few_pairs
from ledelsestilsyn.report.formats import percent
from ledelsestilsyn.report.records import ReviewRecord


@dataclass(frozen=True)
class Disagreement:
    """A question the two levels answered differently in `differing` of `items` cases."""

    question_id: str
    text: str
    items: int
    differing: int
    agreement: float


@dataclass
class LevelComparison:
    template: Template
    lower: str
    upper: str
    cases: int
    overall: Agreement
    disagreements: list[Disagreement]


def _rank(order: Sequence[str]) -> dict[str, int]:
    return {name: i for i, name in enumerate(order)}


def _pairs(
    reviews: dict[str, list[ReviewRecord]], lower: str, upper: str, period: Period
) -> list[list[ReviewRecord]]:
    """[lower review, upper review] for each review of the case at `upper` in `period`.

    The lower review is the latest one whose round starts before the upper
    review's period ends.
    """
    pairs = []
    for high in reviews.get(upper, []):
        if not high.counts_in(period):
            continue
        end = parse_period(high.period).end
        earlier = [r for r in reviews.get(lower, []) if r.period_start <= end]
        if earlier:
            low = max(earlier, key=lambda r: (r.period_start, r.period))
            pairs.append([low, high])
    return pairs


def _disagreements(
    template: Template, pairs: Sequence[Sequence[ReviewRecord]]
) -> list[Disagreement]:
    found = []
    for step in template.steps:
        for question in step.questions:
            key = (step.id, question.id)
            answered = [
                (a.answers[key][0], b.answers[key][0])
                for a, b in pairs
                if key in a.answers and key in b.answers
            ]
            differing = sum(x != y for x, y in answered)
            if differing:
                items = len(answered)
                found.append(
                    Disagreement(
                        question.id, question.text, items, differing, 1 - differing / items
                    )
                )
    found.sort(key=lambda d: (d.agreement, -d.items))  # ties stay in the template's order
    return found


def compare_levels(
    records: Sequence[ReviewRecord],
    templates: dict[str, Template],
    period: Period,
    order: Sequence[str],
) -> list[LevelComparison]:
    """Per template and pair of series sharing cases: how far the levels agree in `period`."""
    rank = _rank(order)
    result: list[LevelComparison] = []
    for ref, template in sorted(templates.items()):
        by_case: dict[str, dict[str, list[ReviewRecord]]] = {}
        for record in first_reviews(r for r in records if r.template == ref):
            by_case.setdefault(record.case_id, {}).setdefault(record.series, []).append(record)
        names = sorted(
            {s for reviews in by_case.values() if len(reviews) > 1 for s in reviews},
            key=lambda s: (rank.get(s, len(rank)), s),
        )
        for lower, upper in combinations(names, 2):
            pairs = [
                p for reviews in by_case.values() for p in _pairs(reviews, lower, upper, period)
            ]
            if not pairs:
                continue
            overall, _ = compare(template, pairs)
            result.append(
                LevelComparison(
                    template, lower, upper, len(pairs), overall, _disagreements(template, pairs)
                )
            )
    return result


@dataclass
class LevelView:
    """One pair of levels as the leader report shows it."""

    title: str
    cases: str
    overall: list[str]
    disagreements: list[list[str]]
    min_pairs: int = 0
    """Set when kappa and AC1 are left out (`–`) for having fewer pairs than this."""


def level_views(comparisons: Sequence[LevelComparison], ref: str, minimum: int) -> list[LevelView]:
    """The comparisons of template `ref`, as text; kappa and AC1 only on `minimum` pairs."""
    return [
        LevelView(
            f"{c.lower} og {c.upper}",
            number(c.cases),
            agreement_cells(c.overall, minimum),
            [
                [d.question_id, d.text, f"{d.differing} af {d.items}", percent(d.agreement)]
                for d in c.disagreements
            ],
            minimum if too_few_pairs(c.overall, minimum) else 0,
        )
        for c in comparisons
        if c.template.ref == ref
    ]

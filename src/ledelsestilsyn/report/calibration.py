"""Calibration: agreement between independent reviews of the same case.

Where a case has two or more reviews in the period, each question answered
in at least two of them is an item. Per question and overall: percent
agreement, Cohen's kappa (the first two reviews of each case) and Gwet's AC1
(all reviews; it does not collapse when nearly every answer is `ja`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ledelsestilsyn.models.template import Template
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.report.stats import cohen_kappa, gwet_ac1, percent_agreement

MOST_DISAGREEMENT = 10


@dataclass(frozen=True)
class Agreement:
    label: str
    items: int
    agreement: float | None
    kappa: float | None
    ac1: float | None


@dataclass
class CalibrationResult:
    template: Template
    cases: int
    overall: Agreement
    questions: list[Agreement]

    def most_disagreement(self) -> list[Agreement]:
        """The questions with the lowest agreement; ties stay in the template's order."""
        disagreeing = [q for q in self.questions if q.agreement is not None and q.agreement < 1]
        disagreeing.sort(key=lambda q: (q.agreement, -q.items))
        return disagreeing[:MOST_DISAGREEMENT]


def agreement(label: str, items: list[list[str]], categories: Sequence[str]) -> Agreement:
    """Percent agreement, Cohen's kappa (the first two ratings of each item) and Gwet's AC1."""
    pairs = [(item[0], item[1]) for item in items if len(item) >= 2]
    return Agreement(
        label,
        len(items),
        percent_agreement(items),
        cohen_kappa(pairs),
        gwet_ac1(items, categories),
    )


def compare(
    template: Template, groups: Sequence[Sequence[ReviewRecord]]
) -> tuple[Agreement, list[Agreement]]:
    """Agreement overall and per question between the reviews of each group (one case each).

    An item is a question answered in at least two reviews of a group.
    """
    per_question: list[Agreement] = []
    pooled: list[list[str]] = []
    categories: set[str] = set(v.answer for v in template.scale)
    for step in template.steps:
        for question in step.questions:
            scale = [v.answer for v in template.scale_for(question)]
            categories.update(scale)
            key = (step.id, question.id)
            items = [[r.answers[key][0] for r in group if key in r.answers] for group in groups]
            items = [item for item in items if len(item) >= 2]
            if items:
                per_question.append(agreement(question.id, items, scale))
                pooled.extend(items)
    return agreement("samlet", pooled, sorted(categories)), per_question


def _one_per_reviewer(group: list[ReviewRecord]) -> list[ReviewRecord]:
    """A case's reviews in order, each reviewer's first only: a second review by the same
    person is not independent (`valider` warns G035)."""
    seen: set[str] = set()
    kept = []
    for record in sorted(group, key=lambda r: (r.review_no, r.reviewer or "")):
        who = (record.reviewer or "").casefold()
        if who and who in seen:
            continue
        seen.add(who)
        kept.append(record)
    return kept


def calibrate(template: Template, records: Sequence[ReviewRecord]) -> CalibrationResult | None:
    """Agreement for the cases of `template` with two or more reviews; None if there are none."""
    cases: dict[tuple[str, str, str], list[ReviewRecord]] = {}
    for record in records:
        if record.template == template.ref:
            cases.setdefault((record.series, record.case_id, record.period), []).append(record)
    independent = [_one_per_reviewer(group) for _, group in sorted(cases.items())]
    multi = [group for group in independent if len(group) >= 2]
    if not multi:
        return None
    overall, per_question = compare(template, multi)
    return CalibrationResult(template, len(multi), overall, per_question)

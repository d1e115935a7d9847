"""Does a tiltag work? The share on its targets before and after it was decided.

Before: the first reviews of every period that started before `besluttet`.
After: those of the periods that started on or after it, up to the end of the
report's period. Both get a 95 % Wilson interval. The verdict never
overclaims: with fewer than `min_count` non-neutral answers on either side it
says so plainly, and it calls a change better or worse only when the two
intervals do not overlap. Everything else is "no certain change".

A target is one row per template that has it: a question, a step (its
questions pooled) or a pejlemærke (its questions pooled). A tiltag with
`skabelon` has rows for that template only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ledelsestilsyn.core.periods import Period
from ledelsestilsyn.models.template import Template
from ledelsestilsyn.models.tiltag import Tiltag
from ledelsestilsyn.report import published
from ledelsestilsyn.report.aggregate import (
    QuestionStat,
    Section,
    StepStat,
    Tally,
    first_reviews,
    section,
)
from ledelsestilsyn.report.cells import DASH, ShareCell, share_cell
from ledelsestilsyn.report.formats import long_date
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.report.suppress import Key

TOO_FEW = "for få gennemgange til at vurdere effekten"
BETTER = "bedre: intervallerne overlapper ikke"
WORSE = "dårligere: intervallerne overlapper ikke"
UNCLEAR = "ingen sikker ændring: intervallerne overlapper"
HIDDEN_VERDICT = "vises ikke, fordi periodens andel for målet ikke vises (få gennemgange)"


def verdict(before: Tally, after: Tally, min_count: int) -> str:
    """What the data can say about the change, and nothing more."""
    if before.answered < min_count or after.answered < min_count:
        return TOO_FEW
    low, high = before.interval, after.interval
    if low is None or high is None:
        return TOO_FEW
    if high.low > low.high:
        return BETTER
    if high.high < low.low:
        return WORSE
    return UNCLEAR


@dataclass
class EffectRow:
    target: str
    template: str
    before: ShareCell
    before_n: int
    after: ShareCell
    after_n: int
    verdict: str
    share: Key = ()
    """The target's share in the report's own period (`report.published`): where an audience
    does not see it, the verdict is not shown either (`report.department`)."""


@dataclass
class TiltagView:
    id: str
    title: str
    status: str
    decided: str
    deadline: str
    responsible: str
    rows: list[EffectRow]


def _pair(before: Tally | None, after: Tally | None) -> tuple[Tally, Tally] | None:
    """Both sides of a target; an empty tally on the side without data."""
    known = before if before is not None else after
    if known is None:
        return None
    return before or Tally(known.scale), after or Tally(known.scale)


def _tally(stat: QuestionStat | StepStat | None) -> Tally | None:
    return stat.tally if stat is not None else None


def _targets(
    tiltag: Tiltag, template: Template, before: Section, after: Section
) -> list[tuple[str, Key, Tally, Tally]]:
    """(label, key of the target's share in the report, tally before, tally after)."""
    ref = template.ref
    steps = {q.id: s.id for s in template.steps for q in s.questions}
    pooled_before = {g.name: g.tally for g in before.pejlemaerker()}
    pooled_after = {g.name: g.tally for g in after.pejlemaerker()}
    candidates: list[tuple[str, Key, Tally | None, Tally | None]] = []
    for question_id in tiltag.targets.questions:
        qb, qa = before.question(question_id), after.question(question_id)
        key = published.question_share(ref, steps.get(question_id, ""), question_id)
        candidates.append((question_id, key, _tally(qb), _tally(qa)))
    for step_id in tiltag.targets.steps:
        sb, sa = before.step(step_id), after.step(step_id)
        key = published.step_share(ref, step_id)
        candidates.append((f"sagsskridt {step_id}", key, _tally(sb), _tally(sa)))
    for name in tiltag.targets.pejlemaerker:
        key = published.pejlemaerke_share(ref, name)
        b, a = pooled_before.get(name), pooled_after.get(name)
        candidates.append((f"pejlemærke {name}", key, b, a))
    found = []
    for label, key, b, a in candidates:
        pair = _pair(b, a)
        if pair is not None:
            found.append((label, key, *pair))
    return found


def tiltag_views(
    tiltag: Sequence[Tiltag],
    records: Sequence[ReviewRecord],
    templates: dict[str, Template],
    period: Period,
    min_count: int,
    threshold: float,
    *,
    today: date | None = None,
) -> list[TiltagView]:
    """Each tiltag with its targets' shares before and after, for the leader report; an open
    tiltag's deadline before `today` is marked as overdue."""
    counted = first_reviews(r for r in records if r.period_start <= period.end)
    views: list[TiltagView] = []
    for t in tiltag:
        rows: list[EffectRow] = []
        for ref, template in sorted(templates.items()):
            if t.template is not None and template.id != t.template:
                continue
            own = [r for r in counted if r.template == ref]
            before = section(template, [r for r in own if r.period_start < t.decided])
            after = section(template, [r for r in own if r.period_start >= t.decided])
            for label, key, b, a in _targets(t, template, before, after):
                rows.append(
                    EffectRow(
                        label,
                        template.title,
                        share_cell(b, threshold, shown=True),
                        b.answered,
                        share_cell(a, threshold, shown=True),
                        a.answered,
                        verdict(b, a, min_count),
                        key,
                    )
                )
        views.append(
            TiltagView(
                t.id,
                t.title,
                t.status,
                long_date(t.decided),
                _deadline(t, today),
                t.responsible or DASH,
                rows,
            )
        )
    return views


def _deadline(tiltag: Tiltag, today: date | None) -> str:
    if tiltag.deadline is None:
        return DASH
    late = tiltag.is_open and today is not None and tiltag.deadline < today
    return long_date(tiltag.deadline) + (" (overskredet)" if late else "")


def addressing(tiltag: Sequence[Tiltag], template: Template, question_id: str) -> list[str]:
    """The ids of the open tiltag that target a question (directly, by step or pejlemærke)."""
    step = next((s for s in template.steps if any(q.id == question_id for q in s.questions)), None)
    question = next((q for q in step.questions if q.id == question_id), None) if step else None
    found = []
    for t in tiltag:
        if not t.is_open or t.template not in (None, template.id):
            continue
        goals = t.targets
        if (
            question_id in goals.questions
            or (step is not None and step.id in goals.steps)
            or (question is not None and question.pejlemaerke in goals.pejlemaerker)
        ):
            found.append(t.id)
    return found

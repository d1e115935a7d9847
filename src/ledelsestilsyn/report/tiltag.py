"""Does a tiltag work? The share on its targets before and after it was decided.

Before: the first reviews of the periods that started in the year before
`besluttet` (what the leaders saw when they decided; older rounds would blur it).
After: those of the periods that started on or after it, up to the end of the
report's period. Both get a 95 % Wilson interval. The verdict never
overclaims: with fewer than `min_count` cases on either side it says so plainly,
and it calls a change better or worse only when the change's own 95 % interval
(`stats.difference`) does not hold 0. Everything else is "no certain change".

With `mål: niveau` the verdict also says whether the share after the decision reaches
the level the leadership aimed at.

A target is one row per template that has it: a question, a step (its
questions pooled) or a pejlemærke (its questions pooled). A tiltag with
`skabelon` has rows for that template only. A target that a new version of
its template removed says so, and how to fix the tiltag (`Gone`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from ledelsestilsyn.core.names_found import names_in, written_as_found
from ledelsestilsyn.core.periods import Period
from ledelsestilsyn.core.words import count
from ledelsestilsyn.followup.tiltag import Retired, evaluation_date
from ledelsestilsyn.followup.tiltag_ids import shown_id
from ledelsestilsyn.models.template import Template
from ledelsestilsyn.models.tiltag import Tiltag
from ledelsestilsyn.report import published
from ledelsestilsyn.report.aggregate import Scale, first_reviews
from ledelsestilsyn.report.build import one_per_case_at_a_time
from ledelsestilsyn.report.cells import DASH, ShareCell, share_of
from ledelsestilsyn.report.effect import Key, PeriodAnswers, Side, answered_keys, rounds, side
from ledelsestilsyn.report.formats import long_date, share_text
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.report.stats import difference
from ledelsestilsyn.report.suppress import Key as ShareKey
from ledelsestilsyn.report.versions import VersionMaps, carried_records

TOO_FEW = "for få gennemgange til at vurdere effekten"
BETTER = "bedre: mere, end tilfældigheder kan forklare"
WORSE = "dårligere: mere, end tilfældigheder kan forklare"
UNCLEAR = "ingen sikker ændring: forskellen kan skyldes tilfældigheder"
NOT_COMPARABLE = "kan ikke sammenlignes: før og efter er ikke besvaret på de samme spørgsmål"
HIDDEN_VERDICT = (
    "vises ikke, fordi rapporten skjuler periodens andel for målet: et lille tal (fx få "
    "nej-svar) kunne ellers regnes ud"
)
"""Not 'few reviews': a share is hidden for any count under `mindste_antal`, also the few
'nej' of a tiltag that works (found by probe W)."""
ROUNDS_VERDICT = (
    "vises ikke: en periode før eller efter beslutningen har for få gennemgange på målet til "
    "at blive vist for sig"
)
LEFT_OUT_VERDICT = "vises ikke: skabelonen har for få gennemgåede sager i perioden til at være med"
UNANSWERED_VERDICT = "vises ikke: ingen gennemgang i perioden har besvaret målet"
GONE_VERDICT = "kan ikke måles: ikke længere i skabelonen"
NOT_STARTED = (
    "tiltaget står som planlagt, så efter er gennemgangene siden beslutningen, ikke siden "
    "tiltaget blev sat i gang"
)


def verdict(before: Side, after: Side, min_count: int) -> str:
    """What the data can say about the change, and nothing more: `min_count` cases a side."""
    if before.cases < min_count or after.cases < min_count:
        return TOO_FEW
    earlier, now = before.share, after.share
    if earlier is None or now is None or before.interval is None or after.interval is None:
        return TOO_FEW
    change = difference(earlier, before.interval, now, after.interval)
    if change.low > 0:
        return BETTER
    if change.high < 0:
        return WORSE
    return UNCLEAR


@dataclass
class EffectRow:
    target: str
    template: str
    before: ShareCell
    before_n: int
    """Cases with an answer on the target before (not answers: see `report.effect`)."""
    after: ShareCell
    after_n: int
    verdict: str
    share: ShareKey = ()
    """The target's share in the report's own period (`report.published`): where an audience
    does not see it, the verdict is not shown either (`report.department`)."""
    in_period: bool = True
    """A review in the report's own period answered the target (not `ikke relevant`); when
    none did (the årshjul had it out of focus), its share is not hidden, it is not there."""
    ref: str = ""
    """The template's ref (`template` is its title)."""
    steps: tuple[str, ...] = ()
    """The steps the target's questions are in."""
    rounds: tuple[PeriodAnswers, ...] = ()
    """The target's answers period by period, before and after: what the verdict pools."""
    after_periods: str = ""
    """The share after, period by period, where there are two or more (`2026-10: 100,0 % (8
    sager) · 2026-11: 64,3 % (14 sager)`): pooled, a relapse read as a success (probe BG)."""


@dataclass
class Gone:
    """A target a new template version removed: no row, and never "no reviews yet"."""

    target: str
    text: str
    """For the leader: what happened, and how to fix the tiltag."""

    @classmethod
    def of(cls, retired: Retired) -> Gone:
        label = retired.target if retired.key == "spørgsmål" else f"sagsskridt {retired.target}"
        return cls(
            label,
            f"{retired.what.capitalize()} {retired.target} er ikke længere i skabelonen "
            f"{retired.template} (version {retired.newest}), så effekten kan ikke måles på det. "
            "Ret målet i tiltag.yaml.",
        )


@dataclass
class TiltagView:
    id: str
    title: str
    status: str
    decided: str
    deadline: str
    responsible: str
    rows: list[EffectRow]
    conclusion: str = ""
    """What the leadership concluded when it evaluated the tiltag (`konklusion`)."""
    evaluated: str = ""
    gone: list[Gone] = field(default_factory=list)
    evaluation: str = ""
    """When the effect is to be evaluated (`evaluering 30. marts 2027 (overskredet)`), or that
    it was evaluated without a conclusion; "" when there is nothing to say."""


Target = tuple[str, list[Key], bool, ShareKey]
"""(label, its questions, pooled (a step or pejlemærke), key of its share in the report)."""


def _targets(tiltag: Tiltag, template: Template) -> list[Target]:
    """Each target the template has."""
    ref, steps = template.ref, {s.id: s for s in template.steps}
    found: list[Target] = []
    for question_id in tiltag.targets.questions:
        keys = [(s.id, q.id) for s in template.steps for q in s.questions if q.id == question_id]
        share = published.question_share(ref, keys[0][0], question_id) if keys else ()
        found.append((question_id, keys, False, share))
    for step_id in tiltag.targets.steps:
        step = steps.get(step_id)
        keys = [(step_id, q.id) for q in step.questions] if step else []
        found.append((f"sagsskridt {step_id}", keys, True, published.step_share(ref, step_id)))
    for name in tiltag.targets.pejlemaerker:
        keys = [
            (s.id, q.id)
            for s in template.steps
            if not s.across
            for q in s.questions
            if q.pejlemaerke == name
        ]
        share = published.pejlemaerke_share(ref, name)
        found.append((f"pejlemærke {name}", keys, True, share))
    return [target for target in found if target[1]]


def _row(
    target: Target,
    sides: tuple[Sequence[ReviewRecord], Sequence[ReviewRecord]],
    template: Template,
    settings: tuple[int, float],
) -> EffectRow:
    """A target's before and after; a pooled one only on the questions both sides answered."""
    label, keys, pooled, share = target
    scales = {(s, q): _scale(template, s, q) for s, q in keys}
    before, after = sides
    b, a = side(before, keys, scales), side(after, keys, scales)
    shared = answered_keys(before, keys, scales) & answered_keys(after, keys, scales)
    comparable = not pooled or bool(shared) or not (b.cases and a.cases)
    if pooled and shared and len(shared) < len(keys):
        label = f"{label} ({len(shared)} af {len(keys)} spørgsmål)"
        keys = [k for k in keys if k in shared]
        b, a = side(before, keys, scales), side(after, keys, scales)
    min_count, threshold = settings
    steps = tuple(sorted({s for s, _ in keys}))
    return EffectRow(
        label,
        template.title,
        share_of(b.share, b.interval, threshold),
        b.cases,
        share_of(a.share, a.interval, threshold),
        a.cases,
        verdict(b, a, min_count) if comparable else NOT_COMPARABLE,
        share,
        ref=template.ref,
        steps=steps,
        rounds=rounds([*before, *after], keys, scales),
        after_periods=_period_by_period(after, keys, scales, threshold),
    )


def _period_by_period(
    after: Sequence[ReviewRecord], keys: list[Key], scales: dict[Key, Scale], threshold: float
) -> str:
    """The share after the decision in each period with an answer on the target, as text;
    "" for fewer than two such periods (the column `efter` says it)."""
    shown = []
    for period in sorted({r.period for r in after}):
        one = side([r for r in after if r.period == period], keys, scales)
        if one.cases:
            text = share_of(one.share, one.interval, threshold).text
            shown.append(f"{period}: {text} ({count(one.cases, 'sag', 'sager')})")
    return " · ".join(shown) if len(shown) > 1 else ""


def _with_level(row: EffectRow, level: float) -> EffectRow:
    """The verdict, and whether the share after reaches the level the tiltag aims at
    (`mål: niveau`); said only where the verdict is about a change, so on enough cases, and
    uncertain, as a change is, when the level lies inside the share's 95 % interval."""
    after = row.after
    if row.verdict not in (BETTER, WORSE, UNCLEAR) or after.value is None:
        return row
    reached = "nået" if after.value >= level else "ikke nået"
    if after.low is not None and after.high is not None and after.low < level <= after.high:
        reached += " (usikkert: niveauet ligger i intervallet)"
    return replace(row, verdict=f"{row.verdict}; niveauet {share_text(level)} er {reached}")


def _not_started(row: EffectRow) -> EffectRow:
    """A verdict on a tiltag still `planlagt`: its "after" is the rounds since the decision,
    before anything was done, so a change (or a level reached) is not the tiltag's."""
    if not row.verdict.startswith((BETTER, WORSE, UNCLEAR)):
        return row
    return replace(row, verdict=f"{row.verdict}; {NOT_STARTED}")


def _answered(records: Sequence[ReviewRecord], keys: list[Key], template: Template) -> bool:
    """Any of `records` answered one of the target's questions (not `ikke relevant`)."""
    scales = {(s, q): _scale(template, s, q) for s, q in keys}
    return bool(answered_keys(records, keys, scales))


def _scale(template: Template, step_id: str, question_id: str) -> Scale:
    step = next(s for s in template.steps if s.id == step_id)
    return Scale.of(template.scale_for(next(q for q in step.questions if q.id == question_id)))


def tiltag_views(
    tiltag: Sequence[Tiltag],
    records: Sequence[ReviewRecord],
    templates: dict[str, Template],
    period: Period,
    min_count: int,
    threshold: float,
    *,
    today: date | None = None,
    order: Sequence[str] = (),
    versions: VersionMaps | None = None,
    retired: Mapping[str, Sequence[Retired]] | None = None,
    colleagues: Collection[str] = (),
) -> list[TiltagView]:
    """Each tiltag with its targets' shares before and after, for the leader report; an open
    tiltag's deadline before `today` is marked as overdue. A case reviewed in several series
    (levels) for overlapping periods counts once in a template, with the review of the series
    first in `order` (`one_per_case_at_a_time`); its review in another template counts
    there, as in the sections.
    An older version of a template has no rows of its own: its answers on the questions the
    newer version carries count under the newer one (`versions`), as in the trend. The
    targets a new version removed (`retired`, by tiltag id) are named as such. The id is
    shown as `shown_id` shows it to the leaders (`colleagues`)."""
    versions = versions or {}
    firsts = first_reviews(r for r in records if r.counts_by(period.end))
    views: list[TiltagView] = []
    # a name written with capitals in one tiltag's text, in lower case in another's
    found = names_in(x for t in tiltag for x in t.texts)
    for number, t in enumerate(tiltag, start=1):
        rows: list[EffectRow] = []
        for ref, template in sorted(templates.items()):
            if t.template is not None and template.id != t.template:
                continue
            if any(old == ref for old, _ in versions):
                continue  # counted under the newer version
            mine = [r for r in firsts if r.template == ref or (r.template, ref) in versions]
            counted = one_per_case_at_a_time(mine, order)  # per template, as its section
            older = [r for r in counted if (r.template, ref) in versions]
            own = [r for r in counted if r.template == ref]
            own += carried_records(template, older, versions)
            since = _year_before(t.decided)
            before = [r for r in own if since <= r.period_start < t.decided]
            after = [r for r in own if r.period_start >= t.decided]
            level = t.targets.level
            now = [r for r in own if r.period_start >= period.start]
            for target in _targets(t, template):
                row = _row(target, (before, after), template, (min_count, threshold))
                row = replace(row, in_period=_answered(now, target[1], template))
                row = row if level is None else _with_level(row, level)
                rows.append(_not_started(row) if t.status == "planlagt" else row)
        views.append(
            TiltagView(
                shown_id(t.id, number, colleagues),
                written_as_found(t.title, found),
                t.status,
                long_date(t.decided),
                _deadline(t, today),
                t.responsible or DASH,
                rows,
                written_as_found(t.conclusion or "", found),
                long_date(t.evaluated) if t.evaluated else "",
                [Gone.of(g) for g in (retired or {}).get(t.id, ())],
                _evaluation(t, today),
            )
        )
    return views


def _evaluation(tiltag: Tiltag, today: date | None) -> str:
    """The evaluation the leaders have ahead of them, or the conclusion they did not write."""
    if tiltag.evaluated is not None:
        if (tiltag.conclusion or "").strip():
            return ""
        return f"evalueret {long_date(tiltag.evaluated)}, men uden konklusion i tiltag.yaml"
    day = evaluation_date(tiltag)
    if day is None or tiltag.status == "opgivet":
        return ""
    late = today is not None and day < today
    return f"evaluering {long_date(day)}" + (" (overskredet)" if late else "")


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


def _year_before(day: date) -> date:
    """The same day a year earlier (28 February for 29 February)."""
    if (day.month, day.day) == (2, 29):
        return date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)

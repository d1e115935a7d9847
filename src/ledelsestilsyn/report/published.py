"""The report-wide model of what the committee version publishes: one `Ledger` per report.

Each number that any table, chart or the CSV shows gets one key here, and each way a reader
can tie numbers together is a relation (also one who knows the annual plan: `annual_plan`).
`suppress.decide` then hides cells once for the whole report, and every renderer (md, html,
csv) reads that one decision through the same keys. A table added to the report adds its
cells and relations here, in its own function.

Keys are tuples: the kind of number first, then what it is about.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence

from ledelsestilsyn.report import corrections
from ledelsestilsyn.report.aggregate import GroupRow, Section, Tally
from ledelsestilsyn.report.annual_plan import add_rounds
from ledelsestilsyn.report.build import Report, TemplateReport, TrendPoint
from ledelsestilsyn.report.cells import non_neutral
from ledelsestilsyn.report.reader import reviews_behind
from ledelsestilsyn.report.suppress import Key, Ledger, denominator, numerator
from ledelsestilsyn.report.tidy import question_rows

Steps = Collection[tuple[str, str]]
"""Steps as (template ref, step id)."""


def excluded_kind(reason: str) -> str:
    """An exclusion's kind without details: `delvist udfyldt (3 af 14 …)` → `delvist udfyldt`."""
    return reason.split(" (")[0]


# The keys, one function per kind of number.
def drawn(series: str | None = None) -> Key:
    return ("drawn",) if series is None else ("drawn", series)


def cases(series: str | None = None) -> Key:
    return ("cases",) if series is None else ("cases", series)


def reviews(series: str | None = None) -> Key:
    return ("reviews",) if series is None else ("reviews", series)


def team(name: str) -> Key:
    return ("team", name)


def template_cases(ref: str) -> Key:
    return ("template cases", ref)


def answer(ref: str, step: str, question: str, value: str) -> Key:
    return ("answer", ref, step, question, value)


def question_total(ref: str, step: str, question: str) -> Key:
    return ("question total", ref, step, question)


def question_share(ref: str, step: str, question: str) -> Key:
    return ("question share", ref, step, question)


def step_share(ref: str, step: str) -> Key:
    return ("step share", ref, step)


def trend_share(ref: str, label: str, step: str) -> Key:
    return ("trend share", ref, label, step)


def pejlemaerke_share(ref: str, name: str) -> Key:
    return ("pejlemærke share", ref, name)


def team_cases(ref: str, name: str) -> Key:
    return ("team cases", ref, name)


def team_step_share(ref: str, name: str, step: str) -> Key:
    return ("team step share", ref, name, step)


def team_share(ref: str, name: str) -> Key:
    return ("team share", ref, name)


def calibrated(ref: str) -> Key:
    return ("calibrated", ref)


def excluded(kind: str | None = None) -> Key:
    return ("excluded",) if kind is None else ("excluded", kind)


def shown_templates(report: Report, min_count: int) -> list[TemplateReport]:
    """The committee sees a template only with at least `min_count` reviewed cases."""
    return [t for t in report.templates if t.current.reviews >= min_count]


def drawn_total(report: Report) -> int:
    """Cases drawn in the period, each once (the sum of the series' without the ids)."""
    if report.drawn_cases is not None:
        return report.drawn_cases
    return sum(s.drawn or 0 for s in report.series)


def shared(report: Report) -> bool:
    """Whether a case is in several series, so a total is less than the sum of its rows."""
    drawn_sum = sum(s.drawn or 0 for s in report.series)
    return report.cases < sum(s.cases for s in report.series) or drawn_total(report) < drawn_sum


def ledger_for(
    report: Report, *, teams: bool = True, summarised: Steps = (), unshown: bool = False
) -> Ledger:
    """Every count and share the committee version of `report` publishes, and their relations;
    without the team tables when not `teams`, and without the question rows (and the tidy
    table's rows) of the `summarised` steps, (template ref, step id): only their share.
    `unshown`: also a left-out section's numbers (fewer than `min_count` cases), for a longer
    period's report (`overlap.Inner`): the quarter less November gave them (a probe)."""
    ledger = Ledger(report.settings.min_count)
    _overview(ledger, report, teams)
    shown = shown_templates(report, ledger.min_count)
    for template in report.templates:
        if template not in shown:  # a missing section: fewer than min_count cases, each team too
            ledger.count(template_cases(template.current.template.ref), template.current.reviews)
            if teams:
                _no_table(ledger, template.current.template.ref, template.teams)
        if template in shown or unshown:
            _template(ledger, template, teams, summarised)
    _across_templates(ledger, report)
    refs = {t.current.template.ref for t in (report.templates if unshown else shown)}
    _tidy(ledger, report, refs, summarised)
    for series, rounds in add_rounds(ledger, report, refs, summarised).items():
        ledger.total(cases(series), rounds)  # else at most (a case in two rounds)
        ledger.at_most([cases(series)], rounds)
    _excluded(ledger, report)
    corrections.add_counts(ledger, report.corrections)
    return ledger


def _overview(ledger: Ledger, report: Report, teams: bool) -> None:
    with_drawn = [s for s in report.series if s.drawn is not None]
    for s in with_drawn:  # the concept says how many cases a round draws (probe BF)
        ledger.known(drawn(s.series), s.drawn or 0)
    if with_drawn:
        ledger.known(drawn(), drawn_total(report))
        ledger.total(drawn(), [drawn(s.series) for s in with_drawn])
        if shared(report):
            ledger.at_most([drawn()], [drawn(s.series) for s in with_drawn])
            for s in with_drawn:
                ledger.at_most([drawn(s.series)], [drawn()])
    for s in report.series:
        ledger.count(cases(s.series), s.cases)
        ledger.count(reviews(s.series), s.reviews)
        ledger.at_most([cases(s.series)], [reviews(s.series)])
    ledger.count(cases(), report.cases)
    ledger.count(reviews(), sum(s.reviews for s in report.series))
    ledger.total(cases(), [cases(s.series) for s in report.series])
    if shared(report):
        # A case reviewed in several series (levels) counts once in the total.
        ledger.at_most([cases()], [cases(s.series) for s in report.series])
        for s in report.series:
            ledger.at_most([cases(s.series)], [cases()])
    ledger.total(reviews(), [reviews(s.series) for s in report.series])
    if not teams or not _any_large(ledger, [n for _, n in report.teams]):
        return
    for name, count in report.teams:
        ledger.count(team(name), count)
    ledger.total(cases(), [team(name) for name, _ in report.teams])


def _shared(ledger: Ledger, total: Key, parts: Sequence[Key]) -> bool:
    """Whether `total` counts fewer cases than its parts (a case in several counts once)."""
    values = ledger.values
    known = total in values and all(p in values for p in parts)
    return known and values[total] < sum(values[p] for p in parts)


def _any_large(ledger: Ledger, counts: Sequence[int]) -> bool:
    """A team table is published only if a team has `min_count` cases: a table of `< 5`
    alone shows nothing, and its total would give the cells back (4 + 4 + 4 = 12)."""
    return any(n >= ledger.min_count for n in counts)


def _share(ledger: Ledger, key: Key, tally: Tally) -> Key:
    """A share, small also on fewer than `min_count` cases behind it (`Tally.cases`). A
    pooled share's interval is on those cases (`Tally.case_interval`): with the share, it
    tells how many there are (`reviews_behind`)."""
    parts = non_neutral(tally)
    reviews = tally.cases if tally.parts else None
    return ledger.share(key, tally.positive, tally.answered, parts, reviews, tally.cases)


def _step_share(ledger: Ledger, key: Key, tally: Tally, questions: Sequence[Key]) -> Key:
    """A step's share: its interval tells how many reviews answered the step, so that none
    of its questions has more non-neutral answers."""
    _share(ledger, key, tally)
    if tally.parts:
        for question in questions:
            ledger.at_most([denominator(question)], [reviews_behind(key)])
    return key


def _sum_shares(ledger: Ledger, total: Key, parts: Sequence[Key]) -> None:
    """A pooled share's numerator and denominator are the sums of its parts'."""
    ledger.total(numerator(total), [numerator(p) for p in parts])
    ledger.total(denominator(total), [denominator(p) for p in parts])


def _template(ledger: Ledger, report: TemplateReport, teams: bool, summarised: Steps) -> None:
    current = report.current
    ref = current.template.ref
    ledger.count(template_cases(ref), current.reviews)
    for step in current.steps:
        shares = []
        first = step.questions[0].question.id if step.questions else ""
        for q in step.questions if (ref, step.id) not in summarised else ():
            tally, qid = q.tally, q.question.id
            cells = [ledger.count(answer(ref, step.id, qid, a), n) for a, n in tally.ordered()]
            ledger.count(question_total(ref, step.id, qid), tally.total)
            ledger.total(question_total(ref, step.id, qid), cells)
            ledger.total(template_cases(ref), [question_total(ref, step.id, qid)])
            # every review with the step in focus answers all its questions: their totals
            # are equal, also where a round of the period had other focus (a quarter)
            ledger.total(question_total(ref, step.id, first), [question_total(ref, step.id, qid)])
            share = _share(ledger, question_share(ref, step.id, qid), tally)
            ledger.total(numerator(share), [c for c in cells if c[-1] in tally.scale.positive])
            ledger.total(denominator(share), [c for c in cells if c[-1] not in tally.scale.neutral])
            shares.append(share)
        key = _step_share(ledger, step_share(ref, step.id), step.tally, shares)
        _sum_shares(ledger, key, shares)
        ledger.per_review(key, len(step.questions), template_cases(ref))
    _trend(ledger, report)
    if current.graded:
        _pejlemaerker(ledger, current)
    if teams:
        _teams(ledger, ref, report.teams, current)
    if report.calibration is not None:
        ledger.count(calibrated(ref), report.calibration.cases)


def trend_key(report: TemplateReport, point: TrendPoint, step: str) -> Key | None:
    """The key of a trend point's share: the period's own step share when the period is
    one trend point, its own key when the period spans several, None outside the period."""
    ref = report.current.template.ref
    if not point.inside:
        return None
    if sum(p.inside for p in report.trend) == 1:
        return step_share(ref, step)
    return trend_share(ref, point.label, step)


def _trend(ledger: Ledger, report: TemplateReport) -> None:
    """Trend points inside the report's period add up to the period's step shares."""
    ref = report.current.template.ref
    for step in report.current.steps:
        parts = []
        for point in report.trend:
            found = point.section.step(step.id)
            key = trend_key(report, point, step.id)
            if found is not None and key is not None and key != step_share(ref, step.id):
                parts.append(_share(ledger, key, found.tally))
        _sum_shares(ledger, step_share(ref, step.id), parts)


def _pejlemaerker(ledger: Ledger, current: Section) -> None:
    ref = current.template.ref
    members: dict[str, list[Key]] = {}
    for step in current.case_steps:
        for q in step.questions:
            if q.question.pejlemaerke:
                members.setdefault(q.question.pejlemaerke, []).append(
                    question_share(ref, step.id, q.question.id)
                )
    for group in current.pejlemaerker():
        key = _share(ledger, pejlemaerke_share(ref, group.name), group.tally)
        _sum_shares(ledger, key, members[group.name])


def _teams(ledger: Ledger, ref: str, rows: Sequence[GroupRow], current: Section) -> None:
    """The team table: cases, step shares and the pooled share per team; without one, that
    no team has `min_count` cases with the template (`_no_table`)."""
    if not _any_large(ledger, [r.reviews for r in rows]):
        _no_table(ledger, ref, rows)
        return
    for row in rows:
        count = ledger.count(team_cases(ref, row.name), row.reviews)
        steps = {
            s.id: _share(ledger, team_step_share(ref, row.name, s.id), row.steps[s.id])
            for s in current.steps
            if s.id in row.steps
        }
        for step in current.steps:
            if step.id in steps:
                ledger.per_review(steps[step.id], len(step.questions), count)
        total = _share(ledger, team_share(ref, row.name), row.total)
        _sum_shares(ledger, total, [steps[s.id] for s in current.case_steps if s.id in steps])
        ledger.hide_with(count, [*steps.values(), total])
    ledger.total(template_cases(ref), [team_cases(ref, r.name) for r in rows])
    for step in current.steps:
        parts = [team_step_share(ref, r.name, step.id) for r in rows if step.id in r.steps]
        _sum_shares(ledger, step_share(ref, step.id), parts)


def _no_table(ledger: Ledger, ref: str, rows: Sequence[GroupRow]) -> None:
    """A template without a team table, while the overview's team table names the teams:
    each team's cases with the template are under `min_count` (Syd `< 5` in the overview,
    8 cases with the template and only Nord and Syd: 4 + 4, so Syd is 4), never shown."""
    if not all(team(r.name) in ledger.units for r in rows):
        return
    bounded = [ledger.bound(team_cases(ref, r.name), r.reviews) for r in rows]
    ledger.total(template_cases(ref), bounded)


def _across_templates(ledger: Ledger, report: Report) -> None:
    """Relations between the overview and the template sections, where they hold."""
    refs = [t.current.template.ref for t in report.templates]
    ledger.total(cases(), [template_cases(r) for r in refs])
    for name, _ in report.teams:
        found = [team_cases(r, name) for r in refs if team_cases(r, name) in ledger.units]
        ledger.total(team(name), found)
        for key in found:  # a team's cases with one template are some of its cases
            ledger.at_most([key], [team(name)])
    for ref in refs:
        own = [s.series for s in report.series if s.templates == (ref,)]
        extra = [reviews(s) for s in own]
        ledger.total(template_cases(ref), [cases(s) for s in own])
        if _shared(ledger, template_cases(ref), [cases(s) for s in own]):
            ledger.at_most([template_cases(ref)], [cases(s) for s in own])
            for s in own:
                ledger.at_most([cases(s)], [template_cases(ref)])
        ledger.at_most([calibrated(ref), *(cases(s) for s in own)], extra)


def _tidy(ledger: Ledger, report: Report, shown: set[str], summarised: Steps) -> None:
    """The CSV's counts per series add up to the template's. A review answers every question
    of its focus: a question's counts in a series add up to the series' cases, where each has
    one review (6 ja, 0 nej, 0 ikke relevant says 6); a case counted once over several series
    (levels) puts the template's count between a series' and the sum (`_shared_rounds`)."""
    parts: dict[Key, list[Key]] = {}
    if report.tidy is None:
        raise ValueError("udvalgets regnskab kræver tabellens grupper: build_report(tidy=True)")
    for group, q, rows in question_rows(report.tidy, shown, summarised):
        asked = [ledger.count(key, n) for _, key, n in rows]
        ref = group.section.template.ref
        for value, key, _ in rows:
            parts.setdefault(answer(ref, q.step, q.question.id, value), []).append(key)
        ledger.total(cases(group.series), asked)
        ledger.at_most([cases(group.series)], asked)
        ledger.at_most(asked, [reviews(group.series)])
    for total, keys in parts.items():
        ledger.total(total, keys)
        if shared(report):
            _shared_rounds(ledger, total, keys)


def _shared_rounds(ledger: Ledger, total: Key, rounds: Sequence[Key]) -> None:
    """A case in several series counts once, with the first series' review: the template's
    count is at least the first series' rounds' (where it holds), at most all rounds' sum."""
    ledger.at_most([total], rounds)
    for key in rounds:
        ledger.at_most([key], [total])


def _excluded(ledger: Ledger, report: Report) -> None:
    """Reviews not counted, by kind. Every drawn case not reviewed has a file among them."""
    kinds = Counter(excluded_kind(e.reason) for e in report.excluded)
    for kind, count in kinds.items():
        ledger.count(excluded(kind), count)
    if report.excluded:
        ledger.count(excluded(), len(report.excluded))
        ledger.total(excluded(), [excluded(k) for k in kinds])
    ledger.at_most([drawn()], [cases(), excluded()])
    # Each drawn case with one file: drawn = reviewed + not counted (8 drawn, 7 not started)
    not_counted = [excluded()] if report.excluded else []
    ledger.total(drawn(), [cases(), *not_counted])
    if drawn() in ledger.values:
        # each file is a review or not counted; the concept says the calibration's extra files
        # (probe Y: 12 drawn + 2 extra − 10 reviews gave `< 5` away as 4), also when there are
        # none: 12 reviews of 12 drawn gave the hidden cases as 12, and a left-out template's
        # `< 5` as 12 less the other's 9 (a probe; the relation needed a review not counted)
        extra = [ledger.known(("extra files",), report.extra_files)] if report.extra_files else []
        files = [(k, 1) for k in (drawn(), *extra)] + [(k, -1) for k in (reviews(), *not_counted)]
        ledger.relate(files, equal=True)
    if shared(report):  # the same, series by series
        with_drawn = [s.series for s in report.series if s.drawn is not None]
        every = [cases(s.series) for s in report.series]
        ledger.at_most([drawn(s) for s in with_drawn], [*every, excluded()])

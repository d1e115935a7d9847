"""The report of any period from the same inputs, and the committee's decision for each.

`rapport --periode 2026-K4 --modtager udvalg` must hide what the three monthly reports of
the quarter would give away together with it (`overlap`). Those reports are built here just
as `make_report` builds the one asked for, from the same loaded inputs, and decided each by
itself (a month's own inner reports first): so the quarter knows what October's report
shows, whether or not it was ever run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date

from ledelsestilsyn.core.periods import (
    Period,
    calendar_around,
    calendar_round,
    counted_in,
    parse_period,
    parts_inside,
)
from ledelsestilsyn.core.progress import step
from ledelsestilsyn.report import published
from ledelsestilsyn.report.build import Report, Settings, build_report, in_period
from ledelsestilsyn.report.corrections import status_counts
from ledelsestilsyn.report.decision import AGGREGATE, disclosure_for
from ledelsestilsyn.report.department import small_teams
from ledelsestilsyn.report.load import Inputs
from ledelsestilsyn.report.overlap import Inner
from ledelsestilsyn.report.pair_corrections import counting_corrections
from ledelsestilsyn.report.published import ledger_for
from ledelsestilsyn.report.records import UNKNOWN_TEAM, Excluded
from ledelsestilsyn.report.same_numbers import relabelled, same_numbers
from ledelsestilsyn.report.suppress import Disclosure, Key, Memo
from ledelsestilsyn.report.versions import VersionMaps


def excluded_in(inputs: Inputs, period: Period) -> list[Excluded]:
    """The reviews not counted that belong to `period` (or to no period)."""
    return [e for e in inputs.excluded if e.counts_in(period)]


def build_for(
    inputs: Inputs,
    period: Period,
    settings: Settings,
    *,
    aggregate: bool,
    today: date | None = None,
) -> Report:
    """The report for `period`: the reviews, drawn cases and exclusions of its days, and (as of
    `today`) the corrections it counts; `aggregate`: for the committee or the department
    (with the tidy table, and the corrections of the period's own reviews only)."""
    by_series: dict[str, set[str]] = {}
    for name, round_, ids in inputs.drawn:
        if counted_in(round_.start, round_.end, period):
            by_series.setdefault(name, set()).update(ids)
    # a case drawn in two rounds of a series is one drawn case, as it is one reviewed case
    drawn = {name: len(ids) for name, ids in by_series.items()}
    drawn_ids = set().union(*by_series.values())
    report = build_report(
        inputs.records,
        inputs.templates,
        period,
        settings,
        excluded=excluded_in(inputs, period),
        drawn=drawn,
        drawn_cases=len(drawn_ids),
        team_drawn=dict(Counter(inputs.drawn_teams.get(i) or UNKNOWN_TEAM for i in drawn_ids)),
        mask=settings.free_text,
        versions=inputs.versions,
        tidy=aggregate,
    )
    report.extra_files = sum(n for r, n in inputs.extra_files if counted_in(r.start, r.end, period))
    report.long_rounds = _long_rounds(inputs, period)
    if today is not None:
        found = counting_corrections(inputs.records, inputs.unfinished)
        report.corrections = status_counts(found, period, today, carried=not aggregate)
    return report


def _long_rounds(inputs: Inputs, period: Period) -> tuple[str, ...]:
    """The rounds counted in `period` that are a quarter, a half year or a year."""
    spans: set[tuple[date, date | None, str]] = {
        (r.start, r.end, r.label) for _, r, _ in inputs.drawn
    }
    spans |= {(r.period_start, r.period_end, r.period) for r in inputs.records}
    return tuple(
        sorted(
            label
            for start, end, label in spans
            if calendar_round(start, end) and counted_in(start, end, period)
        )
    )


@dataclass
class Reports:
    """An audience's reports of every period, each decided once (`rules`); `kinds`: the
    kinds of period the audience gets reports for (the concept's `udvalgets_perioder`;
    None: every kind); `ranges`: the date ranges it got reports of, in the order made
    (`issued`)."""

    inputs: Inputs
    settings: Settings
    audience: str
    kinds: Collection[str] | None = None
    ranges: Sequence[Period] = ()
    today: date | None = None
    """The day the corrections' status is as of (None: corrections are not counted)."""
    memo: Memo | None = None
    """Decisions made before (`decision_memo`)."""
    _built: dict[Period, Report] = field(default_factory=dict)
    _rules: dict[Period, Disclosure] = field(default_factory=dict)
    _inner: dict[Period, Inner] = field(default_factory=dict)
    consulted: set[Period] = field(default_factory=set)
    """The other periods whose shares a report asked about (`shows`): its previous period,
    baseline and trend points."""

    def build(self, period: Period) -> Report:
        """The report of `period`, built once: a decision, the report's compared range and
        its record in `.udgivet` all read it."""
        if period not in self._built:
            aggregate = self.audience in AGGREGATE
            self._built[period] = build_for(
                self.inputs, period, self.settings, aggregate=aggregate, today=self.today
            )
        return self._built[period]

    def withheld(self, period: Period) -> dict[str, set[str]]:
        """Teams whose shares the audience does not see: fewer than three caseworkers."""
        return small_teams(self.inputs.records, period) if self.audience in AGGREGATE else {}

    def rules(self, period: Period, report: Report | None = None) -> Disclosure:
        """The decision for the report of `period`, given the reports inside it."""
        if period not in self._rules:
            built = report or self.build(period)
            inner = self.inner(period)
            withheld = self.withheld(period)
            self._rules[period] = self._as_inner(period, built, inner) or disclosure_for(
                built, self.audience, withheld, inner, self.memo
            )
        return self._rules[period]

    def _as_inner(self, period: Period, report: Report, inner: list[Inner]) -> Disclosure | None:
        """The decision of a report inside `period` with the same numbers, under `period`'s
        label (`same_numbers`); None if none has them."""
        if not inner:
            return None
        ledger, withheld = ledger_for(report), self.withheld(period)
        for part in inner:
            other = self.build(part.period)
            if self.withheld(part.period) != withheld:
                continue
            if same_numbers(ledger, period.label, ledger_for(other), part.period.label):
                return relabelled(self._rules[part.period], part.period.label, period.label)
        return None

    def shows(self, label: str, key: Key) -> bool:
        """Whether the audience's report of the period `label` (another period than the one
        asked for: the previous, the baseline, a trend point) shows the share `key`. A
        period without reviews has none to agree with. A period of a kind the audience
        gets no report of (a baseline quarter beside monthly reports) is decided as if it
        got it, with the reports inside it that it does get: else the change against it
        would give its share, and with the months' totals a month's hidden count.

        A share of that period pools the answers of every version of the template
        (`versions.carried_records`), and that period's report shows each version apart:
        it must show the share of each version with reviews in the period (`drawn_on`).
        Otherwise a share hidden there, of the older version's few reviews, would follow
        from the pooled share and the newer version's."""
        period = parse_period(label)
        found = in_period(self.inputs.records, period)
        if not found:
            return True
        self.consulted.add(period)
        rules = self.rules(period)
        refs = {r.template for r in found}
        return all(rules.shows(k) for k in drawn_on(key, refs, self.inputs.versions))

    def inner(self, period: Period) -> list[Inner]:
        """The reports of the months, quarters and half years inside `period` that have
        reviews (no report can be made of the others) and that the audience gets, as each
        was decided."""
        return [self._one(part) for part in self._parts(period)]

    def decide(self, period: Period, report: Report) -> Disclosure:
        """The decision for `report` (of `period`), the reports inside it first, shortest
        first, showing how far it has come: a year's takes in 18 reports, and a while."""
        parts = self._parts(period)
        label = f"Afgør de skjulte tal i rapporterne for {period.label} og perioderne i den"
        with step(label, len(parts) + 1) as done:
            for n, part in enumerate(parts, 1):
                self._one(part)
                done(n)
            rules = self.rules(period, report)
            done(len(parts) + 1)
        return rules

    def _one(self, part: Period) -> Inner:
        if part not in self._inner:
            report = self.build(part)
            rules = self.rules(part, report)
            ledger = ledger_for(report, unshown=True)
            self._inner[part] = Inner(part, ledger, rules, report.long_rounds)
        return self._inner[part]

    def _parts(self, period: Period) -> list[Period]:
        """The periods inside `period` with a report for this audience (`inner`); for a
        date range also every other calendar period of the years it touches, since the
        quarter less October..November is December (`calendar_around`), and the date ranges
        made before it (all, for one not made yet), since August..October less
        September..October is August."""
        if self.audience not in AGGREGATE:
            return []
        if period.kind == "interval":
            made = list(self.ranges)
            before = made[: made.index(period)] if period in made else made
            parts = [*calendar_around(period), *before]
        else:
            parts = parts_inside(period)
        return [
            part
            for part in parts
            if (self.kinds is None or part.kind in self.kinds)
            and in_period(self.inputs.records, part)
        ]


def drawn_on(key: Key, refs: Collection[str], versions: VersionMaps) -> list[Key]:
    """The shares in one period's report that a share `key` of that period draws on, where
    the templates `refs` have reviews: its own, if its version has any, and each older
    version's carried into it. A step's share draws on the older step's share when that
    step was carried whole into it, else on each of its carried questions' as well. Other
    keys draw on themselves."""
    if key[:1] not in (("question share",), ("step share",)):
        return [key]
    ref, step = key[1], key[2]
    found = [key] if ref in refs else []
    for (old, new), version_map in versions.items():
        if new != ref or old not in refs:
            continue
        carried = version_map.carried()
        parts: list[tuple[str, list[str], bool]] = []
        for old_step in version_map.old.steps:
            moved = [(q.id, carried.get((old_step.id, q.id))) for q in old_step.questions]
            if key[0] == "question share":
                into = [q for q, to in moved if to == (step, key[3])]
            else:
                into = [q for q, to in moved if to is not None and to[0] == step]
            if into:
                parts.append((old_step.id, into, len(into) == len(moved)))
        for old_step_id, questions, whole in parts:
            if key[0] == "step share":
                found.append(published.step_share(old, old_step_id))
                if whole and len(parts) == 1:
                    continue
            found += [published.question_share(old, old_step_id, q) for q in questions]
    return found

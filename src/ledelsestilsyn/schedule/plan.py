"""The schedule: rounds per series, their deadlines, and what is due or overdue on a day.

Pure: no files, no clock. The plan comes from the concept and the titles of the
steps from its templates (`schedule.concept_cache.plan_from_concept`); it is plain
data, so `tilsyn påmind` can keep it in a small JSON cache and decide "nothing is
due" without importing pydantic. The workspace's state comes in as plain values
too (`WorkspaceState`).

The deadlines of a round are in `schedule.rounds` (a level works after its period);
the feedback letters are due `formidling: tilbagemelding_dage` days after the round's
latest finished review (`schedule.letters_due`), once every review is finished, or after the
round closes, when that is later and a review is still unfinished.

What counts: rounds whose period ended at most `HORIZON_MONTHS` months ago.
A round that was never drawn is due only while it runs, or once the series
has a drawn round at or before it (a municipality starting mid-year is not
reminded of the months before it started).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.core.periods import Kind, add_months, parse_period
from ledelsestilsyn.review.state import ReviewState
from ledelsestilsyn.schedule.corrections import CorrectionInfo, OverdueCorrection, overdue
from ledelsestilsyn.schedule.meetings import Meeting, next_meeting
from ledelsestilsyn.schedule.rounds import Round, SeriesPlan, make_round, rounds_in_year
from ledelsestilsyn.schedule.tiltag_dates import TiltagDate, TiltagDue, due

HORIZON_MONTHS = 12


ItemKind = Literal["udtræk", "gennemgang", "kalibrering", "rapport", "tilbagemelding"]
_KIND_ORDER: dict[str, int] = {
    "udtræk": 0,
    "gennemgang": 1,
    "kalibrering": 2,
    "rapport": 3,
    "tilbagemelding": 4,
}


@dataclass(frozen=True)
class Plan:
    series: tuple[SeriesPlan, ...]
    meetings: tuple[int, ...] = ()
    """Months (1-12) with a department meeting on the findings (`formidling`)."""
    feedback_days: int | None = None
    """Days after the latest review by which the letters are due; None: no letters."""
    committee: tuple[int, ...] = ()
    """Months (1-12) when the results go to the political committee (`formidling`)."""
    report_kinds: tuple[Kind, ...] | None = None
    """The kinds of period the department and the committee get reports for (None: any)."""

    def to_json(self) -> dict[str, Any]:
        series = [s.to_json() for s in self.series]
        meetings = list(self.meetings)
        return {
            "series": series,
            "meetings": meetings,
            "feedback": self.feedback_days,
            "committee": list(self.committee),
            "report_kinds": list(self.report_kinds) if self.report_kinds else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Plan:
        series = tuple(SeriesPlan.from_json(item) for item in data["series"])
        meetings, committee = tuple(data["meetings"]), tuple(data["committee"])
        kinds = data["report_kinds"]
        return cls(series, meetings, data["feedback"], committee, tuple(kinds) if kinds else None)


def rounds_opening_in(plan: Plan, state: WorkspaceState, year: int, month: int) -> list[Round]:
    """The rounds whose work begins in the given month: a series' round in its first month,
    a level's in the month after its sources' rounds (niveau 2 for 2026-K4 in January 2027),
    and a level's only when one of its sources has a sample in the period, as in `påmind`'s
    other reminders."""
    found = []
    for series in plan.series:
        for r in (r for y in (year - 1, year) for r in rounds_in_year(series, y)):
            if (r.opens.year, r.opens.month) == (year, month) and sources_drawn(
                series.sources, r, state
            ):
                found.append(r)
    return found


@dataclass(frozen=True)
class ReviewInfo:
    """What the schedule needs to know about one review file (never its answers)."""

    series: str
    period: str
    case_id: str
    reviewer: str
    state: str
    review_no: int = 1


@dataclass(frozen=True)
class WorkspaceState:
    drawn: frozenset[tuple[str, str]]
    """(series, period label) of every drawn sample."""
    reviews: tuple[ReviewInfo, ...] = ()
    reports: frozenset[tuple[str, str]] = frozenset()
    """(series, period label) of every round with a report."""
    complete_unlisted: Mapping[tuple[str, str], int] = field(default_factory=dict)
    """(series, period) → finished reviews left out of `reviews` (no calibration pair)."""
    corrections: tuple[CorrectionInfo, ...] = ()
    """Open corrections with a deadline, from every review."""
    tiltag: tuple[TiltagDate, ...] = ()
    """Deadlines and evaluation dates of the tiltag still to be met."""
    unanswered: Mapping[tuple[str, str], date] = field(default_factory=dict)
    """(series, period) → latest finished review date, for rounds without letters."""
    renewed: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    """Rounds among those whose letters were written before a review was finished, with the
    cases no letter covers."""

    def complete_count(self, series: str, period: str) -> int:
        listed = sum(
            r.state == ReviewState.COMPLETE
            for r in self.reviews
            if (r.series, r.period) == (series, period)
        )
        return listed + self.complete_unlisted.get((series, period), 0)


@dataclass(frozen=True)
class Item:
    """One thing that is due or overdue."""

    kind: ItemKind
    round: Round
    days_left: int
    reviewer: str = ""
    counts: tuple[tuple[str, int], ...] = ()
    cases: tuple[str, ...] = ()
    due: date | None = None
    """The letters' deadline (`tilbagemelding`), which no round date gives."""
    again: bool = False
    """Letters written before a review was finished: write them again."""

    @property
    def deadline(self) -> date:
        if self.due is not None:
            return self.due
        if self.kind == "udtræk":
            return self.round.draw_by
        if self.kind == "rapport":
            return self.round.report_by
        return self.round.finish_by

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    def key(self) -> str:
        """Stable identity for the reminder state file; a new stage is a new reminder."""
        stage = "overskredet" if self.overdue else "frist"
        return "|".join(
            (self.kind, self.round.series, self.round.period.label, self.reviewer, stage)
        )


@dataclass(frozen=True)
class RoundStatus:
    round: Round
    drawn: bool
    counts: tuple[tuple[str, int], ...]
    reported: bool


@dataclass(frozen=True)
class Status:
    today: date
    items: tuple[Item, ...]
    rounds: tuple[RoundStatus, ...]
    upcoming: tuple[Round, ...]
    corrections: tuple[OverdueCorrection, ...] = ()
    tiltag: tuple[TiltagDue, ...] = ()
    meeting: Meeting | None = None
    """Next month's department meeting (`formidling: afdelingsmøder`), if it has one."""
    committee: Meeting | None = None
    """Next month's committee meeting (`formidling: udvalgsmøder`), if it has one."""
    drawn_ahead: frozenset[tuple[str, str]] = frozenset()
    """(series, period label) of the `upcoming` rounds whose sample is already drawn."""

    @property
    def nothing_due(self) -> bool:
        return not self.items and not self.corrections and not self.tiltag


def _count(reviews: list[ReviewInfo], complete: int = 0) -> tuple[tuple[str, int], ...]:
    tally = {str(state): 0 for state in ReviewState}
    tally[ReviewState.COMPLETE] = complete
    for review in reviews:
        tally[review.state] = tally.get(review.state, 0) + 1
    return tuple((state, n) for state, n in tally.items() if n)


def _rounds_in_view(
    series: SeriesPlan, drawn_labels: set[str], today: date
) -> list[tuple[Round, bool]]:
    """(round, drawn) for the rounds of the series that matter on `today`."""
    oldest = date(*add_months(today.year, today.month, -HORIZON_MONTHS), 1)
    by_label: dict[str, Round] = {}
    for year in range(oldest.year, today.year + 1):
        for r in rounds_in_year(series, year):
            if r.closes >= oldest and r.opens <= today:
                by_label[r.period.label] = r
    for label in drawn_labels - by_label.keys():
        try:
            period = parse_period(label)
        except TilsynError:
            continue
        if period.end >= oldest and period.start <= today:
            by_label[label] = make_round(series, period)
    # An extra sample for a date range says nothing of where the series' rounds begin.
    drawn_starts = [
        r.period.start
        for lbl, r in by_label.items()
        if lbl in drawn_labels and r.period.kind != "interval"
    ]
    first_drawn = min(drawn_starts, default=None)
    result = []
    for label, r in sorted(by_label.items(), key=lambda kv: kv[1].period):
        is_drawn = label in drawn_labels
        started = first_drawn is not None and r.period.start >= first_drawn
        if is_drawn or r.runs(today) or started:
            result.append((r, is_drawn))
    return result


def _review_label(review: ReviewInfo) -> str:
    """The case id; a calibration pair's second review is named apart from the first."""
    if review.review_no > 1:
        return f"{review.case_id} ({review.review_no}. gennemgang)"
    return review.case_id


def _review_items(r: Round, reviews: list[ReviewInfo], today: date) -> list[Item]:
    days = (r.finish_by - today).days
    open_by_reviewer: dict[str, list[ReviewInfo]] = defaultdict(list)
    by_case: dict[str, list[ReviewInfo]] = defaultdict(list)
    for review in reviews:
        by_case[review.case_id].append(review)
        if review.state != ReviewState.COMPLETE:
            open_by_reviewer[review.reviewer].append(review)
    items = [
        Item("gennemgang", r, days, name, _count(group), tuple(sorted(map(_review_label, group))))
        for name, group in sorted(open_by_reviewer.items())
    ]
    half_done = sorted(
        case
        for case, group in by_case.items()
        if len(group) > 1 and 0 < sum(x.state == ReviewState.COMPLETE for x in group) < len(group)
    )
    if half_done:
        items.append(Item("kalibrering", r, days, cases=tuple(half_done)))
    return items


def _series_status(
    plan: Plan,
    series: SeriesPlan,
    state: WorkspaceState,
    reviews: dict[str, list[ReviewInfo]],
    today: date,
) -> tuple[list[Item], list[RoundStatus]]:
    drawn_labels = {label for name, label in state.drawn if name == series.name}
    items: list[Item] = []
    statuses: list[RoundStatus] = []
    for r, drawn in _rounds_in_view(series, drawn_labels, today):
        if not drawn and not sources_drawn(series.sources, r, state):
            continue
        reported = (series.name, r.period.label) in state.reports
        own = reviews.get(r.period.label, [])
        unlisted = state.complete_unlisted.get((series.name, r.period.label), 0)
        statuses.append(RoundStatus(r, drawn, _count(own, unlisted), reported))
        if not drawn:
            items.append(Item("udtræk", r, (r.draw_by - today).days))
            continue
        items.extend(_review_items(r, own, today))
        if today > r.closes and not reported:
            items.append(Item("rapport", r, (r.report_by - today).days))
        latest = state.unanswered.get((series.name, r.period.label))
        finished = all(x.state == ReviewState.COMPLETE for x in own)
        if plan.feedback_days is not None and latest is not None and (today > r.closes or finished):
            # not every review finished: the work is over when the round closes, and the
            # letters are due from then (a probe: the first reminder said "50 dage for sent")
            start = latest if finished else max(latest, r.closes)
            due = start + timedelta(days=plan.feedback_days)
            missing = state.renewed.get((series.name, r.period.label), ())
            left = (due - today).days
            items.append(
                Item("tilbagemelding", r, left, cases=missing, due=due, again=bool(missing))
            )
    return items, statuses


def sources_drawn(sources: tuple[str, ...], r: Round, state: WorkspaceState) -> bool:
    """Whether a level's round can be drawn: one of its `sources` has a sample in its period
    (a level under a series that started later, or skipped the period, is not due)."""
    return not sources or any(start in r.period for start in drawn_starts(state, sources))


def drawn_starts(state: WorkspaceState, series: Collection[str]) -> Iterator[date]:
    """The start of each drawn sample of the named series (a folder whose period label
    cannot be read is left out)."""
    for name, label in state.drawn:
        if name in series:
            try:
                yield parse_period(label).start
            except TilsynError:
                continue


def status_at(plan: Plan, state: WorkspaceState, today: date) -> Status:
    """Everything due or overdue on `today`, the rounds in view, and next month's rounds."""
    reviews: dict[tuple[str, str], list[ReviewInfo]] = defaultdict(list)
    for review in state.reviews:
        reviews[(review.series, review.period)].append(review)
    items: list[Item] = []
    rounds: list[RoundStatus] = []
    for series in plan.series:
        own = {p: group for (s, p), group in reviews.items() if s == series.name}
        series_items, series_rounds = _series_status(plan, series, state, own, today)
        items += series_items
        rounds += series_rounds
    items.sort(
        key=lambda i: (i.deadline, _KIND_ORDER[i.kind], i.round.series, i.round.period, i.reviewer)
    )
    rounds.sort(key=lambda s: (s.round.period, s.round.series))
    following = add_months(today.year, today.month, 1)
    upcoming = rounds_opening_in(plan, state, *following)
    late = overdue(state.corrections, today)
    actions = due(state.tiltag, today)
    meeting = next_meeting(plan.meetings, *following, plan.report_kinds)
    committee = next_meeting(plan.committee, *following, plan.report_kinds)
    ahead = frozenset(k for r in upcoming if (k := (r.series, r.period.label)) in state.drawn)
    return Status(
        today,
        tuple(items),
        tuple(rounds),
        tuple(upcoming),
        late,
        actions,
        meeting,
        committee,
        ahead,
    )

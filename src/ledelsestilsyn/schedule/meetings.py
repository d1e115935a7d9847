"""The department meetings of the concept (`formidling: afdelingsmøder`) as `påmind` names them.

The handicap recommendations have the general findings taken back to a
department meeting after each tilsyn, and SBST asks the concept to say how
often results are shared. The meeting months are in the årshjul and the
calendar file; `påmind` names next month's meeting with the findings it is
about: the rounds since the previous meeting (the months from that meeting up
to this one), which `tilsyn rapport --modtager afdeling` shows without names. When the
concept gives the department and the committee reports for some kinds of period only
(`rapport.udvalgets_perioder`), that range is a report `rapport` refuses (L014): the
meeting's period is then the latest whole period of such a kind before the meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ledelsestilsyn.core.periods import Kind, Period, add_months, period_of, previous


@dataclass(frozen=True)
class Meeting:
    month: date
    """The first day of the meeting's month."""
    since: date
    """The first day of the previous meeting's month: the findings since then are its topic."""
    kinds: tuple[Kind, ...] | None = None
    """The kinds of period the department and the committee get reports for (None: any)."""

    @property
    def whole_period(self) -> Period | None:
        """The whole period of `kinds` before the meeting that its report is about (None: any
        period will do; see `report_period`)."""
        end = self.month - timedelta(days=1)
        return None if self.kinds is None else report_period(self.kinds, end, self.since)

    @property
    def findings(self) -> str:
        """The report period of the findings (`2026-10-01..2026-11-30`, or `2026-K3`)."""
        whole = self.whole_period
        if whole is not None:
            return whole.label
        end = self.month - timedelta(days=1)
        return f"{self.since.isoformat()}..{end.isoformat()}"


def report_period(kinds: tuple[Kind, ...], end: date, since: date) -> Period:
    """The latest period of one of `kinds` that is over by `end`. Of those ending the same
    day, the longest that starts after the previous meeting's (the latest over by the day
    before `since`), so that each meeting's report takes up where the last one's ended: with
    meetings in March and September and half years and quarters, September's is the first
    half year, not its second quarter, which would leave the first to no meeting (a probe).
    Where none starts after it, the shortest: the one closest to the findings since then."""
    latest = _latest(kinds, end)
    before = max(p.end for p in _latest(kinds, since - timedelta(days=1)))
    last = max(p.end for p in latest)
    ending = [p for p in latest if p.end == last]
    after = [p for p in ending if p.start > before]
    if after:
        return min(after, key=lambda p: p.start)
    return max(ending, key=lambda p: p.start)


def _latest(kinds: tuple[Kind, ...], end: date) -> list[Period]:
    """For each of `kinds`, its latest period that is over by `end`."""
    periods = []
    for kind in kinds:
        period = period_of(kind, end.year, end.month)
        periods.append(period if period.end <= end else previous(period))
    return periods


def next_meeting(
    months: tuple[int, ...], year: int, month: int, kinds: tuple[Kind, ...] | None = None
) -> Meeting | None:
    """The meeting in `year`-`month`, if the concept has one then."""
    if month not in months:
        return None
    back = min((month - m) % 12 or 12 for m in months)
    return Meeting(date(year, month, 1), date(*add_months(year, month, -back), 1), kinds)

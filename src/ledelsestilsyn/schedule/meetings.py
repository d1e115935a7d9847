"""The department meetings of the concept (`formidling: afdelingsmøder`) as `påmind` names them.

The handicap recommendations have the general findings taken back to a
department meeting after each tilsyn, and SBST asks the concept to say how
often results are shared. The meeting months are in the årshjul and the
calendar file; `påmind` names next month's meeting with the findings it is
about: the rounds since the previous meeting (the months from that meeting up
to this one), which `tilsyn rapport --modtager afdeling` shows without names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ledelsestilsyn.core.periods import add_months


@dataclass(frozen=True)
class Meeting:
    month: date
    """The first day of the meeting's month."""
    since: date
    """The first day of the previous meeting's month: the findings since then are its topic."""

    @property
    def findings(self) -> str:
        """The report period of the findings (`2026-10-01..2026-11-30`)."""
        end = self.month - timedelta(days=1)
        return f"{self.since.isoformat()}..{end.isoformat()}"


def next_meeting(months: tuple[int, ...], year: int, month: int) -> Meeting | None:
    """The meeting in `year`-`month`, if the concept has one then."""
    if month not in months:
        return None
    back = min((month - m) % 12 or 12 for m in months)
    return Meeting(date(year, month, 1), date(*add_months(year, month, -back), 1))

"""The årshjul as an iCalendar file (RFC 5545) to import into Outlook or any calendar.

Three all-day events per round: the sample is drawn, the reviews are finished,
the report is due. A department meeting (`formidling: afdelingsmøder`) names
only a month, so it is one all-day event over that month, marked free. Lines
end in CRLF and are folded at 75 octets (never inside a UTF-8 character); text
is gated (`core.gate`) and escaped before it is folded: a number folded in two, or with
`\\n` for a line break inside it, is no longer one the gate can see, but a calendar unfolds
and unescapes it again. Each event has a stable UID (the same round gives the same UID, so
a new import updates instead of doubling) and a DTSTAMP. The same plan and
stamp give the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from ledelsestilsyn.core.gate import gate
from ledelsestilsyn.core.periods import add_months
from ledelsestilsyn.report.formats import MONTHS, long_date
from ledelsestilsyn.schedule.rounds import Round
from ledelsestilsyn.schedule.tiltag_dates import DEADLINE, EVALUATION, TiltagDate

PRODID = "-//ledelsestilsyn//tilsyn årshjul//DA"
MAX_OCTETS = 75


def escape(text: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma and newlines; the text is gated first."""
    text = gate(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets; continuation lines start with one space."""
    data = line.encode("utf-8")
    if len(data) <= MAX_OCTETS:
        return line
    parts: list[str] = []
    current = ""
    size = 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, MAX_OCTETS - 1
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _uid(key: str) -> str:
    digest = hashlib.sha256(key.encode()).hexdigest()[:24]
    return f"{digest}@ledelsestilsyn"


def _all_day(
    uid: str, start: date, end: date, summary: str, description: str, stamp: str
) -> list[str]:
    """An all-day event from `start` up to, not including, `end`; shown as free time."""
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"SUMMARY:{escape(summary)}",
        f"DESCRIPTION:{escape(description)}",
        f"CATEGORIES:{escape('Ledelsestilsyn')}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _event(r: Round, kind: str, day: date, summary: str, stamp: str) -> list[str]:
    focus = ", ".join(r.focus_titles) if r.focus_titles else "alle sagsskridt"
    description = (
        f"{r.title}, periode {r.period.label}.\nFokus: {focus}.\n"
        f"Udtræk senest {long_date(r.draw_by)}, gennemgange færdige senest "
        f"{long_date(r.finish_by)}, rapport senest {long_date(r.report_by)}."
    )
    uid = _uid(f"{r.series}|{r.period.label}|{kind}")
    return _all_day(uid, day, day + timedelta(days=1), summary, description, stamp)


_MEETINGS = {
    "afdelingsmøde": (
        "Fælles opfølgning på tilsynets generelle fund på et afdelingsmøde i {name}: "
        "udviklingen, de svageste spørgsmål og status på tiltagene.\n"
        "Brug afdelingens version af rapporten (tilsyn rapport, modtager afdeling)."
    ),
    "udvalgsmøde": (
        "Tilsynets resultater afrapporteres til det politiske udvalg i {name}: samlede tal, "
        "udviklingen og status på ledelsens tiltag.\n"
        "Brug udvalgets version af rapporten (tilsyn rapport, modtager udvalg)."
    ),
}
"""A meeting's kind (`afdelingsmøde`, `udvalgsmøde`) and what it is about."""


def _meeting(kind: str, month: date, stamp: str) -> list[str]:
    """A meeting over its whole month (the concept names only the month)."""
    following = date(*add_months(month.year, month.month, 1), 1)
    name = MONTHS[month.month - 1]
    summary = f"{kind.capitalize()} om ledelsestilsynet ({name} {month.year})"
    description = _MEETINGS[kind].format(name=name)
    return _all_day(_uid(f"{kind}|{month:%Y-%m}"), month, following, summary, description, stamp)


_TILTAG = {
    DEADLINE: (
        "Frist for tiltag",
        "Fristen for tiltaget {id}. Skriv status: gennemført (eller opgivet) i tiltag.yaml, "
        "når det er afgjort.",
    ),
    EVALUATION: (
        "Evaluering af tiltag",
        "Vurdér effekten af tiltaget {id} under 'Tiltag og effekt' i lederrapporten, og skriv "
        "evalueret (datoen) og jeres konklusion (fortsæt, justér eller stop) i tiltag.yaml.",
    ),
}


def _tiltag(d: TiltagDate, stamp: str) -> list[str]:
    """An open tiltag's deadline, or its evaluation, as `påmind` names them."""
    summary, description = _TILTAG[d.kind]
    uid = _uid(f"tiltag|{d.id}|{d.kind}")
    text = description.format(id=d.id)
    return _all_day(uid, d.day, d.day + timedelta(days=1), f"{summary}: {d.title}", text, stamp)


def calendar(
    rounds: list[Round],
    *,
    name: str,
    stamp: datetime,
    meetings: Sequence[date] = (),
    committee: Sequence[date] = (),
    tiltag: Sequence[TiltagDate] = (),
) -> str:
    """The calendar text (CRLF line ends) for the given rounds and the months (1st day) of
    the department's and the committee's meetings."""
    utc = stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for r in sorted(rounds):
        title = f"{r.title} {r.period.label}"
        lines += _event(r, "udtræk", r.draw_by, f"Træk stikprøve: {title}", utc)
        lines += _event(r, "færdig", r.finish_by, f"Gennemgange færdige: {title}", utc)
        lines += _event(r, "rapport", r.report_by, f"Rapport: {title}", utc)
    for month in sorted(meetings):
        lines += _meeting("afdelingsmøde", month, utc)
    for month in sorted(committee):
        lines += _meeting("udvalgsmøde", month, utc)
    for d in sorted(tiltag, key=lambda d: (d.day, d.id, d.kind)):
        lines += _tiltag(d, utc)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)

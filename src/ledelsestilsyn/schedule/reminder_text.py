"""The words of a reminder: plain Danish text that reads well in any mail client.

A reminder holds series titles, periods, deadlines, counts, reviewer names
and case ids, and nothing else: never a CPR number, a comment or an answer
(`schedule.ReviewInfo` does not even carry them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ledelsestilsyn.core.lines import joined, one_line
from ledelsestilsyn.core.words import count
from ledelsestilsyn.report.formats import MONTHS, long_date
from ledelsestilsyn.review.state import ReviewState, counted
from ledelsestilsyn.schedule.corrections import OverdueCorrection, describe_correction
from ledelsestilsyn.schedule.meetings import Meeting
from ledelsestilsyn.schedule.plan import Item, RoundStatus, Status
from ledelsestilsyn.schedule.review_states import DATED_LATER, FILE_GONE, MOVED
from ledelsestilsyn.schedule.rounds import Round
from ledelsestilsyn.schedule.tiltag_dates import DEADLINE, TiltagDue

MAX_CASES = 12
UNASSIGNED = "ikke fordelt"


@dataclass(frozen=True)
class Message:
    """One mail for one recipient (`recipient` "" is standard output); `html`, when given,
    is the same text as a web page, sent beside `body` for mail programs that show it."""

    recipient: str
    subject: str
    body: str
    keys: tuple[str, ...]
    html: str = ""


SENT_BY = (
    "Fra 'tilsyn påmind'. Påmindelser nævner sagsnumre, navne, spørgsmålenes id, "
    "tiltagenes titler, frister og antal, aldrig svar eller kommentarer."
)
"""The last line of every reminder, on the screen and by mail (not `Sendt af`: probe BJ read
it on a screen where nothing was sent): what a reminder may hold."""


def when(days_left: int) -> str:
    if days_left > 1:
        return f"om {days_left} dage"
    if days_left == 1:
        return "i morgen"
    if days_left == 0:
        return "i dag"
    return f"{count(-days_left, 'dag', 'dage')} for sent"


def describe_tiltag(item: TiltagDue) -> str:
    d = item.date
    what = "frist" if d.kind == DEADLINE else "evaluering af effekten"
    who = f", ansvarlig {d.responsible}" if d.responsible else ""
    text = f"{d.title} ({d.id}){who}: {what} {long_date(d.day)} ({when(item.days_left)})."
    return text + (FINISH if d.kind == DEADLINE else EVALUATE)


MARK_DONE = "Skriv datoen under 'udført:' i gennemgangen, når rettelsen er gjort."
FINISH = " Skriv status: gennemført (eller opgivet) i tiltag.yaml, når det er afgjort."
EVALUATE = (
    " Se 'Tiltag og effekt' i lederrapporten, og skriv evalueret: ÅÅÅÅ-MM-DD og jeres"
    " konklusion (fortsæt, justér eller stop) i tiltag.yaml, når I har vurderet den."
)


def round_name(r: Round) -> str:
    return f"{r.title} {r.period.label}"


def _focus(steps: tuple[str, ...]) -> str:
    return ", ".join(steps) if steps else "alle sagsskridt"


def _cases(cases: tuple[str, ...]) -> str:
    shown = ", ".join(cases[:MAX_CASES])
    more = len(cases) - MAX_CASES
    return shown + (f" og {more} flere" if more > 0 else "")


def _counts(counts: tuple[tuple[str, int], ...], today: date) -> str:
    return ", ".join(_counted(state, n, today) for state, n in counts)


def _counted(state: str, n: int, today: date) -> str:
    """`2 ugyldige`; reviews dated after the day say so rather than "ugyldig"."""
    if state == DATED_LATER:
        return f"{n} dateret efter {long_date(today)}"
    if state == FILE_GONE:
        return f"{count(n, 'fil', 'filer')} væk"
    if state.startswith(MOVED):  # "1 fil ligger i mappen 2026-11-tematiseret"
        return f"{count(n, 'fil', 'filer')} {state}"
    return counted(state, n)


def describe(item: Item, today: date) -> str:
    """One line per item: what, for whom, the deadline and how far off it is."""
    deadline = f"Frist {long_date(item.deadline)} ({when(item.days_left)})."
    name = round_name(item.round)
    label = item.round.period.label
    if item.kind == "udtræk":
        how = f"kør 'tilsyn udtræk' for serien {item.round.series} og perioden {label}"
        return f"{name}: stikprøven er ikke trukket ({how}). {deadline}"
    if item.kind == "rapport":
        return f"{name}: rapporten mangler (kør 'tilsyn rapport' for perioden {label}). {deadline}"
    if item.kind == "tilbagemelding" and item.again:
        return (
            f"{name}: tilbagemeldingen til rådgiverne dækker ikke alle færdige gennemgange: "
            f"intet brev har {_cases(item.cases)} (kør 'tilsyn tilbagemelding' for {label} "
            f"igen; et brev, der er rettet i hånden, beholdes, se O028). {deadline}"
        )
    if item.kind == "tilbagemelding":
        return (
            f"{name}: tilbagemeldingen til rådgiverne er ikke skrevet "
            f"(kør 'tilsyn tilbagemelding' for {label}). {deadline}"
        )
    if item.kind == "kalibrering":
        return (
            f"{name}: kalibrering, kun én gennemgang er færdig for "
            f"{count(len(item.cases), 'sag', 'sager')}: "
            f"{_cases(item.cases)}. {deadline}"
        )
    who = item.reviewer or UNASSIGNED
    total = sum(n for _, n in item.counts)
    return (
        f"{name}, {who}: {count(total, 'gennemgang', 'gennemgange')} mangler "
        f"({_counts(item.counts, today)}): {_cases(item.cases)}. {deadline}"
    )


def _round_line(status: RoundStatus, today: date) -> str:
    r = status.round
    head = f"{round_name(r)} (fokus: {_focus(r.focus_titles)})"
    if not status.drawn:
        return f"{head}: ikke trukket."
    counts = dict(status.counts)
    total = sum(counts.values())
    done = counts.get(ReviewState.COMPLETE, 0)
    rest = [_counted(s, n, today) for s, n in status.counts if s != ReviewState.COMPLETE]
    finished = "færdig" if done == 1 else "færdige"
    text = f"{head}: {done} af {count(total, 'gennemgang', 'gennemgange')} {finished}"
    text += f" ({', '.join(rest)})" if rest else ""
    return text + (", rapport lavet." if status.reported else ".")


def _upcoming_line(r: Round, drawn: frozenset[tuple[str, str]]) -> str:
    """Next month's round, its focus and when its sample is to be drawn; a sample drawn
    ahead is said to be drawn, not reminded of."""
    head = f"{round_name(r)}: fokus {_focus(r.focus_titles)}."
    if (r.series, r.period.label) in drawn:
        return f"{head} Stikprøven er trukket."
    return f"{head} Stikprøven trækkes senest {long_date(r.draw_by)}."


def _meeting_line(meeting: Meeting) -> str:
    when = f"{MONTHS[meeting.month.month - 1]} {meeting.month.year}"
    return (
        f"Afdelingsmøde i {when} om tilsynets generelle fund: kør 'tilsyn rapport' til "
        f"modtageren afdeling (uden navne og sagsnumre) {_for_period(meeting)}."
    )


def _committee_line(meeting: Meeting) -> str:
    when = f"{MONTHS[meeting.month.month - 1]} {meeting.month.year}"
    return (
        f"Udvalgsmøde i {when} om tilsynets resultater: kør 'tilsyn rapport' til "
        f"modtageren udvalg (kun samlede tal) {_for_period(meeting)}."
    )


def _for_period(meeting: Meeting) -> str:
    """The period of the meeting's report; one of the kinds the concept gives the department
    and the committee (`rapport.udvalgets_perioder`) is said to be the latest whole one."""
    whole = meeting.whole_period
    if whole is None:
        return f"for perioden {meeting.findings}"
    article = "den" if whole.kind == "måned" else "det"  # en måned; et kvartal, halvår, år
    return f"for perioden {whole.label} ({article} seneste hele {whole.kind} før mødet)"


def _subject(
    municipality: str,
    items: tuple[Item, ...],
    corrections: int = 0,
    tiltag: tuple[TiltagDue, ...] = (),
) -> str:
    late = sum(i.overdue for i in items) + corrections + sum(t.overdue for t in tiltag)
    if not items and not corrections and not tiltag:
        return f"Ledelsestilsyn, {municipality}: intet forfaldent"
    due = len(items) + corrections + len(tiltag) - late
    return (
        f"Ledelsestilsyn, {municipality}: {count(due, 'forfalden', 'forfaldne')}, {late} for sent"
    )


def overview(
    status: Status,
    municipality: str,
    recipient: str = "",
    *,
    leaders: Mapping[str, str] | None = None,
) -> Message:
    """Everything due, the rounds in view and next month's rounds: for the consultant."""
    lines = [f"Ledelsestilsyn i {municipality}, status {long_date(status.today)}.", ""]
    if status.items:
        lines.append("Forfaldent og for sent:")
        lines += [f"  - {describe(i, status.today)}" for i in status.items]
    elif not status.corrections and not status.tiltag:
        lines.append("Intet er forfaldent.")
    if status.corrections:
        lines += [""] if status.items else []
        lines.append("Rettelser i sagerne med overskreden frist:")
        for c in status.corrections:
            leader = c.leader(leaders or {})
            who = f" Leder: {leader}." if leader else ""
            lines.append(f"  - {describe_correction(c)}{who}")
        lines.append(f"  {MARK_DONE}")
    if status.tiltag:
        lines += [""] if status.items or status.corrections else []
        lines.append("Tiltag:")
        lines += [f"  - {describe_tiltag(t)}" for t in status.tiltag]
    if status.rounds:
        lines += ["", "Runder:"]
        lines += [f"  - {_round_line(s, status.today)}" for s in status.rounds]
    if status.upcoming or status.meeting or status.committee:
        lines += ["", "Næste måned:"]
        lines += [f"  - {_upcoming_line(r, status.drawn_ahead)}" for r in status.upcoming]
    if status.meeting:
        lines.append(f"  - {_meeting_line(status.meeting)}")
    if status.committee:
        lines.append(f"  - {_committee_line(status.committee)}")
    lines += ["", SENT_BY]
    keys = tuple(i.key() for i in status.items) + tuple(c.key() for c in status.corrections)
    keys += tuple(t.key() for t in status.tiltag)
    subject = _subject(municipality, status.items, len(status.corrections), tuple(status.tiltag))
    return Message(recipient, one_line(subject), joined(lines), keys)


def for_reviewer(
    name: str, items: list[Item], status: Status, municipality: str, recipient: str
) -> Message:
    """A reviewer's own list: their open reviews, and unassigned ones in their series."""
    lines = [f"Kære {name}", "", f"Status for ledelsestilsynet {long_date(status.today)}:", ""]
    lines += [f"  - {describe(i, status.today)}" for i in items]
    lines += [
        "",
        "Udfyld filerne i udtræksmappen, og tjek dem med 'tilsyn valider'.",
        "",
        SENT_BY,
    ]
    total = sum(n for i in items for _, n in i.counts)
    subject = f"Ledelsestilsyn, {municipality}: {count(total, 'gennemgang', 'gennemgange')} mangler"
    keys = tuple(i.key() for i in items)
    return Message(recipient, one_line(subject), joined(lines), keys)


def for_leader(
    name: str,
    corrections: list[OverdueCorrection],
    status: Status,
    municipality: str,
    recipient: str,
) -> Message:
    """A leader's list of corrections past their deadline in their team's cases."""
    lines = [
        f"Kære {name}",
        "",
        f"Rettelser fra ledelsestilsynet med overskreden frist pr. {long_date(status.today)}:",
        "",
    ]
    lines += [f"  - {describe_correction(c)}" for c in corrections]
    lines += [
        "",
        MARK_DONE,
        "",
        SENT_BY,
    ]
    overdue = len(corrections)
    subject = (
        f"Ledelsestilsyn, {municipality}: {count(overdue, 'rettelse', 'rettelser')} "
        "med overskreden frist"
    )
    keys = tuple(c.key() for c in corrections)
    return Message(recipient, one_line(subject), joined(lines), keys)

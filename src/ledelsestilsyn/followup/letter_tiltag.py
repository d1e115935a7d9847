"""The leadership's open tiltag aimed at a caseworker's findings, for their letter.

SBST: "Det vil være relevant, at børne- og ungerådgiverne ved, hvilke
opmærksomhedspunkter der er i sagerne samt eventuelle justeringer, som tilsynet
giver anledning til". A finding in the letter on a question an open tiltag
targets (directly, by its step or its pejlemærke, as "Hvor er vi svagest" in the
report counts it) names the tiltag: its title, description and deadline, with
any name of a colleague written as "en kollega", as the rest of the letter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ledelsestilsyn.models.template import Template
from ledelsestilsyn.models.tiltag import Tiltag
from ledelsestilsyn.report.formats import long_date
from ledelsestilsyn.report.tiltag import addressing


@dataclass(frozen=True)
class LetterTiltag:
    title: str
    description: str
    deadline: str
    questions: tuple[str, ...]
    """The questions of the caseworker's findings that the tiltag targets."""


def aimed_at(
    findings: Iterable[tuple[Template, str]],
    tiltag: Sequence[Tiltag],
    scrub: Callable[[str], str],
    today: date,
) -> list[LetterTiltag]:
    """The open tiltag that target one of `findings` ((template, question id)), in the
    order of tiltag.yaml; a deadline passed on the letter's date (`today`) is marked. One
    decided after that day is not yet "besluttet" (O034 says it may be a slip of the year)."""
    aimed: dict[str, list[str]] = {}
    decided = [t for t in tiltag if t.decided <= today]
    for template, question in findings:
        for tiltag_id in addressing(decided, template, question):
            questions = aimed.setdefault(tiltag_id, [])
            if question not in questions:
                questions.append(question)
    return [
        LetterTiltag(
            scrub(t.title),
            scrub(t.description or ""),
            _deadline(t.deadline, today) if t.deadline else "",
            tuple(aimed[t.id]),
        )
        for t in tiltag
        if t.id in aimed
    ]


def _deadline(day: date, today: date) -> str:
    """The deadline as the corrections beside it say it: `(overskredet)` once passed."""
    return long_date(day) + (" (overskredet)" if day < today else "")

"""What checking one review file produces: plain, cacheable data, and small shared helpers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ledelsestilsyn.core.cpr import INVISIBLES
from ledelsestilsyn.core.diagnostics import Diagnostic, Severity

WARNING = Severity.WARNING
# Codes that only say the review is not finished yet (not that its content is wrong).
INCOMPLETE_CODES = frozenset({"G021", "G022", "G023", "G024", "G025"})
_HEADER = {"G024": "gennemført_af", "G025": "dato"}


def missing_parts(missing: Iterable[Diagnostic], *, unanswered: bool = True) -> list[str]:
    """What a review still lacks, in Danish ('1 svar mangler en påkrævet kommentar',
    "'dato' mangler"); without `unanswered` the questions without an answer are left out."""
    missing = list(missing)
    answers = sum(d.code in ("G021", "G022") for d in missing)
    comments = sum(d.code == "G023" for d in missing)
    parts = [f"{answers} spørgsmål mangler svar"] if answers and unanswered else []
    if comments:
        parts.append(f"{comments} svar mangler en påkrævet kommentar")
    return parts + [f"'{_HEADER[d.code]}' mangler" for d in missing if d.code in _HEADER]


@dataclass(frozen=True)
class CorrectionEntry:
    """A correction asked for under one answer; dates None when blank or unreadable."""

    step: str
    question: str
    action: str = ""
    responsible: str = ""
    """Who puts it right; "" means the case's caseworker."""
    deadline: date | None = None
    done: date | None = None
    done_pos: tuple[int, int] | None = None
    written: date | None = None
    """An `udført` written but not taken as done: after the day of the check (G052, not yet)
    or before the review's `dato` (G059, a slip: it was asked for that day)."""
    by: str | None = None
    """The leader of the review it came from, when it is carried on another review of the case
    (a calibration pair's second: `followup.earlier.with_all_corrections`); else None."""


@dataclass(frozen=True)
class NameHit:
    """A likely name in a free text of a review (`review.name_check`): the text's place, what
    it is (`kommentaren`), and the name as written."""

    line: int | None
    column: int | None
    what: str
    name: str


@dataclass
class Analysis:
    """Everything `analyse` learned from one file (plain data, cacheable)."""

    is_review: bool = True
    skip_reason: str | None = None
    template_ref: str | None = None
    fingerprint: str | None = None
    series: str | None = None
    period: str | None = None
    case_id: str | None = None
    caseworker: str | None = None
    team: str | None = None
    reviewer: str | None = None
    review_date: date | None = None
    date_pos: tuple[int, int] | None = None
    review_no: int | None = None
    consent: bool = False
    """`samtykke_til_eksempel: ja`: the caseworker agreed to the case as an example."""
    started: bool = False
    header_pos: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Where each header field (`tilsyn`, `sag.id`, …) stands in the file."""
    header_cpr: list[str] = field(default_factory=list)
    """Header fields whose value held a CPR-like number (the values kept here are masked)."""
    answers: dict[str, dict[str, tuple[str | None, str]]] = field(default_factory=dict)
    corrections: list[CorrectionEntry] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    names: list[NameHit] = field(default_factory=list)
    """The likely names in its free texts; `valider` warns of those the workspace does not know."""


def text_of(value: Any) -> str | None:
    """A filled-in text, stripped; None for no text, or one that shows nothing."""
    return None if not isinstance(value, str) or shows_nothing(value) else value.strip()


# Quotation marks of every kind: Word writes `""` typed in a review as `“”`.
_NOTHING = re.compile("[\\s\"'\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb\u2039\u203a]*")


def shows_nothing(text: str) -> bool:
    """Whether `text` is empty as a reader sees it: only spaces, invisible characters (a
    zero-width space pasted along) and quotation marks (`“”`)."""
    return _NOTHING.fullmatch(INVISIBLES.sub("", text)) is not None

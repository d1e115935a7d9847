"""A warning at each free text in a review that seems to name someone (G068).

The reports, letters and calendar show such a name as `[navn]` (`core.unknown_names`), but
a name is best never written: the warning asks the leader to write `barnet`, `moren`,
`skolen` instead. `name_hits` finds the likely names of one file (but the names the file
itself gives: the caseworker, the team, the reviewer; not who is responsible for a
correction, which may be anyone's name), cached with its analysis; `name_warnings` leaves
out the names the workspace knows (`workspace.known_names`, as the reports and letters know
them), which they show or replace as a colleague's. A message gives the names' initials
only, enough to find them in the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ledelsestilsyn.core.danish_words import first_name
from ledelsestilsyn.core.diagnostics import Diagnostic
from ledelsestilsyn.core.names import as_read
from ledelsestilsyn.core.unknown_names import (
    known_name,
    likely_names,
    words_of,
)
from ledelsestilsyn.io.document import Path_, YamlDocument
from ledelsestilsyn.review.analysis import WARNING, NameHit

NAME_WARNING = "G068"
RESPONSIBLE = "rettelsens ansvarlige"


def name_hits(doc: YamlDocument, data: dict[str, Any]) -> list[NameHit]:
    """Each likely name in a free text (`udgangspunkt`, a `kommentar`, a correction's
    `handling`): where the text stands, what it is, and the name as written."""
    known = list(_known(data))
    hits = []
    for path, what, text in _free_texts(data):
        read = as_read(text)
        position = doc.values.get(path)
        line, column = (position.line, position.column) if position else (None, None)
        hits += [NameHit(line, column, what, read[a:b]) for a, b in likely_names(read, known)]
    for path, name in _responsible(data):
        position = doc.values.get(path)
        line, column = (position.line, position.column) if position else (None, None)
        read = as_read(name)
        spans = likely_names(read, known) or _in_lower_case(read, known)
        hits += [NameHit(line, column, RESPONSIBLE, read[a:b]) for a, b in spans]
    return hits


def _in_lower_case(text: str, known: list[str]) -> list[tuple[int, int]]:
    """The names in a responsible person written without capitals (`yrsa qvist`: a probe; it
    stood in `påmind`, its mail and the letter): found as if each word had its capital, where
    that is two words or more, or a common first name (`anna`); not a single word no list
    knows, which is more likely a unit's or a role's (`familieteamet`, `myndighedsleder`)."""
    if any(c.isupper() for c in text):
        return []
    capitalised = _WORD_START.sub(lambda m: m[0].upper(), text)
    if len(capitalised) != len(text):
        return []
    return [
        (a, b)
        for a, b in likely_names(capitalised, known)
        if len(words_of(text[a:b])) > 1 or first_name(capitalised[a:b])
    ]


_WORD_START = re.compile(r"(?<![^\W\d_])[^\W\d_]")


def name_warnings(hits: Iterable[NameHit], file: str, known: Iterable[str]) -> list[Diagnostic]:
    """One warning per free text with a name the workspace does not know (`known`: not one
    only a correction's responsible names), and per correction whose responsible person no
    other file names."""
    people = tuple(known)
    by_field: dict[tuple[int | None, int | None, str], list[str]] = {}
    for hit in hits:
        if not known_name(hit.name, people):
            by_field.setdefault((hit.line, hit.column, hit.what), []).append(hit.name)
    return [
        _warning(file, line, column, what, ", ".join(dict.fromkeys(map(_initials, names))))
        for (line, column, what), names in by_field.items()
    ]


def strangers(hits: Iterable[NameHit], known: Iterable[str]) -> list[str]:
    """The names in corrections' `ansvarlig` that `name_warnings` warns of: `valider` shows
    such a responsible person as `[navn]` to `påmind` and the letters, as the reports show it."""
    people = tuple(known)
    return [h.name for h in hits if h.what == RESPONSIBLE and not known_name(h.name, people)]


def _warning(
    file: str, line: int | None, column: int | None, what: str, initials: str
) -> Diagnostic:
    if what == RESPONSIBLE:
        message = (
            f"rettelsens ansvarlige ({initials}) er ingen, arbejdsmappen kender (konceptets "
            "personer, stikprøvernes rådgivere, bedømmerne, tiltagenes ansvarlige), så "
            "påmind, brevet til rådgiveren og rapporterne viser [navn] som ansvarlig."
        )
        hint = (
            "skriv en kollegas navn, som det står i konceptet eller stikprøven, eller "
            "'sagens rådgiver': et barns eller en forælders navn hører ikke hjemme her."
        )
    else:
        message = (
            f"{what} ser ud til at nævne nogen ved navn ({initials}); et navn, arbejdsmappen "
            "ikke kender som en kollegas, står som [navn] i rapporter, breve og kalender."
        )
        hint = (
            "skriv 'barnet', 'moren', 'skolen' osv. i stedet for navnet: et barns eller en "
            "forælders navn hører ikke hjemme i en gennemgang."
        )
    return Diagnostic(file, line, column, NAME_WARNING, message, hint, WARNING)


def _initials(name: str) -> str:
    if "@" in name:
        return "en e-mailadresse"
    return " ".join(f"{word[0]}." for word in words_of(name))


def _free_texts(data: dict[str, Any]) -> Iterator[tuple[Path_, str, str]]:
    """(path, what it is, text) of each free text that is filled in."""
    start = data.get("udgangspunkt")
    if isinstance(start, str) and start.strip():
        yield ("udgangspunkt",), "udgangspunktet", start
    steps = data.get("svar")
    if not isinstance(steps, dict):
        return
    for step, questions in steps.items():
        if not isinstance(questions, dict):
            continue
        for question, entry in questions.items():
            if not isinstance(entry, dict):
                continue
            comment = entry.get("kommentar")
            if isinstance(comment, str) and comment.strip():
                yield ("svar", step, question, "kommentar"), "kommentaren", comment
            correction = entry.get("rettelse")
            action = correction.get("handling") if isinstance(correction, dict) else None
            if isinstance(action, str) and action.strip():
                path = ("svar", step, question, "rettelse", "handling")
                yield path, "rettelsens handling", action


def _responsible(data: dict[str, Any]) -> Iterator[tuple[Path_, str]]:
    """(path, name) of each correction's responsible person."""
    steps = data.get("svar")
    for step, questions in steps.items() if isinstance(steps, dict) else ():
        for question, entry in questions.items() if isinstance(questions, dict) else ():
            correction = entry.get("rettelse") if isinstance(entry, dict) else None
            name = correction.get("ansvarlig") if isinstance(correction, dict) else None
            if isinstance(name, str) and name.strip():
                yield ("svar", step, question, "rettelse", "ansvarlig"), name


def _known(data: dict[str, Any]) -> Iterator[str]:
    """The names the file gives: the caseworker, the team, the reviewer. Not who is
    responsible for a correction: written there, a child's name made itself known, and a
    comment or the correction's own `handling` naming the child got no G068 (a probe,
    December 2026)."""
    case = data.get("sag")
    if isinstance(case, dict):
        yield from (v for k, v in case.items() if k != "id" and isinstance(v, str))
    reviewer = data.get("gennemført_af")
    if isinstance(reviewer, str):
        yield reviewer

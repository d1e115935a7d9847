"""A warning at each free text in a review that seems to name someone (G068).

The reports, letters and calendar show such a name as `[navn]` (`core.unknown_names`), but
a name is best never written: the warning asks the leader to write `barnet`, `moren`,
`skolen` instead. The names the file itself gives (the caseworker, the team, the reviewer,
who is responsible for a correction) are known and never warned about. The message gives the
name's initials only, enough to find it in the field.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ledelsestilsyn.core.diagnostics import Diagnostic
from ledelsestilsyn.core.unknown_names import likely_names
from ledelsestilsyn.io.document import Path_, YamlDocument
from ledelsestilsyn.review.analysis import WARNING

NAME_WARNING = "G068"


def name_warnings(doc: YamlDocument, data: dict[str, Any]) -> list[Diagnostic]:
    """One warning per free text (`udgangspunkt`, a `kommentar`, a correction's `handling`)
    with a likely name in it."""
    texts = list(_free_texts(data))
    if not texts:
        return []
    known = list(_known(data))
    warnings = []
    for path, what, text in texts:
        spans = likely_names(text, known)
        if not spans:
            continue
        start, end = spans[0]
        initials = " ".join(f"{w[0]}." for w in text[start:end].split())
        position = doc.values.get(path)
        warnings.append(
            Diagnostic(
                doc.file,
                position.line if position else None,
                position.column if position else None,
                NAME_WARNING,
                f"{what} ser ud til at nævne nogen ved navn ({initials}); et navn, "
                "arbejdsmappen ikke kender som en kollegas, står som [navn] i rapporter, breve "
                "og kalender.",
                "skriv 'barnet', 'moren', 'skolen' osv. i stedet for navnet: et barns eller en "
                "forælders navn hører ikke hjemme i en gennemgang.",
                WARNING,
            )
        )
    return warnings


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


def _known(data: dict[str, Any]) -> Iterator[str]:
    """The names the file gives: the caseworker, the team, the reviewer, who is responsible."""
    case = data.get("sag")
    if isinstance(case, dict):
        yield from (v for k, v in case.items() if k != "id" and isinstance(v, str))
    reviewer = data.get("gennemført_af")
    if isinstance(reviewer, str):
        yield reviewer
    steps = data.get("svar")
    for questions in steps.values() if isinstance(steps, dict) else ():
        for entry in questions.values() if isinstance(questions, dict) else ():
            correction = entry.get("rettelse") if isinstance(entry, dict) else None
            responsible = correction.get("ansvarlig") if isinstance(correction, dict) else None
            if isinstance(responsible, str):
                yield responsible

"""Values in Word's or Danish quotation marks (`“ja”`, `»2026-11-21«`): read without them.

Word's AutoCorrect turns a typed `"` into `“` or `”`. Around a value that stands alone (an
answer, a date, a header field) the marks are then part of the text, and the answer, the
date or the case no longer matched: eight errors for one file, none naming the quotes.
Free text (a comment, a correction's action) is left as written.
"""

from __future__ import annotations

import re
from typing import Any

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity
from ledelsestilsyn.io.document import Path_, YamlDocument
from ledelsestilsyn.review.analysis import shows_nothing

_MARKS = "\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb\u2039\u203a"
"""Word's quotation marks (“ ” „ ‘ ’ ‚) and the Danish ones (» « › ‹)."""
_WRAPPED = re.compile(f"\\A\\s*[{_MARKS}]+(.*?)[{_MARKS}]+\\s*\\Z", re.S)

_FREE_TEXT = frozenset({"kommentar", "handling"})


def unwrap(doc: YamlDocument) -> list[Diagnostic]:
    """Each such value in `doc.data` replaced by what stands inside the marks; a warning
    (G064) at each."""
    found: list[Path_] = []
    _unwrap(doc.data, (), found)
    return [
        doc.diagnostic(
            path,
            "G064",
            f"'{path[-1]}' står i typografiske anførselstegn (“…” eller »…«); værdien er læst "
            "uden dem.",
            hint=f'skriv almindelige anførselstegn: {path[-1]}: "…" (eller ret filen i '
            "Notesblok, som ikke laver dem om).",
            severity=Severity.WARNING,
        )
        for path in found
    ]


def _unwrap(data: Any, path: Path_, found: list[Path_]) -> None:
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        if isinstance(value, dict):
            _unwrap(value, (*path, key), found)
        elif isinstance(value, str) and key not in _FREE_TEXT:
            wrapped = _WRAPPED.match(value)
            if wrapped is not None and not shows_nothing(wrapped[1]):  # `“”` is empty (G063)
                data[key] = wrapped[1]
                found.append((*path, key))

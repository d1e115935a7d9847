"""A review is parsed with its free text read as typed where a `\\` in double quotes is a path.

YAML reads `kommentar: "Notat i S:\\nyt\\barn\\test.docx"` with a line break, a backspace
and a tab in it, and the report and the letters would show that mangled path. Refusing the
review until the quotes are changed would hold up a finished review over one character, so
its free text (kommentar, udgangspunkt, a rettelse's handling and ansvarlig) is taken as
typed instead when it is probably a path (`io.yaml_errors.looks_like_path`: an escape right
after a drive, or one that gives an invisible character): only `\\"` and `\\\\` count as
escapes then (`as_typed`). The warning (Y013) stays and says so. A `\\n` with no path is left
a line break: `migrer` writes a text over lines so. Answers, dates and the header are
checked against fixed words, where a mangled value is an error of its own.
"""

from __future__ import annotations

from ledelsestilsyn.io.document import YamlDocument
from ledelsestilsyn.io.yaml import parse_text

FREE_TEXT = frozenset({"kommentar", "udgangspunkt", "handling", "ansvarlig"})


def parse_review(text: str, file: str) -> YamlDocument:
    """`parse_text` for a review file: its free text as typed."""
    return parse_text(text, file, typed=FREE_TEXT)

"""A free-text value that is a Windows path with a `\\` YAML knows no code for.

`kommentar: "Se S:\\Familie\\brev.docx"` stops libyaml at `\\F`, before the value reaches
the builder that reads a path as typed (`yaml._Builder._escapes`), so a finished review
was an error (Y003) over one character, while `S:\\nyt\\…` was read as typed with a warning
(Y013), as the README promises for both (a probe: most paths have a capital or a digit
after a `\\`). So in a key read as typed, a double-quoted value on one line that looks like a
path (`looks_like_path`) is given to YAML with each `\\` that is no `\\\\` or `\\"` written
twice, which YAML reads as typed (`typed_form`); the builder warns (Y013) with the value as
it was written (`Doubled.raw`). Anything else stays the syntax error it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ledelsestilsyn.io.yaml_errors import looks_like_path, typed_form

_KEYED = re.compile(r"""[ \t]*(?:-[ \t]+)?([^\s#"'][^#:]*?):[ \t]+\"""")


@dataclass(frozen=True)
class Doubled:
    """The value at `start` (its opening quote) as written (`raw`) and as YAML is given it."""

    start: int
    raw: str
    given: str


def doubled(text: str, index: int, typed: frozenset[str]) -> Doubled | None:
    """For an unknown escape at `index` of `text`: the value it is in, if that is a path in
    a key of `typed`, written on one line; otherwise None."""
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    end = len(text) if end < 0 else end
    match = _KEYED.match(text, start, end)
    if match is None or match[1] not in typed:
        return None
    opening = match.end() - 1
    i = opening + 1
    while i < end and text[i] != '"':
        i += 2 if text[i] == "\\" else 1
    if i >= end or not opening < index < i:
        return None
    raw = text[opening : i + 1]
    return Doubled(opening, raw, typed_form(raw)) if looks_like_path(raw) else None

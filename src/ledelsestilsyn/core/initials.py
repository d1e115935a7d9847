"""A person's initials (`E.K.`, `E. K.`) and e-mail address in free text, for
`core.unknown_names`."""

from __future__ import annotations

import re

_INITIALS = re.compile(
    r"(?<![\w.])[^\W\d_a-zæøå]\.(?:[ \t\u00a0]?[^\W\d_a-zæøå]\.)*[ \t\u00a0]?"
    r"[^\W\d_a-zæøå](?:\.|(?![\w.]))"
)
"""A person's initials (`E.K.`, `E. K.`, `E.K`): a name as much as the name written out."""
_NO_INITIALS = frozenset(["PS", "NB", "OK", "EU", "TV", "PC", "UK", "USA", "BU", "SU"])


def initials_in(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that are initials (`E.K.`), not an abbreviation (`P.S.`)."""
    if "." not in text:
        return []
    found = (m for m in _INITIALS.finditer(text))
    return [m.span() for m in found if _letters(m[0]) not in _NO_INITIALS]


def _letters(initials: str) -> str:
    return "".join(c for c in initials if c.isalpha()).upper()


_ADDRESS = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
"""An e-mail address: `yasmin.alhassan@gmail.com` names a parent as her name does (a probe:
it stood in the leader's report and the letters, with no warning)."""


def addresses_in(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that are e-mail addresses."""
    return [m.span() for m in _ADDRESS.finditer(text)] if "@" in text else []

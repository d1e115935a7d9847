"""A person's initials (`E.K.`, `E. K.`), e-mail address and a name in a script without
capitals (`محمد`) in free text, for `core.unknown_names`, which finds the other names by
their capitals."""

from __future__ import annotations

import re
import unicodedata

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


_NOT_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f\u20ac]")
"""A character outside the Latin letters and the punctuation a Danish text has: only a text
with one is read letter by letter."""
_WITHIN = " \u00a0-"
"""What may stand between two words of one name (`فاطمة الزهراء`)."""


def caseless_in(text: str) -> list[tuple[int, int]]:
    """The runs of letters of a script that has no capitals (Arabic, Hebrew, Chinese, Thai,
    Devanagari …), with their marks: in a Danish text such a run is a name (a probe: a
    mother's name in Arabic stood in the department's report), and the capitals other names
    are found by cannot tell it."""
    if not _NOT_LATIN.search(text):
        return []
    spans: list[tuple[int, int]] = []
    start = end = -1
    for i, c in enumerate(text):
        if _caseless(c):
            start, end = (i if start < 0 else start), i + 1
        elif start >= 0 and (unicodedata.category(c)[0] == "M" or c in "\u200c\u200d"):
            end = i + 1  # a vowel sign, a joiner: part of the word
        elif start >= 0 and c in _WITHIN and end == i and _caseless(text[i + 1 : i + 2]):
            continue  # a space between two words of the name
        elif start >= 0:
            spans.append((start, end))
            start = -1
    if start >= 0:
        spans.append((start, end))
    return spans


def _caseless(c: str) -> bool:
    return c.isalpha() and ord(c) > 0x24F and c.lower() == c == c.upper()

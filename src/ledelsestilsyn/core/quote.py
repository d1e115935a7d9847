"""How a message quotes what the user wrote: as little as it needs.

A review, a concept or an export is typed by hand, so any value in it may
hold a child's name or a CPR number. A message quotes a value only when it is
one short token (an id, a key, an answer such as `jaa`) — enough to find the
typo. Anything with a space in it is free text, and a long token may be
several words run together (`Emil_Sørensen_…`): neither is quoted, the
message says how long it is instead, and file:line:col shows where. CPR-like
numbers are masked even in a short token. Every diagnostic that names a
user's value goes through `quote`, so the rule lives in one place.

A word typed where one of the tool's own words belongs (a key, a step or
question id, an answer, a command) may be a name even without a space
(`Emil_Barnesen`, `Emil`): `quote_unknown` quotes it only when it reads as a
typo of one of those words ('kommentra', 'jaa'), which are all lower case, so
a word with a capital first letter only when it is one of them ('Kommentar').
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from ledelsestilsyn.core.cpr import mask_cpr

TOKEN_LIMIT = 30
"""The longest token quoted (step and question ids are up to 29 characters)."""


CLOSE = 0.6
"""How alike a typed word and a word of ours must be to read as a typo (difflib's ratio)."""

_MASK = re.compile(r"X[X\- /.]*")
"""What `mask_cpr` leaves of a CPR number."""


def quote(value: object) -> str:
    """`'value'` for a short token; otherwise only how long the text is, in parentheses
    so it reads in the place of the value ("ukendt nøgle (en tekst på 27 tegn)")."""
    text = mask_cpr(str(value)).strip()
    if not text:
        return "(en tom tekst)"
    if len(text) > TOKEN_LIMIT or any(c.isspace() for c in text):
        return _length(text)
    return f"'{text}'"


def quote_unknown(
    value: object, known: Iterable[str] | None, *, suggested: str | None = None
) -> str:
    """`quote` for a word typed where one of `known` belongs (None: the words are not known
    here, only that they are lower case): quoted only when it is close to one of them (or the
    caller has `suggested` one for it) and does not begin with a capital letter, as a name
    does; otherwise only how long it is. A CPR number alone is quoted masked, so the reader
    sees what it was."""
    said = quote(value)
    text = mask_cpr(str(value)).strip()
    if not said.startswith("'") or _MASK.fullmatch(text):
        return said
    words = [word.lower() for word in known or ()]
    if text[:1].isupper():  # one of our words with a capital ('Kommentar'), or a name
        return said if text.lower() in words else _length(text)
    if known is None or suggested is not None:
        return said
    if difflib.get_close_matches(text.lower(), words, n=1, cutoff=CLOSE):
        return said
    return _length(text)


def _length(text: str) -> str:
    return f"(en tekst på {len(text)} tegn)"

"""How a message quotes what the user wrote: as little as it needs.

A review, a concept or an export is typed by hand, so any value in it may
hold a child's name or a CPR number. A message quotes a value only when it is
one short token (an id, a key, an answer such as `jaa`) — enough to find the
typo. Anything with a space in it is free text, and a long token may be
several words run together (`Emil_Sørensen_…`): neither is quoted, the
message says how long it is instead, and file:line:col shows where. CPR-like
numbers are masked even in a short token. Every diagnostic that names a
user's value goes through `quote`, so the rule lives in one place.
"""

from __future__ import annotations

from ledelsestilsyn.core.cpr import mask_cpr

TOKEN_LIMIT = 30
"""The longest token quoted (step and question ids are up to 29 characters)."""


def quote(value: object) -> str:
    """`'value'` for a short token; otherwise only how long the text is, in parentheses
    so it reads in the place of the value ("ukendt nøgle (en tekst på 27 tegn)")."""
    text = mask_cpr(str(value)).strip()
    if not text:
        return "(en tom tekst)"
    if len(text) > TOKEN_LIMIT or any(c.isspace() for c in text):
        return f"(en tekst på {len(text)} tegn)"
    return f"'{text}'"

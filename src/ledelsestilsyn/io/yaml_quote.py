"""Writing a text as a YAML scalar that reads back exactly, and without warning Y013.

The fill-in files (`sampling.fillin`) and `migrer` write what a person typed. Free text
goes in single quotes, where a Windows path stays as typed. A text that spans lines or
holds a character YAML does not allow in a file (a control character, DEL, C1, a line
separator) goes in double quotes: a line break as `\\n`, any such character as
`\\uXXXX`; a tab stays a tab (`\\t` reads as a path's `\\t`, and would warn).
`json.dumps` is not enough: it leaves DEL and C1 characters raw (the file would then be
unreadable, Y003), and writes `\\b` and `\\f`, which the loader reads as a mistyped path.
A text that gets escapes is gated (`core.gate`) first: the file's gate would see `\\ufeff`
between the digits of a number, not the invisible character it stands for.
"""

from __future__ import annotations

import json

from ledelsestilsyn.core.gate import gate

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\t"}
_BREAKS = frozenset("\u2028\u2029\ufeff")  # line separators YAML reads as breaks; a BOM


def double_quoted(text: str | None) -> str:
    """`text` in double quotes."""
    text = text or ""
    if text.isprintable():
        return json.dumps(text, ensure_ascii=False)
    return '"' + "".join(_escaped(c) for c in gate(text)) + '"'


def free_text(text: str | None) -> str:
    """`text` in single quotes, so a path stays as typed; in double quotes if it cannot."""
    text = text or ""
    if not text.replace("\t", " ").isprintable():
        return double_quoted(text)
    return "'" + text.replace("'", "''") + "'"


def _escaped(char: str) -> str:
    found = _ESCAPES.get(char)
    if found is not None:
        return found
    code = ord(char)
    if (0x20 <= code < 0x7F or code >= 0xA0) and char not in _BREAKS and _allowed(code):
        return char
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _allowed(code: int) -> bool:
    """Whether YAML allows the character raw in a file (surrogates and U+FFFE/F it does not)."""
    return not (0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF))

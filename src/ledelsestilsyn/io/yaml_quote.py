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
A text over several lines, as a reviewer writes a comment in a `|` block, is written as
such a block (`free_block`), when a block reads back as exactly that text.
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


def free_block(value: str | None, indent: int) -> str:
    """`value` for after `key: ` at column `indent`: a text with line breaks as a literal
    block (`|`, `|-` or `|+`, as its last line breaks ask) with its lines at `indent` + 2,
    as a reviewer writes a comment over several lines and `udfyld` writes it; any other
    text, and one a block cannot hold exactly (a control character, blank lines a block
    would read otherwise), as `free_text`."""
    value = value or ""
    if "\n" not in value or not value.replace("\n", "").replace("\t", " ").isprintable():
        return free_text(value)
    body = value.rstrip("\n")
    ends = len(value) - len(body)
    chomp = "-" if ends == 0 else ("" if ends == 1 else "+")
    lines = body.split("\n")
    first = next((line for line in lines if line.strip()), "")
    header = "|" + ("2" if first[:1] in (" ", "\u00a0") else "") + chomp
    pad = " " * (indent + 2)
    block = "".join(f"\n{pad}{line}" if line else "\n" for line in lines)
    block += "\n" * (ends - 1) if ends > 1 else ""
    written = header + block
    if _reads_back(written, value, indent):
        return written
    return free_text(value)


def _reads_back(written: str, value: str, indent: int) -> bool:
    """Whether `key: written` at column `indent` reads as `value`."""
    from ledelsestilsyn.core.diagnostics import TilsynError
    from ledelsestilsyn.io.yaml import parse_text

    try:
        data = parse_text(" " * indent + "k: " + written + "\n", "tekst").data
    except TilsynError:
        return False
    return isinstance(data, dict) and data.get("k") == value


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

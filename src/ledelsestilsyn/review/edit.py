"""Filling in a review file in place: only the values change; comments, order and layout stay.

`tilsyn udfyld` saves by splicing each new value into the file's own text at
the offsets the loader recorded (`io.yaml.parse_text(…, spans=True)`), so the
scale comments, the hjemmel lines and anything a reviewer wrote by hand are
kept byte for byte. A value is written so that it reads back as exactly that
text: a one-line text in single quotes (`'` doubled; a backslash stays a
backslash, as the file's header promises for paths), or in double quotes where
the file already had them and nothing needs escaping; a text with line breaks
as a literal block (`|-`). A key the file lacks (a `rettelse`, a deleted
`kommentar`) is added as new lines under its parent, indented like its
siblings.

Only what YAML can hold is written: `clean` turns every line break into
`\\n`, a tab into a space, drops control characters and trailing white space.
After splicing, the new text is parsed again and must hold the old data with
exactly the new values; otherwise nothing is returned, so a save can never
damage a file.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from typing import Any, TypeAlias

from ledelsestilsyn.core.diagnostics import TilsynError, fail
from ledelsestilsyn.io.document import Path_, YamlDocument, value_at
from ledelsestilsyn.io.yaml import parse_text

Value: TypeAlias = "str | Mapping[str, Value]"
"""A text, or new keys with their values (a whole `rettelse`)."""

Edit = tuple[Path_, Value]

_BREAKS = re.compile(r"\r\n?|[\x85\u2028\u2029]")
_LEADING_BLANKS = re.compile(r"^[ \u00a0]+")
_PLAIN_KEY = re.compile(r"^[A-Za-zæøåÆØÅ0-9][A-Za-zæøåÆØÅ0-9._-]*$")


def _printable(ch: str) -> bool:
    """What YAML allows in a file (libyaml's printable set), apart from tab."""
    return (
        ch == "\n"
        or " " <= ch <= "~"
        or ch == "\x85"
        or "\xa0" <= ch <= "\ud7ff"
        or ("\ue000" <= ch <= "\ufffd" and ch != "\ufeff")
        or ch >= "\U00010000"
    )


def clean(text: str) -> str:
    """`text` as it will be stored: `\\n` line breaks, no tabs, control characters or
    trailing white space (per line and at the end), no blank lines around it."""
    text = _BREAKS.sub("\n", text).replace("\t", " ")
    text = "".join(ch for ch in text if _printable(ch))
    lines = [line.rstrip() for line in text.split("\n")]
    if len(lines) > 1:
        # A non-breaking space at the start of a block line reads as bad indentation.
        lines = [_LEADING_BLANKS.sub(lambda m: " " * len(m[0]), line) for line in lines]
    return "\n".join(lines).strip("\n")


def _clean_value(value: Value) -> Value:
    if isinstance(value, str):
        return clean(value)
    return {key: _clean_value(inner) for key, inner in value.items()}


def render(value: str, indent: int, *, double: bool = False) -> tuple[str, str]:
    """(what follows `key: `, the block lines after it) for a clean `value`.

    `indent` is the column of a block's lines; `double` keeps double quotes
    where nothing in the value would need an escape.
    """
    if "\n" not in value:
        if double and '"' not in value and "\\" not in value:
            return f'"{value}"', ""
        return "'" + value.replace("'", "''") + "'", ""
    lines = value.split("\n")
    first = next(line for line in lines if line)
    header = "|2-" if first.startswith(" ") else "|-"
    pad = " " * indent
    return header, "".join(f"{pad}{line}\n" if line else "\n" for line in lines)


def fill(text: str, edits: Sequence[Edit], file: str) -> str:
    """`text` with each path set to its value; raises `TilsynError` and changes nothing
    when a value cannot be placed or the result would not read back as intended."""
    if "\r\n" in text:  # a file saved on Windows keeps its line breaks
        return fill(text.replace("\r\n", "\n"), edits, file).replace("\n", "\r\n")
    before = parse_text(text, file)
    expected = copy.deepcopy(before.data)
    cleaned = [(path, _clean_value(value)) for path, value in edits]
    for path, value in cleaned:
        text = _set(text, parse_text(text, file, spans=True), path, value)
        _assign(expected, path, value)
    try:
        after = parse_text(text, file).data
    except TilsynError:
        after = None
    if after != expected:
        raise fail(
            file,
            "F003",
            "ændringen kunne ikke skrives sikkert ind i filen; filen er ikke ændret.",
            hint="ret værdien i en editor, og kør 'tilsyn valider'.",
        )
    return text


def _assign(data: Any, path: Path_, value: Value) -> None:
    for key in path[:-1]:
        if not isinstance(data.get(key), dict):
            data[key] = {}
        data = data[key]
    last = path[-1]
    if isinstance(value, str):
        data[last] = value
        return
    if not isinstance(data.get(last), dict):
        data[last] = {}
    for key, inner in value.items():
        _assign(data[last], (key,), inner)


_MISSING = object()


def _set(text: str, doc: YamlDocument, path: Path_, value: Value) -> str:
    node = value_at(doc.data, path, _MISSING)
    if isinstance(node, str) and isinstance(value, str):
        return _replace(text, doc, path, value)
    if isinstance(node, dict) and not isinstance(value, str):
        for key, inner in value.items():
            text = _set(text, parse_text(text, doc.file, spans=True), (*path, key), inner)
        return text
    if isinstance(node, str) and not node.strip():
        assert not isinstance(value, str)
        return _expand(text, doc, path, value)
    if node is not _MISSING:
        raise _cannot(doc, path, "værdien er ikke en enkelt tekst")
    depth = len(path) - 1
    while depth > 0 and value_at(doc.data, path[:depth], _MISSING) is _MISSING:
        depth -= 1
    parent, missing = path[:depth], path[depth:]
    nested: Value = value
    for step in reversed(missing[1:]):
        nested = {str(step): nested}
    if isinstance(value_at(doc.data, parent, _MISSING), dict):
        return _insert(text, doc, parent, str(missing[0]), nested)
    return _set(text, doc, parent, {str(missing[0]): nested})


def _cannot(doc: YamlDocument, path: Path_, why: str) -> TilsynError:
    pos = doc.locate(path)
    return fail(
        doc.file,
        "F001",
        f"'{'.'.join(map(str, path))}' kan ikke udfyldes her: {why}.",
        hint="ret den del af filen i en editor (se skabelonens form i en ny fil fra udtræk).",
        line=pos.line if pos else None,
        column=pos.column if pos else None,
    )


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def _replace(text: str, doc: YamlDocument, path: Path_, value: str) -> str:
    start, end = doc.spans[path]
    indent = doc.keys[path].column + 1 if path in doc.keys else 2
    old = text[start:end]
    inline, block = render(value, indent, double=old.startswith('"'))
    if old[:1] in ("|", ">"):
        header = text[start : _line_end(text, start)]
        comment = header[header.index(" #") :] if " #" in header else ""
        newline = "\n" if old.endswith("\n") else ""
        new = inline + comment + ("\n" + block if block else newline)
        return text[:start] + (new if newline or not block else new[:-1]) + text[end:]
    space = " " if start == end and text[start - 1 : start] != " " else ""
    if not block:
        return text[:start] + space + inline + text[end:]
    stop = _line_end(text, end)
    rest = text[end:stop].rstrip()
    if stop == len(text):
        return text[:start] + space + inline + rest + "\n" + block[:-1]
    return text[:start] + space + inline + rest + "\n" + block + text[stop + 1 :]


def _entry(key: str, value: Value, indent: int) -> str:
    pad = " " * indent
    name = key if _PLAIN_KEY.match(key) else "'" + key.replace("'", "''") + "'"
    if not isinstance(value, str):
        inner = "".join(_entry(k, v, indent + 2) for k, v in value.items())
        return f"{pad}{name}:\n{inner}"
    inline, block = render(value, indent + 2)
    return f"{pad}{name}: {inline}\n{block}"


def _insert(text: str, doc: YamlDocument, parent: Path_, key: str, value: Value) -> str:
    """A new `key` at the end of the block mapping at `parent`, indented like its keys."""
    siblings = [p for p in doc.keys if len(p) == len(parent) + 1 and p[: len(parent)] == parent]
    start = doc.spans[parent][0]
    if not siblings or text[start : start + 1] in ("{", "["):
        raise _cannot(doc, parent, "den er skrevet på én linje ({…}) eller er tom")
    indent = doc.keys[siblings[0]].column - 1
    inside = [
        end
        for p, (_, end) in doc.spans.items()
        if len(p) > len(parent) and p[: len(parent)] == parent
    ]
    last = max(inside)
    new = _entry(key, value, indent)
    if text[last - 1 : last] == "\n":
        return text[:last] + new + text[last:]
    stop = _line_end(text, last)
    if stop == len(text):
        return text + "\n" + new[:-1]
    return text[: stop + 1] + new + text[stop + 1 :]


def _expand(text: str, doc: YamlDocument, path: Path_, value: Mapping[str, Value]) -> str:
    """Blank text at `path` (`rettelse:`, `rettelse: ""`) replaced by keys under it."""
    start, end = doc.spans[path]
    if path not in doc.keys or not value:
        raise _cannot(doc, path, "der er ingen nøgle at skrive under")
    indent = doc.keys[path].column + 1
    while start > 0 and text[start - 1] == " ":
        start -= 1
    stop = _line_end(text, end)
    rest = text[end:stop].rstrip()
    new = rest + "\n" + "".join(_entry(k, v, indent) for k, v in value.items())
    if stop == len(text):
        return text[:start] + new[:-1]
    return text[:start] + new + text[stop + 1 :]

"""The reviewer's own `# …` lines, carried by `tilsyn migrer` from the old file to the new one.

A comment line is the reviewer's own when the fill-in writer did not write it:
it is neither a line of the old version's nor of the new version's fill-in
text (question text, hjemmel, the header's help), nor the `$schema` line. An
own line goes where it stood: just before the line it stood above (its key,
in the new file), or else just after the line it followed (at the top of the
file, if it followed none; after the `$schema` line); a comment at the
end of a line stays at the end of the line with the same key. A question that
moved to a new id (`erstatter`) takes its comments along; a place that the new
file does not have gives way to the nearest enclosing key, and at the very
last to the end of the file. The result is parsed again: if the comments
changed what the file says (they never should), none are carried, and the
caller says that they are only in the backup.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.io.document import Path_
from ledelsestilsyn.io.yaml import parse_text
from ledelsestilsyn.sampling.fillin import SCHEMA_MARK

Where = Literal["top", "before", "after", "trailing"]


@dataclass(frozen=True)
class _Own:
    line: str
    """The comment as it is written in the new file (its indentation kept, if on its own line)."""
    anchor: Path_
    where: Where


def comment_lines(text: str) -> frozenset[str]:
    """Every whole-line comment of a fill-in text, stripped: what the writer writes itself."""
    return frozenset(s for line in text.split("\n") if (s := line.strip()).startswith("#"))


def carry_comments(
    old: str, new: str, display: str, known: frozenset[str], rename: Callable[[Path_], Path_]
) -> tuple[str, int, int]:
    """`new` with the own comments of `old` put in; also how many were carried and left behind."""
    own = _own_comments(old, display, known | comment_lines(new))
    if not own:
        return new, 0, 0
    placed = _place(new, display, own, rename)
    try:
        same = parse_text(placed, display).data == parse_text(new, display).data
    except TilsynError:
        same = False
    return (placed, len(own), 0) if same else (new, 0, len(own))


def _own_comments(text: str, display: str, known: frozenset[str]) -> list[_Own]:
    doc = parse_text(text, display, spans=True)
    spans = sorted((start, end) for start, end in doc.spans.values() if end > start)
    starts = [start for start, _ in spans]
    key_line: dict[int, Path_] = {}
    for path, pos in doc.keys.items():
        if pos.line not in key_line or len(path) < len(key_line[pos.line]):
            key_line[pos.line] = path
    lines = text.split("\n")
    content: dict[int, Path_] = {}
    comments: dict[int, tuple[str, str]] = {}
    """Line index → (what stands before the comment, the comment)."""
    current: Path_ = ()
    offset = 0
    for i, raw in enumerate(lines):
        line = raw.rstrip("\r")
        col = _comment_column(line, offset, spans, starts)
        body = line if col is None else line[:col]
        if body.strip():
            current = key_line.get(i + 1, current)
            content[i] = current
        if col is not None:
            comments[i] = (body, line[col:].rstrip())
        offset += len(raw) + 1
    own: list[_Own] = []
    for i, (body, comment) in comments.items():
        if body.strip():
            own.append(_Own(comment, content[i], "trailing"))
        elif comment not in known and not comment.startswith(SCHEMA_MARK):
            own.append(_anchored(body + comment, i, lines, content, comments, known))
    return own


def _anchored(
    line: str,
    i: int,
    lines: list[str],
    content: dict[int, Path_],
    comments: dict[int, tuple[str, str]],
    known: frozenset[str],
) -> _Own:
    """Before the key the comment stands above (past other own lines and blank lines), else
    after the line it follows."""
    j = i + 1
    while j < len(lines) and j not in content:
        if j in comments and comments[j][1] in known:
            break
        if j not in comments and lines[j].strip():
            break
        j += 1
    if j in content:
        return _Own(line, content[j], "before")
    before = [k for k in content if k < i]
    if before:
        return _Own(line, content[max(before)], "after")
    return _Own(line, (), "top")


def _comment_column(
    line: str, offset: int, spans: list[tuple[int, int]], starts: list[int]
) -> int | None:
    """Where a YAML comment starts on `line`: a `#` at the start or after a blank, outside
    every scalar (a `#` in a quoted answer or a block text is text)."""
    for col, char in enumerate(line):
        if char != "#" or (col and line[col - 1] not in " \t"):
            continue
        at = offset + col
        k = bisect.bisect_right(starts, at) - 1
        if k < 0 or spans[k][1] <= at:
            return col
    return None


def _place(new: str, display: str, own: list[_Own], rename: Callable[[Path_], Path_]) -> str:
    doc = parse_text(new, display)
    line_of = {path: pos.line - 1 for path, pos in doc.keys.items()}
    before: dict[int, list[str]] = {}
    after: dict[int, list[str]] = {}
    trailing: dict[int, list[str]] = {}
    end: list[str] = []
    top: list[str] = []
    for comment in own:
        if comment.where == "top":
            top.append(comment.line)
            continue
        path = rename(comment.anchor)
        exact = path in line_of
        while path and path not in line_of:
            path = path[:-1]
        if path not in line_of:
            end.append(comment.line.strip() if comment.where == "trailing" else comment.line)
        elif comment.where == "trailing" and exact:
            trailing.setdefault(line_of[path], []).append(comment.line)
        elif comment.where == "before" and exact:
            before.setdefault(line_of[path], []).append(comment.line)
        else:
            text = comment.line
            if comment.where == "trailing":
                indent = new.split("\n")[line_of[path]]
                text = indent[: len(indent) - len(indent.lstrip())] + "  " + text
            after.setdefault(line_of[path], []).append(text)
    lines = new.split("\n")
    out: list[str] = []
    if not lines[0].startswith(SCHEMA_MARK):
        out += top
    for i, line in enumerate(lines[:-1]):
        out += before.get(i, [])
        out.append("  ".join([line, *trailing.get(i, [])]))
        out += after.get(i, [])
        if i == 0 and line.startswith(SCHEMA_MARK):
            out += top
    return "\n".join([*out, *end, lines[-1]])

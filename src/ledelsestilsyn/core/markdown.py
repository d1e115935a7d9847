"""Text from a file inside a Markdown document: shown as it is written, never as markup.

The reports, the letters and `skabelon --format md` put comments, names, titles and
question texts in Markdown. A viewer (GitLab, Teams, VS Code, pandoc) would read markup
in them: a link or an image that loads from a server, a table cell broken by `|`, and
emphasis or a character reference between digits (`010203 *1234*`, `&#48;&#49;…`) that
shows a number the output gate, which reads the file, never saw.
"""

from __future__ import annotations

import re
from functools import lru_cache


def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell: no pipes, line breaks, raw HTML, links or
    images (a comment could otherwise make the report load a picture from a server)."""
    return _md_text(str(value))


# `](` is where every inline link and image begins its target; `[navn]` alone stays as is.
# Emphasis, code and strikethrough marks and character references are escaped too: a viewer
# would show `010203 *1234*`, `0**1**02031234` or `&#48;&#49;…` as a number the output gate,
# reading the file, never saw (and `M*aja*` as a name the name filter never saw).
# A backslash only where it would escape what follows (ASCII punctuation) or break the line
# (at the end): elsewhere a viewer shows it as it is, and a path (`S:\Børn\notat.docx`)
# stays readable in the letters' text part (a probe: `S:\\Børn`).
_MD_ESCAPES: tuple[tuple[str, str, re.Pattern[str] | None], ...] = (
    # a backslash only before punctuation or at the end; `&` only before a reference
    ("\\", "\\\\", re.compile(r"\\(?=[!-/:-@\[-`{-~]|\s*$)")),
    ("&", "\\&", re.compile(r"&(?=#?[0-9A-Za-z]+;)")),
    ("|", "\\|", None),
    ("<", "&lt;", None),
    (">", "&gt;", None),
    ("](", "\\](", None),
    ("*", "\\*", None),
    ("_", "\\_", None),
    ("`", "\\`", None),
    ("~", "\\~", None),
)
"""(text, its escape, where it is escaped: None for everywhere)."""


@lru_cache(maxsize=8192)
def _md_text(text: str) -> str:
    """`md_cell` for one text; question texts and hjemmel recur in every letter and report."""
    for old, new, where in _MD_ESCAPES:
        if old in text:
            text = _escaped(where, new, text) if where else text.replace(old, new)
    return " ".join(text.split())


def _escaped(where: re.Pattern[str], escape: str, text: str) -> str:
    """`text` with each match of `where` as `escape`, taken as it is (no group references)."""
    return where.sub(lambda _: escape, text)

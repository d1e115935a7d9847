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
_MD_ESCAPES = (
    ("\\", "\\\\"),  # only before punctuation or at the end: `_ESCAPING`
    ("&", "\\&"),  # only before a reference: `_REFERENCE`
    ("|", "\\|"),
    ("<", "&lt;"),
    (">", "&gt;"),
    ("](", "\\]("),
    ("*", "\\*"),
    ("_", "\\_"),
    ("`", "\\`"),
    ("~", "\\~"),
)
_REFERENCE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_ESCAPING = re.compile(r"\\(?=[!-/:-@\[-`{-~]|\s*$)")


@lru_cache(maxsize=8192)
def _md_text(text: str) -> str:
    """`md_cell` for one text; question texts and hjemmel recur in every letter and report."""
    for old, new in _MD_ESCAPES:
        if old in text:
            special = {"&": _REFERENCE, "\\": _ESCAPING}.get(old)
            text = (
                special.sub(new.replace("\\", "\\\\"), text) if special else text.replace(old, new)
            )
    return " ".join(text.split())

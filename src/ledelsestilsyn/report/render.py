"""Rendering: one jinja2 environment (StrictUndefined, autoescape for HTML), templates as
package data in `report/templates/`, Markdown and HTML from the same display model."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ledelsestilsyn.core.lines import shown
from ledelsestilsyn.report.charts import DEFS
from ledelsestilsyn.report.view import ReportView

FORMATS: tuple[str, ...] = ("html", "md", "csv", "xlsx", "pdf")
"""Every report format; csv and xlsx are the tidy table (`report.tidy`, `report.xlsx`), pdf is
typeset from the same view as html and md (`report.pdf`)."""


def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell: no pipes, line breaks, raw HTML, links or
    images (a comment could otherwise make the report load a picture from a server)."""
    return _md_text(str(value))


# `](` is where every inline link and image begins its target; `[navn]` alone stays as is.
# Emphasis, code and strikethrough marks and character references are escaped too: a viewer
# would show `010203 *1234*`, `0**1**02031234` or `&#48;&#49;…` as a number the output gate,
# reading the file, never saw (and `M*aja*` as a name the name filter never saw).
_MD_ESCAPES = (
    ("\\", "\\\\"),
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


@lru_cache(maxsize=8192)
def _md_text(text: str) -> str:
    """`md_cell` for one text; question texts and hjemmel recur in every letter and report."""
    for old, new in _MD_ESCAPES:
        if old in text:
            text = _REFERENCE.sub(new, text) if old == "&" else text.replace(old, new)
    return " ".join(text.split())


@cache
def environment(package: str = "ledelsestilsyn.report") -> Environment:
    """The jinja2 environment for a package's `templates/` (reports, feedback letters):
    undefined names fail, HTML is escaped, `md` makes text safe in a Markdown cell."""
    env = Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_shown,
    )
    env.filters["md"] = md_cell
    env.filters["antal"] = counted
    return env


def _shown(value: object) -> object:
    """Each value a template writes: a control character from a file (an escape sequence in
    a comment) as `�`, so `cat` of a report or a letter shows it and does not obey it."""
    if isinstance(value, Markup):
        return Markup(shown(value))
    return shown(value) if isinstance(value, str) else value


def counted(value: int | str, one: str, many: str) -> str:
    """`{{ n | antal("sag", "sager") }}`: "1 sag", "5 sager", "< 5 sager" (a hidden count)."""
    return f"{value} {one if str(value) == '1' else many}"


def render(view: ReportView, fmt: str) -> str:
    """The report as Markdown (`md`) or a self-contained HTML page (`html`)."""
    template = environment().get_template(f"rapport.{fmt}.j2")
    text = template.render(r=view, svg_defs=DEFS)
    return text if text.endswith("\n") else text + "\n"

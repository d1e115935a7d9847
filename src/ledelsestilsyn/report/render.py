"""Rendering: one jinja2 environment (StrictUndefined, autoescape for HTML), templates as
package data in `report/templates/`, Markdown and HTML from the same display model."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ledelsestilsyn.core.lines import shown
from ledelsestilsyn.core.markdown import md_cell
from ledelsestilsyn.report.charts import DEFS
from ledelsestilsyn.report.view import ReportView

FORMATS: tuple[str, ...] = ("html", "md", "csv", "xlsx", "pdf")
"""Every report format; csv and xlsx are the tidy table (`report.tidy`, `report.xlsx`), pdf is
typeset from the same view as html and md (`report.pdf`)."""


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

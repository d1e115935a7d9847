"""The report as an A4 PDF (`rapport --format pdf`), typeset with Typst from the same view.

The Typst source is rendered from the very `ReportView` the HTML and
Markdown come from (`report.view`), so the committee version hides exactly
what the HTML hides. Every text from a file goes into the source as a Typst
string literal (`typ`), never as markup, so a name like `#import` or `[`
is only text. The charts are the HTML's SVGs, made self-contained (the
patterns they share in the HTML page are copied into each one).

The fonts are Typst's own, built into the package (Libertinus Serif for the
text, DejaVu Sans Mono where a symbol is missing); system fonts are ignored,
so the PDF is the same on Linux, Windows and macOS, and æ, ø and å are
embedded with the font. Every text passes the output gate before it is escaped, and
the whole source again before it is compiled, because the finished PDF is compressed and
cannot be masked.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache

import typst
from jinja2 import Template

from ledelsestilsyn.core.gate import Gated, gate
from ledelsestilsyn.report.charts import DEFS
from ledelsestilsyn.report.render import environment
from ledelsestilsyn.report.view import ReportView

_SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'
_PATTERNS = DEFS[DEFS.index("<defs>") : DEFS.index("</defs>") + len("</defs>")]


def typ(value: object) -> str:
    """Any text as a Typst string literal: only `\\` and `"` (and line breaks) need escaping,
    and a string is never read as markup or code. The text is gated first: after escaping,
    a number over a line break (`010203\\n4567`) is no number to the gate."""
    text = gate(str(value))
    for old, new in (("\\", "\\\\"), ('"', '\\"'), ("\r", ""), ("\n", "\\n"), ("\t", " ")):
        text = text.replace(old, new)
    return f'"{text}"'


def standalone(svg: str) -> str:
    """An inline chart as a file of its own: the SVG namespace, and the shared patterns."""
    end = svg.index(">")
    head = svg[:end]
    if "xmlns=" not in head:
        head = head.replace("<svg", f"<svg {_SVG_NS}", 1)
    return head + ">" + _PATTERNS + svg[end + 1 :]


def svg_image(svg: str, width: str = "") -> str:
    """The Typst expression for a chart (empty for no chart)."""
    if not svg:
        return "[]"
    size = f", width: {width}" if width else ""
    return f'image(bytes({typ(standalone(svg))}), format: "svg"{size})'


@cache
def _template() -> Template:
    """The Typst template, in the reports' environment plus the Typst filters (an overlay
    with a filter table of its own, so the HTML and Markdown never see them)."""
    env = environment().overlay()
    env.filters = {**env.filters, "typ": typ, "svg": svg_image}
    return env.get_template("rapport.typ.j2")


def source(view: ReportView) -> str:
    """The Typst source of the report (gated: no CPR-like number in it)."""
    return gate(_template().render(r=view))


def pdf(view: ReportView, today: date) -> Gated:
    """The report as PDF bytes; `today` is the document date, so a rerun gives the same file."""
    stamp = datetime(today.year, today.month, today.day, tzinfo=UTC)
    data = typst.compile(
        source(view).encode("utf-8"),
        format="pdf",
        ignore_system_fonts=True,
        timestamp=stamp,
    )
    assert isinstance(data, bytes)
    return Gated(data)

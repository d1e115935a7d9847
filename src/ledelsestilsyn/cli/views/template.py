"""Readable views of templates: a rich list and tree, and a Markdown checklist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledelsestilsyn.core.markdown import md_cell
from ledelsestilsyn.models.template import Template
from ledelsestilsyn.templates.catalog import Catalog

if TYPE_CHECKING:
    from rich.table import Table
    from rich.tree import Tree


def list_table(catalog: Catalog) -> Table:
    from rich.table import Table

    table = Table(title="Skabeloner", title_justify="left")
    for column in ("id", "version", "type", "titel", "spørgsmål", "kilde"):
        # folded, never cut: in 80 columns (a pipe, a file) the source was `indbygget:h…`
        if column == "spørgsmål":
            table.add_column(column, justify="right", overflow="fold")
        else:
            table.add_column(column, overflow="fold")
    for key in sorted(catalog.templates):
        raw = catalog.templates[key]
        template = catalog.resolve(raw.ref)
        table.add_row(
            raw.id,
            raw.version,
            raw.type,
            raw.title,
            str(template.question_count()),
            _source(catalog.origins[key]),
        )
    return table


def _source(origin: str) -> str:
    """A local template's file; a built-in one's is no file the reader has (probe BJ: in 80
    columns it was cut to `indbygget:h…`)."""
    return "indbygget" if origin.startswith("indbygget:") else origin


def tree(template: Template) -> Tree:
    """Styles as `Text` parts: nothing from the template file is read as markup."""
    from rich.text import Text
    from rich.tree import Tree

    answers = " / ".join(v.answer for v in template.scale)
    root = Tree(Text.assemble((template.title, "bold"), f" ({template.ref}) · svar: {answers}"))
    for step in template.steps:
        where = " · på tværs af sagen" if step.across else ""
        branch = root.add(Text.assemble((step.title, "bold"), " ", (f"({step.id}{where})", "dim")))
        for question in step.questions:
            extra = f" · frist: {question.deadline}" if question.deadline else ""
            if question.pejlemaerke:
                extra += f" · pejlemærke: {question.pejlemaerke}"
            if question.scale:  # taken from another template, with its scale (probe BK)
                extra += " · svar: " + " / ".join(v.answer for v in question.scale)
            branch.add(
                Text.assemble(
                    (question.id, "cyan"),
                    f" {question.text}\n",
                    (f"hjemmel: {question.legal_basis}{extra}", "dim"),
                )
            )
    return root


def markdown(template: Template) -> str:
    """A printable checklist: one table per step with a box per answer. Every text from the
    template stands as it is written (`core.markdown.md_cell`), never as markup."""
    lines = [f"# {md_cell(template.title)}", ""]
    lines += [f"Skabelon `{template.ref}` · type: {template.type}", ""]
    if template.basis:
        lines += [f"*{md_cell(template.basis.strip())}*", ""]
    lines += ["Sag: ____________  Gennemført af: ____________  Dato: ____________", ""]
    for step in template.steps:
        if step.across:
            lines += [f"## På tværs af sagen: {md_cell(step.title)}", ""]
            lines += [md_cell(step.description.strip()), ""] if step.description else []
        else:
            lines += [f"## {md_cell(step.title)}", ""]
        shown: list[str] | None = None
        for question in step.questions:
            # A new table where the scale changes: a question taken from another template
            # keeps its own (probe BK: its boxes were headed ja / nej / ikke relevant).
            scale = [md_cell(v.answer) for v in template.scale_for(question)]
            if scale != shown:
                header = ["Nr.", "Spørgsmål", "Hjemmel", *scale, "Kommentar"]
                lines += [""] if shown is not None else []
                lines.append("| " + " | ".join(header) + " |")
                lines.append("|" + "|".join("---" for _ in header) + "|")
                shown = scale
            text = md_cell(question.text)
            if question.deadline:
                text += f" (frist: {md_cell(question.deadline)})"
            boxes = ["☐" for _ in scale]
            row = [md_cell(question.id), text, md_cell(question.legal_basis), *boxes, ""]
            lines.append("| " + " | ".join(row) + " |")
        lines.append("")
    return "\n".join(lines)

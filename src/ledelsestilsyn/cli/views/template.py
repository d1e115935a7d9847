"""Readable views of templates: a rich list and tree, and a Markdown checklist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledelsestilsyn.models.template import Template
from ledelsestilsyn.templates.catalog import Catalog

if TYPE_CHECKING:
    from rich.table import Table
    from rich.tree import Tree


def list_table(catalog: Catalog) -> Table:
    from rich.table import Table

    table = Table(title="Skabeloner", title_justify="left")
    for column in ("id", "version", "type", "titel", "spørgsmål", "kilde"):
        table.add_column(column, justify="right" if column == "spørgsmål" else "left")
    for key in sorted(catalog.templates):
        raw = catalog.templates[key]
        template = catalog.resolve(raw.ref)
        table.add_row(
            raw.id,
            raw.version,
            raw.type,
            raw.title,
            str(template.question_count()),
            catalog.origins[key],
        )
    return table


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
            branch.add(
                Text.assemble(
                    (question.id, "cyan"),
                    f" {question.text}\n",
                    (f"hjemmel: {question.legal_basis}{extra}", "dim"),
                )
            )
    return root


def markdown(template: Template) -> str:
    """A printable checklist: one table per step with a box per answer."""
    scale = [v.answer for v in template.scale]
    lines = [f"# {template.title}", "", f"Skabelon `{template.ref}` · type: {template.type}", ""]
    if template.basis:
        lines += [f"*{template.basis.strip()}*", ""]
    lines += ["Sag: ____________  Gennemført af: ____________  Dato: ____________", ""]
    for step in template.steps:
        if step.across:
            lines += [f"## På tværs af sagen: {step.title}", ""]
            lines += [step.description.strip(), ""] if step.description else []
        else:
            lines += [f"## {step.title}", ""]
        header = ["Nr.", "Spørgsmål", "Hjemmel", *scale, "Kommentar"]
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "|".join("---" for _ in header) + "|")
        for question in step.questions:
            text = question.text.replace("|", "\\|")
            if question.deadline:
                text += f" (frist: {question.deadline})"
            boxes = ["☐" for _ in template.scale_for(question)]
            row = [question.id, text, question.legal_basis.replace("|", "\\|"), *boxes, ""]
            lines.append("| " + " | ".join(row) + " |")
        lines.append("")
    return "\n".join(lines)

"""`skabelon forskel A B`: the questions added, removed and changed, as a rich table or Markdown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ledelsestilsyn.core.markdown import md_cell
from ledelsestilsyn.core.words import count
from ledelsestilsyn.templates.versions import Change, Link, Placed, VersionMap

if TYPE_CHECKING:
    from rich.table import Table

DASH = "–"
_ORDER = {Change.ADDED: 0, Change.REMOVED: 1, Change.CHANGED: 2, Change.DECLARED: 3}
_LABELS = {
    Change.ADDED: "ny",
    Change.REMOVED: "udgået",
    Change.CHANGED: "ændret: nyt spørgsmål",
    Change.DECLARED: "rettet: måler det samme",
}


@dataclass(frozen=True)
class DiffRow:
    question: str
    change: str
    field: str
    before: str
    after: str


def _value(item: Placed | None, name: str) -> str:
    if item is None:
        return DASH
    q = item.question
    if name == "tekst":
        return q.text
    if name == "hjemmel":
        return q.legal_basis
    if name == "frist":
        return q.deadline or DASH
    return " / ".join(v.answer for v in item.template.scale_for(q))


def _position(link: Link) -> tuple[int, int]:
    items = link.new or link.old
    assert items is not None
    ids = [q.id for s in items.template.steps for q in s.questions]
    return (_ORDER[link.change], ids.index(items.id))


def rows(versions: VersionMap) -> list[DiffRow]:
    """One row per changed field; a new or removed question is one row with its text."""
    found: list[DiffRow] = []
    links = sorted((k for k in versions.links if k.change in _ORDER), key=_position)
    for link in links:
        name = link.new.id if link.new else link.old.id if link.old else ""
        if link.old is not None and link.new is not None and link.old.id != link.new.id:
            name = f"{link.new.id} (erstatter {link.old.id})"
        fields = link.fields or ("tekst",)
        for i, field in enumerate(fields):
            found.append(
                DiffRow(
                    name if i == 0 else "",
                    _LABELS[link.change] if i == 0 else "",
                    field,
                    _value(link.old, field),
                    _value(link.new, field),
                )
            )
    return found


def summary(versions: VersionMap) -> str:
    added, removed = versions.of(Change.ADDED), versions.of(Change.REMOVED)
    changed, declared = versions.of(Change.CHANGED), versions.of(Change.DECLARED)
    unchanged = versions.of(Change.UNCHANGED)
    return (
        f"{count(len(added), 'nyt spørgsmål', 'nye spørgsmål')}, "
        f"{count(len(removed), 'udgået', 'udgåede')}, "
        f"{count(len(changed), 'ændret', 'ændrede')} (nye spørgsmål under samme id), "
        f"{count(len(declared), 'rettet', 'rettede')}, der måler det samme, og "
        f"{count(len(unchanged), 'uændret', 'uændrede')}. Svarene på rettede og uændrede "
        "spørgsmål lægges sammen i rapporten og flyttes med af 'tilsyn migrer'."
    )


def title(versions: VersionMap) -> str:
    return f"Forskel mellem {versions.old.ref} og {versions.new.ref}"


def table(versions: VersionMap) -> Table:
    from rich.table import Table
    from rich.text import Text

    result = Table(title=title(versions), title_justify="left", show_lines=True, expand=True)
    result.add_column("spørgsmål", no_wrap=True)
    result.add_column("felt", no_wrap=True)
    same = versions.old.id == versions.new.id
    for template in (versions.old, versions.new):
        result.add_column(template.version if same else template.ref, ratio=1)
    for row in rows(versions):
        label = Text.assemble(row.question, "\n", (row.change, "dim")) if row.question else ""
        result.add_row(label, row.field, Text(row.before), Text(row.after))
    return result


def markdown(versions: VersionMap) -> str:
    lines = [f"# {title(versions)}", "", summary(versions), ""]
    found = rows(versions)
    if not found:
        return "\n".join([*lines, "Ingen forskel i spørgsmålene.", ""])
    header = ["spørgsmål", "ændring", "felt", md_cell(versions.old.ref), md_cell(versions.new.ref)]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "|".join("---" for _ in header) + "|")
    for row in found:
        cells = [row.question, row.change, row.field, row.before, row.after]
        lines.append("| " + " | ".join(md_cell(c) for c in cells) + " |")
    return "\n".join([*lines, ""])

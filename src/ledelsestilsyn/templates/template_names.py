"""T023: a local template's text that seems to name someone (probe BH: a name typed as a
local template's title, its type or an answer on its scale was printed by `skabelon`, in the
leader's report and in `valider`'s messages, and no command warned). A template is the
municipality's own document, shown as written in every report, fill-in file and message, so a
name in it would reach all of them: `tjek` says where, as `valider` does for a review (G068)
and `tiltag` for a tiltag (O038). The municipality's name and the teams' are no one's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity, TilsynError
from ledelsestilsyn.core.names import as_read
from ledelsestilsyn.core.unknown_names import initials_of, likely_names
from ledelsestilsyn.io.document import YamlDocument
from ledelsestilsyn.io.yaml import read_document
from ledelsestilsyn.workspace.layout import TEMPLATES_DIR
from ledelsestilsyn.workspace.open import Workspace

_TEXTS = ("titel", "type", "grundlag", "beskrivelse")
_QUESTION_TEXTS = ("tekst", "hjemmel", "frist", "vejledning")

Key = tuple[str | int, ...]


def template_name_warnings(workspace: Workspace) -> list[Diagnostic]:
    """T023 at each text of each local template with a likely name; a file the catalog could
    not read has had its error already."""
    folder = workspace.root / TEMPLATES_DIR
    if not folder.is_dir():
        return []
    known = [workspace.concept.municipality, *workspace.concept.reminders.leaders]
    warnings = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            doc = read_document(path, display=str(Path(TEMPLATES_DIR) / path.name))
        except TilsynError:
            continue
        for key, text in _texts(doc.data):
            spans = likely_names(as_read(text), known)
            if spans:
                warnings.append(_warning(doc, key, as_read(text), spans))
    return warnings


def _texts(data: object) -> Iterator[tuple[Key, str]]:
    """The texts a reader sees, at their keys: the template's, each scale answer's, each
    step's and each question's."""
    if not isinstance(data, dict):
        return
    yield from _fields(data, (), _TEXTS)
    yield from _scale(data, ())
    for si, step in _items(data, "sagsskridt"):
        yield from _fields(step, ("sagsskridt", si), ("titel", "beskrivelse"))
        for qi, question in _items(step, "spørgsmål"):
            at: Key = ("sagsskridt", si, "spørgsmål", qi)
            yield from _fields(question, at, _QUESTION_TEXTS)
            yield from _scale(question, at)


def _fields(
    data: dict[object, object], at: Key, keys: tuple[str, ...]
) -> Iterator[tuple[Key, str]]:
    for key in keys:
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            yield (*at, key), value


def _scale(data: dict[object, object], at: Key) -> Iterator[tuple[Key, str]]:
    for i, value in _items(data, "skala"):
        yield from _fields(value, (*at, "skala", i), ("svar",))


def _items(data: dict[object, object], key: str) -> Iterator[tuple[int, dict[object, object]]]:
    found = data.get(key)
    if isinstance(found, list):
        yield from ((i, item) for i, item in enumerate(found) if isinstance(item, dict))


def _warning(doc: YamlDocument, key: Key, text: str, spans: list[tuple[int, int]]) -> Diagnostic:
    shown = ", ".join(dict.fromkeys(initials_of(text[a:b]) for a, b in spans))
    return doc.diagnostic(
        key,
        "T023",
        f"skabelonens tekst ser ud til at nævne nogen ved navn ({shown}); den vises, som den "
        "står, i udfyldningsfiler, rapporter og beskeder.",
        hint="skriv en rolle ('barnet', 'sagsbehandleren', 'lederen') i stedet for et navn.",
        severity=Severity.WARNING,
    )

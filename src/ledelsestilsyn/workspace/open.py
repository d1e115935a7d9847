"""The workspace: the folder holding `koncept.yaml`, `skabeloner/` and `udtræk/`.

Commands find `koncept.yaml` in the current folder or its parents (like git
finds `.git`), or take it from `--koncept`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ledelsestilsyn.core.diagnostics import Diagnostic, ErrorKind, TilsynError, fail
from ledelsestilsyn.core.gate import name_passes
from ledelsestilsyn.core.quote import quote_unknown
from ledelsestilsyn.io.document import YamlDocument
from ledelsestilsyn.io.named import check_named, present, resolved
from ledelsestilsyn.io.yaml import read_document
from ledelsestilsyn.models.concept import Concept
from ledelsestilsyn.models.located import validate_document
from ledelsestilsyn.templates.catalog import Catalog
from ledelsestilsyn.workspace.layout import CACHE_DIR, CONCEPT_FILE, SAMPLES_DIR
from ledelsestilsyn.workspace.links import linked_samples


def find_concept(start: Path, explicit: Path | None = None) -> Path:
    """Path of the concept file; a located, actionable error if there is none."""
    if explicit is not None:
        check_named(explicit, str(explicit), "K001", noun="konceptfilen")
        return explicit
    here = start.resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONCEPT_FILE
        if candidate.is_file():
            return candidate
        if present(candidate):  # a folder, a pipe or a broken link: say so, don't look above
            check_named(candidate, str(candidate), "K001", noun="konceptfilen")
    raise fail(
        str(start),
        "K001",
        f"fandt ingen {CONCEPT_FILE} her eller i mapperne over ({here}).",
        hint="opret en arbejdsmappe med 'tilsyn init', eller angiv konceptfilen.",
        kind=ErrorKind.USAGE,
    )


@dataclass
class Workspace:
    root: Path
    concept_path: Path
    concept: Concept
    concept_doc: YamlDocument
    catalog: Catalog

    @property
    def samples_dir(self) -> Path:
        return self.root / SAMPLES_DIR

    @property
    def cache_dir(self) -> Path:
        return self.root / CACHE_DIR

    def display(self, path: Path) -> str:
        """A path as the user should see it: relative to the workspace when inside it."""
        try:
            return str(resolved(path).relative_to(self.root.resolve()))
        except ValueError:
            return str(path)


def load_concept(path: Path, display: str | None = None) -> tuple[Concept, YamlDocument]:
    doc = read_document(path, display=display)
    if isinstance(doc.data, dict) and "sagsskridt" in doc.data and "tilsyn" not in doc.data:
        raise TilsynError([doc.diagnostic((), "K002", "filen er en skabelon, ikke et koncept.")])
    return validate_document(Concept, doc), doc


def open_workspace(start: Path, explicit: Path | None = None) -> Workspace:
    """Load concept and templates; raise every problem found in either at once."""
    concept_path = find_concept(start, explicit)
    root = concept_path.parent
    problems = []
    concept: Concept | None = None
    doc: YamlDocument | None = None
    catalog: Catalog | None = None
    try:
        concept, doc = load_concept(concept_path, _rel(concept_path, start))
        problems.extend(series_name_problems(concept, doc))
    except TilsynError as exc:
        problems.extend(exc.diagnostics)
    try:
        catalog = Catalog.load(root)
    except TilsynError as exc:
        problems.extend(exc.diagnostics)
    problems.extend(linked_samples(root))
    if problems or concept is None or catalog is None or doc is None:
        raise TilsynError(problems)
    return Workspace(root, concept_path, concept, doc, catalog)


MAX_SERIES_NAME = 60


def series_name_problems(concept: Concept, doc: YamlDocument) -> list[Diagnostic]:
    """A series name is part of a folder name (`udtræk/<periode>-<serie>`): one plain name.

    Letters (also æ, ø, å), digits and `- _ .`, starting with a letter or a digit, so
    no name can point outside `udtræk/` or be unusable on a shared drive; and no CPR-like
    number, which would stand in every sample folder's name.
    """
    problems = []
    written = doc.data.get("tilsyn") if isinstance(doc.data, dict) else None
    keys = [k for k in written if isinstance(k, str)] if isinstance(written, dict) else []
    for name in concept.series:
        plain = all(c.isalpha() or c.isdigit() or c in "-_." for c in name)
        if plain and name[:1].isalnum() and len(name) <= MAX_SERIES_NAME and name_passes(name):
            continue
        key = next((k for k in keys if k.strip() == name), name)  # the model strips names
        problems.append(
            doc.diagnostic(
                ("tilsyn", key),
                "K016",
                # a name typed as the series' is not quoted (probe BH: `"Kirsten Ågesen":`)
                f"serienavnet {quote_unknown(name[:MAX_SERIES_NAME], None)} kan ikke bruges "
                "som mappenavn.",
                hint="brug kun bogstaver, tal, '-', '_' og '.', begynd med et bogstav eller et "
                f"tal, og hold navnet under {MAX_SERIES_NAME} tegn (fx 'tematiseret-2027'); "
                "et CPR-nummer må ikke stå i navnet.",
                key=True,
            )
        )
    return problems


def _rel(path: Path, start: Path) -> str:
    try:
        return str(resolved(path).relative_to(start.resolve()))
    except ValueError:
        return str(path)

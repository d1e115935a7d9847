"""JSON Schemas for the file formats, for editors that read `$schema` comments.

Besides the four model schemas, each template gets a review schema that
lists its step and question ids and the allowed answers, so VS Code (with
the YAML extension) flags `jaa` while the leader types.

`udtræk` keeps them current on every run (`ensure_schemas`): a stamp in
`.tilsyn/skema.json` records which code and templates produced the files and
their SHA-256, so a run where nothing changed neither builds nor writes them.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path
from typing import Any

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.core.gate import gated_json
from ledelsestilsyn.io.atomic import writable_folder, write_atomic
from ledelsestilsyn.models.concept import Concept
from ledelsestilsyn.models.manifest import Manifest
from ledelsestilsyn.models.review import Correction, Review
from ledelsestilsyn.models.template import Template
from ledelsestilsyn.templates.catalog import Catalog
from ledelsestilsyn.workspace.schema_texts import in_danish

MODEL_SCHEMAS: dict[str, type[Any]] = {
    "koncept.json": Concept,
    "skabelon.json": Template,
    "gennemgang.json": Review,
    "udtræk.json": Manifest,
}


def review_schema_name(template: Template) -> str:
    return f"gennemgang-{template.id}-{template.version}.json"


def model_schema(model: type[Any]) -> dict[str, Any]:
    """The JSON Schema of a model, with the Danish texts an editor shows."""
    return in_danish(model.model_json_schema(by_alias=True), model.__name__)


def review_schema(template: Template) -> dict[str, Any]:
    base = model_schema(Review)
    correction = model_schema(Correction)
    steps: dict[str, Any] = {}
    for step in template.steps:
        questions: dict[str, Any] = {}
        for question in step.questions:
            answers = [v.answer for v in template.scale_for(question)]
            questions[question.id] = {
                "type": "object",
                "description": question.text,
                "additionalProperties": False,
                "properties": {
                    "svar": {"enum": ["", *answers], "description": "; ".join(answers)},
                    "kommentar": {"type": "string"},
                    "rettelse": correction,
                },
            }
        steps[step.id] = {
            "type": "object",
            "description": step.title,
            "additionalProperties": False,
            "properties": questions,
        }
    base["properties"]["svar"] = {
        "type": "object",
        "additionalProperties": False,
        "properties": steps,
    }
    base["properties"]["skabelon"] = {"const": template.ref}
    base["title"] = f"Gennemgang efter {template.title} ({template.ref})"
    return base


def all_schemas(catalog: Catalog) -> dict[str, dict[str, Any]]:
    schemas = {name: model_schema(model) for name, model in MODEL_SCHEMAS.items()}
    for key in sorted(catalog.templates):
        template = catalog.resolve(f"{key[0]}@{key[1]}")
        schemas[review_schema_name(template)] = review_schema(template)
    return schemas


def write_schemas(folder: Path, catalog: Catalog) -> list[Path]:
    """(Re)write the generated schema files; they hold no user data."""
    return _write(folder, catalog, keep=False)[0]


def write_new_schemas(folder: Path, catalog: Catalog) -> tuple[list[Path], list[Path]]:
    """Write the schema files that are not there (for `init`); one that is there with other
    text than this code writes may have been edited by a user and is kept as it is.
    The files written, and those kept."""
    return _write(folder, catalog, keep=True)


def _write(folder: Path, catalog: Catalog, *, keep: bool) -> tuple[list[Path], list[Path]]:
    writable_folder(folder, mode=0o755)
    written: list[Path] = []
    kept: list[Path] = []
    for name, schema in all_schemas(catalog).items():
        path = folder / name
        text = gated_json(schema, indent=2, sort_keys=True) + "\n"
        if path.is_file() and path.read_bytes() == text.encode("utf-8"):
            continue
        if keep and (path.exists() or path.is_symlink()):
            kept.append(path)
            continue
        write_atomic(path, text, overwrite=True, mode=0o644)
        written.append(path)
    return written, kept


SCHEMA_STAMP = "skema.json"
"""In the cache folder: what produced the schema files, and the SHA-256 of each."""


def ensure_schemas(folder: Path, catalog: Catalog, cache_dir: Path) -> list[Path]:
    """`write_schemas`, unless the stamp in `cache_dir` shows the files in `folder` are
    exactly what this code and these templates produce (then nothing is built).

    The stamp names the tool's code (every module: a schema follows the models and
    what they import) and the templates; each file is read and hashed again, so a
    schema edited or removed by hand is written anew.
    """
    from ledelsestilsyn.io.stamped_json import read_stamped, write_stamped

    stamp = _schema_stamp(catalog)
    names = [*MODEL_SCHEMAS, *(review_schema_name(t) for _, t in sorted(catalog.templates.items()))]
    recorded = read_stamped(cache_dir / SCHEMA_STAMP, stamp)
    if recorded is not None and recorded.get("filer") == _digests(folder, names):
        return []
    written = write_schemas(folder, catalog)
    with contextlib.suppress(OSError, TilsynError):  # only a cache: the next run checks again
        write_stamped(cache_dir / SCHEMA_STAMP, stamp, {"filer": _digests(folder, names)})
    return written


def _schema_stamp(catalog: Catalog) -> dict[str, str]:
    from pydantic import VERSION

    from ledelsestilsyn.io.stamped_json import PACKAGE, code_stamp

    code = code_stamp(sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")))
    templates = hashlib.sha256()
    for _, template in sorted(catalog.templates.items()):
        templates.update(template.model_dump_json(by_alias=True).encode())
    return {
        "format": "1",
        "kode": f"{code}+pydantic {VERSION}",
        "skabeloner": templates.hexdigest(),
    }


def _digests(folder: Path, names: list[str]) -> dict[str, str | None]:
    """The SHA-256 of each named file in `folder` (None where it cannot be read)."""
    found: dict[str, str | None] = {}
    for name in names:
        try:
            found[name] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        except OSError:
            found[name] = None
    return found

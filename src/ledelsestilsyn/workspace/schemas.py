"""JSON Schemas for the file formats, for editors that read `$schema` comments.

Besides the four model schemas, each template gets a review schema that
lists its step and question ids and the allowed answers, so VS Code (with
the YAML extension) flags `jaa` while the leader types.

`udtræk` keeps them current on every run (`ensure_schemas`): a stamp in
`.tilsyn/skema.json` records which code and templates produced the files and
their SHA-256, so a run where nothing changed neither builds nor writes them.

A schema a person edited (their own enum, a description) is never overwritten, by
`init`, `udtræk`, `skema` or `migrer`: each file tilsyn writes has a `$comment` on its
second line with the SHA-256 of the rest, and a file whose rest no longer has it is kept
(W007). A file without the mark (an older tilsyn's) is tilsyn's when the stamp recorded
its digest; else it may be a person's, and is kept. A missing file is written.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ledelsestilsyn.core.diagnostics import Diagnostic, TilsynError, warning
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


MARK = (
    "Skrevet af tilsyn. Retter du i filen, beholder tilsyn den, som den er; slet den, så "
    "skriver 'tilsyn skema' den på ny. sha256:"
)
_MARKED = re.compile(rb'^  "\$comment": ".*sha256:([0-9a-f]{64})",$')


def schema_text(schema: dict[str, Any]) -> str:
    """The schema as tilsyn writes it: gated JSON, with the mark (`MARK` and the SHA-256 of
    the rest) as a `$comment` on the second line."""
    text = gated_json(schema, indent=2, sort_keys=True) + "\n"
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    head, rest = text.split("\n", 1)
    return f'{head}\n  "$comment": {gated_json(MARK + sha)},\n{rest}'


def _as_written(data: bytes, recorded: str | None) -> bool:
    """Whether `data` is a schema file as tilsyn wrote it: its mark holds, or (no mark: an
    older tilsyn's) its SHA-256 is the one `recorded` when it was written."""
    lines = data.split(b"\n")
    found = _MARKED.match(lines[1]) if len(lines) > 1 else None
    if found is None:
        return recorded is not None and hashlib.sha256(data).hexdigest() == recorded
    rest = b"\n".join([lines[0], *lines[2:]])
    return hashlib.sha256(rest).hexdigest().encode() == found[1]


def write_schemas(
    folder: Path, catalog: Catalog, recorded: Mapping[str, str | None] | None = None
) -> tuple[list[Path], list[Path]]:
    """Write the schema files that are missing or as tilsyn wrote them and now differ; one
    a person edited (`_as_written`; `recorded`: the digests the stamp has of the files
    in `folder`) is kept as it is. The files written, and those kept."""
    writable_folder(folder, mode=0o755)
    written: list[Path] = []
    kept: list[Path] = []
    for name, schema in all_schemas(catalog).items():
        path = folder / name
        text = schema_text(schema)
        if path.is_symlink() or (path.exists() and not path.is_file()):
            kept.append(path)
            continue
        if path.is_file():
            old = path.read_bytes()
            if old == text.encode("utf-8"):
                continue
            if not _as_written(old, (recorded or {}).get(name)):
                kept.append(path)
                continue
        write_atomic(path, text, overwrite=True, mode=0o644)
        written.append(path)
    return written, kept


def kept_warning(shown: str) -> Diagnostic:
    """W007: the schema at `shown` was edited after tilsyn wrote it and is kept."""
    return warning(
        shown,
        "W007",
        "skemaet er rettet, efter tilsyn skrev det, og overskrives ikke (heller ikke af et "
        "nyere tilsyn).",
        hint="slet eller omdøb det, så skriver næste udtræk eller 'tilsyn skema' et nyt.",
    )


SCHEMA_STAMP = "skema.json"
"""In the cache folder: what produced the schema files, and the SHA-256 of each."""


def ensure_schemas(
    folder: Path, catalog: Catalog, cache_dir: Path, display: Callable[[Path], str] = str
) -> list[Diagnostic]:
    """`write_schemas`, unless the stamp in `cache_dir` shows the files in `folder` are
    exactly what this code and these templates produce (then nothing is built).

    The stamp names the tool's code (every module: a schema follows the models and
    what they import) and the templates; each file is read and hashed again, so a
    schema removed by hand is written anew. One a person edited is kept, and W007 says
    so once: the stamp notes it (`beholdt`), until it is edited again.
    """
    from ledelsestilsyn.io.stamped_json import read_stamped, write_stamped

    stamp = _schema_stamp(catalog)
    names = [*MODEL_SCHEMAS, *(review_schema_name(t) for _, t in sorted(catalog.templates.items()))]
    now = _digests(folder, names)
    current = read_stamped(cache_dir / SCHEMA_STAMP, stamp)
    if current is not None and current.get("filer") == now:
        return []
    recorded, said = recorded_schemas(cache_dir)
    _, kept = write_schemas(folder, catalog, recorded)
    after = _digests(folder, names)
    held = {p.name: after.get(p.name) for p in kept}
    with contextlib.suppress(OSError, TilsynError):  # only a cache: the next run checks again
        write_stamped(cache_dir / SCHEMA_STAMP, stamp, {"filer": after, "beholdt": held})
    return [kept_warning(display(p)) for p in kept if said.get(p.name) != held[p.name]]


def recorded_schemas(cache_dir: Path) -> tuple[dict[str, str | None], dict[str, str]]:
    """What the stamp in `cache_dir` recorded, whatever code wrote it: the digest of each
    file in skema/ as tilsyn wrote it (those it kept as a person's left out), and the
    digest of each file kept and said (W007)."""
    from ledelsestilsyn.io.stamped_json import read_stamped

    before = read_stamped(cache_dir / SCHEMA_STAMP, {}) or {}
    files, said = _texts(before.get("filer")), _texts(before.get("beholdt"))
    return {n: d for n, d in files.items() if n not in said}, said


def _texts(value: object) -> dict[str, str]:
    """A recorded name → digest mapping (anything else in the cache is ignored)."""
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}


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

"""What an editor shows on hover in `skema/*.json` is Danish: no class names, no docstrings."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

from ledelsestilsyn.models import concept, manifest, review, template
from ledelsestilsyn.templates.catalog import Catalog
from ledelsestilsyn.workspace.schemas import all_schemas

ENGLISH = (" the ", " of ", " a ", " an ", " and ", " which ", " from ", " with ", " is ")


def texts(node: object, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, child in node.items():
            if key in ("title", "description") and isinstance(child, str):
                yield f"{path}/{key}", child
            elif key not in ("properties", "$defs") or isinstance(child, dict):
                yield from texts(child, f"{path}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from texts(child, f"{path}/{index}")


def model_classes() -> dict[str, str]:
    """Every pydantic model in the schema modules, by name, with its docstring."""
    found: dict[str, str] = {}
    for module in (concept, manifest, review, template):
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if hasattr(cls, "model_json_schema"):
                found[name] = inspect.getdoc(cls) or ""
    return found


def schemas() -> dict[str, dict[str, Any]]:
    return all_schemas(Catalog.load(None))


def test_no_class_name_docstring_or_english_reaches_a_schema() -> None:
    classes = model_classes()
    docstrings = {doc.split("\n")[0] for doc in classes.values() if doc}
    for name, schema in schemas().items():
        for where, text in texts(schema):
            assert text not in classes, f"{name}{where}: klassenavn {text!r}"
            assert not any(doc in text for doc in docstrings), f"{name}{where}: {text!r}"
            padded = f" {text.lower()} "
            assert not any(word in padded for word in ENGLISH), f"{name}{where}: {text!r}"


def test_a_field_is_titled_by_its_key_as_written_in_the_file() -> None:
    review_schema = schemas()["gennemgang.json"]
    assert review_schema["title"] == "gennemgang"
    assert review_schema["properties"]["gennemført_af"]["title"] == "gennemført af"
    correction = review_schema["$defs"]["Correction"]
    assert correction["title"] == "rettelse"
    assert correction["description"].startswith("Det, der skal rettes")


def test_every_model_in_a_schema_has_danish_text() -> None:
    """A new model in a schema fails here until it gets its text in `schema_texts.MODELS`."""
    for name, schema in schemas().items():
        for definition in schema.get("$defs", {}).values():
            assert definition["description"].endswith("."), name

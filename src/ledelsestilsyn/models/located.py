"""Validate loaded YAML with a pydantic model and locate every error in the file.

pydantic reports each error with a `loc` (the path of aliases/indices); the
loader kept the position of every path, so each error becomes a `Diagnostic`
with `file:line:col`. Unknown keys get a did-you-mean from the model's own
aliases at that place. Messages are Danish and never quote the value itself.
"""

from __future__ import annotations

import difflib
import re
import types
from collections.abc import Sequence
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ledelsestilsyn.core.diagnostics import SHOWN_PER_FILE, Diagnostic, TilsynError
from ledelsestilsyn.core.periods import date_hint
from ledelsestilsyn.core.quote import quote, quote_unknown
from ledelsestilsyn.io.document import Path_, YamlDocument
from ledelsestilsyn.models.base import HintedValueError

M = TypeVar("M", bound=BaseModel)

CODE_MISSING = "M001"
CODE_UNKNOWN_KEY = "M002"
CODE_BAD_VALUE = "M003"
_NOWHERE = (0, 0)


def validate_document(model: type[M], doc: YamlDocument) -> M:
    """Return the model, or raise `TilsynError` with one located diagnostic per problem."""
    if doc.data is None:
        raise TilsynError(
            [
                Diagnostic(
                    doc.file, 1, 1, "Y011", "filen er tom.", hint="udfyld den, eller slet den."
                )
            ]
        )
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        raise TilsynError(model_errors(model, doc, exc)) from None


def model_errors(
    model: type[BaseModel], doc: YamlDocument, exc: ValidationError
) -> list[Diagnostic]:
    """One located diagnostic per error, in the file's order. Only the first
    `SHOWN_PER_FILE` get a did-you-mean: a file with 100,000 unknown keys took 20 s to
    compare each with every key allowed, for lines no one is shown."""
    found = []
    for error in exc.errors(include_url=False, include_input=False):
        path = _data_path(doc.data, error["loc"])
        found.append((doc.locate(path, key=error["type"] == "extra_forbidden"), path, error))
    found.sort(key=lambda item: item[0] or _NOWHERE)
    return [
        _diagnostic(model, doc, path, error, guess=n < SHOWN_PER_FILE)
        for n, (_, path, error) in enumerate(found)
    ]


def did_you_mean(word: str, candidates: list[str]) -> str | None:
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return matches[0] if matches else None


def meant_name(wanted: str, names: list[str]) -> str | None:
    """The name (a series) `wanted` most likely means: the same in other capitals, the only
    one it begins (`tema` for `tematiseret`), else the closest spelling."""
    folded = wanted.strip().casefold()
    same = [n for n in names if n.casefold() == folded]
    begun = [n for n in names if n.casefold().startswith(folded)]
    if same:
        return same[0]
    if folded and len(begun) == 1:
        return begun[0]
    return did_you_mean(folded, names)


def unknown_key(key: str, allowed: Sequence[str]) -> tuple[str, str]:
    """The message and hint for a key that is none of `allowed` (G015 in a review)."""
    guess = did_you_mean(key, list(allowed))
    hint = f"mente du '{guess}'?" if guess else f"tilladt her: {', '.join(allowed)}."
    return f"ukendt nøgle {quote_unknown(key, allowed)}.", hint


def _data_path(data: Any, loc: tuple[int | str, ...]) -> Path_:
    """Keep the `loc` elements that are real keys/indices (drop union branch names)."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if _has(node, part):
            node = node[part]
            path.append(part)
        elif isinstance(node, dict) and isinstance(part, str) and not _is_type_name(part):
            path.append(part)  # a missing key: keep it so the message can name it
            break
    return tuple(path)


def _has(node: Any, part: int | str) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def _value(data: Any, path: Path_) -> Any:
    """The value at a data path (keys and list indexes); the errors carry no input."""
    node = data
    for part in path:
        if not _has(node, part):
            return None
        node = node[part]
    return node


def _is_type_name(part: str) -> bool:
    return part[:1].isupper() or "[" in part or part in {"str", "int", "bool", "float", "date"}


def _diagnostic(
    model: type[BaseModel], doc: YamlDocument, path: Path_, error: Any, *, guess: bool
) -> Diagnostic:
    """The diagnostic of one error; with `guess`, a word close to one allowed is named."""
    kind = error["type"]
    key = str(path[-1]) if path else ""
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return doc.diagnostic(
            path,
            CODE_MISSING,
            f"nøglen '{key}' mangler.",
            hint=f"tilføj '{key}: …'.",
        )
    if kind == "extra_forbidden":
        allowed = _aliases_at(model, path[:-1])
        meant = did_you_mean(key, allowed) if guess else None
        hint = f"mente du '{meant}'?" if meant else f"tilladte nøgler her: {', '.join(allowed)}."
        return doc.diagnostic(
            path,
            CODE_UNKNOWN_KEY,
            f"ukendt nøgle {quote_unknown(key, allowed if guess else [])}.",
            hint=hint,
            key=True,
        )
    message = _MESSAGES.get(kind)
    if message is None:
        text = str(error.get("msg", ""))
        message = text.removeprefix("Value error, ") if kind == "value_error" else "ugyldig værdi."
        message = message if message.endswith((".", "?", "!")) else message + "."  # a sentence
    message = message.format(**{k: _fmt(v) for k, v in ctx.items()})
    where = f"{quote(key)}: " if isinstance(key, str) and key and not key.isdigit() else ""
    return doc.diagnostic(
        path,
        CODE_BAD_VALUE,
        where + message,
        hint=_hint(kind, ctx, _value(doc.data, path)) if guess else None,
    )


def _fmt(value: Any) -> str:
    """A bound or a list of choices as Danish text: `1` not `1.0`, `a, b eller c` not `or`."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("' or '", "' eller '").replace("'", "")


_DATE_KINDS = ("date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact")
"""pydantic's errors for a date it could not read; `20261101` and `2026-11-01T10:00` are the
last (read as a moment, not a day)."""


def _hint(kind: str, ctx: dict[str, Any], given: Any) -> str | None:
    """A share (a number at most 1) written as a percentage gets told how to write it; a
    choice close to one of the allowed ones ('igang') gets the one it resembles; a date
    written the Danish way ('30-09-2026') gets the same day as ÅÅÅÅ-MM-DD, as in `valider`."""
    if kind in ("less_than_equal", "less_than") and ctx.get("le", ctx.get("lt")) == 1:
        return "en andel skrives som decimaltal: 0.8 = 80 %."
    if kind in _DATE_KINDS and isinstance(given, str):
        return date_hint(given, "2026-11-15")
    error = ctx.get("error")
    if kind == "value_error" and isinstance(error, HintedValueError):
        return error.hint
    if kind == "literal_error" and isinstance(given, str) and given.strip():
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        guess = did_you_mean(given.strip().casefold(), choices)
        return f"mente du '{guess}'?" if guess else None
    return None


_MESSAGES: dict[str, str] = {
    "int_parsing": "skal være et heltal.",
    "int_type": "skal være et heltal.",
    "int_from_float": "skal være et heltal.",
    "float_parsing": "skal være et tal (brug punktum som decimaltegn).",
    "float_type": "skal være et tal.",
    "bool_parsing": "skal være ja eller nej.",
    "bool_type": "skal være ja eller nej.",
    "date_parsing": "skal være en gyldig dato skrevet ÅÅÅÅ-MM-DD.",
    "date_from_datetime_parsing": "skal være en gyldig dato skrevet ÅÅÅÅ-MM-DD.",
    "date_from_datetime_inexact": "skal være en dato skrevet ÅÅÅÅ-MM-DD, uden klokkeslæt.",
    "date_type": "skal være en dato skrevet ÅÅÅÅ-MM-DD.",
    "literal_error": "skal være en af: {expected}.",
    "string_type": "skal være en tekst, ikke en liste eller nøgler med værdier.",
    "string_too_short": "må ikke være tom.",
    "string_pattern_mismatch": "må kun indeholde små bogstaver, tal, punktum og bindestreg.",
    "dict_type": "her skal stå nøgler og værdier ('nøgle: værdi'), ikke en liste eller en tekst.",
    "model_type": "her skal stå nøgler og værdier ('nøgle: værdi'), ikke en liste eller en tekst.",
    "model_attributes_type": "her skal stå nøgler og værdier ('nøgle: værdi').",
    "list_type": "her skal stå en liste ('- …' på hver linje).",
    "too_short": "må ikke være tom.",
    "greater_than_equal": "skal være mindst {ge}.",
    "greater_than": "skal være større end {gt}.",
    "less_than_equal": "må højst være {le}.",
    "less_than": "skal være mindre end {lt}.",
}


def _aliases_at(model: type[BaseModel], path: Path_) -> list[str]:
    """The Danish keys allowed at `path` inside `model` (for did-you-mean)."""
    target: Any = model
    for part in path:
        target = _child_type(target, part)
        if target is None:
            return []
    target = _unwrap(target)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return [f.alias or name for name, f in target.model_fields.items()]
    return []


def _child_type(annotation: Any, part: str | int) -> Any:
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, info in annotation.model_fields.items():
            if part in (info.alias, name):
                return info.annotation
        return None
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin is list and args:
        return args[0]
    if origin is dict and len(args) == 2:
        return args[1]
    return None


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated[...] and `X | None` down to the interesting type."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            options = [a for a in get_args(annotation) if a is not type(None)]
            annotation = options[0] if options else annotation
            if len(options) <= 1:
                continue
            return annotation
        else:
            return annotation

"""Checking one review file's content against its template: the part worth caching.

`analyse` turns the bytes of a file into an `Analysis`: header fields,
canonical answers and every problem found, all at once. It depends only on
the bytes, the template and the focus steps, so the result can be cached by
content hash. Checks that depend on the day (`dato` not in the future) are
done afterwards, in `review.validate`.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from pydantic import ValidationError

from ledelsestilsyn.core.cpr import find_cpr, mask_cpr
from ledelsestilsyn.core.diagnostics import Diagnostic, TilsynError
from ledelsestilsyn.core.names import names_person
from ledelsestilsyn.core.periods import Period, date_hint, iso_day, parse_period
from ledelsestilsyn.io.document import Path_, YamlDocument, value_at
from ledelsestilsyn.io.yaml import decode
from ledelsestilsyn.models.base import is_yes
from ledelsestilsyn.models.located import model_errors
from ledelsestilsyn.models.review import Review
from ledelsestilsyn.review.analysis import WARNING, Analysis, text_of
from ledelsestilsyn.review.answers import AnswerChecker
from ledelsestilsyn.review.corrections import written_danish
from ledelsestilsyn.review.name_check import name_hits
from ledelsestilsyn.review.template_index import TemplateIndex
from ledelsestilsyn.review.typed import parse_review
from ledelsestilsyn.review.word_quotes import unwrap

CPR_WARNING = "G030"
"""A CPR-like number in a review (a warning: the file is still read; nothing shows it)."""

TemplateLookup = Callable[[str], TemplateIndex]
"""Resolves `id@version` to an index; raises `TilsynError` for an unknown template."""


def analyse(raw: bytes, file: str, lookup: TemplateLookup, focus: list[str] | None) -> Analysis:
    """Check one review file; never raises for a problem in the file."""
    text = ""
    try:
        text = decode(raw, file)
        doc = parse_review(text, file)
    except TilsynError as exc:
        return Analysis(diagnostics=[_masked(d) for d in exc.diagnostics])
    found = _cpr_warnings(doc, text)
    cpr = [*doc.warnings, *found, *_comment_cpr(doc, text, {d.line or 0 for d in found})]
    data = doc.data
    if data is None:
        empty = Diagnostic(file, 1, 1, "Y011", "filen er tom.", "udfyld den, eller slet den.")
        return Analysis(diagnostics=[empty, *cpr])
    if not isinstance(data, dict):
        return Analysis(diagnostics=[_not_a_mapping(doc), *cpr])
    reason = _not_a_review(data)
    if reason:
        return Analysis(is_review=False, skip_reason=reason)
    curly = unwrap(doc)
    analysis = _header(doc, data)
    analysis.diagnostics.extend([*cpr, *curly])
    analysis.names = name_hits(doc, data)
    index = _template(doc, analysis, lookup)
    if index is not None:
        AnswerChecker(doc, text, index, focus, analysis).check(data.get("svar"))
    analysis.diagnostics = sorted(
        (_masked(d) for d in analysis.diagnostics),
        key=lambda d: (d.line or 0, d.column or 0, d.code),
    )
    return analysis


def _masked(diagnostic: Diagnostic) -> Diagnostic:
    """Messages may name a key or value from the file: never with a CPR number in it."""
    message, hint = mask_cpr(diagnostic.message), mask_cpr(diagnostic.hint or "") or None
    if message == diagnostic.message and hint == diagnostic.hint:
        return diagnostic
    return replace(diagnostic, message=message, hint=hint)


def _strings(data: Any, path: Path_) -> Iterator[tuple[Path_, str, bool]]:
    """Every text in the document, keys included: (path, text, is it a key)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key), key, True
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for number, value in enumerate(data):
            yield from _strings(value, (*path, number))
    elif isinstance(data, str):
        yield path, data, False


def _all_text(data: Any) -> str:
    parts: list[str] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, dict):
            parts.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return "\x00".join(parts)  # a NUL: no CPR number spans two texts


def _cpr_warnings(doc: YamlDocument, text: str) -> list[Diagnostic]:
    """A warning at each CPR-like number in a key or value (scanned together, in one go)."""
    if not find_cpr(_all_text(doc.data)):
        return []  # the common case, found without building paths
    items = list(_strings(doc.data, ()))
    joined = "\x00".join(item[1] for item in items)
    hits = find_cpr(joined)
    if not hits:
        return []
    starts = list(itertools.accumulate((len(item[1]) + 1 for item in items), initial=0))
    lines = text.splitlines(keepends=True)
    offsets = list(itertools.accumulate((len(line) for line in lines), initial=0))
    warnings: list[Diagnostic] = []
    seen: set[tuple[int, int]] = set()
    for start, end in hits:
        path, _, is_key = items[bisect.bisect_right(starts, start) - 1]
        pos = doc.keys.get(path) if is_key else doc.values.get(path)
        line, column = (pos.line, pos.column) if pos else (1, 1)
        # A number split over two lines of a block stands with indentation in the file.
        first_line = joined[start:end].splitlines()[0]
        found = text.find(first_line, offsets[min(line, len(offsets)) - 1])
        if found >= 0:
            line = bisect.bisect_right(offsets, found)
            column = found - offsets[line - 1] + 1
        if (line, column) not in seen:  # the same number again in a value: one warning
            seen.add((line, column))
            warnings.append(_cpr_at(doc, line, column))
    return warnings


def _comment_cpr(doc: YamlDocument, text: str, flagged: set[int]) -> list[Diagnostic]:
    """A warning at each CPR-like number outside every key and value: in a `# …` line, which
    is the reviewer's text too (`migrer` carries it, and would keep it in the backup)."""
    spans = find_cpr(text)
    if not spans:
        return []
    offsets = list(
        itertools.accumulate((len(x) for x in text.splitlines(keepends=True)), initial=0)
    )
    warnings = []
    for start, _ in spans:
        line = bisect.bisect_right(offsets, start)
        if line not in flagged:
            flagged.add(line)
            warnings.append(_cpr_at(doc, line, start - offsets[line - 1] + 1))
    return warnings


def _cpr_at(doc: YamlDocument, line: int, column: int) -> Diagnostic:
    return Diagnostic(
        doc.file,
        line,
        column,
        CPR_WARNING,
        "her står noget, der ligner et CPR-nummer.",
        "slet det; en gennemgang må aldrig indeholde CPR-numre (brug sagsnummeret).",
        WARNING,
    )


def _not_a_mapping(doc: YamlDocument) -> Diagnostic:
    return doc.diagnostic(
        (),
        "G001",
        "filen er ikke en gennemgang: øverst skal stå nøgler og værdier ('tilsyn: …', 'sag: …').",
        hint="start fra en fil lavet af 'tilsyn udtræk'.",
    )


def _not_a_review(data: dict[str, Any]) -> str | None:
    if "sager" in data or "seed" in data:
        return "udtræksmanifest"
    if not {"skabelon", "sag", "svar"} & set(data):
        return "ikke en gennemgang"
    return None


def _header(doc: YamlDocument, data: dict[str, Any]) -> Analysis:
    analysis = Analysis()
    header = {k: v for k, v in data.items() if k != "svar"}
    try:
        Review.model_validate(header)
    except ValidationError as exc:
        analysis.diagnostics.extend(model_errors(Review, doc, exc))
    fields = {key: _header_field(doc, analysis, key, path) for key, path in _HEADER.items()}
    analysis.series = fields["tilsyn"]
    analysis.period = fields["periode"]
    analysis.template_ref = fields["skabelon"]
    analysis.case_id = fields["sag.id"]
    analysis.caseworker = fields["sag.rådgiver"]
    analysis.team = fields["sag.team"]
    analysis.reviewer = fields["gennemført_af"]
    date_text = text_of(data.get("dato"))
    number = text_of(data.get("gennemgang_nr"))
    pos = doc.values.get(("gennemgang_nr",))
    if pos is not None:
        analysis.header_pos["gennemgang_nr"] = (pos.line, pos.column)
    analysis.review_no = int(number) if number and number.isdecimal() else None
    analysis.consent = is_yes(data.get("samtykke_til_eksempel"))
    pos = doc.values.get(("dato",))
    analysis.date_pos = (pos.line, pos.column) if pos else None
    analysis.started = bool(analysis.reviewer or date_text)
    _dates(doc, analysis, date_text)
    for key in ("tilsyn", "skabelon", "periode"):
        if key in data and isinstance(data[key], str) and text_of(data[key]) is None:
            analysis.diagnostics.append(
                doc.diagnostic(
                    (key,),
                    "G026",
                    f"'{key}' er tom.",
                    hint="hovedet skrives af 'tilsyn udtræk'; kopiér linjen fra en anden "
                    "gennemgang i samme stikprøve.",
                )
            )
    if (
        analysis.reviewer
        and analysis.caseworker
        and names_person(analysis.reviewer, analysis.caseworker)
    ):
        analysis.diagnostics.append(
            doc.diagnostic(
                ("gennemført_af",),
                "G055",
                "'gennemført_af' er sagens egen rådgiver; ledelsestilsynet er en leders blik på "
                "en andens sag.",
                hint="lad en anden af seriens bedømmere gennemgå sagen; er den gennemgået i "
                "dialog med rådgiveren, så skriv lederen, der gennemførte den.",
                severity=WARNING,
            )
        )
    for key, code, what in (("gennemført_af", "G024", "hvem"), ("dato", "G025", "hvornår")):
        if key in data and text_of(data[key]) is None:
            analysis.diagnostics.append(
                doc.diagnostic(
                    (key,),
                    code,
                    f"'{key}' er ikke udfyldt.",
                    hint=f"skriv {what} gennemgangen er lavet"
                    + (" (ÅÅÅÅ-MM-DD)." if key == "dato" else "."),
                    severity=WARNING,
                )
            )
    return analysis


_HEADER: dict[str, Path_] = {
    "tilsyn": ("tilsyn",),
    "periode": ("periode",),
    "skabelon": ("skabelon",),
    "sag.id": ("sag", "id"),
    "sag.rådgiver": ("sag", "rådgiver"),
    "sag.team": ("sag", "team"),
    "gennemført_af": ("gennemført_af",),
}


def _header_field(doc: YamlDocument, analysis: Analysis, key: str, path: Path_) -> str | None:
    """A header value as text with any CPR-like number masked; where it stands is kept."""
    pos = doc.values.get(path) or doc.keys.get(path) or doc.keys.get(path[:1])
    if pos is not None:
        analysis.header_pos[key] = (pos.line, pos.column)
    value = text_of(value_at(doc.data, path))
    if value is None or not find_cpr(value):
        return value
    analysis.header_cpr.append(key)
    return mask_cpr(value)


def _dates(doc: YamlDocument, analysis: Analysis, date_text: str | None) -> None:
    """`periode` readable; `dato` a real date, not before the period (the future: later)."""
    period: Period | None = None
    if analysis.period:
        try:
            period = parse_period(analysis.period)
        except TilsynError as exc:
            first = exc.diagnostics[0]
            analysis.diagnostics.append(
                doc.diagnostic(("periode",), "G004", first.message, hint=first.hint)
            )
    if not date_text:
        return
    day = iso_day(date_text) or written_danish(doc, analysis, ("dato",), date_text)
    if day is None:
        analysis.diagnostics.append(
            doc.diagnostic(
                ("dato",),
                "G005",
                "'dato' er ikke en gyldig dato.",
                hint=date_hint(date_text, "2026-11-24"),
            )
        )
        return
    analysis.review_date = day
    if period is not None and day < period.start:
        analysis.diagnostics.append(
            doc.diagnostic(
                ("dato",),
                "G007",
                f"'dato' ligger før perioden {period.label} (som starter {period.start}).",
                hint="en gennemgang laves i eller efter sin periode; tjek år og måned.",
            )
        )


def _template(
    doc: YamlDocument, analysis: Analysis, lookup: TemplateLookup
) -> TemplateIndex | None:
    ref = analysis.template_ref
    if ref is None:
        return None
    try:
        index = lookup(ref)
    except TilsynError as exc:
        first = exc.diagnostics[0]
        analysis.diagnostics.append(
            doc.diagnostic(("skabelon",), "G002", first.message, hint=first.hint)
        )
        return None
    analysis.fingerprint = index.fingerprint
    if "@" not in ref:
        analysis.diagnostics.append(
            doc.diagnostic(
                ("skabelon",),
                "G003",
                f"skabelonen er angivet uden version; bruger {index.ref}.",
                hint=f"skriv 'skabelon: {index.ref}'.",
                severity=WARNING,
            )
        )
    return index

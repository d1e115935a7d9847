"""The `rettelse` under an answer: what must be put right in the case, by whom and when.

All four fields are optional. Checked here: the keys, that each value is a
text, that `frist` and `udført` are real dates (one written the Danish way, `27-10-2026`, is
read as the day it is, with a warning: an error would make a finished review invalid, drop
it from the report and take its caseworker's letter back, for a date typed as the export
writes them) and that `frist` does not lie
before the review's `dato`; a correction under a positive answer is a
warning. Whether `udført` lies in the future depends on the day, so that is
checked later, in `validate.finish`, like the review's own `dato`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ledelsestilsyn.core.cpr import mask_cpr
from ledelsestilsyn.core.periods import danish_day, date_hint, iso_day
from ledelsestilsyn.io.document import Path_, YamlDocument
from ledelsestilsyn.models.located import unknown_key
from ledelsestilsyn.models.review import CORRECTION_KEYS
from ledelsestilsyn.review.analysis import WARNING, Analysis, CorrectionEntry

_SEVERAL = re.compile(r"\s(?:og|&)\s|[/+;]", re.IGNORECASE)
"""Two people in one `ansvarlig` (`Maja og Peter`, `Maja / Peter`); a comma does not say so:
`Rønnow, Maja` is one person, surname first."""


def check_correction(
    doc: YamlDocument,
    analysis: Analysis,
    path: Path_,
    value: Any,
    *,
    answer: str | None,
    positive: frozenset[str],
) -> None:
    """Check `rettelse` at `path` (…, question, "rettelse") and record it in `analysis`."""
    if value is None or value == "":
        return
    if not isinstance(value, dict):
        analysis.diagnostics.append(
            doc.diagnostic(
                path,
                "G008",
                "her skal stå nøgler og værdier ('nøgle: værdi'), ikke en liste eller en tekst.",
                hint="skriv 'handling:', 'ansvarlig:', 'frist:' og 'udført:' under 'rettelse:'.",
            )
        )
        return
    texts: dict[str, str] = {}
    for key, raw in value.items():
        if key not in CORRECTION_KEYS:
            message, hint = unknown_key(key, CORRECTION_KEYS)
            analysis.diagnostics.append(
                doc.diagnostic((*path, key), "G015", message, hint=hint, key=True)
            )
        elif raw is not None and not isinstance(raw, str):
            analysis.diagnostics.append(
                doc.diagnostic(
                    (*path, key),
                    "G018",
                    f"'{key}' skal være en tekst, ikke en liste eller nøgler med værdier.",
                )
            )
        elif raw is not None and raw.strip():
            texts[key] = mask_cpr(raw.strip())
    if not texts:
        return
    analysis.started = True
    deadline = _date(doc, analysis, path, "frist", texts.get("frist"))
    done = _date(doc, analysis, path, "udført", texts.get("udført"))
    if (
        deadline is not None
        and analysis.review_date is not None
        and deadline < analysis.review_date
    ):
        analysis.diagnostics.append(
            doc.diagnostic(
                (*path, "frist"),
                "G051",
                f"'frist' ligger før gennemgangens dato ({analysis.review_date.isoformat()}).",
                hint="fristen ligger på eller efter den dag, sagen blev gennemgået.",
            )
        )
    done, written = _not_before_review(doc, analysis, path, done)
    _far_deadline(doc, analysis, path, deadline)
    if answer is not None and answer in positive:
        analysis.diagnostics.append(
            doc.diagnostic(
                path,
                "G053",
                f"der står en rettelse under et positivt svar ('{answer}').",
                hint="tjek svaret; en rettelse hører til et fund (fx nej eller lav grad).",
                key=True,
                severity=WARNING,
            )
        )
    _several(doc, analysis, path, texts.get("ansvarlig", ""))
    if "handling" not in texts:
        analysis.diagnostics.append(
            doc.diagnostic(
                path,
                "G054",
                "rettelsen siger ikke, hvad der skal gøres.",
                hint="skriv det under 'handling:', fx \"barnets plan udarbejdes\".",
                key=True,
                severity=WARNING,
            )
        )
    if deadline is None and done is None and "frist" not in texts:
        analysis.diagnostics.append(
            doc.diagnostic(
                path,
                "G056",
                "rettelsen har ingen frist, så den bliver aldrig for sen, og påmind minder "
                "aldrig om den.",
                hint="skriv en dato under 'frist:' (ÅÅÅÅ-MM-DD), fx 14 dage frem.",
                key=True,
                severity=WARNING,
            )
        )
    pos = doc.values.get((*path, "udført"))
    analysis.corrections.append(
        CorrectionEntry(
            step=str(path[1]),
            question=str(path[2]),
            action=texts.get("handling", ""),
            responsible=texts.get("ansvarlig", ""),
            deadline=deadline,
            done=done,
            done_pos=(pos.line, pos.column) if pos and done else None,
            written=written,
        )
    )


def _several(doc: YamlDocument, analysis: Analysis, path: Path_, responsible: str) -> None:
    """G062: two people in one `ansvarlig`; the letters and påmind follow a correction up
    for one person, and find neither of them in such a text."""
    if not _SEVERAL.search(responsible):
        return
    analysis.diagnostics.append(
        doc.diagnostic(
            (*path, "ansvarlig"),
            "G062",
            "'ansvarlig' nævner flere personer; en rettelse følges op for én, så brevene og "
            "påmind når ingen af dem som ansvarlig.",
            hint="skriv én ansvarlig; skal to gøre noget, så skriv den anden under 'handling'.",
            severity=WARNING,
        )
    )


def _not_before_review(
    doc: YamlDocument, analysis: Analysis, path: Path_, done: date | None
) -> tuple[date | None, date | None]:
    """`udført` before the review's `dato` (2025 for 2026): the correction was asked for that
    day, so it cannot have been done before. A warning (G059), and the correction stays open,
    so that `påmind` goes on reminding of it until the date is put right; it was taken as
    done, and the reminder disappeared. Returns (done, written but not taken as done)."""
    review = analysis.review_date
    if done is None or review is None or done >= review:
        return done, None
    analysis.diagnostics.append(
        doc.diagnostic(
            (*path, "udført"),
            "G059",
            f"'udført' ligger før gennemgangens dato ({review.isoformat()}); rettelsen regnes "
            "som ikke udført.",
            hint="skriv den dag, rettelsen blev gjort (ofte er året skrevet forkert).",
            severity=WARNING,
        )
    )
    return None, done


def _far_deadline(
    doc: YamlDocument, analysis: Analysis, path: Path_, deadline: date | None
) -> None:
    """A `frist` more than a year after the review (2062 for 2026): `påmind` would not remind
    of it in years. Probably a slip of the year: a warning (G060); the deadline stands."""
    review = analysis.review_date
    if deadline is None or review is None or (deadline - review).days <= _FAR:
        return
    analysis.diagnostics.append(
        doc.diagnostic(
            (*path, "frist"),
            "G060",
            f"'frist' ligger mere end et år efter gennemgangens dato ({review.isoformat()}); "
            "påmind minder først om rettelsen, når fristen er overskredet.",
            hint="tjek året; skriv den dag, rettelsen skal være gjort.",
            severity=WARNING,
        )
    )


_FAR = 366


def _date(
    doc: YamlDocument, analysis: Analysis, path: Path_, key: str, text: str | None
) -> date | None:
    if text is None:
        return None
    day = iso_day(text) or written_danish(doc, analysis, (*path, key), text)
    if day is None:
        if key == "udført":  # written later, often by another: see `_not_a_done_date`
            _not_a_done_date(doc, analysis, path)
            return None
        analysis.diagnostics.append(
            doc.diagnostic(
                (*path, key),
                "G050",
                f"'{key}' er ikke en gyldig dato.",
                hint=date_hint(text, "2026-12-15"),
            )
        )
    return day


def written_danish(doc: YamlDocument, analysis: Analysis, path: Path_, text: str) -> date | None:
    """The day of a date written the Danish way (`27-10-2026`, as the export writes dates:
    the day is certain), read with the warning G057 at `path`; None for any other text."""
    day = danish_day(text)
    if day is not None:
        analysis.diagnostics.append(
            doc.diagnostic(
                path,
                "G057",
                f"'{path[-1]}' er skrevet som en dansk dato og læses som {day.isoformat()}.",
                hint=f"skriv datoen som ÅÅÅÅ-MM-DD: {day.isoformat()} (tilsyn ændrer ikke filen).",
                severity=WARNING,
            )
        )
    return day


def _not_a_done_date(doc: YamlDocument, analysis: Analysis, path: Path_) -> None:
    """`udført: ja` (or `x`): the correction is not taken as done, with a warning (G061).
    An error would make a finished review invalid weeks after it was done, take its
    caseworker's letter back and have `påmind` call it missing; the correction stays open,
    so `påmind` goes on reminding of it until a date is written."""
    # The review's own date as the example, or none: an analysis depends on the file's
    # bytes alone (it is cached), never on the day it is made.
    day = analysis.review_date
    example = f", fx {day.isoformat()}" if day else ""
    analysis.diagnostics.append(
        doc.diagnostic(
            (*path, "udført"),
            "G061",
            "'udført' er ikke en dato; rettelsen regnes som ikke udført.",
            hint=f"skriv den dag, rettelsen blev gjort, som ÅÅÅÅ-MM-DD{example}.",
            severity=WARNING,
        )
    )

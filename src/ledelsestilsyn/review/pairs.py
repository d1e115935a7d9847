"""Checks across reviews: a calibration pair needs two reviewers, and one case's review is not
another's."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity
from ledelsestilsyn.review.analysis import Analysis

if TYPE_CHECKING:
    from ledelsestilsyn.review.validate import ReviewResult


def same_reviewer(results: list[ReviewResult], analyses: dict[Path, Analysis]) -> list[Diagnostic]:
    """G035: a case's second (or later) review by the one who did an earlier one. Calibration
    compares independent reviews; the report leaves this one out of the agreement."""
    first: dict[tuple[Path, str, str], ReviewResult] = {}
    found = []
    for result in sorted(results, key=lambda r: (str(r.path.parent), r.review_no or 1)):
        if not result.case_id or not result.reviewer or _a_copy(result):
            continue  # a copy beside the listed file is G036, no calibration
        key = (result.path.parent, result.case_id, result.reviewer.casefold())
        earlier = first.setdefault(key, result)
        if earlier is result:
            continue
        line, column = analyses[result.path].header_pos.get("gennemført_af", (None, None))
        found.append(
            Diagnostic(
                result.display,
                line,
                column,
                "G035",
                f"'gennemført_af' er den samme som i {earlier.path.name}: en kalibrering kræver "
                "to forskellige bedømmere, så gennemgangen tæller ikke med i enigheden.",
                "lad en anden leder gennemgå sagen i denne fil.",
                Severity.WARNING,
            )
        )
    return found


def _a_copy(result: ReviewResult) -> bool:
    return any(d.code == "G036" for d in result.diagnostics)


def copied_answers(results: list[ReviewResult], analyses: dict[Path, Analysis]) -> list[Diagnostic]:
    """G065: a review with the same answers and the same comments as another case's review in
    the round. Found by a probe: a leader copied one case's review over another's and wrote
    the header back as the error told, and the copy counted as the other case's review, its
    comments in the other caseworker's letter. Only a review with a comment is compared: two
    cases may well have every answer `ja`."""
    first: dict[tuple[Path, str], ReviewResult] = {}
    found = []
    for result in sorted(results, key=lambda r: str(r.path)):
        answers = analyses[result.path].answers
        comments = [c for step in answers.values() for _, c in step.values() if c]
        if not result.case_id or not comments:
            continue
        key = (result.path.parent, repr(sorted((s, sorted(q.items())) for s, q in answers.items())))
        earlier = first.setdefault(key, result)
        if earlier is result or earlier.case_id == result.case_id:
            continue
        found.append(
            Diagnostic(
                result.display,
                None,
                None,
                "G065",
                f"svarene og kommentarerne er de samme som i {earlier.path.name}, en anden sags "
                "gennemgang: er filen kopieret?",
                "gennemgå sagen i denne fil forfra; en gennemgang handler kun om sin egen sag.",
                Severity.WARNING,
            )
        )
    return found

"""Checks across the reviews of one case: a calibration pair needs two reviewers."""

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

"""What `tilsyn valider` shows: which diagnostics, the exit code, the summary, JSON.

Pure functions over a `ReviewRun`; the command prints them. Incompleteness
(an unanswered question, a missing comment or date) is not an error in the
file: without `--færdige` a partly filled review shows up to `DETAIL_LIMIT`
such lines (else one summary line) and a review not started shows none; with
`--færdige` every item is an error.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity
from ledelsestilsyn.review.analysis import INCOMPLETE_CODES, missing_parts
from ledelsestilsyn.review.state import ReviewState
from ledelsestilsyn.review.validate import ReviewResult, ReviewRun

DETAIL_LIMIT = 5
STATES: tuple[ReviewState, ...] = (
    ReviewState.COMPLETE,
    ReviewState.PARTIAL,
    ReviewState.NOT_STARTED,
    ReviewState.INVALID,
)


def shown_diagnostics(result: ReviewResult, *, require_complete: bool) -> list[Diagnostic]:
    """The lines to print for one review."""
    content = [d for d in result.diagnostics if d.code not in INCOMPLETE_CODES]
    missing = [d for d in result.diagnostics if d.code in INCOMPLETE_CODES]
    if not missing:
        return content
    if result.state is ReviewState.NOT_STARTED:
        if not require_complete:
            return content
        hint = "udfyld den, eller fjern sagen fra udtrækket, hvis den ikke skal gennemgås."
        not_started = replace(
            missing[0],
            code="G020",
            message="gennemgangen er ikke påbegyndt.",
            hint=hint,
            severity=Severity.ERROR,
        )
        return [*content, not_started]
    if require_complete:
        return _ordered([*content, *(replace(d, severity=Severity.ERROR) for d in missing)])
    if len(missing) <= DETAIL_LIMIT:
        return _ordered([*content, *missing])
    text = f"gennemgangen er ikke færdig: {', '.join(missing_parts(missing))}."
    hint = "kør 'tilsyn valider --færdige' for at se hvert punkt."
    summary = replace(missing[0], code="G020", message=text, hint=hint, severity=Severity.WARNING)
    return _ordered([*content, summary])


def _ordered(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (d.line or 0, d.column or 0, d.code))


def all_lines(run: ReviewRun, *, require_complete: bool) -> list[Diagnostic]:
    lines = list(run.notes)
    for result in run.results:
        lines.extend(shown_diagnostics(result, require_complete=require_complete))
    return lines


def exit_code(run: ReviewRun, *, require_complete: bool) -> int:
    """1 when a review is invalid or missing (or, with `--færdige`, not complete); else 0."""
    from ledelsestilsyn.cli.errors import EXIT_DATA, EXIT_OK

    if any(note.is_error for note in run.notes):
        return EXIT_DATA
    for result in run.results:
        if result.state is ReviewState.INVALID:
            return EXIT_DATA
        if require_complete and result.state is not ReviewState.COMPLETE:
            return EXIT_DATA
    return EXIT_OK


def counts(run: ReviewRun, *, require_complete: bool) -> dict[str, int]:
    lines = all_lines(run, require_complete=require_complete)
    errors = sum(d.is_error for d in lines)
    by_state = {state.value: sum(r.state is state for r in run.results) for state in STATES}
    return {
        **by_state,
        "filer": len(run.results),
        "fejl": errors,
        "advarsler": len(lines) - errors,
        "sprunget over": len(run.skipped),
        "fra cache": run.from_cache,
    }


def to_json(run: ReviewRun, *, require_complete: bool) -> dict[str, Any]:
    """Everything a machine needs; no answers or comments (they may hold personal data)."""
    return {
        "gennemgange": [
            {
                "fil": r.display,
                "tilstand": r.state.value,
                "tilsyn": r.series,
                "periode": r.period,
                "skabelon": r.template_ref,
                "sag": r.case_id,
                "gennemført_af": r.reviewer,
                "dato": r.review_date.isoformat() if r.review_date else None,
                "problemer": [
                    _diagnostic_json(d)
                    for d in shown_diagnostics(r, require_complete=require_complete)
                ],
            }
            for r in run.results
        ],
        "sprunget_over": [{"fil": f, "grund": why} for f, why in run.skipped],
        "bemærkninger": [_diagnostic_json(d) for d in run.notes],
        "opsummering": counts(run, require_complete=require_complete),
        "slutkode": exit_code(run, require_complete=require_complete),
    }


def _diagnostic_json(d: Diagnostic) -> dict[str, Any]:
    return {
        "fil": d.file,
        "linje": d.line,
        "kolonne": d.column,
        "kode": d.code,
        "alvor": d.severity.value,
        "besked": d.message,
        "tip": d.hint,
    }

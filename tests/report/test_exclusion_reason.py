"""Why a review is not counted names what is missing, as `valider` would (never a guess)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity
from ledelsestilsyn.report.records import exclusion_reason


@dataclass
class _Result:
    answers: dict[str, dict[str, tuple[str | None, str]]]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    state: str = "delvist udfyldt"


def _missing(*codes: str) -> list[Diagnostic]:
    return [Diagnostic("S-1.yaml", 9, 13, c, "…", severity=Severity.WARNING) for c in codes]


@pytest.mark.parametrize(
    ("answers", "codes", "reason"),
    [
        (("ja", "nej"), ("G023",), "delvist udfyldt (1 svar mangler en påkrævet kommentar)"),
        (("ja", "ja"), ("G025",), "delvist udfyldt ('dato' mangler)"),
        (
            ("ja", None),
            ("G021", "G023", "G024"),
            "delvist udfyldt (1 af 2 spørgsmål mangler svar, "
            "1 svar mangler en påkrævet kommentar, 'gennemført_af' mangler)",
        ),
    ],
)
def test_the_reason_names_what_is_missing(
    answers: tuple[str | None, ...], codes: tuple[str, ...], reason: str
) -> None:
    questions = {f"q-{i}": (a, "") for i, a in enumerate(answers)}
    result = _Result({"trin": questions}, _missing(*codes))
    assert exclusion_reason(result) == reason  # type: ignore[arg-type]

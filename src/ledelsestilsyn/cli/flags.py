"""Which command-line flag carries each value the core names (`core.diagnostics.Argument`).

The core locates a problem with a value the user passed by naming the value,
never the flag; here, at the edge, the message is located at the flag.
"""

from __future__ import annotations

from ledelsestilsyn.core.diagnostics import Argument, Diagnostic, Severity

FLAGS: dict[Argument, str] = {
    Argument.FORMAT: "--format",
    Argument.RECIPIENT: "--modtager",
    Argument.COUNT: "--antal",
    Argument.SEED: "--seed",
    Argument.PERIOD: "--periode",
    Argument.SERIES: "--tilsyn",
    Argument.CASEWORKERS: "--rådgivere",
    Argument.DATE: "--dato",
    Argument.DEADLINE: "--frist",
    Argument.LEVEL: "--niveau",
    Argument.TITLE: "--titel",
    Argument.RESPONSIBLE: "--ansvarlig",
    Argument.TIME: "--tid",
    Argument.CONCEPT: "--koncept",
    Argument.DELIMITER: "--skilletegn",
    Argument.ENCODING: "--tegnsæt",
    Argument.PRESET: "--forlæg",
    Argument.QUESTION: "--spørgsmål",
    Argument.CASEWORKER: "--rådgiver",
    Argument.TARGET: "--til",
    Argument.TEMPLATE: "--skabelon",
    Argument.SHEET: "--ark",
}


FLAG_HINTS: dict[str, str] = {
    "U013": "Skal der trækkes uden dem alligevel, så brug --trods-tom-kilde.",
    "O014": "Angiv den med --skabelon.",
    "U001": "Skriv serien efter --tilsyn.",
}
"""Advice naming a flag, added at the edge to the hint of an error with this code."""


def shown(diagnostic: Diagnostic) -> Diagnostic:
    """The diagnostic as the user reads it: a value passed is located at its flag, and
    a flag that answers the problem is named in the hint."""
    from dataclasses import replace

    if isinstance(diagnostic.file, Argument):
        diagnostic = replace(diagnostic, file=FLAGS[diagnostic.file])
    advice = FLAG_HINTS.get(diagnostic.code)
    if advice is not None and diagnostic.severity is Severity.ERROR:
        hint = f"{diagnostic.hint} {advice}" if diagnostic.hint else advice
        diagnostic = replace(diagnostic, hint=hint)
    return diagnostic

"""Which command-line flag carries each value the core names (`core.diagnostics.Argument`).

The core locates a problem with a value the user passed by naming the value,
never the flag; here, at the edge, the message is located at the flag.
"""

from __future__ import annotations

from ledelsestilsyn.core.diagnostics import Argument, Diagnostic

FLAGS: dict[Argument, str] = {
    Argument.FORMAT: "--format",
    Argument.RECIPIENT: "--modtager",
    Argument.COUNT: "--antal",
    Argument.PERIOD: "--periode",
    Argument.SERIES: "--tilsyn",
    Argument.CASEWORKERS: "--rådgivere",
    Argument.DATE: "--dato",
    Argument.DEADLINE: "--frist",
    Argument.TITLE: "--titel",
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


def shown(diagnostic: Diagnostic) -> Diagnostic:
    """The diagnostic as the user reads it: a value passed is located at its flag."""
    if isinstance(diagnostic.file, Argument):
        from dataclasses import replace

        return replace(diagnostic, file=FLAGS[diagnostic.file])
    return diagnostic

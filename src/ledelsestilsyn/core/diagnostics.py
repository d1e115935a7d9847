"""Diagnostics: the one way the core reports a problem with a user's file or call.

The core never prints and never exits. It returns `Diagnostic`s, or raises
`TilsynError` carrying them and an `ErrorKind`; only the CLI turns them into text
and an exit code. The core never names a command-line flag either: a problem with
a value the user passed is located at an `Argument` (what the value is), and the
CLI shows the flag. Messages never quote the offending line's content (it may
hold a CPR number).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from ledelsestilsyn.core.lines import continued
from ledelsestilsyn.core.words import listing, number


class ErrorKind(StrEnum):
    """Whose fault an expected failure is; the CLI maps each kind to an exit code."""

    DATA = "data"  # a file the user made is wrong: concept, export, review
    USAGE = "usage"  # the call is wrong: a value passed, a path, the setup it needs
    BUSY = "busy"  # another run holds the lock; try again later


class Argument(StrEnum):
    """A value the user passed, named for what it is (the CLI knows its flag)."""

    FORMAT = "formatet"
    RECIPIENT = "modtageren"
    COUNT = "antallet"
    PERIOD = "perioden"
    SERIES = "tilsynet"
    CASEWORKERS = "tal pr. rådgiver"
    DATE = "datoen"
    DEADLINE = "fristen"
    TITLE = "titlen"
    RESPONSIBLE = "den ansvarlige"
    TIME = "klokkeslættet"
    CONCEPT = "konceptfilen"
    DELIMITER = "skilletegnet"
    ENCODING = "tegnsættet"
    PRESET = "forlægget"
    QUESTION = "spørgsmålet"
    CASEWORKER = "rådgiveren"
    TARGET = "den nye skabelon"
    TEMPLATE = "skabelonen"
    SHEET = "arket"
    LEVEL = "niveauet"
    SEED = "frøet"


class Severity(StrEnum):
    ERROR = "fejl"
    WARNING = "advarsel"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem, located as precisely as we know: file, line and column (1-based).

    `file` is a path as shown to the user, or an `Argument` when the problem is
    a value passed on the command line. In a workbook (`sheet` set), `line` is
    the row and `column` the column, shown as Excel shows them (`række 12,
    kolonne C`).
    """

    file: str
    line: int | None
    column: int | None
    code: str
    message: str
    hint: str | None = None
    severity: Severity = Severity.ERROR
    sheet: str | None = None

    def location(self) -> str:
        if self.sheet is not None:
            cell = [f"{self.file}, ark '{self.sheet}'"]
            if self.line is not None:
                cell.append(f"række {self.line}")
            if self.column is not None:
                cell.append(f"kolonne {column_letters(self.column)}")
            return ", ".join(cell)
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def format(self) -> str:
        """Compiler style: `fil:linje:kolonne: fejl K001: besked. Tip: …`.

        Messages may name a key or an id as the user typed it; the output gate
        (`core.gate`) masks any CPR-like number in it on the way out.
        """
        text = f"{self.location()}: {self.severity.value} {self.code}: {self.message}"
        if self.hint:
            text += f" Tip: {self.hint}"
        return continued(text)  # a quoted line break must not start a message of its own

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def column_letters(column: int) -> str:
    """A 1-based column number as Excel names it: 1 → `A`, 27 → `AA`."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass
class TilsynError(Exception):
    """An expected failure caused by the user's data or call (see `ErrorKind`)."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    kind: ErrorKind = ErrorKind.DATA

    def __post_init__(self) -> None:
        super().__init__("; ".join(d.format() for d in self.diagnostics))


def fail(
    file: str,
    code: str,
    message: str,
    *,
    hint: str | None = None,
    line: int | None = None,
    column: int | None = None,
    kind: ErrorKind = ErrorKind.DATA,
    sheet: str | None = None,
) -> TilsynError:
    """Build a `TilsynError` with a single diagnostic (raise the result)."""
    return TilsynError([Diagnostic(file, line, column, code, message, hint, sheet=sheet)], kind)


def warning(
    file: str, code: str, message: str, *, hint: str | None = None, line: int | None = None
) -> Diagnostic:
    """A warning about `file` (or one of its lines): the run goes on, and the user is told."""
    return Diagnostic(file, line, None, code, message, hint, Severity.WARNING)


SHOWN_PER_FILE = 25
"""How many lines `per_file` shows of one file: a file pasted full of something else (a
spreadsheet in a review, 100,000 unknown keys) would otherwise bury every other file's
lines, and printing them took seconds."""


def per_file(
    diagnostics: Iterable[Diagnostic], limit: int = SHOWN_PER_FILE
) -> tuple[list[Diagnostic], list[str]]:
    """The first `limit` diagnostics of each file, in their order, and for each file with
    more a line that says how many fejl and advarsler are not shown. Every one is still
    counted (the summary of `valider`, the exit code)."""
    shown: list[Diagnostic] = []
    seen: dict[str, int] = {}
    left: dict[str, list[int]] = {}
    for diagnostic in diagnostics:
        seen[diagnostic.file] = seen.get(diagnostic.file, 0) + 1
        if seen[diagnostic.file] <= limit:
            shown.append(diagnostic)
        else:
            counts = left.setdefault(diagnostic.file, [0, 0])
            counts[0 if diagnostic.is_error else 1] += 1
    return shown, [_not_shown(file, errors, warnings) for file, (errors, warnings) in left.items()]


def _not_shown(file: str, errors: int, warnings: int) -> str:
    kinds = [f"{number(errors)} fejl"] if errors else []
    if warnings:
        kinds.append(f"{number(warnings)} {'advarsel' if warnings == 1 else 'advarsler'}")
    return (
        f"{file}: {listing(kinds)} mere i filen er ikke vist; de første {SHOWN_PER_FILE} står"
        " ovenfor. Tip: ret dem, og kør igen."
    )

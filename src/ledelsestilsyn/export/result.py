"""What reading an export gives, and the checks after its rows are read (CSV and .xlsx alike).

`finish` turns a `RowReader` that has seen every row into the cases, the
population steps and the diagnostics, whichever source the rows came from:
the CSV reader (`export.read`) or a worksheet (`export.xlsx`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date

from ledelsestilsyn.core.diagnostics import Diagnostic, TilsynError, fail, warning
from ledelsestilsyn.export.phases import ReadOptions, unknown_phases
from ledelsestilsyn.export.rows import MAX_REPORTED, RowReader
from ledelsestilsyn.export.values import double_encoded, normalise_paragraph
from ledelsestilsyn.models.concept import ExportSpec
from ledelsestilsyn.report.formats import share_text
from ledelsestilsyn.sampling.draw import Case, StepCount


@dataclass(frozen=True)
class Source:
    name: str
    size: int
    sha256: str
    rows: int
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    """The worksheet read (an .xlsx export); CSV has an encoding and a delimiter instead."""

    def manifest(self) -> dict[str, str | int]:
        """The manifest's `input`: what was read, so the sample can be traced to its file."""
        entries: dict[str, str | int | None] = {
            "navn": self.name,
            "størrelse": self.size,
            "sha256": self.sha256,
            "rækker": self.rows,
            "tegnsæt": self.encoding,
            "skilletegn": self.delimiter,
            "ark": self.sheet,
        }
        return {k: v for k, v in entries.items() if v is not None}


@dataclass
class Export:
    cases: list[Case]
    source: Source
    steps: list[StepCount]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    latest: date | None = None
    """The newest decision date of a row with a drawn paragraph (or phase), in the window
    or not; None when there is none."""
    newest: date | None = None
    """The newest decision date of any row, whatever its paragraph: how new the export is."""


def paragraphs_of(wanted: Sequence[str]) -> frozenset[str]:
    return frozenset(filter(None, (normalise_paragraph(p) for p in wanted)))


@dataclass(frozen=True)
class Header:
    """The header row: its text (checked for double encoding) and where it is."""

    text: str
    line: int


def finish(
    reader: RowReader,
    rows: int,
    header: Header,
    spec: ExportSpec,
    options: ReadOptions,
    display: str,
) -> tuple[list[Case], list[StepCount], list[Diagnostic]]:
    """The cases, population steps and diagnostics of an export whose `rows` rows (not
    counting summary rows) were read by `reader`; an export without rows, or with too
    many bad ones, is an error."""
    try:
        if rows == 0:
            message = "eksporten har kun en overskrift og ingen rækker."
            raise fail(display, "E007", message, line=header.line)
        if not options.every_row:  # `newest_decision`'s reading: the first one checked
            _check_bad_share(reader, spec, display)
    except TilsynError as exc:
        raise TilsynError(in_sheet(exc.diagnostics, reader.sheet), exc.kind) from None
    cases, garbled = reader.cases(holds_cpr="cpr" in spec.columns)
    diagnostics = [
        *_mojibake(header.text, header.line, display),
        *unknown_phases(reader, options, display),
        *reader.diagnostics,
        *_bad_summary(reader, display),
        *reader.notes,
        *_noted_summary(reader, display),
        *_garbled(garbled, display),
        *_stated_rows(reader, rows, display),
    ]
    steps = _steps(reader, rows, options)
    return cases, steps, in_sheet(diagnostics, reader.sheet)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while reading: every object built is acyclic, and the
    collector would otherwise walk the growing case table again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def in_sheet(diagnostics: list[Diagnostic], sheet: str | None) -> list[Diagnostic]:
    """The diagnostics located in `sheet` (those of a CSV export stay as they are)."""
    if sheet is None:
        return diagnostics
    return [d if d.sheet == sheet else replace(d, sheet=sheet) for d in diagnostics]


def _mojibake(header: str, line: int, display: str) -> list[Diagnostic]:
    if not double_encoded(header):
        return []
    return [_double_encoded(display, line, "")]


def _check_bad_share(reader: RowReader, spec: ExportSpec, display: str) -> None:
    total = reader.paragraph_rows + reader.short_rows
    if total and reader.bad_rows / total > spec.max_bad_share:
        raise TilsynError(
            [
                *reader.diagnostics,
                Diagnostic(
                    display,
                    None,
                    None,
                    "E011",
                    f"{reader.bad_rows} af {total} relevante rækker er ugyldige (over "
                    f"{share_text(spec.max_bad_share)}){_after_today(reader)}; intet er trukket.",
                    _bad_share_hint(reader),
                ),
            ]
        )


def _after_today(reader: RowReader) -> str:
    """How many of the bad rows are decided after the day the run takes as today."""
    if not reader.after_today:
        return ""
    day = reader.today.strftime("%d-%m-%Y")
    return f", heraf {reader.after_today} med en afgørelse efter dagens dato ({day})"


def _bad_share_hint(reader: RowReader) -> str:
    """Most bad rows decided after today: a round drawn afterwards with `--dato` and a later
    export (a probe: the hint spoke of date formats and of raising the limit)."""
    if 2 * reader.after_today >= reader.bad_rows:
        return (
            "trækker du en tidligere runde bagefter, så brug eksporten fra rundens dag: en "
            "senere eksport har afgørelser efter den; ellers ret årstallene i eksporten."
        )
    return (
        "ret eksporten (ofte forkert datoformat eller skilletegn), eller hæv "
        "eksport.maks_andel_fejl i koncept.yaml."
    )


def _bad_summary(reader: RowReader, display: str) -> list[Diagnostic]:
    if reader.bad_rows <= MAX_REPORTED:
        return []
    message = (
        f"i alt {reader.bad_rows} ugyldige rækker er sprunget over "
        f"(de første {MAX_REPORTED} er vist)."
    )
    return [warning(display, "E005", message)]


def _noted_summary(reader: RowReader, display: str) -> list[Diagnostic]:
    if reader.noted <= MAX_REPORTED:
        return []
    message = (
        f"i alt {reader.noted} rækker er læst med en rettelse (de første {MAX_REPORTED} er vist)."
    )
    return [warning(display, "E012", message)]


def _stated_rows(reader: RowReader, rows: int, display: str) -> list[Diagnostic]:
    """A summary row (`I alt: 1.775 rækker`) whose count is not the rows read: rows lost?"""
    return [
        warning(
            display,
            "E014",
            f"summeringen siger {stated} rækker, men eksporten har {rows}.",
            hint="måske er eksporten skåret af, eller to rækker er slået sammen; eksporter igen.",
            line=line,
        )
        for line, stated in reader.summaries[-1:]
        if stated != rows
    ]


def _garbled(lines: list[int], display: str) -> list[Diagnostic]:
    """A warning for each case whose text was double-encoded (the first `MAX_REPORTED`)."""
    return [
        _double_encoded(display, line, "; den er læst som 'ø'")
        for line in sorted(lines)[:MAX_REPORTED]
    ]


def _double_encoded(display: str, line: int, read_as: str) -> Diagnostic:
    return warning(
        display,
        "E008",
        f"teksten ser ud til at være kodet to gange (fx 'Ã¸' for 'ø'){read_as}.",
        hint="eksporter filen igen som UTF-8 eller Windows-1252.",
        line=line,
    )


def _steps(reader: RowReader, rows: int, options: ReadOptions) -> list[StepCount]:
    paragraphs = reader.paragraphs
    shown = "afgørelse efter " + ", ".join(f"§ {p}" for p in sorted(paragraphs))
    if reader.phases is not None:
        by_phase = f"{options.phase_column} {', '.join(options.phases)}"
        shown = f"{shown} eller {by_phase}" if paragraphs else by_phase
    window = options.window
    steps = [
        StepCount("rækker i eksporten", rows),
        StepCount(f"rækker med {shown}", reader.paragraph_rows),
    ]
    if reader.bad_dates:  # E005 says these rows are skipped; a case with no other row is out
        read = reader.paragraph_rows - reader.bad_dates
        steps.append(StepCount(f"rækker med {shown} og en gyldig dato", read))
    return [
        *steps,
        StepCount(f"sager med {shown}", len(reader.cases_seen)),
        StepCount(f"sager med afgørelse {window[0]}–{window[1]}", len(reader.newest)),
    ]

"""Reading the case system's export (CSV, or .xlsx through `export.xlsx`) into cases.

The file is read as bytes, in blocks (`export.blocks`), while a thread takes
its size and SHA-256; work that does not need the export (`Meanwhile`: the earlier
samples) is done while a second process finishes a large file's second half. A cheap
pre-filter on the raw lines keeps only the rows that may hold an eligible paragraph. Only
those are decoded and parsed with `csv`, and only their dates are parsed (by hand, cached);
rows are grouped into cases by the case key (`export.rows`). The CPR column
is never read, and no value is copied anywhere from here except through
`core.cpr.mask_cpr`.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import BinaryIO, Generic, TypeVar, cast

from ledelsestilsyn.core.diagnostics import Argument, ErrorKind, TilsynError, fail
from ledelsestilsyn.core.progress import step
from ledelsestilsyn.export.blocks import (
    FileBlocks,
    FileDigest,
    block_lines,
    is_blank,
    records,
    strip_nul,
)
from ledelsestilsyn.export.columns import Layout, find_layout
from ledelsestilsyn.export.encoding import (
    FALLBACK,
    Encoding,
    NotUtf8Error,
    check_text,
    choose_encoding,
    clean_name,
    delimiter_for,
    detect_delimiter,
    parse_one,
    show_delimiter,
)
from ledelsestilsyn.export.phases import ReadOptions, check_phase_column, phase_rule
from ledelsestilsyn.export.result import (
    Export,
    Header,
    Source,
    finish,
    paragraphs_of,
    paused_gc,
)
from ledelsestilsyn.export.rows import RowReader
from ledelsestilsyn.export.scan import Scan, SecondHalf
from ledelsestilsyn.export.values import normalise_paragraph, parse_date, prefilter
from ledelsestilsyn.io.files import open_error, open_regular
from ledelsestilsyn.models.concept import ExportSpec

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
TITLE_LINES = 5
"""How many lines with one value each may stand above the header as a title."""

T = TypeVar("T")

__all__ = [
    "Export",
    "Meanwhile",
    "ReadOptions",
    "Source",
    "check_phase_column",
    "normalise_paragraph",
    "parse_date",
    "read_export",
]


class Meanwhile(Generic[T]):
    """Work that does not depend on the export, given to `read_export` to do while a second
    process reads the second half of a large file (this process would only wait); otherwise
    it is done when its result is asked for. Its result, or its error, is given only then,
    after the export's own: an error in the export is reported first, as when the work is
    done after the reading."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work: Callable[[], T] | None = work
        self._value: T | None = None
        self._error: Exception | None = None

    def run(self) -> None:
        """Do the work, once; an error is kept for `result`."""
        work, self._work = self._work, None
        if work is None:
            return
        try:
            self._value = work()
        except Exception as exc:  # given by `result`, after the export's own errors
            self._error = exc

    def result(self) -> T:
        self.run()
        if self._error is not None:
            raise self._error
        return cast(T, self._value)


def read_export(
    path: Path,
    spec: ExportSpec,
    options: ReadOptions,
    display: str,
    meanwhile: Callable[[], None] | None = None,
) -> Export:
    """Read, pre-filter, parse and group the export; every problem is located.

    A file without BOM is read as UTF-8 until a block shows it is not; then it
    is read again as Windows-1252 (that happens in the first block for any
    export with æ, ø or å). A workbook (.xlsx, .xlsm) is read by `export.xlsx`,
    whose rows go through the same `RowReader`. `meanwhile` (a `Meanwhile`'s `run`) is
    called while a second process reads, if one does.
    """
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        from ledelsestilsyn.export.xlsx import read_workbook

        return read_workbook(path, spec, options, display)
    if options.sheet is not None:
        raise fail(
            Argument.SHEET,
            "E021",
            f"{display} er ikke en Excel-projektmappe, så den har ingen ark.",
            hint="udelad arket for en CSV-fil; et ark vælges kun i en .xlsx-fil.",
            kind=ErrorKind.USAGE,
        )
    given = options.encoding or spec.encoding
    try:
        return _read(path, spec, options, display, given, meanwhile)
    except NotUtf8Error:
        return _read(path, spec, options, display, FALLBACK, meanwhile)


def newest_decision(
    path: Path, spec: ExportSpec, options: ReadOptions, display: str
) -> date | None:
    """The newest decision date of any row of the export, whatever its paragraph: a second
    reading of every row, made only when the drawn paragraphs' rows look old (U008)."""
    every = replace(options, paragraphs=(), phases=(), every_row=True)
    return read_export(path, spec, every, display).newest


def check_readable(path: Path, display: str) -> None:
    """Raise E001 unless `path` is a regular file that can be opened: a wrong export is a
    wrong call even when nothing is read from it (the sample exists already)."""
    _open(path, display).close()


def _open(path: Path, display: str) -> BinaryIO:
    try:
        return open_regular(path)
    except OSError as exc:
        raise _unreadable(exc, display) from None


def _unreadable(exc: OSError, display: str) -> TilsynError:
    return open_error(exc, display, "E001", noun="eksportfilen", thing="eksportfil")


def _read(
    path: Path,
    spec: ExportSpec,
    options: ReadOptions,
    display: str,
    given: str | None,
    meanwhile: Callable[[], None] | None,
) -> Export:
    paragraphs = paragraphs_of(options.paragraphs)
    with _open(path, display) as handle, paused_gc():
        blocks = FileBlocks(handle)
        body = iter(blocks)
        first = next(body, b"")
        check_text(first, display)
        first, nul_lines = strip_nul(first, 1)
        encoding = choose_encoding(first, given, display)
        header_line, header, rest, line = _header(first, body, encoding, display, _wanted(spec))
        delimiter, layout = _columns(header, header_line, spec, options, display)
        date_column = spec.columns["afgørelsesdato"]
        phases = phase_rule(layout, spec, options)
        found = prefilter(paragraphs, every_row=phases is not None or options.every_row)

        def fresh(start: int) -> Scan:
            reader = RowReader(
                display,
                layout,
                paragraphs,
                options.window,
                delimiter,
                date_column,
                phases,
                today=options.today,
            )
            return Scan(reader, found, encoding, display, start)

        scan = fresh(line)
        scan.nul_lines(nul_lines)
        scan.records(rest)
        digest = _body(path, handle, blocks, body, scan, fresh, meanwhile)
        reader = scan.reader
        rows = scan.rows - reader.summary_rows
        cases, steps, diagnostics = finish(
            reader, rows, Header(header, header_line), spec, options, display
        )
    if digest.error is not None:
        raise _unreadable(digest.error, display)
    shown = show_delimiter(delimiter)
    source = Source(path.name, digest.size, digest.sha256, rows, encoding.name, shown)
    return Export(
        cases, source, steps, diagnostics, reader.latest_decision(), reader.newest_anywhere()
    )


def _body(
    path: Path,
    handle: BinaryIO,
    blocks: FileBlocks,
    body: Iterator[bytes],
    scan: Scan,
    fresh: Callable[[int], Scan],
    meanwhile: Callable[[], None] | None,
) -> FileDigest:
    """Read the rest of the file into `scan` (a large file's second half in a child process,
    while this one does `meanwhile` when done with the first half); size and SHA-256 are
    taken by a thread meanwhile (started after the fork)."""
    half = SecondHalf.fork(path, handle, fresh)
    digest = FileDigest(path)
    digest.start()
    try:
        with step("Læser eksporten", os.fstat(handle.fileno()).st_size) as done:
            if half is not None:
                blocks.stop = half.start
            for block in body:
                scan.block(block)
                done(handle.tell())
            if half is not None and handle.tell() == half.start:
                if meanwhile is not None:
                    meanwhile()
                half.join(scan)
            else:
                if half is not None:
                    half.close()
                blocks.stop = None
                for block in blocks:
                    scan.block(block)
                    done(handle.tell())
    finally:
        if half is not None:
            half.close()
        digest.join()
    return digest


def _wanted(spec: ExportSpec) -> list[str]:
    """The header names of the concept's columns, but the CPR column's."""
    return [h for t, h in spec.columns.items() if t != "cpr"]


def _columns(
    header: str, line: int, spec: ExportSpec, options: ReadOptions, display: str
) -> tuple[str, Layout]:
    """The delimiter (given, or detected from the header) and where the mapped columns are."""
    wanted = _wanted(spec)
    detected = detect_delimiter(header, wanted)
    chosen = options.delimiter or spec.delimiter
    delimiter = delimiter_for(chosen, display) if chosen else detected
    other = detected if detected != delimiter else None
    names = parse_one(header, delimiter)
    if other is not None and len(names) == 1 < len(parse_one(header, other)):
        raise _wrong_delimiter(display, line, delimiter, other, given=options.delimiter is not None)
    return delimiter, find_layout(names, spec, display, line, other)


def _wrong_delimiter(
    display: str, line: int, chosen: str, found: str, *, given: bool
) -> TilsynError:
    """One error for a header the chosen delimiter does not split at all (instead of one E003
    per column, each quoting the whole header): at the option when it was given on the
    command line, else at the export, naming the concept's setting."""
    shown, other = show_delimiter(chosen), show_delimiter(found)
    if given:
        return fail(
            Argument.DELIMITER,
            "E003",
            f"'{shown}' deler ikke overskriften i {display} (linje {line}); filen bruger "
            f"'{other}'.",
            hint=f"udelad skilletegnet (det findes af sig selv), eller angiv '{other}'.",
            kind=ErrorKind.USAGE,
        )
    return fail(
        display,
        "E003",
        f"skilletegnet er '{shown}' under eksport: skilletegn i koncept.yaml, men eksporten "
        f"bruger '{other}': overskriften bliver én kolonne.",
        hint="slet skilletegn i koncept.yaml (det findes af sig selv), eller ret det til "
        f"'{other}'.",
        line=line,
    )


def _header(
    block: bytes, body: Iterator[bytes], encoding: Encoding, display: str, wanted: list[str]
) -> tuple[int, str, list[tuple[int, str]], int]:
    """The header record, the records after it in its block, and the next line.

    The header is the first non-blank record, unless it and the next few hold one value
    each and the record after them holds a column of the concept: those lines are a title
    ('Udtræk fra sagssystemet 01-11-2026'), as some case systems write above the header,
    and are passed over as in a workbook (`export.xlsx`). Otherwise the first record with two
    values or more is the header, so its error names the columns the export has (probe BK: a
    new municipality, whose concept named none of them yet, was shown the title)."""
    line = 1
    codec = encoding.name
    while block:
        lines = block_lines(block, encoding, codec)
        found = list(records(enumerate(lines, start=line), display, None))
        line += len(lines)
        filled = [i for i, (_, record) in enumerate(found) if not is_blank(record)]
        if filled:
            at = _past_title([(i, found[i][1]) for i in filled[: TITLE_LINES + 1]], wanted)
            number, record = found[at]
            return number, record, found[at + 1 :], line
        block, codec = next(body, b""), encoding.body
    raise fail(display, "E006", "eksportfilen er tom.", hint="eksporter listen igen.")


def _past_title(first: list[tuple[int, str]], wanted: list[str]) -> int:
    """The index of the header among the first non-blank records (index, record)."""
    want = {clean_name(w).casefold() for w in wanted}
    for at, (index, record) in enumerate(first):
        delimiter = detect_delimiter(record, wanted)
        names = [clean_name(n) for n in parse_one(record, delimiter)]
        if any(n.casefold() in want for n in names):
            above = (parse_one(r, delimiter) for _, r in first[:at])
            if all(_values(fields) <= 1 for fields in above):
                return index
            break
    return next(
        (i for i, r in first if _values(parse_one(r, detect_delimiter(r, wanted))) > 1),
        first[0][0],
    )


def _values(fields: list[str]) -> int:
    return sum(1 for n in fields if n.strip())


def read_table(
    path: Path, display: str, *, delimiter: str = ",", encoding: str | None = None
) -> list[list[str]]:
    """Every record of a CSV file (header first), split into records as `read_export` does."""
    with _open(path, display) as handle:
        data = handle.read()
    check_text(data, display)
    chosen = choose_encoding(data, encoding, display)
    try:
        lines = block_lines(data, chosen, chosen.name)
    except NotUtf8Error:
        lines = block_lines(data, Encoding(FALLBACK), FALLBACK)
    separator = delimiter_for(delimiter, display)
    found = records(enumerate(lines, start=1), display, separator)
    return list(csv.reader([r for _, r in found if not is_blank(r)], delimiter=separator))

"""Reading an Excel export (.xlsx) with calamine: a second source of rows for the one reader.

A worksheet's rows are what a CSV file's records are after `csv` has split
them, so they go to the same `RowReader` (paragraph and window filters,
grouping, every check and message) and the same `result.finish`. What is
particular to a workbook is done here: choosing the sheet, the header row
(no merged cells), cell values as text (an Excel date as ISO, a whole number
without `.0`), and locations as Excel shows them (`ark 'Sager', række 12,
kolonne C`).

As with CSV, a cheap pre-filter keeps only the rows whose paragraph cell is
eligible (or that start like a summary row); only those are turned into
text. Size and SHA-256 are taken by a thread. A formula's cached value is
read, as Excel shows it. A formula without a stored result would read as an
empty cell, so when a cell the reader needs is empty (a paragraph in a row
with values, or a case number, caseworker or date in a kept row), the sheet
is searched for formulas (`export.formulas`), and one without a result in a
mapped column is an error rather than a silently lost case.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from python_calamine import CalamineError, CalamineSheet, CalamineWorkbook, PasswordError

from ledelsestilsyn.core.diagnostics import (
    Argument,
    Diagnostic,
    ErrorKind,
    TilsynError,
    fail,
)
from ledelsestilsyn.core.diagnostics import column_letters as letters
from ledelsestilsyn.core.progress import step
from ledelsestilsyn.core.words import listing
from ledelsestilsyn.export.blocks import FileDigest
from ledelsestilsyn.export.columns import Layout, find_layout
from ledelsestilsyn.export.formulas import FormulaCell, formula_cells
from ledelsestilsyn.export.phases import ReadOptions, phase_rule
from ledelsestilsyn.export.result import (
    Export,
    Header,
    Source,
    finish,
    in_sheet,
    paragraphs_of,
    paused_gc,
)
from ledelsestilsyn.export.rows import MAX_REPORTED, RowReader
from ledelsestilsyn.export.sheet_extent import MAX_CELLS, Extent, too_large
from ledelsestilsyn.export.values import SUMMARY
from ledelsestilsyn.io.files import open_error, open_regular
from ledelsestilsyn.models.concept import ExportSpec
from ledelsestilsyn.models.located import did_you_mean

Cell = int | float | str | bool | time | date | datetime | timedelta
BATCH = 8192
"""Kept rows handed to the reader at a time (and how often progress is reported)."""
TITLE_ROWS = 5
"""How far below a one-value row the header may stand for that row to be a title."""
_RESAVE = "åbn filen i Excel og gem den igen som .xlsx, eller eksporter den som CSV."


def read_workbook(path: Path, spec: ExportSpec, options: ReadOptions, display: str) -> Export:
    """Read one worksheet of an .xlsx export like a CSV export; every problem is located."""
    book = _open(path, display)
    with book, paused_gc():
        name = _sheet_name(book, options.sheet, display)
        digest = FileDigest(path)
        digest.start()
        try:
            reader, rows, header, hollow = _read_sheet(book, name, spec, options, display)
        except TilsynError as exc:
            raise _other_sheets(exc, book.sheet_names, name, options.sheet, display) from None
        finally:
            digest.join()
        if hollow:
            _check_formulas(formula_cells(path, name), reader, header.line, display)
        cases, steps, diagnostics = finish(reader, rows, header, spec, options, display)
    if digest.error is not None:
        raise open_error(digest.error, display, "E001", noun="eksportfilen", thing="eksportfil")
    source = Source(path.name, digest.size, digest.sha256, rows, sheet=name)
    return Export(
        cases, source, steps, diagnostics, reader.latest_decision(), reader.newest_anywhere()
    )


def _other_sheets(
    exc: TilsynError, names: list[str], read: str, wanted: str | None, display: str
) -> TilsynError:
    """Missing columns in the first sheet of a workbook with more: the error says which
    sheet was read and which others there are (the export is often not the first)."""
    if wanted is not None or len(names) < 2 or not any(d.code == "E003" for d in exc.diagnostics):
        return exc
    others = listing([f"'{n}'" for n in names if n != read], "og")
    sheet = Diagnostic(
        Argument.SHEET,
        None,
        None,
        "E003",
        f"det første ark, '{read}', er læst i {display}; projektmappen har også {others}.",
        "vælg arket med eksportens kolonner.",
    )
    return TilsynError([*exc.diagnostics, sheet], exc.kind)


def _open(path: Path, display: str) -> CalamineWorkbook:
    try:
        with open_regular(path):  # missing, a folder or a pipe: the OS says which
            pass
        return CalamineWorkbook.from_path(str(path))
    except OSError as exc:
        raise open_error(exc, display, "E001", noun="eksportfilen", thing="eksportfil") from None
    except PasswordError:
        message = "projektmappen er beskyttet med en adgangskode og kan ikke læses."
        raise fail(display, "E018", message, hint="gem en kopi uden adgangskode.") from None
    except CalamineError:
        raise _broken(display) from None


def _broken(display: str, sheet: str | None = None) -> TilsynError:
    what = f"arket '{sheet}' i {display}" if sheet else "filen"
    return fail(
        display,
        "E018",
        f"{what} kan ikke læses som en Excel-projektmappe (.xlsx); den er beskadiget "
        "eller i et andet format.",
        hint=_RESAVE,
    )


def _sheet_name(book: CalamineWorkbook, wanted: str | None, display: str) -> str:
    """The sheet asked for (Excel's names ignore case), or the first."""
    names = book.sheet_names
    if not names:
        raise fail(display, "E006", "projektmappen har ingen ark.", hint=_RESAVE)
    if wanted is None:
        return names[0]
    found = [n for n in names if n.casefold() == wanted.strip().casefold()]
    if found:
        return found[0]
    guess = did_you_mean(wanted, names)
    shown = ", ".join(f"'{n}'" for n in names)
    raise fail(
        Argument.SHEET,
        "E017",
        f"arket '{wanted}' findes ikke i {display}.",
        hint=(f"mente du '{guess}'? " if guess else "") + f"projektmappen har arkene: {shown}.",
        kind=ErrorKind.USAGE,
    )


def _read_sheet(
    book: CalamineWorkbook, name: str, spec: ExportSpec, options: ReadOptions, display: str
) -> tuple[RowReader, int, Header, bool]:
    """The reader after every row of the sheet, the rows counted, the header, and whether a
    cell the reader needs was empty (`_rows`)."""
    oversized = too_large(Path(book.path), name) if book.path else None
    if oversized is not None:
        raise _too_large(oversized, display, name)
    try:
        sheet = book.get_sheet_by_name(name)
        rows = iter(sheet.iter_rows())
        first_column = sheet.start[1] + 1 if sheet.start else 1
        line, names = _header(rows, display, name, book.sheet_names)
        _check_merged(sheet, line, display, name)
        layout = _layout(names, spec, display, line, name, first_column)
        date_column = spec.columns["afgørelsesdato"]
        paragraphs = paragraphs_of(options.paragraphs)
        reader = RowReader(
            display,
            layout,
            paragraphs,
            options.window,
            ",",  # rows come split already: no delimiter is ever used
            date_column,
            phase_rule(layout, spec, options),
            today=options.today,
            sheet=name,
            first_column=first_column,
        )
        with step("Læser eksporten", sheet.height) as done:
            counted, hollow = _rows(rows, reader, line + 1, done, every_row=options.every_row)
    except CalamineError:
        raise _broken(display, name) from None
    hollow = hollow or reader.bad_rows > 0
    return reader, counted - reader.summary_rows, Header(" ".join(names), line), hollow


def _too_large(extent: Extent, display: str, sheet: str) -> TilsynError:
    last = f"{letters(extent.last_column)}{extent.last_row}"
    cells, most = (f"{n:_}".replace("_", ".") for n in (extent.cells, MAX_CELLS))
    message = (
        f"arket '{sheet}' i {display} har en værdi helt ude i celle {last}, så det fylder "
        f"{cells} celler; over {most} kan det ikke læses."
    )
    hint = (
        "tryk Ctrl+End i Excel for at finde den sidste celle, slet det, der står uden for "
        "eksporten, og gem igen; eller eksporter som CSV."
    )
    return fail(display, "E022", message, hint=hint)


def _header(
    rows: Iterator[list[Cell]], display: str, sheet: str, sheets: list[str]
) -> tuple[int, list[str]]:
    """The header: its row number and its names (without empty ones at the end).

    The first row with two or more values; rows above it with one value are a title
    ('Udtræk fra SBSYS …', often merged across the columns), as case systems write them,
    and are passed over. A sheet whose first `TITLE_ROWS` rows have one value each is read
    from its first row, as before, so its error names what it holds."""
    title: tuple[int, list[str]] | None = None
    for number, row in enumerate(rows, start=1):
        names = [text(v) for v in row]
        while names and not names[-1].strip():
            names.pop()
        filled = sum(1 for name in names if name.strip())
        if filled > 1:
            return number, names
        if filled and title is None:
            title = (number, names)
        if title is not None and number - title[0] >= TITLE_ROWS:
            return title
    if title is not None:
        return title
    others = ", ".join(f"'{n}'" for n in sheets if n != sheet)
    hint = f"vælg et andet ark: {others}." if others else "eksporter listen igen."
    raise fail(display, "E006", "arket er tomt.", hint=hint, sheet=sheet)


def _check_merged(sheet: CalamineSheet, line: int, display: str, name: str) -> None:
    """Merged cells in the header hide which column is which: an error at each of them."""
    row = line - 1
    merged = [
        (start, end) for start, end in sheet.merged_cell_ranges or [] if start[0] <= row <= end[0]
    ]
    if not merged:
        return
    raise TilsynError(
        [
            Diagnostic(
                display,
                line,
                start[1] + 1,
                "E020",
                f"overskriften har flettede celler ({_cell(start)}:{_cell(end)}); så kan "
                "kolonnerne ikke kendes fra hinanden.",
                "ophæv fletningen i Excel (Flet og centrer), så hver kolonne har sin egen "
                "overskrift, og gem igen.",
                sheet=name,
            )
            for start, end in merged
        ]
    )


def _cell(position: tuple[int, int]) -> str:
    return f"{letters(position[1] + 1)}{position[0] + 1}"


def _layout(
    names: list[str], spec: ExportSpec, display: str, line: int, sheet: str, first_column: int
) -> Layout:
    """The mapped columns' places; a problem is located at the sheet's own column."""
    try:
        return find_layout(names, spec, display, line, None)
    except TilsynError as exc:
        moved = [
            d if d.column is None else replace(d, column=d.column + first_column - 1)
            for d in exc.diagnostics
        ]
        raise TilsynError(in_sheet(moved, sheet), exc.kind) from None


def _rows(
    rows: Iterator[list[Cell]],
    reader: RowReader,
    first: int,
    done: Callable[[int], None],
    *,
    every_row: bool = False,
) -> tuple[int, bool]:
    """Feed the kept rows to `reader` in batches; the rows with any value, counted, and
    whether a row with values had no paragraph or a kept row no caseworker.

    A row is kept when its paragraph cell is eligible (each distinct text
    checked once, by the reader's own cache) or its first cell starts like a
    summary row, and every row with a value is kept with phase selection (as
    for CSV); only kept rows are turned into text, cut to the header's width.
    """
    eligible = reader.eligible_text
    layout = reader.layout
    paragraph, width, worker = layout.paragraph, layout.columns, layout.caseworker
    summary = SUMMARY.match
    every = reader.phases is not None or every_row
    numbers: list[int] = []
    kept: list[list[str]] = []
    blank = hollow = 0
    number = first - 1
    for number, row in enumerate(rows, start=first):
        cell = row[paragraph] if len(row) > paragraph else ""
        if eligible[cell] if type(cell) is str else eligible[text(cell)]:
            fields = [v if type(v) is str else text(v) for v in row[:width]]
            hollow += fields[worker] == ""
        else:
            start = row[0] if row else ""
            if every or type(start) is not str or not summary(start):
                if row.count("") == len(row):
                    blank += 1
                    continue
                if not every:  # with phase selection, any row may be kept (and lack a paragraph)
                    hollow += cell == ""
                    continue
            fields = [v if type(v) is str else text(v) for v in row[:width]]
        kept.append(fields)
        numbers.append(number)
        if len(kept) == BATCH:
            reader.feed_fields(zip(kept, numbers, strict=True))
            kept, numbers = [], []
            done(number)
    reader.feed_fields(zip(kept, numbers, strict=True))
    return number - first + 1 - blank, hollow > 0


def text(value: Cell) -> str:
    """A cell as the text a CSV export would hold: a date as ISO (`2026-03-04`, which the
    reader parses like `04-03-2026`), a whole number without decimals (`12345`)."""
    if type(value) is str:
        return value
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _check_formulas(cells: list[FormulaCell], reader: RowReader, header: int, display: str) -> None:
    """An error for each formula in a mapped column whose result was never saved (it reads
    as empty); a formula with a saved result is read as that value, like Excel shows it."""
    layout = reader.layout
    places = [layout.key, layout.caseworker, layout.paragraph, layout.decided]
    places += [i for i in (layout.team,) if i is not None] + [i for _, i in layout.extras]
    used = {reader.first_column + i for i in places}
    missing = [
        c for c in cells if (c.error or not c.has_value) and c.row > header and c.column in used
    ]
    if not missing:
        return
    shown = missing[:MAX_REPORTED]
    more = f" ({len(missing)} celler i alt)" if len(missing) > len(shown) else ""
    raise TilsynError([_unread(c, more, display, reader.sheet) for c in shown])


def _unread(cell: FormulaCell, more: str, display: str, sheet: str | None) -> Diagnostic:
    """E019 for a formula cell that would be read as empty: no saved result, or an error."""
    if cell.error:
        message = f"cellen er en formel, som Excel viser som fejlen {cell.error}"
        hint = "ret formlen eller dens data i Excel, eller eksporter igen uden formler."
    else:
        message = "cellen er en formel uden gemt resultat"
        hint = (
            "åbn filen i Excel og gem den igen (så gemmes formlernes resultater), "
            "eller eksporter igen uden formler."
        )
    message += f" og ville blive læst som tom{more}."
    return Diagnostic(display, cell.row, cell.column, "E019", message, hint, sheet=sheet)

"""The data workbook (`rapport --format xlsx`): the tidy table for those who go on in Excel.

One sheet per table, with the same rows as the CSV (`tidy.tidy_rows`), so the
committee version publishes exactly the CSV's suppression decisions. A shown
count is a number with a thousands separator (Excel shows `1.234` in Danish);
a hidden one is its text (`< 5`, `x`). The header row is frozen and filtered.

Nothing in the workbook is a formula: every text cell is written as a string
with the automatic conversions off, and a text that Excel would read as a
formula when edited (`=`, `+`, `-`, `@`) carries Excel's quote prefix. Each
text passes the output gate (`core.gate`) before it goes in, because the
finished file is compressed and cannot be masked afterwards.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import xlsxwriter

from ledelsestilsyn.core.gate import Gated, gate
from ledelsestilsyn.report.tidy import FORMULA, Cell

_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}
_MAX_WIDTH = 60


@dataclass(frozen=True)
class Table:
    """One sheet: its name (at most 31 characters, Excel's limit), header and rows."""

    name: str
    header: Sequence[str]
    rows: Sequence[Sequence[Cell]]


def workbook(tables: Sequence[Table], *, title: str, created: date) -> Gated:
    """The workbook's bytes; `created` fixes its timestamp, so a rerun gives the same file."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, _OPTIONS)
    book.set_properties(
        {"title": gate(title), "created": datetime(created.year, created.month, created.day)}
    )
    bold = book.add_format({"bold": True})
    count = book.add_format({"num_format": "#,##0"})
    quoted = book.add_format({"quote_prefix": True})
    for table in tables:
        sheet = book.add_worksheet(gate(table.name)[:31])
        widths = [0] * len(table.header)
        for row_no, row in enumerate([table.header, *table.rows]):
            plain = bold if row_no == 0 else None
            for col, cell in enumerate(row):
                if isinstance(cell, int):
                    sheet.write_number(row_no, col, cell, count)
                    continue
                text = gate(cell)
                sheet.write_string(row_no, col, text, quoted if text.startswith(FORMULA) else plain)
                widths[col] = max(widths[col], len(text))
        for col, width in enumerate(widths):
            sheet.set_column(col, col, min(width + 2, _MAX_WIDTH))
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(table.rows), len(table.header) - 1)
    book.close()
    return Gated(buffer.getvalue())

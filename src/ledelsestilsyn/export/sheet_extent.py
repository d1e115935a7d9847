"""How large a worksheet is, known before calamine lays it out.

calamine (`export.xlsx`) holds a sheet as one grid from its first to its last
cell with a value, so one value in Excel's last cell (`XFD1048576`) asks for
17 billion cells, and the process is killed by the allocator, not an error.
Excel writes the used area at the top of the sheet (`<dimension ref="A1:C20"/>`):
when it is small, as it nearly always is, nothing more is read. When it is large
or missing, the sheet's cells with a value are looked through (a formatted empty
cell far out makes the area large, but calamine leaves it out): a sheet that is
still too large is refused with the cell that makes it so.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ledelsestilsyn.export.formulas import column_number, sheet_member

MAX_CELLS = 60_000_000
"""About 2 GB in calamine's grid: a million rows of 60 columns."""
_HEAD = 1 << 16
_CHUNK = 1 << 20
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"')
_VALUE_CELL = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3})(\d+)"[^>]*?(?<!/)>')
"""A cell element that is not empty (`<c r="B2" s="1"/>` is a formatted empty cell)."""


@dataclass(frozen=True)
class Extent:
    first_row: int
    first_column: int
    last_row: int
    last_column: int

    @property
    def cells(self) -> int:
        rows = self.last_row - self.first_row + 1
        return rows * (self.last_column - self.first_column + 1)


def too_large(path: Path, sheet: str) -> Extent | None:
    """The area of the worksheet `sheet`'s values when it is over `MAX_CELLS`, else None
    (also when its XML cannot be read: calamine then reports the file as broken)."""
    try:
        with zipfile.ZipFile(path) as archive:
            member = sheet_member(archive, sheet)
            if member is None:
                return None
            with archive.open(member) as stream:
                head = stream.read(_HEAD)
            stated = _DIMENSION.search(head)
            if stated is not None and _extent(stated).cells <= MAX_CELLS:
                return None
            found = _values(archive, member)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return None
    return found if found is not None and found.cells > MAX_CELLS else None


def _extent(match: re.Match[bytes]) -> Extent:
    first_col, first_row = column_number(match[1].decode()), int(match[2])
    if match[3] is None:
        return Extent(first_row, first_col, first_row, first_col)
    return Extent(first_row, first_col, int(match[4]), column_number(match[3].decode()))


def _values(archive: zipfile.ZipFile, member: str) -> Extent | None:
    """The area from the first to the last cell with a value, read through the sheet (its
    rows stand in order, as the format has them)."""
    columns: set[bytes] = set()
    rows: list[int] = []
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            text = tail + chunk
            cut = text.rfind(b"<")  # a cell element split between two chunks is read whole
            text, tail = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
            found = _VALUE_CELL.findall(text)
            if found:
                columns.update(letters for letters, _ in found)
                rows += (int(found[0][1]), int(found[-1][1]))
    if not rows:
        return None
    numbers = [column_number(c.decode()) for c in columns]
    return Extent(min(rows), min(numbers), max(rows), max(numbers))

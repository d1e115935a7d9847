"""The formula cells of one worksheet in an .xlsx file.

calamine (`export.xlsx`) gives a formula cell's cached value: what Excel
showed when the file was last saved. That is what tilsyn reads too, but a
formula whose result was never stored (a file written by a program that does
not calculate), or whose result is an Excel error (`#DIV/0!`, `#N/A`), reads as
empty, and an empty paragraph, date or case number would silently drop a case.
The reader asks for the formulas only when a mapped cell it needs is empty
(decompressing a large sheet's XML costs a third of calamine's own read). A
worksheet without any formula costs one pass of decompression; only one with
formulas is parsed cell by cell.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

_CHUNK = 1 << 20
_NEEDLES = (b"<f>", b"<f ", b"<f/", b":f>", b":f ", b":f/")
_CELL = re.compile(r"([A-Z]+)(\d+)")
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass(frozen=True)
class FormulaCell:
    row: int
    column: int
    """1-based, as Excel numbers them (column 1 is A)."""
    has_value: bool
    error: str = ""
    """The Excel error the formula gave when last calculated (`#DIV/0!`, `#N/A`), which
    calamine reads as an empty cell; "" when its result is a value."""


def formula_cells(path: Path, sheet: str) -> list[FormulaCell]:
    """The formula cells of the worksheet `sheet` in `path` (none if its XML cannot be found
    or read: calamine has read the file, and reports a broken one itself)."""
    try:
        with zipfile.ZipFile(path) as archive:
            member = sheet_member(archive, sheet)
            if member is None or not _has_formula(archive, member):
                return []
            return _formula_cells(archive, member)
    except (OSError, zipfile.BadZipFile, ElementTree.ParseError, KeyError):
        return []


def sheet_member(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip member holding worksheet `sheet` (via the workbook and its relationships)."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    target_id = next(
        (
            e.get(_RELATIONSHIPS)
            for e in book.iter()
            if _local(e.tag) == "sheet" and e.get("name") == sheet
        ),
        None,
    )
    relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for relation in relations:
        if relation.get("Id") == target_id:
            target = relation.get("Target", "")
            if target.startswith("/"):
                return target.lstrip("/")
            return str(PurePosixPath("xl") / target)
    return None


def _has_formula(archive: zipfile.ZipFile, member: str) -> bool:
    """Whether the XML may hold a formula element (`<f>`, `<f t=…>`, `<x:f>`); found with
    `in`, which is far faster than a regular expression that stops at every `<`."""
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            seam = tail + chunk[:8]
            if any(needle in seam or needle in chunk for needle in _NEEDLES):
                return True
            tail = chunk[-8:]
    return False


def _formula_cells(archive: zipfile.ZipFile, member: str) -> list[FormulaCell]:
    found: list[FormulaCell] = []
    with archive.open(member) as stream:
        for _, element in ElementTree.iterparse(stream):
            if _local(element.tag) != "c":
                continue
            children = {_local(child.tag): child for child in element}
            if "f" in children:
                match = _CELL.fullmatch(element.get("r", ""))
                if match:
                    value = children.get("v")
                    if value is None:
                        value = children.get("is")  # an inline string result
                    shown = "".join(value.itertext()) if value is not None else ""
                    error = shown if element.get("t") == "e" else ""
                    found.append(
                        FormulaCell(int(match[2]), column_number(match[1]), bool(shown), error)
                    )
            element.clear()
    return found


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def column_number(letters: str) -> int:
    """A column's number from its letters, as Excel counts them (A is 1, XFD 16384)."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number

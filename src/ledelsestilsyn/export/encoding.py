"""Encoding and delimiter of the export: the names a user may give, and detection.

UTF-8 (with or without BOM) and Windows-1252 are detected; a file is UTF-8
only if every byte of it decodes as UTF-8, which the reader checks block by
block as it goes (`Encoding.verify`). The delimiter is the one under which
the header holds most of the concept's mapped column names.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Sequence
from dataclasses import dataclass

from ledelsestilsyn.core.diagnostics import ErrorKind, fail

DELIMITERS: dict[str, str] = {";": ";", ",": ",", "tab": "\t", "\\t": "\t", "\t": "\t", "|": "|"}
ENCODINGS: dict[str, str] = {
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "utf-8-sig": "utf-8-sig",
    "windows-1252": "cp1252",
    "cp1252": "cp1252",
    "ansi": "cp1252",
    "latin-1": "latin-1",
    "iso-8859-1": "latin-1",
}
FALLBACK = "cp1252"
"""What a file that is not UTF-8 is read as (what Excel on a Danish Windows writes)."""


@dataclass(frozen=True)
class Encoding:
    """How to decode the file: `name` as recorded; `verify`: fall back to cp1252 if not UTF-8."""

    name: str
    verify: bool = False

    @property
    def body(self) -> str:
        """The codec for everything after the first block (a BOM only starts a file)."""
        return "utf-8" if self.name == "utf-8-sig" else self.name


class NotUtf8Error(Exception):
    """Raised while reading when a file guessed to be UTF-8 is not; read again as cp1252."""


def choose_encoding(head: bytes, given: str | None, display: str) -> Encoding:
    """The encoding given by the user or concept, or the one the first bytes suggest."""
    if given:
        name = ENCODINGS.get(given.strip().lower())
        if name is None:
            raise fail(
                display,
                "E002",
                f"ukendt tegnsæt '{given}'.",
                hint="brug utf-8 eller windows-1252.",
                kind=ErrorKind.USAGE,
            )
        if not head.startswith(codecs.BOM_UTF8):
            return Encoding(name)
    # A file that begins with the UTF-8 BOM is UTF-8, whatever the concept says: Excel's
    # "CSV UTF-8" writes it, and read as Windows-1252 every column would be 'ï»¿Sagsnr.'.
    if head.startswith(codecs.BOM_UTF8):
        return Encoding("utf-8-sig")
    return Encoding("utf-8", verify=True)


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "en Excel-projektmappe (.xlsx) eller en anden zip-fil"),
    (b"\xd0\xcf\x11\xe0", "en gammel Excel-projektmappe (.xls)"),
    (b"%PDF", "en PDF-fil"),
    (b"{\\rtf", "et Word-dokument (RTF)"),
)
_CONTROL = bytes([*range(0, 9), 11, 12, *range(14, 32), 127])
_SAMPLE = 4096


def check_text(head: bytes, display: str) -> None:
    """Refuse UTF-16 (with or without BOM) and binary files before any column is sought.

    UTF-16 of Latin text has a NUL in every other byte; a binary file has
    control bytes all over (a CSV has none, bar a stray NUL).
    """
    sample = head[:_SAMPLE]
    utf16 = sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16 and len(sample) >= 8:
        halves = (sample[0::2].count(0), sample[1::2].count(0))
        utf16 = max(halves) * 2 > len(sample) // 2 and min(halves) * 8 < len(sample) // 2
    if utf16:
        bom = "" if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else " (uden BOM)"
        raise fail(
            display,
            "E002",
            f"eksporten er gemt som UTF-16{bom}.",
            hint="eksporter som CSV (UTF-8 eller Windows-1252).",
            line=1,
        )
    kind = next((k for magic, k in _MAGIC if sample.startswith(magic)), None)
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if kind is None and controls >= 4 and controls * 50 > len(sample):
        kind = "binære data"
    if kind is not None:
        hint = "eksporter listen fra sagssystemet som CSV (tekst med ';' mellem felterne)."
        if sample.startswith(b"PK\x03\x04"):  # tilsyn reads a workbook by its ending
            hint = "er det en Excel-projektmappe, så giv filen endelsen .xlsx; ellers " + hint
        raise fail(
            display,
            "E002",
            f"filen er ikke en CSV-fil; den ser ud til at være {kind}.",
            hint=hint,
            line=1,
        )


def check_utf8(block: bytes, encoding: Encoding) -> None:
    """For a guessed UTF-8 file: raise `NotUtf8Error` if `block` is not UTF-8."""
    if encoding.verify and not block.isascii():
        try:
            block.decode("utf-8")
        except UnicodeDecodeError:
            raise NotUtf8Error from None


def delimiter_for(given: str, display: str) -> str:
    """The delimiter a user wrote (`;`, `,`, `|`, `tab`)."""
    delimiter = DELIMITERS.get(given.strip() if given.strip() else given)
    if delimiter is None:
        raise fail(
            display,
            "E010",
            f"ukendt skilletegn '{given}'.",
            hint="brug ';', ',', '|' eller 'tab'.",
            kind=ErrorKind.USAGE,
        )
    return delimiter


def show_delimiter(delimiter: str) -> str:
    return "tab" if delimiter == "\t" else delimiter


def parse_one(record: str, delimiter: str) -> list[str]:
    """One record's fields. A field over `csv`'s limit (128 KiB; a header split by the wrong
    delimiter, or a long title line above it) raised past every message (exit 3): then the
    record is split at each delimiter, so the header's names can still be looked for."""
    try:
        return next(csv.reader([record], delimiter=delimiter), [])
    except csv.Error:
        return record.split(delimiter)


def clean_name(name: str) -> str:
    """A header name without BOM and with single spaces."""
    return " ".join(name.replace("\ufeff", "").split())


def detect_delimiter(header: str, wanted: Sequence[str]) -> str:
    """The delimiter under which the header holds most of the mapped names."""
    want = {w.casefold() for w in wanted}
    best = (";", -1, 0)
    for delimiter in (";", ",", "\t", "|"):
        names = [clean_name(n).casefold() for n in parse_one(header, delimiter)]
        score = (sum(n in want for n in names), len(names))
        if score > best[1:]:
            best = (delimiter, *score)
    return best[0]

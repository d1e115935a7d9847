"""Values in the export's cells: paragraphs, dates and summary rows.

Also the pre-filter's needles: a row can only hold an eligible paragraph if
its raw bytes contain the paragraph's digits followed by a non-digit (the
paragraph's number is a whole run of digits in its cell), so rows without
any needle need not be parsed at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

# Each from the first of a run of `§` or digits: tried from every one, a cell of 32,000 `§`
# (or a summary row of as many digits) took a minute.
_PARAGRAPH = re.compile(r"(?<!§)§+\s*(\d+\s*[a-zæøå]?)\b", re.IGNORECASE)
_BARE = re.compile(r"^\s*(?:(?:bl|barnets\s+lov|sel)\.?\s*)?(\d+\s*[a-zæøå]?)\b", re.IGNORECASE)
_DATE_PARTS = re.compile(r"[-./]")
_SUMMARY_LINE = rb'\n[ \t"]*(?:[Ii] [Aa][Ll][Tt]|[Tt][Oo][Tt][Aa][Ll]|[Ss][Uu][Mm])'
_STATED_ROWS = re.compile(r"(?<![\d.])(\d[\d.]*)\s*(?:rækker|række|rows)\b", re.IGNORECASE)
# A UTF-8 lead byte for U+0080–U+017F (Â, Ã, Ä, Å) read as Windows-1252, then a continuation
# byte (0x80–0xBF) read the same way: how 'ø' becomes 'Ã¸'.
_CONTINUATION = bytes(range(0x80, 0xC0)).decode("cp1252", "ignore")
_MOJIBAKE = re.compile(f"[\u00c2-\u00c5][{re.escape(_CONTINUATION)}]")


def normalise_paragraph(text: str) -> str | None:
    """`§ 32`, `§32`, `BL § 32, stk. 1, nr. 3`, `Barnets lov § 46`, `32` → `32`/`46`."""
    match = _PARAGRAPH.search(text) or _BARE.match(text)
    return match[1].replace(" ", "").lower() if match else None


def parse_date(text: str) -> date | None:
    """`dd-mm-åååå`, `dd.mm.åååå`, `d-m-åååå`, `dd/mm/åååå` or ISO (a time part is ignored)."""
    value = text.strip().split(" ", 1)[0].split("T", 1)[0]
    parts = _DATE_PARTS.split(value)
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    if len(parts[0]) == 4:
        year, month, day = parts
    elif len(parts[2]) == 4:
        day, month, year = parts
    else:
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


SUMMARY = re.compile(r"\s*(?:i alt|total|sum)", re.IGNORECASE)
"""The start of a summary row's first cell (`I alt …`, `Total`, `Sum`)."""


def is_summary(text: str) -> bool:
    """A summary row such as `I alt …` (its first cell)."""
    return SUMMARY.match(text) is not None


def stated_rows(fields: list[str]) -> int | None:
    """The row count a summary row states (`I alt: 1.775 rækker`), if it states one."""
    match = _STATED_ROWS.search(" ".join(fields))
    return int(match[1].replace(".", "")) if match else None


def double_encoded(text: str) -> bool:
    """Text that looks like UTF-8 read as Windows-1252 (`SÃ¸ren`)."""
    return _MOJIBAKE.search(text) is not None


def repair_double_encoding(text: str) -> str:
    """`SÃ¸ren` → `Søren`; text that is not exactly UTF-8 read as Windows-1252 stays as is."""
    return encoding_layers(text)[0]


def encoding_layers(text: str, most: int = 4) -> tuple[str, int]:
    """The text repaired, and how many times it had been UTF-8 read as Windows-1252: once for
    `SÃ¸ren`, twice for `SÃƒÂ¸ren` (a file converted once more), at most `most` times."""
    layers = 0
    while layers < most and double_encoded(text):
        try:
            text = text.encode("cp1252").decode("utf-8")
        except UnicodeError:
            break
        layers += 1
    return text, layers


@dataclass(frozen=True)
class Prefilter:
    """Which rows may hold an eligible paragraph or be a summary row (`I alt …`).

    `patterns` and `summary` work on raw bytes (`summary` matches from the line
    end before the row), `search` and `is_summary` on a decoded record.
    """

    patterns: tuple[re.Pattern[bytes], ...]
    search: re.Pattern[str]
    needles: tuple[bytes, ...] = (b"\n",)
    """The paragraphs' digits: counting them in a block estimates how many lines match."""
    summary: re.Pattern[bytes] = re.compile(_SUMMARY_LINE)


def prefilter(paragraphs: Iterable[str], *, every_row: bool = False) -> Prefilter:
    """Needles from the eligible paragraphs' digits; each pattern starts with a literal, so
    `re` finds it at C speed. A paragraph without ASCII digits disables the filter, and so
    does `every_row` (phase selection: any row may be kept, whatever its paragraph)."""
    wanted = list(paragraphs)
    digits = sorted({re.sub(r"[^0-9]", "", p) for p in wanted})
    if every_row or ("" in digits and wanted):
        return Prefilter((re.compile(rb"\n"),), re.compile(""))
    patterns = tuple(re.compile(re.escape(d.encode("ascii")) + rb"(?![0-9])") for d in digits)
    alternatives = "|".join(re.escape(d) for d in digits)
    search = re.compile(f"(?:{alternatives})(?![0-9])" if alternatives else r"(?!)")
    return Prefilter(patterns, search, tuple(d.encode("ascii") for d in digits))

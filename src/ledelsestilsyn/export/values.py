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

_PARAGRAPH = re.compile(r"§+\s*(\d+\s*[a-zæøå]?)\b", re.IGNORECASE)
_BARE = re.compile(r"^\s*(?:(?:bl|barnets\s+lov|sel)\.?\s*)?(\d+\s*[a-zæøå]?)\b", re.IGNORECASE)
_DATE_PARTS = re.compile(r"[-./]")
_SUMMARY = ("i alt", "total", "sum")


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


def is_summary(text: str) -> bool:
    """A trailing summary row such as `I alt …` (its first cell)."""
    return text.strip().casefold().startswith(_SUMMARY)


@dataclass(frozen=True)
class Prefilter:
    """Which rows may hold an eligible paragraph: `patterns` on raw bytes, `search` on text."""

    patterns: tuple[re.Pattern[bytes], ...]
    search: re.Pattern[str]


def prefilter(paragraphs: Iterable[str]) -> Prefilter:
    """Needles from the eligible paragraphs' digits; each pattern starts with a literal, so
    `re` finds it at C speed. A paragraph without ASCII digits disables the filter."""
    wanted = list(paragraphs)
    digits = sorted({re.sub(r"[^0-9]", "", p) for p in wanted})
    if "" in digits and wanted:
        return Prefilter((re.compile(rb"\n"),), re.compile(""))
    patterns = tuple(re.compile(re.escape(d.encode("ascii")) + rb"(?![0-9])") for d in digits)
    alternatives = "|".join(re.escape(d) for d in digits)
    search = re.compile(f"(?:{alternatives})(?![0-9])" if alternatives else r"(?!)")
    return Prefilter(patterns, search)

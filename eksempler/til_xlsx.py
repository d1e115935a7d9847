"""Gemmer en CSV-eksport som Excel-projektmappe (.xlsx), som et sagssystem ville eksportere den.

Datoerne i kolonnen `Afgørelsesdato` bliver rigtige Excel-datoer (vist som
dd-mm-åååå); alt andet står som tekst, også sagsnumre og CPR-numre. Arket
hedder `Sager`. Bruges af `make demo` og af testene:

    python eksempler/til_xlsx.py eksempler/eksport.csv eksport.xlsx

Fra Python: `write_xlsx(sti, rækker)` med rækker som lister af tekst
(overskriften først), fx fra `generer_eksport.iter_rows`.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

import xlsxwriter

SHEET = "Sager"
DATE_COLUMN = "Afgørelsesdato"


def _day(text: str) -> date | None:
    parts = text.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    day, month, year = (int(p) for p in parts)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def write_xlsx(path: Path, rows: Iterable[Sequence[str]], sheet: str = SHEET) -> None:
    """Skriv rækkerne (overskriften først); datoer i datokolonnen som Excel-datoer."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False})
    worksheet = book.add_worksheet(sheet)
    day_format = book.add_format({"num_format": "dd-mm-yyyy"})
    lines = iter(rows)
    header = list(next(lines))
    worksheet.write_row(0, 0, header, book.add_format({"bold": True}))
    at = header.index(DATE_COLUMN) if DATE_COLUMN in header else -1
    for number, row in enumerate(lines, start=1):
        worksheet.write_row(number, 0, row)
        day = _day(row[at]) if 0 <= at < len(row) else None
        if day is not None:
            worksheet.write_datetime(number, at, day, day_format)
    book.close()


def main(argv: Sequence[str]) -> int:
    if len(argv) != 2:
        print("brug: til_xlsx.py EKSPORT.csv UD.xlsx", file=sys.stderr)
        return 2
    source, target = (Path(a) for a in argv)
    try:
        with source.open(encoding="cp1252", newline="") as handle:
            write_xlsx(target, csv.reader(handle, delimiter=";"))
    except FileNotFoundError as exc:
        print(f"til_xlsx.py: fejl: {exc.filename} findes ikke.", file=sys.stderr)
        return 1
    except OSError as exc:
        print(
            f"til_xlsx.py: fejl: kan ikke læse eller skrive {exc.filename}: {exc.strerror}.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

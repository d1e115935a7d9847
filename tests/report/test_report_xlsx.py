"""`tilsyn rapport --format xlsx`: the tidy table as a workbook, read back with openpyxl."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from ledelsestilsyn.core.cpr import find_cpr
from ledelsestilsyn.report.tidy import HEADER
from ledelsestilsyn.report.xlsx import Table, workbook

DATE = ("--dato", "2026-11-25")


def _rows(path: Path) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["svar"]
    sheet = book["svar"]
    assert sheet.freeze_panes == "A2"
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def _csv(cli, *args: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    result = cli("rapport", *DATE, "--format", "csv", "-o", "-", *args)
    assert result.exit_code == 0, result.output
    return [line.split(";") for line in result.stdout.lstrip("\ufeff").splitlines()]


@pytest.mark.parametrize("audience", ["leder", "udvalg"])
def test_the_workbook_is_the_csv_table_with_real_numbers(  # type: ignore[no-untyped-def]
    cli, rapport_ws: Path, audience: str
) -> None:
    args = ("--periode", "2026-11", "--modtager", audience)
    result = cli("rapport", *DATE, "--format", "xlsx", *args)
    assert result.exit_code == 0, result.output
    target = rapport_ws / "rapporter" / f"2026-11-{audience}.xlsx"
    assert f"rapporter/2026-11-{audience}.xlsx" in result.stdout
    rows = _rows(target)
    assert rows[0] == HEADER
    assert [[str(cell) for cell in row] for row in rows] == _csv(cli, *args)
    counts = [row[-1] for row in rows[1:]]
    assert all(isinstance(c, int) or c in ("< 5", "x") for c in counts)
    assert any(isinstance(c, int) and c >= 5 for c in counts)
    if audience == "udvalg":
        assert "< 5" in counts
        assert all(c == 0 or c >= 5 for c in counts if isinstance(c, int))
    else:
        assert all(isinstance(c, int) for c in counts) and any(0 < c < 5 for c in counts)


def test_counts_have_a_thousands_format_and_nothing_is_a_formula(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("rapport", *DATE, "--periode", "2026-11", "--format", "xlsx", "-o", "ud.xlsx")
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(rapport_ws / "ud.xlsx")["svar"]
    assert sheet["G2"].number_format == "#,##0" and sheet["G2"].data_type == "n"
    assert sheet["A1"].font.b and sheet.auto_filter.ref == f"A1:G{sheet.max_row}"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_formula_text_stays_text_and_cpr_is_masked() -> None:
    """A series or answer that looks like a formula, or holds a CPR number, is only text."""
    rows = [
        ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "010203-1234", "ja", 1234567],
        ["http://x.dk", "0102031234", "007", "1e5", "ok", "nej", "< 5"],
    ]
    data = workbook([Table("svar", HEADER, rows)], title="T 0102031234", created=date(2026, 11, 25))
    with zipfile.ZipFile(io.BytesIO(data.data)) as archive:
        xml = "".join(archive.read(name).decode() for name in archive.namelist())
    assert not find_cpr(xml) and "<f>" not in xml and "<hyperlink" not in xml
    sheet = openpyxl.load_workbook(io.BytesIO(data.data))["svar"]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert values[0] == [
        '=HYPERLINK("http://x")',
        "+1",
        "-2",
        "@SUM(A1)",
        "XXXXXX-XXXX",
        "ja",
        1234567,
    ]
    assert values[1] == ["http://x.dk", "XXXXXXXXXX", "007", "1e5", "ok", "nej", "< 5"]
    assert all(c.data_type == "s" for c in sheet[2][:6]) and sheet["A2"].quotePrefix
    assert not sheet["E2"].quotePrefix


def test_the_same_report_gives_the_same_bytes() -> None:
    table = [Table("svar", HEADER, [["2026-11", "a", "b", "c", "d", "ja", 3]])]
    first = workbook(table, title="T", created=date(2026, 11, 25))
    assert first == workbook(table, title="T", created=date(2026, 11, 25))


def test_a_workbook_is_not_written_to_standard_output(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("rapport", *DATE, "--periode", "2026-11", "--format", "xlsx", "-o", "-")
    assert result.exit_code == 2
    assert "L010" in result.stderr and "-o rapport.xlsx" in result.stderr

"""An Excel export with a title above the header ('Udtræk fra SBSYS …', often merged
across the columns), as case systems write them.

The title row was read as the header: one E003 per column, each saying the file has the
columns 'Udtræk fra SBSYS …' and telling the user to delete the optional 'team:' and
'cpr:' lines from the concept, every month, for an export that was fine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import xlsxwriter
from test_xlsx import MANIFEST, as_text, draw, manifest

from conftest import Cli

TITLE = "Udtræk fra SBSYS: sager med afgørelser, dannet 28-11-2026"


def _titled(worksheet: Any) -> None:
    worksheet.merge_range(0, 0, 0, 8, TITLE)
    worksheet.write_string(3 + 17, 6, "31-02-2026")  # S-2026-00109's date, sheet row 21


def test_a_title_row_above_the_header_is_passed_over(cli: Cli, example_workspace: Path) -> None:
    name = as_text(example_workspace, "titel.xlsx", _titled, at=(3, 0))
    code, output = draw(cli, name)
    assert code == 0, output
    assert "E003" not in output
    assert (
        "titel.xlsx, ark 'Sager', række 21, kolonne G: advarsel E005: datoen kan ikke læses "
        "i kolonnen 'Afgørelsesdato'; rækken er sprunget over." in output
    )
    assert int(manifest()["input"]["rækker"]) == 474
    assert TITLE not in MANIFEST.read_text(encoding="utf-8")


def test_a_one_column_sheet_is_still_told_what_it_has(cli: Cli, example_workspace: Path) -> None:
    """Rows of one value each are no title above a header: the error names what the first
    row holds, as before."""
    book = xlsxwriter.Workbook(str(example_workspace / "en.xlsx"))
    sheet = book.add_worksheet("Sager")
    for number, value in enumerate([TITLE, "S-1", "S-2", "S-3", "S-4", "S-5", "S-6", "S-7"]):
        sheet.write_string(number, 0, value)
    book.close()
    code, output = draw(cli, "en.xlsx")
    assert code == 1
    assert (
        "en.xlsx, ark 'Sager', række 1: fejl E003: kolonnen 'Sagsnr.' (sag) findes ikke i "
        f"eksporten; filen har: '{TITLE}'" in output
    ), output

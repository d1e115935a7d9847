"""`tilsyn udtræk eksport.xlsx`: an Excel export is read like the CSV, with the same checks.

The workbooks are the example export saved as .xlsx (`eksempler/til_xlsx.py`,
dates as Excel dates), some with one defect. Row 18 of the export (row 18 of
the sheet) holds case S-2026-00109.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl
import pytest
import xlsxwriter
import yaml

from conftest import EKSEMPLER, Cli
from ledelsestilsyn.core.diagnostics import Diagnostic, column_letters
from ledelsestilsyn.export.read import ReadOptions, read_export
from ledelsestilsyn.io.yaml import read_document
from ledelsestilsyn.models.concept import ExportSpec

SERIES = "månedligt-overordnet"
MANIFEST = Path("udtræk") / f"2026-11-{SERIES}" / "udtræk.yaml"


def _til_xlsx() -> ModuleType:
    spec = importlib.util.spec_from_file_location("til_xlsx", EKSEMPLER / "til_xlsx.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rows(folder: Path) -> list[list[str]]:
    with (folder / "eksport.csv").open(encoding="cp1252", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def as_xlsx(folder: Path, name: str = "eksport.xlsx") -> Path:
    path = folder / name
    _til_xlsx().write_xlsx(path, rows(folder))
    return path


def edited(folder: Path, name: str, change: Callable[[Any], None]) -> str:
    """The example workbook changed by `change(workbook)` with openpyxl (which stores a
    formula without its result, as many programs do)."""
    book = openpyxl.load_workbook(as_xlsx(folder))
    change(book)
    book.save(folder / name)
    return name


def as_text(
    folder: Path,
    name: str,
    change: Callable[[Any], None] | None = None,
    *,
    sheet: str = "Sager",
    at: tuple[int, int] = (0, 0),
) -> str:
    """The example export with every cell as text (dates as dd-mm-åååå), from cell `at`
    (0-based), in sheet `sheet`; `change(worksheet)` edits it (xlsxwriter) before saving."""
    book = xlsxwriter.Workbook(str(folder / name))
    worksheet = book.add_worksheet(sheet)
    for number, row in enumerate(rows(folder)):
        worksheet.write_row(at[0] + number, at[1], row)
    if change is not None:
        change(worksheet)
    book.close()
    return name


def draw(cli: Cli, name: str, *extra: str) -> tuple[int, str]:
    args = ("udtræk", name, "--tilsyn", SERIES, "--periode", "2026-11", "--antal", "1000")
    result = cli(*args, *extra)
    return result.exit_code, result.output


def manifest() -> dict[str, Any]:
    data = read_document(MANIFEST).data
    assert isinstance(data, dict)
    return data


def test_a_workbook_gives_the_same_sample_as_the_csv(cli: Cli, example_workspace: Path) -> None:
    code, output = draw(cli, "eksport.csv")
    assert code == 0, output
    from_csv = manifest()
    MANIFEST.parent.rename(example_workspace / "fra-csv")
    path = as_xlsx(example_workspace)
    code, output = draw(cli, path.name)
    assert code == 0, output
    from_xlsx = manifest()
    assert from_xlsx["sager"] == from_csv["sager"]
    assert from_xlsx["population"] == from_csv["population"]
    source = from_xlsx["input"]
    assert source["navn"] == "eksport.xlsx"
    assert source["ark"] == "Sager"
    assert int(source["rækker"]) == int(from_csv["input"]["rækker"]) == 474
    assert source["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert int(source["størrelse"]) == path.stat().st_size
    assert "tegnsæt" not in source and "skilletegn" not in source


@pytest.mark.parametrize("name", ["eksport.xls", "eksport.csv"])
def test_a_workbook_with_another_ending_is_told_to_be_named_xlsx(
    cli: Cli, example_workspace: Path, name: str
) -> None:
    """An .xlsx saved as .xls (or .csv) was told to export as CSV; renaming it is enough."""
    as_xlsx(example_workspace).rename(example_workspace / name)
    code, output = draw(cli, name)
    assert code == 1
    assert (
        f"{name}:1: fejl E002: filen er ikke en CSV-fil; den ser ud til at være en "
        "Excel-projektmappe (.xlsx) eller en anden zip-fil. Tip: er det en Excel-projektmappe, "
        "så giv filen endelsen .xlsx; ellers eksporter listen fra sagssystemet som CSV"
    ) in " ".join(output.split())


def test_dates_as_text_and_case_numbers_as_numbers_read_alike(
    cli: Cli, example_workspace: Path
) -> None:
    code, _ = draw(cli, "eksport.csv")
    expected = manifest()["population"]
    MANIFEST.parent.rename(example_workspace / "fra-csv")
    # A number in 'Sagsfase' (row 201) is read as the text '7'.
    name = as_text(example_workspace, "tekst.xlsx", lambda s: s.write_number(200, 7, 7))
    code, output = draw(cli, name)
    assert code == 0, output
    assert manifest()["population"] == expected


def test_a_wrong_sheet_names_the_sheets_and_the_likely_one(
    cli: Cli, example_workspace: Path
) -> None:
    as_xlsx(example_workspace)
    code, output = draw(cli, "eksport.xlsx", "--ark", "Sagr")
    assert code == 2
    assert "--ark: fejl E017: arket 'Sagr' findes ikke i eksport.xlsx." in output
    assert "mente du 'Sager'?" in output
    assert "projektmappen har arkene: 'Sager'." in output
    code, output = draw(cli, "eksport.xlsx", "--ark", "sager")  # Excel ignores case
    assert code == 0, output


def test_an_export_on_another_sheet_than_the_first_names_the_sheets(
    cli: Cli, example_workspace: Path
) -> None:
    """The case system put a front page first: its columns are not the export's."""
    book = xlsxwriter.Workbook(str(example_workspace / "forside.xlsx"))
    book.add_worksheet("Forside").write_row(0, 0, ["Udtræk fra DUBU"])
    sheet = book.add_worksheet("Sager")
    for number, row in enumerate(rows(example_workspace)):
        sheet.write_row(number, 0, row)
    book.close()
    code, output = draw(cli, "forside.xlsx")
    assert code == 1, output
    assert (
        "--ark: fejl E003: det første ark, 'Forside', er læst i forside.xlsx; projektmappen har "
        "også 'Sager'. Tip: vælg arket med eksportens kolonner." in output
    ), output
    assert draw(cli, "forside.xlsx", "--ark", "Sager")[0] == 0


def test_a_sheet_for_a_csv_file_is_a_wrong_call(cli: Cli, example_workspace: Path) -> None:
    code, output = draw(cli, "eksport.csv", "--ark", "Sager")
    assert code == 2
    assert "--ark: fejl E021: eksport.csv er ikke en Excel-projektmappe" in output


@pytest.mark.parametrize("kind", ["afskåret", "csv"])
def test_a_broken_workbook_is_one_error(cli: Cli, example_workspace: Path, kind: str) -> None:
    data = as_xlsx(example_workspace).read_bytes()
    broken = data[: len(data) // 2] if kind == "afskåret" else rows_as_bytes(example_workspace)
    (example_workspace / "brudt.xlsx").write_bytes(broken)
    code, output = draw(cli, "brudt.xlsx")
    assert code == 1
    assert output.startswith("brudt.xlsx: fejl E018: filen kan ikke læses som en Excel-")
    assert not MANIFEST.exists()


def rows_as_bytes(folder: Path) -> bytes:
    return (folder / "eksport.csv").read_bytes()


def test_a_missing_workbook_is_a_wrong_call(cli: Cli, example_workspace: Path) -> None:
    code, output = draw(cli, "findes-ikke.xlsx")
    assert code == 2
    assert "findes-ikke.xlsx: fejl E001: eksportfilen findes ikke." in output


def test_a_formula_without_a_saved_result_in_a_mapped_column_is_an_error(
    cli: Cli, example_workspace: Path
) -> None:
    def formulas(book: Any) -> None:
        sheet = book["Sager"]
        sheet["G5"] = "=DATE(2026,3,4)"  # Afgørelsesdato
        sheet["A7"] = '="S-2026-"&"00107"'  # Sagsnr.
        sheet["F9"] = '="Afgørelse"'  # not mapped: no error

    code, output = draw(cli, edited(example_workspace, "formler.xlsx", formulas))
    assert code == 1
    lines = output.splitlines()
    assert lines[0].startswith(
        "formler.xlsx, ark 'Sager', række 5, kolonne G: fejl E019: cellen er en formel uden "
        "gemt resultat"
    )
    assert lines[1].startswith("formler.xlsx, ark 'Sager', række 7, kolonne A: fejl E019")
    assert "kolonne F" not in output
    assert not MANIFEST.exists()


def test_a_formula_whose_result_is_an_excel_error_is_an_error_not_an_empty_cell(
    cli: Cli, example_workspace: Path
) -> None:
    """A formula that Excel showed as #DIV/0! or #I/T (#N/A) was read as an empty cell: the
    caseworker column's error gave a case drawn with no caseworker (rotation, letters and
    the report lost them) and a paragraph's error dropped the case without a word. The CSV
    of the same sheet has '#DIV/0!', so the two formats gave different samples."""
    formula = as_text(
        example_workspace,
        "fejlceller.xlsx",
        lambda s: (
            s.write_formula(17, 2, "=1/0", None, "#DIV/0!"),  # Sagsbehandler, row 18
            s.write_formula(19, 4, "=NA()", None, "#N/A"),  # Paragraf, row 20
        ),
    )
    code, output = draw(cli, formula)
    assert code == 1, output
    lines = output.splitlines()
    assert lines[0].startswith(
        "fejlceller.xlsx, ark 'Sager', række 18, kolonne C: fejl E019: cellen er en formel, "
        "som Excel viser som fejlen #DIV/0!"
    ), output
    assert lines[1].startswith("fejlceller.xlsx, ark 'Sager', række 20, kolonne E: fejl E019")
    assert not MANIFEST.exists()


def test_formulas_with_saved_results_are_read_as_excel_shows_them(
    cli: Cli, example_workspace: Path
) -> None:
    team = rows(example_workspace)[17][3]  # row 18: S-2026-00109's team, as a formula
    formula = as_text(
        example_workspace,
        "formler.xlsx",
        lambda s: s.write_formula(17, 3, f'="{team}"', None, team),
    )
    code, output = draw(cli, formula)
    assert code == 0, output
    case = next(c for c in manifest()["sager"] if c["id"] == "S-2026-00109")
    assert case["team"] == team


def test_a_paragraph_formula_without_a_result_is_an_error_not_a_lost_case(
    cli: Cli, example_workspace: Path
) -> None:
    """An empty paragraph would only leave the row out; the formula behind it is named."""
    name = edited(example_workspace, "paragraf.xlsx", lambda b: b["Sager"].cell(18, 5, '="§ 32"'))
    code, output = draw(cli, name)
    assert code == 1
    assert output.startswith("paragraf.xlsx, ark 'Sager', række 18, kolonne E: fejl E019")


def test_merged_header_cells_are_an_error(cli: Cli, example_workspace: Path) -> None:
    code, output = draw(
        cli, edited(example_workspace, "flettet.xlsx", lambda b: b["Sager"].merge_cells("E1:F1"))
    )
    assert code == 1
    assert (
        "flettet.xlsx, ark 'Sager', række 1, kolonne E: fejl E020: overskriften har flettede "
        "celler (E1:F1)" in output
    )


def test_an_empty_sheet_is_an_error_that_names_the_others(
    cli: Cli, example_workspace: Path
) -> None:
    name = edited(example_workspace, "tomt.xlsx", lambda b: b.create_sheet("Forside", 0))
    code, output = draw(cli, name)
    assert code == 1
    empty = "tomt.xlsx, ark 'Forside': fejl E006: arket er tomt."
    assert f"{empty} Tip: vælg et andet ark: 'Sager'." in output
    code, output = draw(cli, name, "--ark", "Sager")
    assert code == 0, output


def test_a_header_only_sheet_is_the_csv_error(cli: Cli, example_workspace: Path) -> None:
    book = xlsxwriter.Workbook(str(example_workspace / "kun.xlsx"))
    book.add_worksheet("Sager").write_row(0, 0, rows(example_workspace)[0])
    book.close()
    code, output = draw(cli, "kun.xlsx")
    assert code == 1
    assert "kun.xlsx, ark 'Sager', række 1: fejl E007: eksporten har kun en overskrift" in output


def test_rows_and_columns_are_located_as_excel_shows_them(
    cli: Cli, example_workspace: Path
) -> None:
    """A table that starts at B3, with a bad date in S-2026-00109's row (sheet row 20, H)."""
    name = as_text(
        example_workspace,
        "forskudt.xlsx",
        lambda s: s.write_string(2 + 17, 1 + 6, "31-02-2026"),
        at=(2, 1),
    )
    code, output = draw(cli, name)
    assert code == 0, output
    assert (
        "forskudt.xlsx, ark 'Sager', række 20, kolonne H: advarsel E005: datoen kan ikke læses "
        "i kolonnen 'Afgørelsesdato'; rækken er sprunget over." in output
    )
    assert all(c["id"] != "S-2026-00109" for c in manifest()["sager"])


def test_a_cpr_number_in_a_copied_cell_is_located_in_the_sheet(
    cli: Cli, example_workspace: Path
) -> None:
    """S-2026-00109's phase (row 18, column H) holds a CPR number: U020 names sheet and row."""
    name = as_text(
        example_workspace, "cpr.xlsx", lambda s: s.write_string(17, 7, "Emil 010203-1234")
    )
    code, output = draw(cli, name)
    assert code == 0, output
    assert "cpr.xlsx, ark 'Sager', række 18: advarsel U020: sag S-2026-00109" in output
    assert "010203" not in output and "010203" not in MANIFEST.read_text(encoding="utf-8")


def test_a_missing_column_is_located_at_the_header_row(cli: Cli, example_workspace: Path) -> None:
    name = edited(example_workspace, "kolonne.xlsx", lambda b: b["Sager"].cell(1, 7, "Dato"))
    code, output = draw(cli, name)
    assert code == 1
    assert (
        "kolonne.xlsx, ark 'Sager', række 1: fejl E003: kolonnen 'Afgørelsesdato' "
        "(afgørelsesdato) findes ikke i eksporten" in output
    )


def test_cells_are_named_as_excel_names_them() -> None:
    assert [column_letters(n) for n in (1, 3, 26, 27, 52, 703)] == [
        "A",
        "C",
        "Z",
        "AA",
        "AZ",
        "AAA",
    ]
    where = Diagnostic("e.xlsx", 12, 3, "E005", "x", sheet="Sager")
    assert where.location() == "e.xlsx, ark 'Sager', række 12, kolonne C"
    assert Diagnostic("e.csv", 12, 3, "E005", "x").location() == "e.csv:12:3"


@pytest.mark.parametrize("paragraphs", [["32", "46"], []])
def test_phase_selection_reads_a_workbook_as_the_csv(
    example_workspace: Path, paragraphs: list[str]
) -> None:
    """With `udvælgelse.faser` every row may be kept, whatever its paragraph: the same cases,
    steps and warnings from the workbook as from the CSV."""
    concept = yaml.safe_load((EKSEMPLER / "koncept.yaml").read_text(encoding="utf-8"))
    spec = ExportSpec.model_validate(concept["eksport"])
    window = (date(2025, 11, 1), date(2026, 10, 31))
    options = ReadOptions(paragraphs, window, phases=["underretning", "undersøgelsee"])
    from_csv = read_export(example_workspace / "eksport.csv", spec, options, "e.csv")
    path = as_xlsx(example_workspace)
    from_xlsx = read_export(path, spec, options, "e.xlsx")
    assert [c.id for c in from_xlsx.cases] == [c.id for c in from_csv.cases]
    assert from_xlsx.steps == from_csv.steps
    assert [d.message for d in from_xlsx.diagnostics] == [d.message for d in from_csv.diagnostics]
    assert any(d.code == "E015" for d in from_xlsx.diagnostics)  # the misspelt phase


def test_a_narrow_paragraph_filter_does_not_make_a_fresh_workbook_look_old(
    cli: Cli, example_workspace: Path
) -> None:
    """As for a CSV export (test_sample_cli): U008 reads every row's decision, not only the
    drawn paragraph's; a workbook with no newer decision at all is still warned about."""
    concept = example_workspace / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    concept.write_text(text.replace('paragraffer: ["32", "46"]', 'paragraffer: ["46"]'), "utf-8")
    args = ("--tilsyn", SERIES, "--periode", "2027-02", "--tør", "--dato", "2027-03-01")
    old = cli("udtræk", as_xlsx(example_workspace).name, *args)
    assert old.exit_code == 0 and "U008" in old.output, old.output
    export = example_workspace / "eksport.csv"
    row = "S-2027-00999;;Rådgiver X;Team Vest;§ 32;Kontaktperson;20-01-2027;undersøgelse;\r\n"
    export.write_bytes(export.read_bytes() + row.encode("cp1252"))
    fresh = cli("udtræk", as_xlsx(example_workspace, "ny.xlsx").name, *args)
    assert fresh.exit_code == 0 and "U008" not in fresh.output, fresh.output


def test_a_value_in_excels_last_cell_is_an_error_not_an_abort(
    cli: Cli, example_workspace: Path
) -> None:
    """Found by a probe: one value in XFD1048576 made calamine ask for 17 billion cells, and
    the allocator killed the process (exit 134). A formatted empty cell there, as a leader
    may leave it, makes Excel's stated area as large, but is read as before."""
    far = as_text(example_workspace, "langt.xlsx", lambda w: w.write_string(1048575, 16383, "x"))
    code, output = draw(cli, far)
    assert code == 1 and "Traceback" not in output
    assert (
        "langt.xlsx: fejl E022: arket 'Sager' i langt.xlsx har en værdi helt ude i celle "
        "XFD1048576, så det fylder 17.179.869.184 celler" in output
    )
    assert "Tip: tryk Ctrl+End i Excel" in output

    def bold_far_out(book: Any) -> None:
        book["Sager"]["XFD1048576"].font = openpyxl.styles.Font(bold=True)

    formatted = edited(example_workspace, "formateret.xlsx", bold_far_out)
    code, output = draw(cli, formatted)
    assert code == 0, output

"""`tilsyn udtræk` on damaged exports: each gives one Danish error or warning with its line.

Every export here is the example export with one defect. Line 18 holds case
S-2026-00109 (§ 32, in the window, its only row), line 20 case S-2026-00111.
"""

from __future__ import annotations

import codecs
import csv
import io
import random
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import Cli
from ledelsestilsyn.export.values import repair_double_encoding
from ledelsestilsyn.io.yaml import read_document

SERIES = "månedligt-overordnet"
MANIFEST = Path("udtræk") / f"2026-11-{SERIES}" / "udtræk.yaml"
CRLF = b"\r\n"
ALL_ROWS = 474
ALL_CASES = 176  # cases with a § 32/46 decision in the window (population step 4)


def export_lines(folder: Path) -> list[bytes]:
    """Header and rows of the example export (Windows-1252), without line ends."""
    return (folder / "eksport.csv").read_bytes().split(CRLF)[:-1]


def write(folder: Path, lines: list[bytes], name: str = "skadet.csv") -> str:
    (folder / name).write_bytes(CRLF.join(lines) + CRLF)
    return name


def set_field(line: bytes, index: int, value: bytes) -> bytes:
    """The row with field `index` replaced by raw bytes (the other fields quoted as needed)."""
    fields = next(csv.reader([line.decode("cp1252")], delimiter=";"))
    fields[index] = "\x01"
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="").writerow(fields)
    return out.getvalue().encode("cp1252").replace(b"\x01", value)


def draw(cli: Cli, name: str) -> tuple[int, str, dict[str, Any] | None]:
    """Run udtræk drawing every eligible case; the manifest's data if one was written."""
    args = ("udtræk", name, "--tilsyn", SERIES, "--periode", "2026-11", "--antal", "1000")
    result = cli(*args)
    data = read_document(MANIFEST).data if MANIFEST.is_file() else None
    return result.exit_code, result.output, data


def cases_in_window(manifest: dict[str, Any]) -> int:
    return int(manifest["population"][3]["antal"])


def rows_read(manifest: dict[str, Any]) -> int:
    return int(manifest["input"]["rækker"])


def drawn(manifest: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in manifest["sager"]}


def test_field_over_the_csv_limit_is_a_warning_with_its_line(
    cli: Cli, example_workspace: Path
) -> None:
    lines = export_lines(example_workspace)
    lines[17] = set_field(lines[17], 5, b"x" * 140_000)
    code, output, manifest = draw(cli, write(example_workspace, lines))
    assert code == 0, output
    assert "skadet.csv:18: advarsel E005: et felt i rækken er over 128 KiB" in output
    assert manifest is not None and "S-2026-00109" not in drawn(manifest)
    assert cases_in_window(manifest) == ALL_CASES - 1


def test_a_header_or_a_title_over_the_csv_limit_is_no_internal_error(
    cli: Cli, example_workspace: Path
) -> None:
    """Found by probe V: a field over 128 KiB in the header (a column name, or a header with
    commas read with `;`) or in a title line above it ended in an internal error (exit 3).
    Now the header is read past it, and an E003 lists a long name by its beginning."""
    lines = export_lines(example_workspace)
    code, output, manifest = draw(
        cli, write(example_workspace, [lines[0] + b";" + b"y" * 140_000, *lines[1:]])
    )
    assert code == 0 and manifest is not None and drawn(manifest), output
    (example_workspace / MANIFEST).unlink()
    code, output, _ = draw(cli, write(example_workspace, [b"x" * 140_000, *lines]))
    assert code == 1, output
    assert "fejl E003: kolonnen 'Sagsnr.' (sag) findes ikke i eksporten; filen har: " in output
    assert f"'{'x' * 30}…' (140000 tegn)" in output and "x" * 31 not in output
    commas = [line.replace(b";", b",") for line in lines]
    code, output, _ = draw(cli, write(example_workspace, [commas[0] + b"," * 140_000, *commas[1:]]))
    assert code in (0, 1) and "intern fejl" not in output, output


def test_quote_inside_an_unquoted_field_is_read_as_a_character(
    cli: Cli, example_workspace: Path
) -> None:
    lines = export_lines(example_workspace)
    lines[17] = set_field(lines[17], 5, b'Hun sagde "nej')
    lines[19] = set_field(lines[19], 5, b'Han sagde "ja')
    code, output, manifest = draw(cli, write(example_workspace, lines))
    assert code == 0, output
    assert "skadet.csv:18: advarsel E012: et anførselstegn midt i et felt" in output
    assert "skadet.csv:20: advarsel E012" in output
    assert manifest is not None and cases_in_window(manifest) == ALL_CASES
    assert {"S-2026-00109", "S-2026-00111"} <= set(drawn(manifest))
    assert rows_read(manifest) == ALL_ROWS


def test_two_lines_joined_by_a_lost_line_break_are_reported(
    cli: Cli, example_workspace: Path
) -> None:
    lines = export_lines(example_workspace)
    lines[17:19] = [lines[17] + lines[18]]
    code, output, manifest = draw(cli, write(example_workspace, lines))
    assert code == 0, output
    assert "skadet.csv:18: advarsel E005: rækken har 17 felter, men overskriften har 9" in output
    assert "linjeskift" in output
    assert manifest is not None and rows_read(manifest) == ALL_ROWS - 1


def test_row_with_an_extra_column_is_reported(cli: Cli, example_workspace: Path) -> None:
    lines = export_lines(example_workspace)
    lines[17] += b";ekstra"
    lines[19] += b";"  # an empty trailing field is harmless
    code, output, manifest = draw(cli, write(example_workspace, lines))
    assert code == 0, output
    assert "skadet.csv:18: advarsel E005: rækken har 10 felter, men overskriften har 9" in output
    assert "skadet.csv:20" not in output
    assert manifest is not None and "S-2026-00111" in drawn(manifest)


@pytest.mark.parametrize(("index", "value"), [(4, b"\xa7 3\x002"), (0, b"S-2026-\x0000109")])
def test_nul_byte_is_removed_with_a_warning_and_the_case_kept(
    cli: Cli, example_workspace: Path, index: int, value: bytes
) -> None:
    lines = export_lines(example_workspace)
    lines[17] = set_field(lines[17], index, value)
    code, output, manifest = draw(cli, write(example_workspace, lines))
    assert code == 0, output
    assert "skadet.csv:18: advarsel E013: rækken indeholder et NUL-tegn" in output
    assert manifest is not None and "S-2026-00109" in drawn(manifest)
    assert cases_in_window(manifest) == ALL_CASES


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_an_encoding_error(
    cli: Cli, example_workspace: Path, codec: str
) -> None:
    text = (example_workspace / "eksport.csv").read_text(encoding="cp1252")
    (example_workspace / "u16.csv").write_bytes(text.encode(codec))
    code, output, manifest = draw(cli, "u16.csv")
    assert code == 1 and manifest is None
    assert "u16.csv:1: fejl E002: eksporten er gemt som UTF-16" in output
    assert "E003" not in output and "S a g s" not in output


def test_mojibake_in_data_rows_is_warned_about_and_repaired(
    cli: Cli, example_workspace: Path
) -> None:
    lines = export_lines(example_workspace)
    double = "Rasmus Møllgaard".encode().decode("cp1252").encode("cp1252")
    lines[17] = set_field(lines[17], 2, double)
    code, output, manifest = draw(cli, write(example_workspace, lines))
    assert code == 0, output
    assert "skadet.csv:18: advarsel E008: teksten ser ud til at være kodet to gange" in output
    assert manifest is not None
    assert drawn(manifest)["S-2026-00109"]["rådgiver"] == "Rasmus Møllgaard"
    assert "Ã" not in MANIFEST.read_text(encoding="utf-8")


def test_an_export_without_a_header_row_quotes_none_of_its_first_row(
    cli: Cli, example_workspace: Path
) -> None:
    """The first line is a case: its cells (a name, free text) are never listed as columns."""
    lines = export_lines(example_workspace)[1:]
    lines[0] = set_field(lines[0], 5, "Emil Sørensen bor hos mormor".encode("cp1252"))
    code, output, _ = draw(cli, write(example_workspace, lines))
    assert code == 1, output
    assert output.count("E003") == 1, output
    assert "skadet.csv:1: fejl E003: " in output and "overskrift" in output
    for secret in ("Emil", "Signe", "S-2025-00101", "31-08-2025"):
        assert secret not in output, output


def test_a_utf8_export_read_as_windows_1252_names_the_encoding(
    cli: Cli, example_workspace: Path
) -> None:
    """The concept says windows-1252 (as the example's does), the file is UTF-8: the header
    reads 'AfgÃ¸relsesdato'. The error says so, instead of suggesting the garbled name."""
    lines = [line.decode("cp1252").encode("utf-8") for line in export_lines(example_workspace)]
    code, output, _ = draw(cli, write(example_workspace, lines))
    assert code == 1, output
    errors = [line for line in output.splitlines() if "E003" in line]
    assert errors and all("kodet to gange" in e and "tegnsæt" in e for e in errors), output
    assert "mente du" not in output, output


def test_a_utf8_export_with_a_bom_is_read_as_utf8_whatever_the_concept_says(
    cli: Cli, example_workspace: Path
) -> None:
    """Excel's 'CSV UTF-8' begins the file with a BOM; the concept says windows-1252 (as the
    example's does). The BOM says how the file is written, so it is read as UTF-8, instead
    of three E003 suggesting the garbled 'ï»¿Sagsnr.' as the column name."""
    lines = [line.decode("cp1252").encode("utf-8") for line in export_lines(example_workspace)]
    lines[0] = codecs.BOM_UTF8 + lines[0]
    code, output, manifest = draw(cli, write(example_workspace, lines))
    assert code == 0 and manifest is not None, output
    assert "E003" not in output and "ï»¿" not in output, output


def test_a_delimiter_that_splits_nothing_is_one_error_that_says_where_it_was_set(
    cli: Cli, example_workspace: Path
) -> None:
    """The concept says ';' (as the example's does), the export uses ',': one E003 naming
    both and where ';' was set, not one per column quoting the whole header; without a
    delimiter in the concept, ',' is found and the draw runs."""
    rows = csv.reader(
        [line.decode("cp1252") for line in export_lines(example_workspace)], delimiter=";"
    )
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    Path("komma.csv").write_bytes(text.getvalue().encode("cp1252"))
    code, output, _ = draw(cli, "komma.csv")
    assert code == 1 and output.count("E003") == 1, output
    assert (
        "komma.csv:1: fejl E003: skilletegnet er ';' under eksport: skilletegn i koncept.yaml"
        in output
    )
    assert "men eksporten bruger ','" in output and "Sagsbehandler" not in output, output
    given = cli(
        "udtræk", "komma.csv", "--tilsyn", SERIES, "--periode", "2026-11", "--skilletegn", ";"
    )
    assert given.exit_code == 2 and given.output.startswith("--skilletegn: fejl E003: ';' deler"), (
        given.output
    )
    concept = Path("koncept.yaml")
    concept.write_text(concept.read_text(encoding="utf-8").replace('  skilletegn: ";"\n', ""))
    code, output, manifest = draw(cli, "komma.csv")
    assert code == 0 and manifest is not None, output


def test_an_export_converted_twice_more_says_so_and_is_repaired_in_its_rows(
    cli: Cli, example_workspace: Path
) -> None:
    """Saved as UTF-8 and read as Windows-1252 twice over: the header reads
    'AfgÃƒÂ¸relsesdato'. Naming the encoding would not help; the error says the file was
    converted after the export. Such text is repaired all the way back."""
    thrice = [line.decode("cp1252") for line in export_lines(example_workspace)]
    for _ in range(2):
        thrice = [line.encode("utf-8").decode("cp1252") for line in thrice]
    code, output, _ = draw(cli, write(example_workspace, [t.encode("cp1252") for t in thrice]))
    assert code == 1, output
    errors = [line for line in output.splitlines() if "E003" in line]
    assert errors and all("kodet tre gange" in e and "omkodet" in e for e in errors), output
    assert "tegnsæt" not in output and "mente du" not in output, output
    assert repair_double_encoding(thrice[0]) == export_lines(example_workspace)[0].decode("cp1252")


@pytest.mark.parametrize(
    ("head", "what"),
    [
        (b"", "binære data"),
        (b"PK\x03\x04", "Excel-projektmappe"),
        (b"%PDF-1.7\n", "PDF"),
    ],
)
def test_binary_file_gives_one_clear_error(
    cli: Cli, example_workspace: Path, head: bytes, what: str
) -> None:
    noise = random.Random(1).randbytes(5000)
    (example_workspace / "data.csv").write_bytes(head + noise)
    code, output, manifest = draw(cli, "data.csv")
    assert code == 1 and manifest is None
    assert output.count("fejl") == 1, output
    assert "data.csv:1: fejl E002: filen er ikke en CSV-fil" in output and what in output
    assert "E003" not in output and "tab" not in output


def test_total_footer_is_not_counted_as_a_row(cli: Cli, example_workspace: Path) -> None:
    lines = export_lines(example_workspace)
    lines.append(f"I alt: {ALL_ROWS} rækker".encode("cp1252"))
    code, output, manifest = draw(cli, write(example_workspace, lines))
    assert code == 0, output
    assert manifest is not None and rows_read(manifest) == ALL_ROWS
    assert manifest["population"][0]["antal"] == str(ALL_ROWS)


def test_total_footer_that_disagrees_with_the_rows_is_a_warning(
    cli: Cli, example_workspace: Path
) -> None:
    lines = export_lines(example_workspace)
    lines.append(f"I alt;{ALL_ROWS + 2} rækker".encode("cp1252"))
    code, output, _ = draw(cli, write(example_workspace, lines))
    assert code == 0, output
    assert f"skadet.csv:{ALL_ROWS + 2}: advarsel E014: summeringen siger {ALL_ROWS + 2}" in output


@pytest.mark.parametrize("quoted_break", [False, True])
def test_rows_excel_saves_empty_are_no_rows(
    cli: Cli, example_workspace: Path, quoted_break: bool
) -> None:
    """A probe: Excel saves an empty row as `;;;;;;;;`; four of them gave 'summeringen siger
    159 rækker, men eksporten har 163' (E014) and 163 rows in the manifest."""
    lines = export_lines(example_workspace)
    empty = b";" * lines[0].count(b";")
    for at in (1, 50, 51, 300):
        lines.insert(at, empty)
    lines.insert(400, b" ; ;\t;")
    if quoted_break:  # a block with a line break in a quoted field is read line by line
        lines[10] = set_field(lines[10], 2, '"Søren\r\nÆrø"'.encode("cp1252"))
    lines.append(f"I alt: {ALL_ROWS} rækker".encode("cp1252"))
    lines.append(empty)
    code, output, manifest = draw(cli, write(example_workspace, lines))
    assert code == 0, output
    assert "E014" not in output and "felter" not in output, output
    assert manifest is not None and rows_read(manifest) == ALL_ROWS


def test_missing_column_suggests_the_column_that_means_the_same(
    cli: Cli, example_workspace: Path
) -> None:
    lines = export_lines(example_workspace)
    header = "Sagsnummer;CPR-nr.;Sagsbehandler;Team;Paragraf;Afgørelse;Afgørelsesdato;Sagstrin;"
    lines[0] = (header + "Risikoområde").encode("cp1252")
    concept = example_workspace / "koncept.yaml"
    text = concept.read_text(encoding="utf-8").replace('sag: "Sagsnr."', 'sag: "Sagsnummer"')
    concept.write_text(text, encoding="utf-8")
    code, output, _ = draw(cli, write(example_workspace, lines))
    assert code == 1
    assert "skadet.csv:1: fejl E003: kolonnen 'Sagsfase' (fase) findes ikke" in output
    assert "mente du 'Sagstrin'?" in output
    assert "'Sagsnummer'?" not in output


def test_a_column_with_its_words_in_another_order_or_fewer_words_is_suggested(
    cli: Cli, example_workspace: Path
) -> None:
    """An SBSYS-like header: 'Dato for afgørelse' for 'Afgørelsesdato', 'Barnets CPR' for
    'CPR-nr.' got no suggestion; an optional column with no match said only 'ret
    eksport.kolonner', not that its line can go."""
    lines = export_lines(example_workspace)
    header = "Sagsnr.;Barnets CPR;Sagsbehandler;Team;Paragraf;Afgørelse;Dato for afgørelse;"
    lines[0] = (header + "Risikoområde").encode("cp1252")
    code, output, _ = draw(cli, write(example_workspace, lines))
    assert code == 1
    assert "kolonnen 'Afgørelsesdato' (afgørelsesdato) findes ikke" in output
    assert "Tip: mente du 'Dato for afgørelse'?" in output  # not also 'Afgørelse'
    assert "Tip: mente du 'Barnets CPR'?" in output
    assert (
        "kolonnen 'Sagsfase' (fase) findes ikke i eksporten; filen har: 'Sagsnr.', 'Barnets CPR', "
        "'Sagsbehandler', 'Team', 'Paragraf', 'Afgørelse', 'Dato for afgørelse', "
        "'Risikoområde'. Tip: kolonnen er valgfri: har eksporten den ikke, så slet linjen 'fase:' "
        "under eksport.kolonner i koncept.yaml; ellers ret navnet."
    ) in output


def test_a_line_break_inside_a_case_number_or_name_becomes_a_space(
    cli: Cli, example_workspace: Path
) -> None:
    """Excel's Alt+Enter in a cell: 'S-2026⏎00109' and 'Rasmus Møllgaard⏎(vikar)' were taken
    as they stood, so the case number ran over two lines in the letters' list of cases (and
    påmind kept saying the letters did not cover every review), and the name in the sample."""
    lines = export_lines(example_workspace)
    _set_cells(lines, 17, {0: b'"S-2026\r\n00109"', 2: b'"Rasmus M\xf8llgaard\n(vikar)"'})
    code, output, manifest = draw(cli, write(example_workspace, lines))
    assert code == 0, output
    assert manifest is not None
    case = drawn(manifest)["S-2026 00109"]
    assert case["rådgiver"] == "Rasmus Møllgaard (vikar)"
    assert all("\n" not in c["id"] and "\n" not in c["rådgiver"] for c in manifest["sager"])
    assert (MANIFEST.parent / case["filer"][0]).is_file()


def test_a_drawn_case_without_a_caseworker_is_said(cli: Cli, example_workspace: Path) -> None:
    """An empty caseworker cell: the case was drawn without a word ('rådgiveren havde 0 sager'
    in its reason), and no letter would ever name it. The column is named as the export
    heads it ('Sagsbehandler'), not by the concept's key ('rådgiver'), which is not in the
    file the user opens."""
    lines = export_lines(example_workspace)
    _set_cells(lines, 17, {2: b""})
    code, output, manifest = draw(cli, write(example_workspace, lines))
    assert code == 0, output
    assert manifest is not None and "rådgiver" not in drawn(manifest)["S-2026-00109"]
    reason = drawn(manifest)["S-2026-00109"]["begrundelse"]
    assert reason.endswith("; sagen har ingen rådgiver i eksporten"), reason
    assert (
        "skadet.csv:18: advarsel U021: sag S-2026-00109 er trukket uden rådgiver: kolonnen "
        "'Sagsbehandler' er tom i eksporten, så sagen kommer ikke med i et brev fra 'tilsyn "
        "tilbagemelding'."
    ) in " ".join(output.split())
    assert output.count("U021") == 1


def test_a_case_whose_number_looks_like_a_cpr_number_is_said_to_be_left_out(
    cli: Cli, example_workspace: Path
) -> None:
    """A case key like a CPR number (a case system that files some cases under the child's
    CPR number) was left out of the population without a word: only a population step in the
    manifest said so, and a child's case could never be drawn. Now a warning with the line."""
    lines = export_lines(example_workspace)
    _set_cells(lines, 17, {0: b"010203-1234"})
    code, output, manifest = draw(cli, write(example_workspace, lines))
    assert code == 0, output
    assert manifest is not None and "S-2026-00109" not in drawn(manifest)
    text = " ".join(output.split())
    assert (
        "skadet.csv:18: advarsel U022: 1 sag er ikke med blandt de mulige sager, fordi "
        "sagsnummeret (kolonnen 'Sagsnr.') ligner et CPR-nummer: linje 18." in text
    ), text
    assert "1234" not in output and "så sagen kan ikke trækkes" in text, text


def test_a_case_column_of_cpr_numbers_says_so_instead_of_blaming_the_filters(
    cli: Cli, example_workspace: Path
) -> None:
    """'sag' mapped to the CPR column: every case was left out, and U006's tip said 'ret
    paragraffer, faser, vindue, filtre eller karantæne', none of which was wrong. (With `cpr:`
    on the same column the concept is wrong, below.)"""
    concept = example_workspace / "koncept.yaml"
    text = concept.read_text(encoding="utf-8").replace('sag: "Sagsnr."', 'sag: "CPR-nr."')
    concept.write_text(text.replace('    cpr: "CPR-nr."\n', ""), encoding="utf-8")
    code, output, manifest = draw(cli, "eksport.csv")
    assert code == 1 and manifest is None, output
    text = " ".join(output.split())
    assert (
        "advarsel U022: 176 sager er ikke med blandt de mulige sager, fordi sagsnumrene "
        "(kolonnen 'CPR-nr.') ligner CPR-numre: linje "
    ) in text, text
    assert "fejl U006: " in text and "ret paragraffer" not in text, text
    assert "peg 'sag' under eksport.kolonner i koncept.yaml på eksportens sagsnummer" in text
    assert "så sagerne kan ikke trækkes" in text and "sagen kan" not in text, text


@pytest.mark.parametrize(
    ("role", "other"), [("rådgiver", "Sagsnr."), ("sag", "CPR-nr."), ("team", "sagsbehandler")]
)
def test_two_roles_on_one_column_are_an_error_in_the_concept(
    cli: Cli, example_workspace: Path, role: str, other: str
) -> None:
    """Probe BK followed E003's hint and set `rådgiver` to the case column: `tjek` said 0
    errors, and the sample showed each case number as its caseworker."""
    concept = example_workspace / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    changed = re.sub(rf'(?m)^(    {role}: )"[^"]*"', rf'\1"{other}"', text, count=1)
    assert changed != text
    concept.write_text(changed, encoding="utf-8")
    for args in (("tjek",), ("udtræk", "eksport.csv", "--tilsyn", "tematiseret", "--tør")):
        result = cli(*args)
        said = " ".join(result.output.split())
        assert result.exit_code == 1, said
        assert "står på samme kolonne; hver skal have sin egen kolonne i eksporten" in said


def _set_cells(lines: list[bytes], row: int, cells: dict[int, bytes]) -> None:
    """Give line `row` of the export (a row without a quoted ';') new cells by position."""
    fields = lines[row].split(b";")
    for column, value in cells.items():
        fields[column] = value
    lines[row] = b";".join(fields)


def test_a_case_column_of_cpr_numbers_that_lost_their_leading_zero_is_left_out(
    cli: Cli, example_workspace: Path
) -> None:
    """Found by the hostile review (round 9): a case system that files a case under the
    child's CPR number, exported through Excel, which stores the number as a number and drops
    its leading zero ('207117152' for 020711-7152, a child born on the 1st to the 9th). Those
    cases were drawn: the number stood in file names, the manifest and every letter, while the
    ten-digit ones in the same column were left out (U022). Now nine digits that are a CPR
    number with a zero in front count as one, when the column has CPR numbers at all."""
    rows = list(
        csv.reader(
            io.StringIO((example_workspace / "eksport.csv").read_text("cp1252")), delimiter=";"
        )
    )
    case, cpr = rows[0].index("Sagsnr."), rows[0].index("CPR-nr.")
    lost = set()
    for row in rows[1:]:
        row[case] = str(int(row[cpr].replace("-", "")))
        if len(row[case]) == 9:
            lost.add(row[case])
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(rows)
    (example_workspace / "eksport.csv").write_text(out.getvalue(), encoding="cp1252")
    assert lost
    code, output, manifest = draw(cli, "eksport.csv")
    assert manifest is None and code == 1, output
    assert "advarsel U022: 176 sager er ikke med" in " ".join(output.split()), output
    assert not any(number in output for number in lost)
    assert not list(example_workspace.glob("udtræk/*/*.yaml"))


def test_a_name_or_team_typed_with_extra_spaces_is_one_name(
    cli: Cli, example_workspace: Path
) -> None:
    """'Team  Vest' (two spaces, or a hard space from Word) stood in the sample's team table
    as a team of its own beside 'Team Vest', and the reports counted it apart."""
    lines = export_lines(example_workspace)
    _set_cells(lines, 17, {2: b"Rasmus  M\xf8llgaard", 3: b"Team\xa0 Vest"})
    code, output, manifest = draw(cli, write(example_workspace, lines))
    assert code == 0, output
    assert manifest is not None
    case = drawn(manifest)["S-2026-00109"]
    assert (case["rådgiver"], case["team"]) == ("Rasmus Møllgaard", "Team Vest"), case
    assert "Team  Vest" not in output and "Team\xa0 Vest" not in output


def test_a_case_without_a_caseworker_stands_as_unknown_in_the_tables(
    cli: Cli, example_workspace: Path
) -> None:
    """The sample's tables per caseworker and per team had a row with an empty name."""
    lines = export_lines(example_workspace)
    _set_cells(lines, 17, {2: b""})
    code, output, _ = draw(cli, write(example_workspace, lines))
    assert code == 0, output
    rows = [x for x in output.splitlines() if x.startswith("│")]
    assert not [x for x in rows if x.split("│")[1].strip() == ""], output
    assert any(x.split("│")[1].strip() == "(uoplyst)" for x in rows), output

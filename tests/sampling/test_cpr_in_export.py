"""A CPR number in a copied export column never reaches a written file (issue 12 §1, §5).

The `cpr:` column is how the tool knows which column never to copy, so a
`cpr:` name that matches no column is an error; every other copied column is
scanned, and a CPR-like value in it is masked and reported (U020).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.export.columns import find_layout
from ledelsestilsyn.models.concept import ExportSpec

SERIES = "månedligt-overordnet"
FOLDER = Path("udtræk") / f"2026-11-{SERIES}"
COLUMNS = {
    "sag": "Sagsnr.",
    "rådgiver": "Sagsbehandler",
    "paragraf": "Paragraf",
    "afgørelsesdato": "Afgørelsesdato",
    "cpr": "CPR-nummer",
}
HEADER = ["Sagsnr.", "CPR-nr.", "Sagsbehandler", "Paragraf", "Afgørelsesdato"]


def test_a_cpr_column_that_matches_nothing_is_an_error() -> None:
    spec = ExportSpec.model_validate({"kolonner": COLUMNS})
    with pytest.raises(TilsynError) as caught:
        find_layout(HEADER, spec, "eksport.csv", 1, None)
    [problem] = caught.value.diagnostics
    assert problem.code == "E003" and "(cpr)" in problem.message
    assert "CPR-nr." in (problem.hint or "")
    fixed = ExportSpec.model_validate({"kolonner": {**COLUMNS, "cpr": "CPR-nr."}})
    assert find_layout(HEADER, fixed, "eksport.csv", 1, None).extras == ()


def test_an_export_without_a_cpr_column_is_told_to_drop_the_line() -> None:
    """An export without any CPR column (as it should be) only needs the concept's `cpr:` line
    gone; before, the tip only said 'ret eksport.kolonner', which reads as 'find the column'."""
    spec = ExportSpec.model_validate({"kolonner": COLUMNS})
    plain = [h for h in HEADER if h != "CPR-nr."]
    with pytest.raises(TilsynError) as caught:
        find_layout(plain, spec, "eksport.csv", 1, None)
    [problem] = caught.value.diagnostics
    assert problem.code == "E003" and "(cpr)" in problem.message
    assert (problem.hint or "").startswith(
        "har eksporten ingen CPR-kolonne, så slet linjen 'cpr:' under eksport.kolonner"
    )


def test_the_sentence_after_a_suggestion_starts_with_a_capital() -> None:
    spec = ExportSpec.model_validate({"kolonner": {**COLUMNS, "cpr": "CPR-nr.", "sag": "Sagsnr"}})
    with pytest.raises(TilsynError) as caught:
        find_layout(HEADER, spec, "eksport.csv", 1, None)
    [problem] = caught.value.diagnostics
    assert problem.hint == "mente du 'Sagsnr.'? Ret eksport.kolonner i koncept.yaml."


SPELLINGS = ["010203 1234", "010203\u20131234", "010203/1234", "010203.1234", "01 02 03 12 34"]


def _digits(text: str) -> set[str]:
    """Every run of ten digits once separators are dropped: the CPR numbers in any spelling."""
    flat = re.sub(r"[^\dX]", "", text)
    return {flat[i : i + 10] for i in range(len(flat) - 9)}


def test_cpr_in_a_copied_column_is_masked_and_reported(cli: Cli, example_workspace: Path) -> None:
    export = example_workspace / "eksport.csv"
    with export.open(encoding="cp1252", newline="") as handle:
        header, *rows = list(csv.reader(handle, delimiter=";"))
    for number, fields in enumerate(rows):
        spelling = SPELLINGS[number % len(SPELLINGS)]
        fields[2] = f"Emil {spelling}"  # Sagsbehandler
        fields[7] = f"fase {spelling}"  # Sagsfase, copied into the manifest
    with export.open("w", encoding="cp1252", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([header, *rows])
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-11")
    assert result.exit_code == 0, result.output
    assert "U020" in result.output
    said = " ".join(result.output.split())
    # the column as the export heads it, which the user sees in the file, not the concept's key
    assert "kolonnen 'Sagsbehandler' indeholder" in said and "kolonnen 'rådgiver'" not in said
    assert "kolonnen 'Sagsfase' indeholder" in said, said
    secret = {"0102031234"}
    for path in FOLDER.iterdir():
        text = path.read_text(encoding="utf-8")
        assert not _digits(text) & secret, path.name
    assert not _digits(result.output) & secret


LOST = ["102031234", "207117152", "305061111"]  # 010203-1234, 020711-7152, 030506-1111


def test_a_cpr_number_that_lost_its_leading_zero_in_a_copied_column_is_masked(
    cli: Cli, example_workspace: Path
) -> None:
    """An export whose CPR numbers went through Excel loses the leading zero of a child born on
    the 1st to the 9th ('102031234' for 010203-1234). In the case number that was caught (U022),
    but in a copied column (rådgiver, fase, risikoområde) the nine digits stood in the review
    files and the manifest. Now, when the export has a CPR column (`cpr:` in the concept) or the
    column itself has CPR numbers, such nine digits are a CPR number: masked and reported
    (U020), as ten would be."""
    export = example_workspace / "eksport.csv"
    with export.open(encoding="cp1252", newline="") as handle:
        header, *rows = list(csv.reader(handle, delimiter=";"))
    for number, fields in enumerate(rows):
        if number % 2:
            fields[2] = LOST[number % 3]  # Sagsbehandler
        fields[7] = LOST[(number + 1) % 3]  # Sagsfase, copied into the manifest
        fields[8] = LOST[(number + 2) % 3]  # Risikoområde
    with export.open("w", encoding="cp1252", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([header, *rows])
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-11")
    assert result.exit_code == 0, result.output
    assert "U020" in result.output
    for path in FOLDER.iterdir():
        text = path.read_text(encoding="utf-8")
        assert not any(lost in text for lost in LOST), path.name
    assert not any(lost in result.output for lost in LOST)


def test_nine_digits_in_a_copied_column_of_an_export_without_cpr_numbers_are_kept(
    cli: Cli, example_workspace: Path
) -> None:
    """An export with no CPR column, whose copied column has nine-digit codes: they are no CPR
    numbers, and stand in the review files as written."""
    concept = example_workspace / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    concept.write_text(text.replace('    cpr: "CPR-nr."\n', ""), encoding="utf-8")
    export = example_workspace / "eksport.csv"
    with export.open(encoding="cp1252", newline="") as handle:
        header, *rows = list(csv.reader(handle, delimiter=";"))
    at = header.index("CPR-nr.")
    for fields in [header, *rows]:
        del fields[at]
    for fields in rows:
        fields[6] = "102031234"  # Sagsfase
    with export.open("w", encoding="cp1252", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([header, *rows])
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-11")
    assert result.exit_code == 0, result.output
    assert "U020" not in result.output
    assert "102031234" in (FOLDER / "udtræk.yaml").read_text(encoding="utf-8")


def test_a_direction_override_in_an_export_value_is_shown_in_the_review_files(
    cli: Cli, example_workspace: Path
) -> None:
    """A caseworker or phase in the export with a right-to-left override or an isolate stood
    raw in the review files and the manifest, so an editor showed another text than the file
    held (and a number written mirrored after U+202E as a CPR number). Now each is '�' there;
    the rest of the value is kept as the export has it."""
    export = example_workspace / "eksport.csv"
    with export.open(encoding="cp1252", newline="") as handle:
        header, *rows = list(csv.reader(handle, delimiter=";"))
    for fields in rows:
        fields[2] = f"{fields[2]} \u202e4321-302010"  # Sagsbehandler
        fields[7] = f"\u2067{fields[7]}\u2069"  # Sagsfase, copied into the manifest
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows([header, *rows])
    export.write_text(out.getvalue(), encoding="utf-8")
    concept = example_workspace / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    concept.write_text(text.replace('"windows-1252"', '"utf-8"'), encoding="utf-8")
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-11")
    assert result.exit_code == 0, result.output
    texts = [path.read_text(encoding="utf-8") for path in FOLDER.iterdir()]
    for text in [*texts, result.output]:
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", text)
        assert "4321" not in text
    manifest = (FOLDER / "udtræk.yaml").read_text(encoding="utf-8")
    assert " \ufffdXXXX-XXXXXX" in manifest and re.search("fase: \ufffd\\w+\ufffd\n", manifest)


def test_a_name_in_a_copied_column_is_masked_and_reported(
    cli: Cli, example_workspace: Path
) -> None:
    """A probe (6 December 2026): `vold – Emil Abdirahman` in Risikoområde and `opfølgning
    Karimi` in Sagsfase were copied into the manifest as they stood. Now a likely name there
    is `[navn]`, said per case and column (U029, the column named, never the value); the
    concept's own values (`handleplan`, `kort snor`) and the phases stay as they are."""
    export = example_workspace / "eksport.csv"
    with export.open(encoding="cp1252", newline="") as handle:
        header, *rows = list(csv.reader(handle, delimiter=";"))
    for fields in rows:
        fields[7] = f"{fields[7]} Karimi" if fields[7] == "opfølgning" else fields[7]
        fields[8] = "vold – Emil Abdirahman" if fields[8] == "sikkerhedsplan" else fields[8]
    with export.open("w", encoding="cp1252", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([header, *rows])
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-11")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "U029" in said and "kolonnen 'Sagsfase' ser ud til at nævne nogen" in said, said
    manifest = (FOLDER / "udtræk.yaml").read_text(encoding="utf-8")
    assert "opfølgning [navn]" in manifest and "Karimi" not in manifest
    assert "Abdirahman" not in manifest and "Emil" not in manifest
    assert "fase: handleplan" in manifest
    assert "Karimi" not in result.output and "Abdirahman" not in result.output


def test_a_case_number_that_names_someone_is_said(cli: Cli, example_workspace: Path) -> None:
    """A probe (6 December 2026): with case numbers like `Karimi-2025-00144` (the `sag`
    column mapped to the wrong column, or a case system that puts names in them) the name
    stood in file names, the reports and the letters, and nothing said so. The number is
    the case's key and cannot be masked; U030 says which lines, once. A district's or a
    unit's prefix (`Amager-2025-00144`, `Døgnvagt-1`) is no name (a later probe)."""
    export = example_workspace / "eksport.csv"
    with export.open(encoding="cp1252", newline="") as handle:
        header, *rows = list(csv.reader(handle, delimiter=";"))
    for fields in rows:
        fields[0] = fields[0].replace("S-", "Emil Karimi ")
    with export.open("w", encoding="cp1252", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([header, *rows])
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-11")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert said.count("U030") == 1, said
    assert "8 trukne sager har et sagsnummer (kolonnen 'Sagsnr.'), der ser ud til" in said
    assert re.search(r"\(linje \d+, \d+, \d+, \d+, \d+ …\)", said), said


def test_a_category_with_a_capital_is_no_name() -> None:
    """A probe (6 December 2026): the case system's categories (`Angst`, `Skilsmisse`,
    `Seksuelle overgreb`, `Cerebral parese`) were U029 and `[navn]` in the manifest, so the
    category was lost for strata and the levels above. A single word at a value's start that
    is no common first name is the value's first word, not a name; a name after it, two
    capitalised words, or a first name alone still are."""
    from ledelsestilsyn.sampling.copied_names import attribute_masker, name_spans

    masked = attribute_masker(())
    for kept in ("Angst", "Skilsmisse", "Seksuelle overgreb", "Cerebral parese", "Tourette"):
        assert masked(kept) == kept
    assert masked("vold – Emil Abdirahman") == "vold – [navn]"
    assert masked("Zlatan Abdirahman") == "[navn]" and masked("Merete") == "[navn]"
    assert not name_spans("Amager-2025-00144", ()) and not name_spans("Døgnvagt-2025-1", ())
    assert name_spans("Emil Karimi 2025-00101", ())

"""A CSV export whose first line is a title ('Udtræk fra sagssystemet 01-11-2026'), as some
case systems write them above the header.

The title line was read as the header: one E003 per column, each saying the file has the
column 'Udtræk fra sagssystemet …' and telling the user to delete the optional 'team:' and
'cpr:' lines from the concept, for an export that was fine. The Excel reader already passed
over a title row; the CSV reader now does the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_bad_exports import MANIFEST, draw, export_lines, rows_read, set_field, write

from conftest import Cli

TITLE = "Udtræk fra sagssystemet 01-11-2026".encode("cp1252")


@pytest.mark.parametrize(
    "title",
    [TITLE, TITLE + b";;;;;;;;", b'"' + TITLE + b', alle sager"'],
    ids=["alone", "with-empty-fields", "quoted-with-comma"],
)
def test_a_title_line_above_the_header_is_passed_over(
    cli: Cli, example_workspace: Path, title: bytes
) -> None:
    lines = export_lines(example_workspace)
    lines[17] = set_field(lines[17], 6, b"31-02-2026")  # S-2026-00109's date, now line 19
    code, output, manifest = draw(cli, write(example_workspace, [title, *lines]))
    assert code == 0, output
    assert "E003" not in output
    assert "skadet.csv:19: advarsel E005: datoen kan ikke læses" in output, output
    assert manifest is not None and rows_read(manifest) == 474
    assert "sagssystemet" not in MANIFEST.read_text(encoding="utf-8")


def test_a_title_line_and_a_blank_line_above_the_header(cli: Cli, example_workspace: Path) -> None:
    lines = export_lines(example_workspace)
    code, output, manifest = draw(cli, write(example_workspace, [TITLE, b"", *lines]))
    assert code == 0, output
    assert manifest is not None and rows_read(manifest) == 474


def test_a_file_without_the_concepts_columns_is_still_told_what_its_first_line_has(
    cli: Cli, example_workspace: Path
) -> None:
    """No line holds a column of the concept: the error names the first line, as before."""
    lines = [TITLE, b"S-1", b"S-2", b"S-3"]
    code, output, _ = draw(cli, write(example_workspace, lines))
    assert code == 1
    assert (
        "skadet.csv:1: fejl E003: kolonnen 'Sagsnr.' (sag) findes ikke i eksporten; filen har: "
        "'Udtræk fra sagssystemet 01-11-2026'" in output
    ), output


def test_a_header_with_a_wrong_column_is_not_taken_for_a_title(
    cli: Cli, example_workspace: Path
) -> None:
    """A header whose names the concept does not know is still the header (its error is
    at line 1), even though a data line below it has more fields."""
    lines = export_lines(example_workspace)
    lines[0] = lines[0].replace(b"Sagsnr.", b"Sagsnummer")
    code, output, _ = draw(cli, write(example_workspace, lines))
    assert code == 1
    assert "skadet.csv:1: fejl E003: kolonnen 'Sagsnr.' (sag) findes ikke" in output, output


def test_a_title_above_a_header_the_concept_does_not_know_yet_shows_the_header(
    cli: Cli, example_workspace: Path
) -> None:
    """Probe BK: a new municipality, whose concept named none of its export's columns yet, was
    told the file has 'Udtræk fra …', '', '' (the title), not the columns it has; and the
    hint for `Sagsbehandler` was `Sags-ID`, the case number."""
    header = (
        "Sags-ID;Ansvarlig rådgiver;Lovgrundlag;Dato for afgørelse;Sagens fase;"
        "Organisatorisk enhed;CPR-nummer"
    )
    row = "VK-1;Anna Holm;§ 32;2026-10-01;Undersøgelse;Team Nord;010203-1234"
    lines = [TITLE + b";;;;;;", header.encode("cp1252"), row.encode("cp1252")]
    code, output, _ = draw(cli, write(example_workspace, lines))
    said = " ".join(output.split())
    assert code == 1 and "sagssystemet" not in said, said
    assert "skadet.csv:2: fejl E003: kolonnen 'Sagsbehandler' (rådgiver) findes ikke" in said
    assert "filen har: 'Sags-ID', 'Ansvarlig rådgiver', 'Lovgrundlag'" in said
    hints = {
        "Sagsnr.": "Sags-ID",
        "Sagsbehandler": "Ansvarlig rådgiver",
        "Paragraf": "Lovgrundlag",
        "Afgørelsesdato": "Dato for afgørelse",
        "Team": "Organisatorisk enhed",
        "CPR-nr.": "CPR-nummer",
    }
    errors = {e.split("'")[1]: e for e in said.split("fejl E003: kolonnen ")[1:]}
    for wanted, hint in hints.items():
        assert f"Tip: mente du '{hint}'? " in errors[wanted], errors[wanted]
    assert "010203" not in said and "Anna" not in said

"""`-o udvalg.md` is Markdown: the file's ending picks the format when none is asked for.

Before, `rapport -o udvalg.md` wrote HTML into a file named .md, and `årshjul -o
kalender.ics` printed the table and wrote no file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli

SERIES = "månedligt-overordnet"


def _report(cli: Cli, *args: str) -> tuple[int, str]:
    result = cli("rapport", "--periode", "2026-11", "--dato", "2026-11-25", *args)
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("udvalg.md", b"# Ledelsestilsyn 2026-11"),
        ("udvalg.HTM", b"<!DOCTYPE html>"),
        ("tal.csv", b"\xef\xbb\xbfperiode;"),
        ("tal.xlsx", b"PK"),
        ("rapport.txt", b"<!DOCTYPE html>"),
    ],
)
def test_the_file_ending_picks_the_report_format(
    cli: Cli, filled_example: Path, name: str, start: bytes
) -> None:
    code, output = _report(cli, "--modtager", "udvalg", "-o", name)
    assert code == 0, output
    assert (filled_example / name).read_bytes().startswith(start)


def test_a_format_the_file_ending_contradicts_is_a_usage_error(
    cli: Cli, filled_example: Path
) -> None:
    code, output = _report(cli, "--format", "html", "-o", "udvalg.md")
    assert code == 2, output
    assert output == (
        "--format: fejl L011: filen udvalg.md ender på .md, men formatet er html. Tip: udelad "
        "--format, så følger formatet filens endelse, eller kald filen udvalg.html.\n"
    )
    assert not (filled_example / "udvalg.md").exists()


def test_an_asked_format_with_its_own_ending_or_none_is_written(
    cli: Cli, filled_example: Path
) -> None:
    assert _report(cli, "--format", "md", "-o", "udvalg.md")[0] == 0
    assert (filled_example / "udvalg.md").read_text(encoding="utf-8").startswith("# Ledelsestilsyn")
    assert _report(cli, "--format", "md", "-o", "udvalg")[0] == 0
    assert (filled_example / "udvalg").read_text(encoding="utf-8").startswith("# Ledelsestilsyn")
    code, _ = _report(cli)
    assert code == 0
    assert (filled_example / "rapporter" / "2026-11-leder.html").exists()


def test_aarshjul_with_o_writes_the_calendar(cli: Cli, example_workspace: Path) -> None:
    result = cli("årshjul", "2027", "--dato", "2026-12-01", "-o", "kalender.ics")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Skrev kalender.ics: ")
    text = (example_workspace / "kalender.ics").read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR")


def test_aarshjul_table_with_o_is_a_usage_error(cli: Cli, example_workspace: Path) -> None:
    result = cli("årshjul", "2027", "--format", "tabel", "-o", "kalender.ics")
    assert result.exit_code == 2, result.output
    assert "L011" in result.output and "tabellen vises kun i terminalen" in result.output
    assert not (example_workspace / "kalender.ics").exists()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "x.ics",
            "x.ics: fejl L011: filen ender på .ics (en kalenderfil), men kommandoen skriver "
            ".html, .md, .csv, .xlsx eller .pdf. Tip: kald filen x.html.\n",
        ),
        (
            "udvalg.docx",
            "udvalg.docx: fejl L011: filen ender på .docx (et Word-dokument), men kommandoen "
            "skriver .html, .md, .csv, .xlsx eller .pdf. Tip: kald filen udvalg.html; Word kan "
            "åbne den.\n",
        ),
    ],
)
def test_a_report_is_not_written_under_another_kind_of_files_ending(
    cli: Cli, filled_example: Path, name: str, expected: str
) -> None:
    """Before, `rapport -o x.ics` wrote HTML into x.ics, which a calendar then failed to read."""
    code, output = _report(cli, "--modtager", "udvalg", "-o", name)
    assert (code, output) == (2, expected)
    assert not (filled_example / name).exists()


def test_aarshjul_does_not_write_its_calendar_as_a_web_page(
    cli: Cli, example_workspace: Path
) -> None:
    """Before, `årshjul -o x.html` wrote an ICS calendar into x.html."""
    result = cli("årshjul", "2027", "--dato", "2026-12-01", "-o", "kalender.html")
    assert result.exit_code == 2, result.output
    assert result.output == (
        "kalender.html: fejl L011: filen ender på .html (en webside), men kommandoen skriver "
        ".ics. Tip: kald filen kalender.ics.\n"
    )
    assert not (example_workspace / "kalender.html").exists()

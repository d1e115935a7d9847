"""`tilsyn rapport` through the CLI on a fixed workspace: content, audiences, formats, bad calls."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from report_data import WORKERS

from conftest import TESTS, Cli

GOLDEN = TESTS / "golden"
DATE = ("--dato", "2026-11-25")


def _report(cli, *args: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    result = cli("rapport", *DATE, "-o", "-", *args)
    assert result.exit_code == 0, result.output + (result.stderr or "")
    return result.stdout, result.stderr


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("rapport-leder.md", ("--periode", "2026-11", "--format", "md")),
        ("rapport-udvalg.md", ("--periode", "2026-11", "--format", "md", "--modtager", "udvalg")),
        ("rapport-leder.html", ("--periode", "2026-11", "--format", "html")),
    ],
)
def test_golden(cli, rapport_ws: Path, name: str, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    text, _ = _report(cli, *args)
    golden = GOLDEN / name
    if os.environ.get("TILSYN_OPDATER_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"{name} har ændret sig"


def test_shares_never_count_ikke_relevant(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    text, _ = _report(cli, "--periode", "2026-11", "--format", "md")
    # underretning-6: 7 ja, 3 nej, 2 ikke relevant -> 7 / 10, not 7 / 12.
    row = next(line for line in text.splitlines() if line.startswith("| **underretning-6**"))
    cells = [c.strip() for c in row.split("|")]
    ja, nej, irr, total, andel = (
        int(cells[2]),
        int(cells[3]),
        int(cells[4]),
        int(cells[5]),
        cells[6],
    )
    assert total == ja + nej + irr and irr > 0
    assert andel.startswith(f"{100 * ja / (ja + nej):.1f}".replace(".", ","))


def test_comparison_trend_and_calibration(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    text, _ = _report(cli, "--periode", "2026-11", "--format", "md")
    assert "sammenlignet med 2026-10 og baseline 2026-09" in text
    assert "2026-09: 54,7 %; 2026-10: 67,8 %; 2026-11: 79,1 %" in text
    assert "▲ +11,3 pp" in text
    assert "| 32 | 50,0 % | 0,25 | 0,36 |" in text  # two calibration cases, 16 questions each
    assert "Pejlemærker" in text and "Hvor er vi svagest" in text


def test_unfinished_and_invalid_are_listed_not_counted(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    text, err = _report(cli, "--periode", "2026-11", "--format", "md")
    assert "S-2026-11-090.yaml: ikke medregnet: delvist udfyldt (11 af 14" in err
    assert "S-2026-11-091.yaml: ikke medregnet: ugyldig" in err
    assert "2 gennemgange er ikke færdige" in text
    assert "| månedligt-overordnet | 15 | 12 | 12 |" in text


def test_an_invalid_review_counts_its_errors_not_its_warnings(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    path = rapport_ws / "udtræk" / "2026-11-månedligt-overordnet" / "S-2026-11-091.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'svar: "ja"', 'svar: "Ja"', text, count=2)  # two G017 warnings
    path.write_text(text, encoding="utf-8")
    _, err = _report(cli, "--periode", "2026-11", "--format", "md")
    assert "S-2026-11-091.yaml: ikke medregnet: ugyldig (1 fejl;" in err


def test_comments_are_escaped_and_cpr_masked(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    html, _ = _report(cli, "--periode", "2026-11")
    md, _ = _report(cli, "--periode", "2026-11", "--format", "md")
    for text in (html, md):
        assert "010203-1234" not in text and "0102031234" not in text
        assert "XXXXXX-XXXX" in text
        assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html.lower()


def test_markdown_links_and_images_in_a_comment_stay_text() -> None:
    """A comment cannot make the Markdown report load an image (a web beacon) or a link."""
    from ledelsestilsyn.report.render import md_cell

    text = md_cell("Se [klik](javascript:alert(1)) og ![x](https://evil.example/t.png)")
    assert "[klik](" not in text and "![x](" not in text
    assert text == r"Se [klik\](javascript:alert(1)) og ![x\](https://evil.example/t.png)"
    assert md_cell("Talt med [navn].") == "Talt med [navn]."


def test_a_path_in_markdown_is_shown_as_written_and_markup_stays_escaped() -> None:
    """A probe: the letters' text part (their Markdown) showed `S:\\\\Børn\\\\Notater`; a
    backslash is escaped only where a viewer would read it as an escape or a line break."""
    from ledelsestilsyn.report.render import md_cell

    assert md_cell(r"se S:\Børn\Notater\samtale.docx") == r"se S:\Børn\Notater\samtale.docx"
    assert md_cell(r"010203\*1234*") == r"010203\\\*1234\*"  # no emphasis, no escape
    assert md_cell("mappen S:\\") == r"mappen S:\\"  # no line break
    assert md_cell(r"C:\_tmp \| x") == r"C:\\\_tmp \\\| x"


def _count_cells(text: str) -> list[int]:
    """Every table cell that is a plain count (not a share, interval or label)."""
    counts = []
    for line in text.splitlines():
        if line.startswith("|"):
            counts += [
                int(c.strip().replace(".", ""))
                for c in line.split("|")
                if re.fullmatch(r"\s*\d[\d.]*\s*", c)
            ]
    return counts


def test_committee_version_shows_only_aggregates(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    for fmt in ("md", "html", "csv"):
        text, _ = _report(cli, "--periode", "2026-11", "--format", fmt, "--modtager", "udvalg")
        assert "S-2026" not in text, fmt
        for name in (*WORKERS, "Gert Dahl", "Leder Lund", "Leder Juul"):
            assert name not in text, (fmt, name)
        assert "Partshøring mangler" not in text and "XXXXXX" not in text
    md, _ = _report(cli, "--periode", "2026-11", "--format", "md", "--modtager", "udvalg")
    assert "< 5" in md
    assert all(n == 0 or n >= 5 for n in _count_cells(md))
    html, _ = _report(cli, "--periode", "2026-11", "--modtager", "udvalg")
    numbers = re.findall(r'<td class="tal">(\d+)</td>', html)
    assert all(int(n) == 0 or int(n) >= 5 for n in numbers)
    csv_text, _ = _report(cli, "--periode", "2026-11", "--format", "csv", "--modtager", "udvalg")
    assert all(
        int(r.split(";")[-1]) in (0,) or int(r.split(";")[-1]) >= 5
        for r in csv_text.splitlines()[1:]
        if not r.endswith("< 5")
    )


def test_caseworkers_only_on_request(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    text, _ = _report(cli, "--periode", "2026-11", "--format", "md")
    assert "Pr. rådgiver" not in text
    text, _ = _report(cli, "--periode", "2026-11", "--format", "md", "--rådgivere")
    assert "Pr. rådgiver" in text and "| Anna Holm |" in text


def test_period_filter_and_default_period(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    october, err = _report(cli, "--periode", "2026-10", "--format", "md")
    assert "(2026-10)" in october and "sammenlignet med 2026-09" in october
    assert "| månedligt-overordnet | 13 | 12 | 12 |" in october and "tematiseret" not in october
    assert err == ""
    quarter, _ = _report(cli, "--periode", "2026-Q4", "--format", "md")
    assert "(2026-K4)" in quarter and "| månedligt-overordnet | 28 | 24 | 24 |" in quarter
    latest, _ = _report(cli, "--format", "md")
    assert "(2026-11)" in latest
    only, _ = _report(cli, "--periode", "2026-11", "--tilsyn", "tematiseret", "--format", "md")
    assert "Overordnet ledelsestilsyn" not in only and "Tematiseret ledelsestilsyn" in only


def test_csv_is_tidy(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    text, _ = _report(cli, "--periode", "2026-11", "--format", "csv")
    lines = text.lstrip("\ufeff").splitlines()
    assert lines[0] == "periode;tilsyn;skabelon;sagsskridt;spørgsmål;svar;antal"
    assert (
        "2026-11;månedligt-overordnet;overordnet@2024.1;underretning;underretning-6;ikke relevant;2"
        in lines
    )
    assert len(lines) == 1 + 14 * 3 + 16 * 4


def test_writes_file_and_prints_path(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("rapport", *DATE, "--periode", "2026-11")
    assert result.exit_code == 0, result.output
    target = rapport_ws / "rapporter" / "2026-11-leder.html"
    assert "rapporter/2026-11-leder.html" in result.stdout
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    again = cli("rapport", *DATE, "--periode", "2026-11", "-o", "ud.md", "--format", "md")
    assert again.exit_code == 0 and (rapport_ws / "ud.md").is_file()


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("--format", "docx"), 2, "'docx' er ikke en af 'html', 'md', 'csv', 'xlsx', 'pdf'"),
        (("--modtager", "byråd"), 2, "'byråd' er ikke en af 'leder', 'udvalg'"),
        (("--modtager", "udvalg", "--rådgivere"), 2, "--rådgivere: fejl L003"),
        (("--tilsyn", "tematiserret"), 2, "mente du 'tematiseret'"),
        (("--tilsyn", "tema"), 2, "mente du 'tematiseret'? Kendte tilsyn: "),
        (("--tilsyn", "Tematiseret"), 2, "mente du 'tematiseret'?"),
        (("--tilsyn", "xyz"), 2, "kendte tilsyn: månedligt-overordnet, tematiseret."),
        (("--tilsyn", "x" * 5000), 2, "tilsynet (en tekst på 5000 tegn) findes ikke"),
        # a name typed where a series belongs: only its length, as the README promises
        (("--tilsyn", "Emil_Barnesen"), 2, "tilsynet (en tekst på 13 tegn) findes ikke"),
        (("--periode", "2026-13"), 2, "P001"),
        (("--periode", "2025"), 1, "L007"),
        (("--dato", "i går"), 2, "P002"),
        (("-o", "udtræk/x.yaml"), 2, "L008"),
        (("-o", "findes/ikke.html"), 2, "W003"),
    ],
)
def test_bad_calls(cli, rapport_ws: Path, args: tuple[str, ...], code: int, words: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("rapport", *DATE, *args)
    assert result.exit_code == code, result.output
    assert words in result.stderr


def test_no_reviews_at_all(cli, workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(workspace)
    result = cli("rapport", *DATE)
    assert result.exit_code == 1
    assert "L006" in result.stderr and "tilsyn valider" in result.stderr


@pytest.mark.parametrize("recipient", ["udvalg", "afdeling"])
def test_the_excluded_counts_read_as_in_the_rest_of_the_markdown(
    cli: Cli, rapport_ws: Path, recipient: str
) -> None:
    args = ("--periode", "2026-11", "--dato", "2026-11-25", "--modtager", recipient)
    result = cli("rapport", *args, "--format", "md", "-o", "-")
    assert result.exit_code == 0, result.output
    excluded = result.stdout.split("## Ikke medregnet")[1]
    assert "| ugyldig | < 5 |" in excluded and "&lt;" not in excluded


def test_a_report_named_in_rapporter_is_written_before_the_first_report(
    cli: Cli, filled_example: Path
) -> None:
    """Found by probe W: `-o rapporter/…` was W003 'mappen findes ikke' until a report had
    been made without -o; the folder is the tool's own, so it is made as then."""
    assert not (filled_example / "rapporter").exists()
    result = cli("rapport", "--periode", "2026-11", "--format", "md", "-o", "rapporter/nov.md")
    assert result.exit_code == 0, result.output
    assert (filled_example / "rapporter" / "nov.md").is_file()
    other = cli("rapport", "--periode", "2026-11", "--format", "md", "-o", "andet/nov.md")
    assert other.exit_code == 2 and "W003" in other.output  # any other folder: as before

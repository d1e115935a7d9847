"""Text from files is printed as written: rich never reads it as markup or emoji."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from conftest import Cli

HOSTILE = ("[/]", "Jens [vikar]", "[link=https://evil.example/]x[/link]", "Ole :smile:")


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wide console, so no name is wrapped inside a table cell."""
    monkeypatch.setenv("COLUMNS", "300")


def _printed_as_written(output: str, *names: str) -> None:
    assert "\x1b]8;" not in output  # no terminal hyperlink
    for name in names:
        assert name in output, f"{name!r} mangler i:\n{output}"


def test_caseworker_and_team_names_from_the_export(cli: Cli, example_workspace: Path) -> None:
    export = example_workspace / "eksport.csv"
    lines = export.read_text(encoding="cp1252").splitlines()
    rows = [lines[0]]
    for n, line in enumerate(lines[1:]):
        cells = line.split(";")
        if len(cells) > 3:
            cells[2] = HOSTILE[n % len(HOSTILE)]
        rows.append(";".join(cells))
    export.write_text("\n".join(rows) + "\n", encoding="cp1252")
    result = cli(
        "udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-11"
    )
    assert result.exit_code == 0, result.output
    _printed_as_written(result.output, *HOSTILE)
    folder = example_workspace / "udtræk" / "2026-11-månedligt-overordnet"
    assert len(list(folder.glob("*.yaml"))) == 9  # 8 reviews and the manifest


def test_local_template_title_in_skabelon(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    (workspace / "skabeloner" / "lokal.yaml").write_text(
        'id: lokal\ntitel: "[/] Lokal [vikar]"\nversion: "1"\ntype: overordnet\n'
        "skala:\n  - svar: ja\n  - svar: nej\n"
        'sagsskridt:\n  - id: a\n    titel: "[bold]A[/bold] :smile:"\n    spørgsmål:\n'
        '      - {id: a-1, tekst: "[link=https://evil.example/]x[/link]", hjemmel: "[/]"}\n',
        encoding="utf-8",
    )
    listed, shown = cli("skabelon"), cli("skabelon", "lokal")
    for result in (listed, shown):
        assert result.exit_code == 0, result.output
    _printed_as_written(listed.output, "[/] Lokal [vikar]")
    _printed_as_written(
        shown.output,
        "[/] Lokal [vikar]",
        "[bold]A[/bold] :smile:",
        "[link=https://evil.example/]x[/link]",
        "hjemmel: [/]",
    )


def test_series_title_in_aarshjul(cli: Cli, example_workspace: Path) -> None:
    concept = example_workspace / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    concept.write_text(
        text.replace('titel: "Tematiseret ledelsestilsyn"', 'titel: "[/] Tema [vikar] :smile:"'),
        encoding="utf-8",
    )
    result = cli("årshjul", "2027", "--dato", "2026-11-30")
    assert result.exit_code == 0, result.output
    _printed_as_written(result.output, "[/] Tema [vikar] :smile:")
    assert not re.search(r"\x1b\[", result.output)


# Control characters from a file: a hidden hyperlink (OSC 8), a cleared screen, the
# 8-bit CSI, a bell, a carriage return that overwrites a line, a right-to-left override.
CONTROLS = (
    "Jens\x1b]8;;https://evil.example/\x07Klik\x1b]8;;\x07",
    "Ole\x1b[2J\x1b[H",
    "Ib\x9b31mRød",
    "Bo\x07\x08\x08XX",
    "Ane\u202eesrever",
)
UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_control_characters_from_the_export_never_reach_the_terminal(
    cli: Cli, example_workspace: Path
) -> None:
    export = example_workspace / "eksport.csv"
    with export.open(encoding="cp1252", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    for n, row in enumerate(rows[1:]):
        if len(row) > 3:
            row[2] = CONTROLS[n % len(CONTROLS)]
    with export.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    concept = example_workspace / "koncept.yaml"
    text = concept.read_text(encoding="utf-8").replace(
        'tegnsæt: "windows-1252"', 'tegnsæt: "utf-8"'
    )
    concept.write_text(text, encoding="utf-8")
    result = cli(
        "udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-11"
    )
    assert result.exit_code == 0, result.output
    assert not UNPRINTABLE.search(result.output), repr(result.output)
    assert "Jens" in result.output and "evil.example" in result.output  # shown, not obeyed


def test_control_characters_in_the_concept_never_reach_the_terminal(
    cli: Cli, example_workspace: Path
) -> None:
    concept = example_workspace / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    name = '"x\\e]8;;https://evil.example/\\aKlik\\e]8;;\\a\\e[2J\\r\\x9b2J"'
    concept.write_text(text.replace("\n  tematiseret:\n", f"\n  {name}:\n", 1), encoding="utf-8")
    result = cli("tjek")
    assert result.exit_code == 1, result.output
    assert "K016" in result.output
    assert not UNPRINTABLE.search(result.output), repr(result.output)


@pytest.mark.parametrize("brk", ["\x0b", "\x85", "\x0c"])
def test_a_cpr_number_around_a_control_character_is_masked_on_the_terminal(
    capsys: pytest.CaptureFixture[str], brk: str
) -> None:
    """A control character from a file is shown as '�', but it was replaced before the gate
    looked: Word's manual line break (vertical tab) in '010203\\v1234' was no join to the gate
    then, and the terminal showed '010203�1234'."""
    from ledelsestilsyn.cli.console import console, echo

    text = f"Emil 010203{brk}1234"
    echo(text)
    echo(text, err=True)
    console().print(text)
    printed = capsys.readouterr()
    assert "1234" not in printed.out + printed.err
    assert printed.out.count("XXXXXX\ufffdXXXX") == 2 and "XXXXXX\ufffdXXXX" in printed.err

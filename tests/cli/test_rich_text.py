"""Text from files is printed as written: rich never reads it as markup or emoji."""

from __future__ import annotations

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

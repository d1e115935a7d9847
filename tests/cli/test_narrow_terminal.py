"""A narrow terminal: rich wraps a table cell or a tree line at its spaces, but never between
§ (or stk., nr.) and its number, and what it prints is still an ordinary space."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import Cli

SPLIT = re.compile(r"(§|stk\.|nr\.) *(│|\n)")
"""A line, or a table cell's line, that ends right after § (stk., nr.): its number is below."""


COMMANDS = {
    "årshjul": (("årshjul", "2026"), ("(§ 32)", "(§ 46)")),
    "skabelon": (("skabelon", "overordnet"), ("§ 19", "§ 20", "stk. 1")),
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("width", [50, 60, 80, 100])
def test_a_paragraph_keeps_its_number(
    cli: Cli, example_workspace: Path, monkeypatch: pytest.MonkeyPatch, command: str, width: int
) -> None:
    args, shown = COMMANDS[command]
    monkeypatch.setenv("COLUMNS", str(width))
    result = cli(*args)
    assert result.exit_code == 0, result.output
    assert max(map(len, result.stdout.splitlines())) <= width
    assert not SPLIT.search(result.stdout), result.stdout
    assert all(text in result.stdout for text in shown)  # printed with an ordinary space
    assert "\ufdd0" not in result.stdout and "\u00a0" not in result.stdout


def test_the_joining_character_from_a_file_is_shown_as_unprintable() -> None:
    """Text from a file with the noncharacter that joins § to its number gets no space."""
    from ledelsestilsyn.cli.console import printable

    assert printable("§\ufdd032") == "§\ufffd32"


@pytest.mark.parametrize("width", [50, 60, 80, 110, 120])
def test_a_cpr_number_in_a_changed_question_is_masked_before_it_is_wrapped(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """`skabelon forskel` shows a changed text in a cell that rich wraps at its spaces: a number
    written `010203 1234` stood as '010203' on one line and '1234' on the next, where the gate
    no longer saw one number (the cells are rich Text, which skipped the gate before layout)."""
    monkeypatch.chdir(workspace)
    monkeypatch.setenv("COLUMNS", str(width))
    head = 'id: lokal\ntitel: "Lokal"\nversion: "{v}"\ntype: overordnet\nskala:\n  - svar: ja\n'
    question = "Fremgår det af sagen om Emil {n}, at underretningen er journaliseret med dato?"
    body = "sagsskridt:\n  - id: a\n    titel: A\n    spørgsmål:\n"
    body += "      - {{id: a-1, tekst: '{q}', hjemmel: x}}\n"
    for version, number in (("1", "ingen"), ("2", "010203 1234")):
        (workspace / "skabeloner" / f"lokal-{version}.yaml").write_text(
            head.format(v=version) + body.format(q=question.format(n=number)), encoding="utf-8"
        )
    result = cli("skabelon", "forskel", "lokal@1", "lokal@2")
    assert result.exit_code == 0, result.output
    assert "XXXX" in result.stdout and "1234" not in result.stdout, result.stdout

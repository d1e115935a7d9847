"""A value whose closing quote is missing is said where it is, in every hand-edited file.

libyaml reads `ansvarlig: "Karen Holm` on into the next lines and gives up there, speaking of
indentation; review files were told about the quote, but tiltag.yaml and koncept.yaml got
"indrykningen passer ikke" on the next line, with the wrong cure (a probe of the cycle)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli

TILTAG = """tiltag:
  - id: "t1"
    titel: "Partshøring
    besluttet: "2026-10-01"
    status: "i gang"
"""


def test_an_unclosed_quote_in_tiltag_yaml_is_said_on_its_line(
    cli: Cli, example_workspace: Path
) -> None:
    (example_workspace / "tiltag.yaml").write_text(TILTAG, encoding="utf-8")
    result = cli("tiltag", "--dato", "2026-11-30")
    assert result.exit_code == 1, result.output
    assert result.output.startswith(
        "tiltag.yaml:3:12: fejl Y003: et anførselstegn ser ud til ikke at være lukket "
        '(YAML-fejlen viser sig først på linje 4). Tip: sæt " i slutningen af værdien.\n'
    ), result.output


@pytest.mark.parametrize("command", [("tjek",), ("valider",)])
def test_an_unclosed_quote_in_the_concept_is_said_on_its_line(
    cli: Cli, example_workspace: Path, command: tuple[str, ...]
) -> None:
    concept = example_workspace / "koncept.yaml"
    lines = concept.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith('    titel: "'))
    lines[number] = lines[number].rstrip().rstrip('"') + "\n"
    concept.write_text("".join(lines), encoding="utf-8")
    result = cli(*command)
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert f"koncept.yaml:{number + 1}:" in said and "ikke at være lukket" in said, said

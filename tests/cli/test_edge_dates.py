"""A day at the edge of the calendar (9999-12-31, 0001-01-01), typed by a slip of the keyboard.

Every command counted months and years from it (the month after, the year before, an
evaluation six months later) and left the calendar Python knows: an internal error (exit 3),
in `påmind` from cron too. A day or a period outside the years 1900–2999 is now an error at
the flag (exit 2) or in the file (with its line), and nothing else breaks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli

EDGES = ["9999-12-31", "0001-01-01"]


@pytest.mark.parametrize("day", EDGES)
@pytest.mark.parametrize(
    "command",
    [
        ["påmind"],
        ["årshjul"],
        ["tiltag"],
        ["tiltag", "ny", "--spørgsmål", "underretning-2", "--skabelon", "overordnet"],
        ["tilbagemelding", "--periode", "2026-11"],
        ["rapport", "--periode", "2026-11"],
    ],
)
def test_a_day_outside_the_years_is_refused_at_the_flag(
    cli: Cli, example_workspace: Path, command: list[str], day: str
) -> None:
    result = cli(*command, "--dato", day)
    output = result.output + (result.stderr or "")
    assert result.exit_code == 2, output
    assert "--dato: fejl P002: datoen ligger uden for årene 1900–2999." in output, output
    assert not (example_workspace / "tiltag.yaml").exists()


@pytest.mark.parametrize(
    "period", ["0001", "0001-01", "9999", "9999-12", "9999-K4", "0001-01-01..0001-01-31"]
)
@pytest.mark.parametrize("command", ["tilbagemelding", "rapport"])
def test_a_period_outside_the_years_is_refused(
    cli: Cli, example_workspace: Path, command: str, period: str
) -> None:
    result = cli(command, "--periode", period, "--dato", "2026-11-30")
    output = result.output + (result.stderr or "")
    assert result.exit_code == 2, output
    assert "fejl P001: perioden ligger uden for årene 1900–2999." in output, output


TILTAG = """tiltag:
  - id: "t1"
    titel: "Partshøring"
    besluttet: "{decided}"
    status: "i gang"
    skabelon: "overordnet"
    frist: "{deadline}"
    mål:
      spørgsmål: [anbringelse-7]
"""


@pytest.mark.parametrize(
    ("decided", "deadline", "line"),
    [("9999-12-01", "", 4), ("2026-10-01", "9999-12-31", 7), ("0001-01-01", "", 4)],
)
def test_a_tiltag_day_outside_the_years_is_an_error_in_the_file(
    cli: Cli, example_workspace: Path, decided: str, deadline: str, line: int
) -> None:
    (example_workspace / "tiltag.yaml").write_text(
        TILTAG.format(decided=decided, deadline=deadline), encoding="utf-8"
    )
    listed = cli("tiltag", "--dato", "2026-11-30")
    assert listed.exit_code == 1, listed.output
    assert f"tiltag.yaml:{line}:" in listed.stderr and "uden for årene 1900–2999" in listed.stderr
    reminded = cli("påmind", "--altid", "--dato", "2026-11-30")
    assert reminded.exit_code == 0, reminded.output  # a warning, so cron keeps running
    assert "uden for årene 1900–2999" in reminded.stderr
    for command in (["tjek"], ["tilbagemelding", "--periode", "2026-11"]):
        result = cli(*command, "--dato", "2026-11-30") if command[0] != "tjek" else cli("tjek")
        assert result.exit_code in (0, 1), result.output + (result.stderr or "")

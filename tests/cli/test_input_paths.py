"""A path the user names for tilsyn to read, pointing at something that is not a file.

`Path.is_file()` is false for a named pipe, a socket and a folder alike, so `--koncept rør`
was "konceptfilen findes ikke", `udtræk rør` hung on the pipe, and `rapport rør` left it out
without a word. Every command now says what is there, with a hint, as a wrong call (exit 2),
and never waits on a pipe (`io.named.check_named`, `io.files.open_regular`).
"""

from __future__ import annotations

import os
import signal
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import Cli

DRAW = ("--tilsyn", "månedligt-overordnet", "--periode", "2026-11", "--tør")
# Each command with `P` where the odd path goes.
CALLS = (
    ("udtræk", "P", *DRAW),
    ("udtræk", "eksport.csv", "--koncept", "P", *DRAW),
    ("valider", "P"),
    ("rapport", "P"),
    ("migrer", "P", "--til", "overordnet@2025.1"),
    ("udfyld", "P"),
    ("tjek", "--koncept", "P"),
    ("påmind", "--koncept", "P"),
    ("cron", "--koncept", "P"),
    ("tiltag", "--koncept", "P"),
    ("årshjul", "--koncept", "P"),
    ("tilbagemelding", "--periode", "2026-11", "--koncept", "P"),
)
TAKES_A_FOLDER = {"valider", "rapport", "migrer", "udfyld"}


class Hung(BaseException):
    """Not an `Exception`: nothing in tilsyn catches it."""


@pytest.fixture
def deadline() -> Iterator[None]:
    def stop(signum: int, frame: object) -> None:
        raise Hung("tilsyn ventede på et navngivet rør")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def _make(kind: str, name: str) -> Iterator[None]:
    if kind == "rør":
        os.mkfifo(name)
        yield
        return
    with socket.socket(socket.AF_UNIX) as sock:  # a relative name: short enough to bind
        sock.bind(name)
        yield


@pytest.mark.parametrize("kind", ["rør", "sokkel"])
@pytest.mark.parametrize("call", CALLS, ids=lambda c: " ".join(c[:3]))
def test_a_pipe_or_a_socket_named_is_said_as_such(
    cli: Cli, example_workspace: Path, deadline: None, call: tuple[str, ...], kind: str
) -> None:
    for _ in _make(kind, "odd"):
        result = cli(*(a if a != "P" else "odd" for a in call))
        output = result.output + (result.stderr or "")
        assert result.exit_code == 2, output
        assert "findes ikke" not in output, output
        folder_too = call[0] in TAKES_A_FOLDER and call[1] == "P"
        said = (
            "hverken en almindelig fil eller en mappe" if folder_too else "ikke en almindelig fil"
        )
        assert "odd: fejl " in output and f": er {said}" in output, output
        assert "men fx et navngivet rør, en sokkel eller en enhed" in output, output
        assert "Tip: brug en almindelig fil i stedet" in output, output


def test_a_folder_named_as_the_export_is_said_as_such(cli: Cli, example_workspace: Path) -> None:
    (example_workspace / "eksporter").mkdir()
    result = cli("udtræk", "eksporter", *DRAW)
    assert result.exit_code == 2, result.output
    assert "eksporter: fejl E001: er en mappe, ikke en eksportfil." in result.output
    assert "Tip: angiv en eksportfil i mappen, ikke mappen selv." in result.output


def test_a_pipe_named_koncept_yaml_is_not_passed_for_the_one_above(
    cli: Cli, example_workspace: Path, deadline: None
) -> None:
    inner = example_workspace / "under"
    inner.mkdir()
    os.mkfifo(inner / "koncept.yaml")
    os.chdir(inner)
    result = cli("tjek")
    assert result.exit_code == 2, result.output
    assert "koncept.yaml: fejl K001: er ikke en almindelig fil" in result.output


@pytest.mark.parametrize("kind", ["mappe", "rør"])
def test_tiltag_yaml_that_is_not_a_file_is_said_not_taken_for_no_tiltag(
    cli: Cli, example_workspace: Path, deadline: None, kind: str
) -> None:
    path = example_workspace / "tiltag.yaml"
    path.mkdir() if kind == "mappe" else os.mkfifo(path)
    said = "er en mappe, ikke en fil." if kind == "mappe" else "er ikke en almindelig fil"
    result = cli("tiltag")
    assert result.exit_code == 2, result.output
    assert f"tiltag.yaml: fejl Y001: {said}" in result.output
    assert "Ingen tiltag endnu" not in result.output
    reminder = cli("påmind", "--dato", "2026-11-25", "--altid")  # cron: a warning, and on
    assert reminder.exit_code == 0, reminder.output
    assert f"tiltag.yaml: advarsel Y001: {said}" in reminder.output + (reminder.stderr or "")


@pytest.mark.parametrize("target", ["koncept.yaml", "findes-ikke.yaml"])
def test_a_broken_link_named_koncept_yaml_is_said_not_passed_for_no_workspace(
    cli: Cli, example_workspace: Path, target: str
) -> None:
    """A link to itself (or to nothing) is not 'no koncept.yaml here': `Path.exists()` is
    false for it, so before, tjek said K001 'fandt ingen koncept.yaml' and looked above."""
    inner = example_workspace / "under"
    inner.mkdir()
    (inner / "koncept.yaml").symlink_to(target)
    os.chdir(inner)
    result = cli("tjek")
    assert result.exit_code in (1, 2), result.output
    assert "under/koncept.yaml: fejl K001" in result.output
    assert "fandt ingen" not in result.output


def test_tiltag_yaml_linking_to_itself_is_said_not_taken_for_no_tiltag(
    cli: Cli, example_workspace: Path
) -> None:
    (example_workspace / "tiltag.yaml").symlink_to("tiltag.yaml")
    result = cli("tiltag")
    assert result.exit_code in (1, 2), result.output
    assert "tiltag.yaml: fejl Y001" in result.output
    assert "Ingen tiltag endnu" not in result.output

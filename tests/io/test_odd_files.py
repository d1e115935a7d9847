"""Something other than a file where tilsyn reads one: a named pipe, or a link to a device.

A pipe blocks a reader forever and `/dev/zero` never ends, so `påmind` from cron would
hang every morning (holding its lock) and a link to `/dev/zero` would eat the memory. Every
file tilsyn reads from the workspace is read by one reader (`io.files.read_regular`), which
takes only a regular file: a cache is then read as no cache, the other files give a Danish
error or are left out, as when they are missing.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import TESTS, Cli

sys.path.insert(0, str(TESTS / "report"))  # rapport_ws builds from report_data

NOV = "udtræk/2026-11-månedligt-overordnet"
PLACES = (
    ".tilsyn/gennemgange.json",
    ".tilsyn/skabeloner.json",
    ".tilsyn/påmind.json",
    ".tilsyn/påmind-filer.json",
    ".tilsyn/påmind-sendt.json",
    "tiltag.yaml",
    "tilbagemeldinger/2026-11/.sager",
    f"{NOV}/udtræk.yaml",
)
COMMANDS = (
    ("påmind", "--dato", "2026-11-25", "--altid"),
    ("valider", "--dato", "2026-11-25"),
    ("rapport", "--periode", "2026-11", "--dato", "2026-11-25", "-o", "-", "--format", "md"),
    ("årshjul", "2026", "--dato", "2026-11-25"),
    ("tiltag", "--dato", "2026-11-25"),
)


class Hung(BaseException):
    """Not an `Exception`: no `except Exception` in tilsyn catches it and tries again."""


@pytest.fixture
def deadline() -> Iterator[None]:
    """A run that hangs fails the test instead of the whole suite."""

    def stop(signum: int, frame: object) -> None:
        raise Hung("tilsyn hang på en fil, der ikke er en almindelig fil")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("odd", ["rør", "/dev/zero"])
@pytest.mark.parametrize("place", PLACES)
def test_a_pipe_or_a_device_where_a_file_is_read_hangs_nothing(
    cli: Cli, rapport_ws: Path, deadline: None, place: str, odd: str
) -> None:
    assert cli("tilbagemelding", "--periode", "2026-11", "--dato", "2026-11-25").exit_code == 0
    assert cli("påmind", "--dato", "2026-11-25").exit_code == 0  # the reminder caches
    path = rapport_ws / place
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    if odd == "rør":
        os.mkfifo(path)
    else:
        path.symlink_to(odd)
    for command in COMMANDS:
        result = cli(*command)
        output = result.output + (result.stderr or "")
        assert result.exit_code in (0, 1, 2), (command, output)
        assert "intern fejl" not in output
        assert "Invalid argument" not in output and "Errno" not in output, output


@pytest.mark.parametrize(
    "place", [".tilsyn/påmind-sendt.json", ".tilsyn/gennemgange.json", ".tilsyn/påmind.json"]
)
def test_json_nested_too_deep_in_a_cache_is_no_cache(
    cli: Cli, rapport_ws: Path, place: str
) -> None:
    """JSON nested 100,000 deep raises RecursionError, not a ValueError: påmind (from cron)
    and every command reading a cache stopped with an internal error. A cache's seal is no
    secret, so the sealed caches get a right one."""
    import hashlib

    assert cli("påmind", "--dato", "2026-11-25").exit_code == 0
    deep = b"[" * 100_000 + b"]" * 100_000
    tail = b',"entries":' + deep + b"}"
    sealed = b'{"sha256":"' + hashlib.sha256(tail).hexdigest().encode() + b'"' + tail
    (rapport_ws / place).write_bytes(deep if place.endswith("sendt.json") else sealed)
    for command in COMMANDS:
        result = cli(*command)
        output = result.output + (result.stderr or "")
        assert result.exit_code in (0, 1, 2), (command, output)
        assert "intern fejl" not in output, output


def test_a_link_in_a_loop_resolves_to_itself_in_its_resolved_folder(tmp_path: Path) -> None:
    """Python 3.11's `Path.resolve()` raises RuntimeError for a link loop (an internal error
    in `tiltag` before); `resolved` leaves the link, so reading it can say what is wrong."""
    from ledelsestilsyn.io.named import present, resolved

    (tmp_path / "rigtig").mkdir()
    (tmp_path / "genvej").symlink_to("rigtig")
    loop = tmp_path / "genvej" / "tiltag.yaml"
    loop.symlink_to("tiltag.yaml")
    assert resolved(loop) == tmp_path.resolve() / "rigtig" / "tiltag.yaml"
    assert present(loop) and not loop.exists()
    assert not present(tmp_path / "intet.yaml")

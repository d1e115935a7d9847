"""A full disk, a used-up quota or a folder made read-only in the middle of a run.

Such a run ended in "intern fejl i tilsyn (OSError)" with exit 3, which says the tool is
broken, and a folder made read-only meanwhile kept a whole review as a temp file (found by an
independent test of a shared drive). Now the writer says what failed in Danish (W003, exit 2),
the file is as it was, and the same holds for any other place the machine fails a run.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import NoReturn

import pytest

from conftest import Cli
from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.io.atomic import TEMP_PREFIX, write_atomic

DRAW = ("udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-11")


def _full(*_: object) -> NoReturn:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "gennemgang.yaml"
    path.write_text("svar: ja\n", encoding="utf-8")
    monkeypatch.setattr(os, "fsync", _full)
    with pytest.raises(TilsynError) as caught:
        write_atomic(path, "svar: nej\n", overwrite=True)
    [said] = caught.value.diagnostics
    assert said.code == "W003" and "der er ikke mere plads på disken" in said.message
    assert path.read_text(encoding="utf-8") == "svar: ja\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_a_temp_that_cannot_be_removed_does_not_hide_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder made read-only mid-run: the temp stays (the next run clears it), and the
    user hears why the file was not written, not "PermissionError"."""
    monkeypatch.setattr(os, "fsync", _full)

    def refused(self: Path, missing_ok: bool = False) -> NoReturn:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "unlink", refused)
    with pytest.raises(TilsynError) as caught:
        write_atomic(tmp_path / "brev.md", "Kære Anna\n")
    assert caught.value.diagnostics[0].code == "W003"


def test_udtraek_on_a_full_disk_is_a_danish_error(
    cli: Cli, example_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "fsync", _full)
    result = cli(*DRAW)
    said = " ".join(str(result.stderr).split())
    assert result.exit_code == 2, said
    assert "W003" in said and "der er ikke mere plads på disken" in said
    assert "intern fejl" not in said


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (errno.ENOSPC, "der er ikke mere plads på disken"),
        (errno.EDQUOT, "kvoten på disken er brugt op"),
        (errno.EROFS, "filsystemet er skrivebeskyttet"),
        (errno.EACCES, "der er ikke adgang"),
    ],
)
def test_the_machine_failing_anywhere_is_said_in_danish(
    cli: Cli, example_workspace: Path, monkeypatch: pytest.MonkeyPatch, number: int, words: str
) -> None:
    from ledelsestilsyn.sampling import run

    def failing(*_: object) -> NoReturn:
        raise OSError(number, "strerror in English", "udtræk/S-1.yaml")

    monkeypatch.setattr(run, "run_draw", failing)
    result = cli(*DRAW)
    said = " ".join(str(result.stderr).split())
    assert result.exit_code == 2, said
    assert said.startswith("udtræk/S-1.yaml: fejl W003:") and words in said
    assert "English" not in said and "intern fejl" not in said


def test_any_other_os_error_is_still_a_bug(
    cli: Cli, example_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ledelsestilsyn.sampling import run

    def failing(*_: object) -> NoReturn:
        raise OSError(errno.ENOTSOCK, "Socket operation on non-socket")

    monkeypatch.setattr(run, "run_draw", failing)
    result = cli(*DRAW)
    assert result.exit_code == 3
    assert "intern fejl i tilsyn (OSError)" in str(result.stderr)


@pytest.mark.parametrize("command", [("valider",), ("rapport", "--periode", "2026-11", "-o", "-")])
def test_a_round_folder_that_cannot_be_read_stops_valider_and_rapport(
    cli: Cli, example_workspace: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    """Probe AY, H2: a round another leader drew, still private to them (0700), was passed
    over: `rapport` wrote a quarter of 4 reviews for 9, `valider` a lower total, both exit 0.
    (The tests run as root, whom no mode stops: the walk's error is made here.)"""
    from ledelsestilsyn.review import validate

    assert cli(*DRAW).exit_code == 0
    real = os.walk

    def walk(top: str, onerror: object = None, **kwargs: object) -> object:
        for found in real(top):
            if found[0].endswith("2026-11-månedligt-overordnet") and callable(onerror):
                onerror(PermissionError(errno.EACCES, "Permission denied", found[0]))
            yield found

    monkeypatch.setattr(validate.os, "walk", walk)
    result = cli(*command)
    said = " ".join(str(result.stderr).split())
    assert result.exit_code == 2, said
    assert "2026-11-månedligt-overordnet: fejl W003: der kan ikke læses eller skrives her" in said
    # the cure for no access, not "frigør plads" first (probe AY, M2)
    assert "Tip: få adgang til mappen (af den, der ejer den, eller af IT)" in said


def test_a_temp_file_s_name_is_said_as_its_folder(
    cli: Cli, example_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Probe AY, L1: a read-only `udtræk/` was said at tilsyn's inner temp name
    (`udtræk/.tilsyn-tmp-28422-e5835605-2026-11-tematiseret: fejl W003`)."""
    from ledelsestilsyn.sampling import run

    def failing(*_: object) -> NoReturn:
        raise OSError(errno.EROFS, "Read-only", f"udtræk/{TEMP_PREFIX}28422-e5835605-2026-11")

    monkeypatch.setattr(run, "run_draw", failing)
    result = cli(*DRAW)
    said = " ".join(str(result.stderr).split())
    assert result.exit_code == 2, said
    assert said.startswith("udtræk: fejl W003:") and TEMP_PREFIX not in said, said
    assert "Tip: få drevet gjort skrivbart" in said

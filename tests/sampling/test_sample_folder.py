"""The sample folder: foreign files, symlinked folders, temp files of killed runs."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.io.atomic import STALE_AFTER_SECONDS, TEMP_PREFIX
from ledelsestilsyn.io.yaml import read_document
from ledelsestilsyn.models.located import validate_document
from ledelsestilsyn.models.manifest import Manifest

SERIES = "månedligt-overordnet"
FOLDER = Path("udtræk") / f"2026-11-{SERIES}"


def udtraek(cli: Cli, *args: str) -> tuple[int, str]:
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-11", *args)
    return result.exit_code, result.output


def manifest() -> Manifest:
    return validate_document(Manifest, read_document(FOLDER / "udtræk.yaml"))


def extension_files(cli: Cli) -> dict[str, bytes]:
    """The review files an extension from 8 to 12 cases adds (drawn once, then undone)."""
    assert udtraek(cli)[0] == 0
    before = {p.name for p in FOLDER.iterdir()}
    assert udtraek(cli, "--antal", "12")[0] == 0
    added = {p.name: p.read_bytes() for p in FOLDER.iterdir() if p.name not in before}
    shutil.rmtree(FOLDER)
    assert udtraek(cli)[0] == 0
    return added


def test_a_foreign_file_at_a_drawn_path_is_kept_and_not_claimed(
    cli: Cli, example_workspace: Path
) -> None:
    name = sorted(extension_files(cli))[0]
    foreign = FOLDER / name
    foreign.write_text("# en anden fil, lagt her med hånden\n", encoding="utf-8")
    small = (FOLDER / "udtræk.yaml").read_bytes()
    code, output = udtraek(cli, "--antal", "12")
    assert code == 1 and "W001" in output and name in output
    assert "intet er skrevet" in output
    assert foreign.read_text(encoding="utf-8") == "# en anden fil, lagt her med hånden\n"
    assert (FOLDER / "udtræk.yaml").read_bytes() == small
    assert all(name not in case.files for case in manifest().cases)


def test_files_left_by_a_killed_extension_are_taken_back(cli: Cli, example_workspace: Path) -> None:
    added = extension_files(cli)
    for name, text in added.items():
        (FOLDER / name).write_bytes(text)
    code, output = udtraek(cli, "--antal", "12")
    assert code == 0, output
    assert "W001" not in output and len(manifest().cases) == 12
    assert {n for case in manifest().cases for n in case.files} >= set(added)


def fill_all(folder: Path) -> None:
    for path in folder.glob("S-*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = text.replace('gennemført_af: ""', 'gennemført_af: "Jakob Bæk"')
        text = text.replace('dato: ""', 'dato: "2026-11-12"').replace('svar: ""', 'svar: "ja"')
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "command"),
    [
        ("udtræk", ["udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-11"]),
        ("rapporter", ["rapport", "--periode", "2026-11", "--format", "md"]),
        (".tilsyn", ["påmind", "--altid", "--dato", "2026-11-25"]),
        ("tilbagemeldinger", ["tilbagemelding", "--periode", "2026-11", "--dato", "2026-11-25"]),
    ],
)
def test_a_workspace_folder_that_is_a_symlink_is_refused(
    cli: Cli, example_workspace: Path, tmp_path: Path, name: str, command: list[str]
) -> None:
    if name != "udtræk":
        assert udtraek(cli)[0] == 0
        fill_all(FOLDER)
    outside = tmp_path / "udenfor"
    outside.mkdir(mode=0o755)
    outside.chmod(0o755)
    if (example_workspace / name).exists():
        shutil.rmtree(example_workspace / name)
    (example_workspace / name).symlink_to(outside, target_is_directory=True)
    result = cli(*command)
    assert result.exit_code in (1, 2), result.output
    assert "W002" in result.output and "symbolsk link" in result.output
    assert list(outside.iterdir()) == []
    assert stat.S_IMODE(outside.stat().st_mode) == 0o755


def test_caches_are_not_kept_in_a_symlinked_folder(
    cli: Cli, example_workspace: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "udenfor"
    outside.mkdir(mode=0o755)
    outside.chmod(0o755)
    (example_workspace / ".tilsyn").symlink_to(outside, target_is_directory=True)
    assert udtraek(cli)[0] == 0
    assert udtraek(cli, "--antal", "12")[0] == 0
    result = cli("valider")
    [note] = [line for line in result.output.splitlines() if "G041" in line]
    assert "symbolsk link" in note and "Tip: erstat linket" in note
    assert list(outside.iterdir()) == [] and stat.S_IMODE(outside.stat().st_mode) == 0o755


def test_a_symlinked_sample_folder_is_not_extended(
    cli: Cli, example_workspace: Path, tmp_path: Path
) -> None:
    assert udtraek(cli)[0] == 0
    moved = tmp_path / "flyttet"
    shutil.move(FOLDER, moved)
    FOLDER.symlink_to(moved, target_is_directory=True)
    before = sorted(p.name for p in moved.iterdir())
    code, output = udtraek(cli, "--antal", "12")
    assert code == 1 and "W002" in output
    assert sorted(p.name for p in moved.iterdir()) == before


def killed_writer(folder: Path) -> Path:
    """A temp file left by a real process that was killed while writing it."""
    script = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        f"path = Path({str(folder)!r}) / f'{TEMP_PREFIX}{{os.getpid()}}-abcd-S-1.yaml'\n"
        "path.write_text('halv', encoding='utf-8')\n"
        "print(path, flush=True)\n"
        "time.sleep(60)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        path = Path(process.stdout.readline().strip())
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert path.is_file() and process.returncode == -signal.SIGKILL
    return path


def aged(path: Path) -> Path:
    old = time.time() - 2 * STALE_AFTER_SECONDS
    os.utime(path, (old, old))
    return path


def test_temp_files_of_killed_writers_are_removed(cli: Cli, example_workspace: Path) -> None:
    assert udtraek(cli)[0] == 0
    dead = aged(killed_writer(FOLDER))
    fresh = killed_writer(FOLDER)  # could be a run on another machine, still writing
    alive = FOLDER / f"{TEMP_PREFIX}{os.getpid()}-abcd-S-2.yaml"
    alive.write_text("i gang", encoding="utf-8")
    aged(alive)
    cache = example_workspace / ".tilsyn"
    cache.mkdir(exist_ok=True)  # udtræk keeps its schema stamp here
    in_cache = aged(killed_writer(cache))
    assert udtraek(cli, "--antal", "12")[0] == 0
    assert not dead.exists() and fresh.exists() and alive.exists()
    assert cli("valider").exit_code in (0, 1)
    assert not in_cache.exists()

"""The sample folder: foreign files, symlinked folders, temp files of killed runs."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import Cli
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

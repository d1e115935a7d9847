"""A report over periods on both versions of `overordnet`, covered by a golden file.

2026-10 is drawn on overordnet@2024.1 (the series pinned to it) and filled in,
except the one review the fill-in script leaves untouched; `tilsyn migrer`
moves that one to 2025.1. Then the series moves to 2025.1, 2026-11 is drawn
and filled in, and the report for 2026-11 shows the development over both
versions: carried questions pooled, changed ones apart. Regenerate the golden
file on purpose with `TILSYN_OPDATER_GOLDEN=1`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from conftest import EKSEMPLER, TESTS, Cli

GOLDEN = TESTS / "golden" / "versioner-leder.md"
SERIES = "månedligt-overordnet"
PINNED = "    skabelon: overordnet\n"


def _run(folder: Path, *args: str, exit_code: int = 0) -> str:
    done = subprocess.run(args, cwd=folder, check=False, capture_output=True, text=True)
    assert done.returncode == exit_code, done.stdout + done.stderr
    return done.stdout


def _pin(folder: Path, ref: str) -> None:
    concept = folder / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    lines = [
        f"    skabelon: {ref}\n" if line.startswith("    skabelon: overordnet") else line
        for line in text.splitlines(keepends=True)
    ]
    concept.write_text("".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def both_versions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("versioner")
    for name in ("koncept.yaml", "eksport.csv"):
        shutil.copy(EKSEMPLER / name, folder / name)
    assert PINNED in (folder / "koncept.yaml").read_text(encoding="utf-8")
    tilsyn = str(Path(sys.executable).parent / "tilsyn")
    fill = [sys.executable, str(EKSEMPLER / "udfyld_eksempel.py"), "."]
    _pin(folder, "overordnet@2024.1")
    _run(folder, tilsyn, "udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-10")
    _run(folder, *fill, "--senest", "2026-10-31")
    sample = f"udtræk/2026-10-{SERIES}"
    moved = _run(
        folder, tilsyn, "migrer", sample, "--til", "overordnet@2025.1", "--dato", "2026-10-31",
        exit_code=1,  # the example's invalid review is not moved
    )  # fmt: skip
    assert "3 gennemgange flyttet til overordnet@2025.1; 5 ikke rørt." in moved, moved
    _pin(folder, "overordnet@2025.1")
    _run(folder, tilsyn, "udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-11")
    _run(folder, *fill, "--senest", "2026-11-30")
    return folder


def test_report_over_both_versions_matches_golden_file(
    cli: Cli, both_versions: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(both_versions)
    result = cli(
        "rapport", "--periode", "2026-11", "--dato", "2026-11-30", "--format", "md", "-o", "-"
    )
    assert result.exit_code == 0, result.output
    text = result.stdout
    if os.environ.get("TILSYN_OPDATER_GOLDEN") == "1":
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), "versioner-leder.md har ændret sig"


def test_the_development_pools_only_carried_questions(
    cli: Cli, both_versions: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(both_versions)
    text = cli(
        "rapport", "--periode", "2026-11", "--dato", "2026-11-30", "--format", "md", "-o", "-"
    ).stdout
    assert "## Overordnet ledelsestilsyn (overordnet@2025.1)" in text
    assert "## Overordnet ledelsestilsyn (overordnet@2024.1)" not in text
    table = text.split("### Udvikling pr. spørgsmål på tværs af versioner", 1)[1]
    rows = {line.split(" | ")[0]: line for line in table.splitlines() if line.startswith("| **")}
    assert "rettet i 2025.1; lagt sammen med 2024.1" in rows["| **underretning-1**"]
    changed = rows["| **afdækning-2**"]
    assert "ændret i 2025.1; ikke lagt sammen med 2024.1" in changed
    old = rows["| **afdækning-2 (2024.1)**"]
    assert "2024.1-udgaven; ikke lagt sammen med 2025.1" in old
    # the old question has a share only in 2026-10, the changed new one only from its own reviews
    assert old.rstrip(" |").split(" | ")[-1] == "–"
    assert "2026-10" in table.splitlines()[4]


def test_the_pdf_has_the_same_table_across_versions(
    cli: Cli, both_versions: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(both_versions)
    target = tmp_path / "versioner.pdf"
    args = ("--periode", "2026-11", "--dato", "2026-11-30", "--format", "pdf", "-o", str(target))
    result = cli("rapport", *args)
    assert result.exit_code == 0, result.output
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(target).pages).split())
    assert "Udvikling pr. spørgsmål på tværs af versioner" in text
    assert "rettet i 2025.1; lagt sammen med 2024.1" in text
    assert "afdækning-2 (2024.1)" in text

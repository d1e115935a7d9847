"""`tilsyn udtræk` on 1,000,000 export rows against a bare `csv.reader` pass over the same file."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from .common import ROOT, Figure, peak_memory_mb, python, tilsyn, time_command

ROWS = 1_000_000
FLOOR = (
    "import csv, sys\n"
    "with open(sys.argv[1], encoding='cp1252', newline='') as f:\n"
    "    for _ in csv.reader(f, delimiter=';'):\n"
    "        pass\n"
)


def _export(path: Path) -> None:
    sys.path.insert(0, str(ROOT / "eksempler"))
    import generer_eksport

    generer_eksport.write(path, generer_eksport.generate_rows(ROWS, seed=7))


def run(tmp: Path) -> list[Figure]:
    workspace = tmp / "arbejdsmappe"
    workspace.mkdir()
    shutil.copy(ROOT / "eksempler" / "koncept.yaml", workspace / "koncept.yaml")
    export = workspace / "stor.csv"
    _export(export)
    floor = time_command([python(), "-c", FLOOR, str(export)], repeat=3)
    args = [
        tilsyn(),
        "udtræk",
        str(export),
        "--tilsyn",
        "månedligt-overordnet",
        "--periode",
        "2026-11",
        "--antal",
        "30",
    ]
    times = []
    peak = 0.0
    for _ in range(3):
        shutil.rmtree(workspace / "udtræk", ignore_errors=True)
        elapsed, memory = peak_memory_mb(args, cwd=workspace)
        times.append(elapsed)
        peak = max(peak, memory)
    wall = sorted(times)[1]
    return [
        Figure("udtræk 1.000.000 rækker (læs, gruppér, filtrér, træk, skriv 30)", wall, "s", floor),
        Figure("udtræk 1.000.000 rækker, maks. hukommelse", peak, "MB", note="mål < 500 MB"),
    ]

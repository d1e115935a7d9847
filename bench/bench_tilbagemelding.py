"""`tilsyn tilbagemelding` for every caseworker over 10,000 reviews, cold, against the floor.

The reviews are those of `bench_rapport` (20 caseworkers, four teams, three
monthly rounds); the period covers all three rounds, so every review is in a
letter. Cold: without the review cache. The floor is parsing the same files
with PyYAML's C loader in one process. `TILSYN_BENCH_BREVE_N` sets the count.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from .bench_rapport import _generate
from .bench_valider import FLOOR
from .common import Figure, python, tilsyn, time_command


def run(tmp: Path) -> list[Figure]:
    count = int(os.environ.get("TILSYN_BENCH_BREVE_N", "10000"))
    subprocess.run([tilsyn(), "init", str(tmp / "ws")], check=True, capture_output=True)
    workspace = tmp / "ws"
    _generate(workspace, count)
    floor = time_command([python(), "-c", FLOOR, str(workspace / "udtræk")])
    command = [
        tilsyn(),
        "tilbagemelding",
        "--periode",
        "2026-09-01..2026-11-30",
        "--dato",
        "2026-11-25",
    ]
    shutil.rmtree(workspace / ".tilsyn", ignore_errors=True)
    cold = time_command(command, cwd=workspace)
    letters = len(list((workspace / "tilbagemeldinger").rglob("*.md")))
    note = f"{count} gennemgange, {letters} breve (md og html), {os.cpu_count()} kerner"
    return [Figure("tilbagemelding kold, alle rådgivere", cold, "s", floor, note)]

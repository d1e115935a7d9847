"""`tilsyn udtræk` on 1,000,000 export rows against a bare `csv.reader` pass over the same file.

The export has the realistic shape of `generer_eksport.REALISTIC`: about
200,000 cases (≈ 5 rows each), about 30 % of the rows with a § 32/§ 46
decision, decisions over 3 years; the figures line says what was generated.
"""

from __future__ import annotations

import itertools
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

from .common import ROOT, Figure, peak_memory_mb, python, tilsyn, time_command

ROWS = 1_000_000
FLOOR = (
    "import csv, sys\n"
    "with open(sys.argv[1], encoding='cp1252', newline='') as f:\n"
    "    for _ in csv.reader(f, delimiter=';'):\n"
    "        pass\n"
)


ELIGIBLE = re.compile(r"§\s*(?:32|46)(?!\d)")


def _export(path: Path) -> str:
    """Write the export; returns what it holds (cases, share of § 32/46 rows)."""
    sys.path.insert(0, str(ROOT / "eksempler"))
    import generer_eksport

    cases: set[str] = set()
    eligible = 0

    def counted() -> Iterator[dict[str, str]]:
        nonlocal eligible
        rows = generer_eksport.iter_rows(7, generer_eksport.REALISTIC)
        for row in itertools.islice(rows, ROWS):
            cases.add(row["Sagsnr."])
            eligible += bool(ELIGIBLE.search(row["Paragraf"]))
            yield row

    generer_eksport.write(path, counted())
    count = f"{len(cases):,}".replace(",", ".")
    return f"{count} sager, {eligible / ROWS:.0%} rækker med § 32/46, afgørelser over 3 år"


def _median_run(args: list[str], workspace: Path) -> tuple[float, float]:
    """Median wall time and peak memory (largest process) of three fresh runs."""
    times = []
    peak = 0.0
    for _ in range(3):
        shutil.rmtree(workspace / "udtræk", ignore_errors=True)
        elapsed, memory = peak_memory_mb(args, cwd=workspace)
        times.append(elapsed)
        peak = max(peak, memory)
    return sorted(times)[1], peak


def run(tmp: Path) -> list[Figure]:
    workspace = tmp / "arbejdsmappe"
    workspace.mkdir()
    shutil.copy(ROOT / "eksempler" / "koncept.yaml", workspace / "koncept.yaml")
    export = workspace / "stor.csv"
    shape = _export(export)
    floor = time_command([python(), "-c", FLOOR, str(export)], repeat=3)
    args = [tilsyn(), "udtræk", str(export), "--tilsyn", "månedligt-overordnet"]
    args += ["--periode", "2026-11", "--antal", "30"]
    wall, peak = _median_run(args, workspace)
    figures = [
        Figure(
            "udtræk 1.000.000 rækker (læs, gruppér, filtrér, træk, skriv 30)",
            wall,
            "s",
            floor,
            note=shape,
        ),
        Figure(
            "udtræk 1.000.000 rækker, maks. hukommelse",
            peak,
            "MB",
            note="mål < 500 MB; største proces, anden halvdel læses i en fork",
        ),
    ]
    taskset = shutil.which("taskset")
    if taskset:
        one_cpu, _ = _median_run([taskset, "-c", "0", *args], workspace)
        figures.append(
            Figure("udtræk 1.000.000 rækker på én CPU (ingen deling)", one_cpu, "s", floor)
        )
    return figures

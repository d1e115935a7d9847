"""A level draw (`kk`'s niveau 2) from a quarter of completed niveau-1 reviews, against the floor.

A `kk` workspace gets a generated export (six units and Døgnvagten, the
preset's phases and risk areas) and three monthly niveau-1 samples of
`TILSYN_BENCH_NIVEAUER_N` cases each (default 1,000; København draws about
50), filled in through plain text replacement, nine in ten completed. The
level draw reads every source review (as `tilsyn valider` does, cold: no
cache) and writes 20 per unit. The floor is parsing the same review files
with PyYAML's C loader in one process, measured in the same run.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
from pathlib import Path

from .common import Figure, python, tilsyn, time_command

UNITS = ("Amager", "Bispebjerg", "Indre By", "Nørrebro", "Valby", "Vesterbro", "Døgnvagten")
PHASES = (
    ("underretning", ""),
    ("undersøgelse", ""),
    ("handleplan", "sikkerhedsplan"),
    ("handleplan", "kort snor"),
    ("handleplan", ""),
    ("anbringelse", ""),
    ("opfølgning", ""),
)
MONTHS = ("2026-10", "2026-11", "2026-12")
FLOOR = """
import sys, pathlib, yaml
assert yaml.__with_libyaml__
for folder in sys.argv[1:]:
    for path in sorted(pathlib.Path(folder).glob("S-*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""


def _export(path: Path, cases: int) -> None:
    header = ["Sagsnr.", "Sagsbehandler", "Team", "Paragraf", "Afgørelsesdato", "Sagsfase"]
    rows = []
    for n in range(cases):
        unit = UNITS[n % len(UNITS)]
        phase, risk = PHASES[n // len(UNITS) % len(PHASES)]
        paragraph = "§ 46" if phase == "anbringelse" else "§ 32"
        day = f"{n % 28 + 1:02d}-{n % 9 + 1:02d}-2026"
        rows.append([f"S-{n:06d}", f"{unit} rådgiver {n % 5}", unit, paragraph, day, phase, risk])
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=";").writerows([[*header, "Risikoområde"], *rows])


def _fill(folder: Path, day: str) -> None:
    for number, path in enumerate(sorted(folder.glob("S-*.yaml"))):
        if number % 10 == 9:
            continue
        text = path.read_text(encoding="utf-8")
        text = text.replace('gennemført_af: ""', 'gennemført_af: "Leder A"', 1)
        text = text.replace('dato: ""', f'dato: "{day}"', 1)
        path.write_text(re.sub('svar: ""', 'svar: "ja"', text), encoding="utf-8")


def _setup(tmp: Path, per_month: int) -> Path:
    workspace = tmp / "kk"
    subprocess.run(
        [tilsyn(), "init", str(workspace), "--forlæg", "kk"], check=True, capture_output=True
    )
    _export(workspace / "eksport.csv", per_month * 4)
    for month in MONTHS:
        args = ["udtræk", "eksport.csv", "--tilsyn", "niveau-1", "--periode", month]
        done = subprocess.run(
            [tilsyn(), *args, "--antal", str(per_month)], cwd=workspace, capture_output=True
        )
        if done.returncode != 0:
            raise SystemExit(done.stderr.decode()[-2000:])
        _fill(workspace / "udtræk" / f"{month}-niveau-1", f"{month}-20")
    return workspace


def run(tmp: Path) -> list[Figure]:
    per_month = int(os.environ.get("TILSYN_BENCH_NIVEAUER_N", "1000"))
    workspace = _setup(tmp, per_month)
    sources = [str(workspace / "udtræk" / f"{m}-niveau-1") for m in MONTHS]
    floor = time_command([python(), "-c", FLOOR, *sources], repeat=3)
    command = [tilsyn(), "udtræk", "--tilsyn", "niveau-2", "--periode", "2026-K4"]
    command += ["--dato", "2027-01-10"]
    times = []
    for _ in range(3):
        shutil.rmtree(workspace / ".tilsyn", ignore_errors=True)
        shutil.rmtree(workspace / "udtræk" / "2026-K4-niveau-2", ignore_errors=True)
        times.append(time_command(command, cwd=workspace))
    drawn = len(list((workspace / "udtræk" / "2026-K4-niveau-2").glob("S-*.yaml")))
    note = f"{3 * per_month} kildegennemgange, {drawn} trukket, {os.cpu_count()} kerner"
    return [Figure("udtræk niveau 2 (kold)", sorted(times)[1], "s", floor, note)]

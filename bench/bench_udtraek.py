"""`tilsyn udtræk` against a bare `csv.reader` pass over the same file, on two exports.

- realistic: 1,000,000 rows in the shape of `generer_eksport.REALISTIC` (about
  200,000 cases, ≈ 5 rows each, about 30 % of the rows § 32/§ 46, 3 years);
- dense: 180,000 rows where about 70 % are § 32/§ 46 decisions (an export of
  measures, where most rows are).

Each workspace already holds an earlier sample of 2,000 cases (the month
before), so reading earlier manifests for quarantine and rotation is in the
measured time, as it is in real use. Where pandas is installed (`pip install
-e '.[bench]'`, done by `make bench`), a ten-line pandas script that only
filters and draws (no quotas, rotation, manifest or files) is timed as well.

For the dense export, the fixed cost (a run on its first 400 rows) is split further: how
long a bare interpreter takes to import what a run of `udtræk` imports, the libraries
(typer, pydantic, PyYAML, rich) alone and with tilsyn's own modules.
"""

from __future__ import annotations

import importlib.util
import itertools
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .common import ROOT, Figure, peak_memory_mb, python, tilsyn, time_command

FLOOR = (
    "import csv, sys\n"
    "with open(sys.argv[1], encoding='cp1252', newline='') as f:\n"
    "    for _ in csv.reader(f, delimiter=';'):\n"
    "        pass\n"
)
PANDAS = (
    "import sys, pandas as pd\n"
    "df = pd.read_csv(sys.argv[1], sep=';', encoding='cp1252', dtype=str)\n"
    "paragraph = df['Paragraf'].str.extract(r'§\\s*(\\d+)', expand=False)\n"
    "df = df[paragraph.isin(['32', '46'])]\n"
    "day = pd.to_datetime(df['Afgørelsesdato'], format='%d-%m-%Y', errors='coerce')\n"
    "df = df[(day >= '2025-11-01') & (day <= '2026-10-31')]\n"
    "df = df.assign(dag=day).sort_values('dag').drop_duplicates('Sagsnr.', keep='last')\n"
    "print(df.sample(n=min(30, len(df)), random_state=1)['Sagsnr.'].tolist())\n"
)
LIBRARIES = (
    "typer",
    "typer._adapters",
    "yaml",
    "pydantic.main",
    "pydantic.plugin._loader",
    "rich.console",
    "rich.table",
)
"""What `udtræk` imports of its libraries (typer converts the options with pydantic, which
looks up plugins with importlib.metadata at a model's first build)."""
OWN = (
    "ledelsestilsyn.cli.app",
    "ledelsestilsyn.cli.commands.udtraek",
    "ledelsestilsyn.sampling.run",
    "ledelsestilsyn.workspace.schemas",
    "ledelsestilsyn.cli.views.sample",
    "ledelsestilsyn.core.gate",
)
"""tilsyn's modules that a run of `udtræk` imports (with what they import)."""
SERIES = "månedligt-overordnet"
EARLIER = 2_000
SMALL = 400
"""Rows of the dense export that still give all 30 cases: the run is then nearly all fixed
cost (start-up, concept, earlier manifests, 30 files, output)."""
ELIGIBLE = re.compile(r"§\s*(?:32|46)(?!\d)")


@dataclass(frozen=True)
class Mix:
    label: str
    rows: int
    dense: bool


MIXES = (Mix("1.000.000 rækker", 1_000_000, False), Mix("tæt, 180.000 rækker", 180_000, True))


def _shape(dense: bool) -> object:
    import generer_eksport as g

    if not dense:
        return g.REALISTIC
    return g.Shape(
        window_start=g.REALISTIC.window_start,
        profiles=(
            (0.55, {"32": 0.80, "95": 0.10, "91": 0.10}, "32"),
            (0.30, {"46": 0.70, "32": 0.10, "95": 0.10, "103": 0.10}, "46"),
            (0.15, {"32": 0.40, "20": 0.30, "30": 0.30}, None),
        ),
        rows_per_case=g.REALISTIC.rows_per_case,
        gap_days=g.REALISTIC.gap_days,
    )


def _export(path: Path, mix: Mix) -> str:
    """Write the export; returns what it holds (cases, share of § 32/46 rows)."""
    sys.path.insert(0, str(ROOT / "eksempler"))
    import generer_eksport

    cases: set[str] = set()
    eligible = 0

    def counted() -> Iterator[dict[str, str]]:
        nonlocal eligible
        rows = generer_eksport.iter_rows(7, _shape(mix.dense))  # type: ignore[arg-type]
        for row in itertools.islice(rows, mix.rows):
            cases.add(row["Sagsnr."])
            eligible += bool(ELIGIBLE.search(row["Paragraf"]))
            yield row

    generer_eksport.write(path, counted())
    count = f"{len(cases):,}".replace(",", ".")
    return f"{count} sager, {eligible / mix.rows:.0%} rækker med § 32/46, afgørelser over 3 år"


def _median_run(args: list[str], workspace: Path) -> tuple[float, float]:
    """Median wall time and peak memory (largest process) of three fresh runs."""
    times = []
    peak = 0.0
    for _ in range(3):
        shutil.rmtree(workspace / "udtræk" / f"2026-11-{SERIES}", ignore_errors=True)
        elapsed, memory = peak_memory_mb(args, cwd=workspace)
        times.append(elapsed)
        peak = max(peak, memory)
    return sorted(times)[1], peak


def _draw_args(export: Path, period: str, count: int) -> list[str]:
    args = [tilsyn(), "udtræk", str(export), "--tilsyn", SERIES, "--periode", period]
    return [*args, "--antal", str(count)]


def _workspace(tmp: Path, mix: Mix) -> tuple[Path, Path, str]:
    workspace = tmp / ("tæt" if mix.dense else "realistisk")
    workspace.mkdir()
    shutil.copy(ROOT / "eksempler" / "koncept.yaml", workspace / "koncept.yaml")
    export = workspace / "eksport.csv"
    shape = _export(export, mix)
    time_command(_draw_args(export, "2026-10", EARLIER), cwd=workspace)
    return workspace, export, shape


def _figures(tmp: Path, mix: Mix) -> list[Figure]:
    workspace, export, shape = _workspace(tmp, mix)
    earlier = f"{EARLIER:_}".replace("_", ".")
    note = f"{shape}; tidligere udtræk med {earlier} sager"
    floor = time_command([python(), "-c", FLOOR, str(export)], repeat=3)
    args = _draw_args(export, "2026-11", 30)
    wall, peak = _median_run(args, workspace)
    name = f"udtræk {mix.label}"
    figures = [
        Figure(f"{name} (læs, gruppér, filtrér, træk, skriv 30)", wall, "s", floor, note=note),
        Figure(f"{name}, maks. hukommelse", peak, "MB", note="mål < 500 MB; største proces"),
    ]
    if importlib.util.find_spec("pandas") is not None:
        script = time_command([python(), "-c", PANDAS, str(export)], repeat=3)
        figures.append(
            Figure(
                f"{name}: pandas-script (kun filtrér og træk)",
                script,
                "s",
                floor,
                note=f"udtræk / pandas = {wall / script:.2f}",
            )
        )
    if mix.dense:
        figures += [_fixed_cost(workspace, export, floor), *_imports(floor)]
    taskset = shutil.which("taskset")
    if taskset and not mix.dense:
        one_cpu, _ = _median_run([taskset, "-c", "0", *args], workspace)
        figures.append(Figure(f"{name} på én CPU (ingen deling)", one_cpu, "s", floor))
    return figures


def _fixed_cost(workspace: Path, export: Path, floor: float) -> Figure:
    """`udtræk` on the first rows of the export, against the whole export's floor: how much
    of the 1.5× budget goes before the rows are counted."""
    small = workspace / f"eksport-{SMALL}.csv"
    with export.open("rb") as rows:
        small.write_bytes(b"".join(itertools.islice(rows, SMALL + 1)))
    fixed, _ = _median_run(_draw_args(small, "2026-11", 30), workspace)
    share = fixed / (1.5 * floor)
    return Figure(
        f"udtræk, fast omkostning ({SMALL} rækker, 30 sager)",
        fixed,
        "s",
        floor,
        note=f"{share:.0%} af budgettet 1,5× floor for den tætte eksport",
    )


def _imports(floor: float) -> list[Figure]:
    """How much of the fixed cost is importing: the libraries alone, and with tilsyn's
    modules (collector off, as `tilsyn` has it while it starts)."""
    figures = []
    for label, modules in (
        ("typer, pydantic, PyYAML og rich", LIBRARIES),
        ("dem og tilsyns egne moduler", (*LIBRARIES, *OWN)),
    ):
        script = f"import gc; gc.disable(); import {', '.join(modules)}"
        took = time_command([python(), "-c", script], repeat=5)
        share = f"{took / (1.5 * floor):.0%} af budgettet 1,5× floor for den tætte eksport"
        figures.append(Figure(f"udtræk, heraf import af {label}", took, "s", floor, note=share))
    return figures


def run(tmp: Path) -> list[Figure]:
    return [figure for mix in MIXES for figure in _figures(tmp, mix)]

"""`tilsyn udtræk eksport.xlsx` against calamine's own bare read of the same sheet.

The workbook holds 1,000,000 rows in the shape of `generer_eksport.REALISTIC`
(dates as Excel dates), written with xlsxwriter by `eksempler/til_xlsx.py`.
Writing it takes minutes, so it is kept in `.bench-cache/` (not in git) and
made again only when missing. The floor is calamine reading the sheet and
handing every row to Python (`iter_rows`), nothing else; the target is a
ratio of at most 1.5.
"""

from __future__ import annotations

import importlib.util
import itertools
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

from .common import ROOT, Figure, peak_memory_mb, python, tilsyn, time_command

ROWS = 1_000_000
SEED = 7
CACHE = ROOT / ".bench-cache"
SERIES = "månedligt-overordnet"
FLOOR = (
    "import sys\n"
    "from python_calamine import CalamineWorkbook\n"
    "sheet = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_name('Sager')\n"
    "for _ in sheet.iter_rows():\n"
    "    pass\n"
)


def _workbook() -> Path:
    """The cached 1,000,000-row workbook, written first if missing."""
    path = CACHE / f"eksport-{ROWS}-{SEED}.xlsx"
    if path.is_file():
        return path
    sys.path.insert(0, str(ROOT / "eksempler"))
    import generer_eksport as g

    spec = importlib.util.spec_from_file_location("til_xlsx", ROOT / "eksempler" / "til_xlsx.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    def table() -> Iterator[list[str]]:
        yield list(g.COLUMNS)
        for row in itertools.islice(g.iter_rows(SEED, g.REALISTIC), ROWS):
            yield [row[c] for c in g.COLUMNS]

    CACHE.mkdir(exist_ok=True)
    partial = path.with_suffix(".tmp.xlsx")
    module.write_xlsx(partial, table())
    partial.replace(path)
    return path


def run(tmp: Path) -> list[Figure]:
    source = _workbook()
    workspace = tmp / "xlsx"
    workspace.mkdir()
    shutil.copy(ROOT / "eksempler" / "koncept.yaml", workspace / "koncept.yaml")
    export = workspace / "eksport.xlsx"
    shutil.copy(source, export)
    floor = time_command([python(), "-c", FLOOR, str(export)], repeat=3)
    _, floor_peak = peak_memory_mb([python(), "-c", FLOOR, str(export)])
    args = [tilsyn(), "udtræk", str(export), "--tilsyn", SERIES, "--periode", "2026-11"]
    times = []
    peak = 0.0
    for _ in range(3):
        shutil.rmtree(workspace / "udtræk", ignore_errors=True)
        elapsed, memory = peak_memory_mb([*args, "--antal", "30"], cwd=workspace)
        times.append(elapsed)
        peak = max(peak, memory)
    size = f"{export.stat().st_size / 1e6:.0f} MB"
    note = f"{size}; gulv: calamine læser arket (iter_rows); mål ≤ 1,5×"
    return [
        Figure(
            "udtræk .xlsx 1.000.000 rækker (læs, træk, skriv 30)",
            sorted(times)[1],
            "s",
            floor,
            note=note,
        ),
        Figure(
            "udtræk .xlsx 1.000.000 rækker, maks. hukommelse",
            peak,
            "MB",
            floor_peak,
            note="calamine holder hele arket i hukommelsen",
        ),
    ]

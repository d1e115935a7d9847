"""`tilsyn tilbagemelding` for every caseworker over 10,000 reviews, cold, against the floor.

The reviews are those of `bench_rapport` (20 caseworkers, four teams, three
monthly rounds), each round with the manifest `udtræk` writes (a letter goes only to a
caseworker a manifest names: without them the run wrote no letter and measured an error);
the period covers all three rounds, so every review is in a
letter. Cold: without the review cache. The floor is parsing the same files
with PyYAML's C loader in one process. `TILSYN_BENCH_BREVE_N` sets the count.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from .bench_rapport import PERIODS, _generate
from .bench_valider import FLOOR
from .common import Figure, python, tilsyn, time_command


def run(tmp: Path) -> list[Figure]:
    count = int(os.environ.get("TILSYN_BENCH_BREVE_N", "10000"))
    subprocess.run([tilsyn(), "init", str(tmp / "ws")], check=True, capture_output=True)
    workspace = tmp / "ws"
    _generate(workspace, count)
    _manifests(workspace, count)
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
    if not letters:
        raise RuntimeError("tilbagemelding skrev ingen breve; benchmarken måler ikke noget")
    note = f"{count} gennemgange, {letters} breve (md og html), {os.cpu_count()} kerner"
    return [Figure("tilbagemelding kold, alle rådgivere", cold, "s", floor, note)]


def _manifests(workspace: Path, count: int) -> None:
    """Each round's `udtræk.yaml`, naming its cases as `_generate` wrote them."""
    from ledelsestilsyn.models.manifest import DrawnCase, Manifest
    from ledelsestilsyn.sampling.files import manifest_text
    from ledelsestilsyn.templates.catalog import Catalog

    template = Catalog.load(None).resolve("overordnet")
    for at, period in enumerate(PERIODS):
        numbers = range(at, count, len(PERIODS))
        cases = [
            DrawnCase.model_validate(
                {
                    "id": f"S-{n:06d}",
                    "rådgiver": f"Rådgiver {n % 20}",
                    "team": f"Team {n % 4}",
                    "begrundelse": "benchmark",
                    "filer": [f"S-{n:06d}.yaml"],
                }
            )
            for n in numbers
        ]
        manifest = Manifest.model_validate(
            {
                "tilsyn": "månedligt-overordnet",
                "periode": period,
                "skabelon": template.ref,
                "fokus": [s.id for s in template.steps][:-1],
                "oprettet": f"{period}-01T08:00:00+01:00",
                "oprettet_af": "benchmark",
                "værktøj": "benchmark",
                "seed": 1,
                "antal": len(cases),
                "sager": [c.model_dump(by_alias=True) for c in cases],
                "rådgivere": sorted({f"Rådgiver {n % 20}" for n in numbers}),
            }
        )
        folder = workspace / "udtræk" / f"{period}-månedligt-overordnet"
        (folder / "udtræk.yaml").write_text(manifest_text(manifest), encoding="utf-8")

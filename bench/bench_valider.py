"""`tilsyn valider` on many filled-in reviews, cold (no cache) and warm, against the floor.

The floor is parsing the same files with PyYAML's C loader in one process
(`yaml.load(text, Loader=yaml.CSafeLoader)`), measured in the same run. The
files are real fill-in files from `fillin.render_review` for the shipped
`overordnet` template (all steps but one: ≈ 80 questions), answered with a
seeded mix of answers and comments. `TILSYN_BENCH_VALIDER_N` sets the count
(default 10,000).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from pathlib import Path

from .common import Figure, python, tilsyn, time_command

FLOOR = """
import sys, pathlib, yaml
assert yaml.__with_libyaml__
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""
COMMENTS = (
    "Fremgår af journalnotat.",
    "Vurderingen er dateret og begrundet.",
    "Der mangler en dateret vurdering i sagen.",
    "Samtalen med barnet er holdt på skolen, og barnets synspunkter er beskrevet.",
)


def _generate(workspace: Path, count: int) -> Path:
    from ledelsestilsyn.sampling.fillin import render_review
    from ledelsestilsyn.templates.catalog import Catalog

    template = Catalog.load(None).resolve("overordnet")
    focus = [s.id for s in template.steps][:-1]
    folder = workspace / "udtræk" / "2026-11-bench"
    folder.mkdir(parents=True)
    rng = random.Random(20261125)
    for number in range(count):
        text = render_review(
            template,
            series="månedligt-overordnet",
            period="2026-11",
            case_id=f"S-{number:06d}",
            caseworker=f"Rådgiver {number % 20}",
            team=f"Team {number % 4}",
            focus=focus,
        )
        text = text.replace('gennemført_af: ""', 'gennemført_af: "Leder A"', 1)
        text = text.replace('dato: ""', 'dato: "2026-11-20"', 1)
        parts = text.split("svar: \"\"\n      kommentar: ''")
        answers = [
            f'svar: "{rng.choice(["ja", "ja", "ja", "ikke relevant"])}"\n'
            f'      kommentar: "{rng.choice(COMMENTS)}"'
            for _ in parts[1:]
        ]
        (folder / f"S-{number:06d}.yaml").write_text(
            parts[0] + "".join(a + p for a, p in zip(answers, parts[1:], strict=True)),
            encoding="utf-8",
        )
    return folder


def run(tmp: Path) -> list[Figure]:
    count = int(os.environ.get("TILSYN_BENCH_VALIDER_N", "10000"))
    subprocess.run([tilsyn(), "init", str(tmp / "ws")], check=True, capture_output=True)
    workspace = tmp / "ws"
    folder = _generate(workspace, count)
    size = sum(p.stat().st_size for p in folder.iterdir()) / count / 1024
    floor = time_command([python(), "-c", FLOOR, str(folder)])
    command = [tilsyn(), "valider", "--dato", "2026-11-25"]
    shutil.rmtree(workspace / ".tilsyn", ignore_errors=True)
    cold = time_command(command, cwd=workspace)
    warm = time_command(command, cwd=workspace, repeat=3)
    note = f"{count} filer à {size:.0f} kB, {os.cpu_count()} kerner"
    return [
        Figure("valider kold (uden cache)", cold, "s", floor, note),
        Figure("valider varm (med cache)", warm, "s", floor, note),
    ]

"""`tilsyn rapport` over many reviews, cold and warm, against the parse floor; rendering alone.

The files are fill-in files from `fillin.render_review` for the shipped
`overordnet` template (≈ 80 questions each), spread over three monthly rounds,
answered with a seeded mix of ja / nej / ikke relevant and comments. The
floor is the same as for `valider`: parsing the same files with PyYAML's C
loader in one process. `TILSYN_BENCH_RAPPORT_N` sets the count (default 10,000).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import time
from pathlib import Path

from .bench_valider import FLOOR
from .common import Figure, python, tilsyn, time_command

ANSWERS = ("ja", "ja", "ja", "ja", "ja", "ja", "nej", "ikke relevant")
PERIODS = ("2026-09", "2026-10", "2026-11")


def _generate(workspace: Path, count: int) -> None:
    from ledelsestilsyn.sampling.fillin import render_review
    from ledelsestilsyn.templates.catalog import Catalog

    template = Catalog.load(None).resolve("overordnet")
    focus = [s.id for s in template.steps][:-1]
    rng = random.Random(20261125)
    for number in range(count):
        period = PERIODS[number % len(PERIODS)]
        folder = workspace / "udtræk" / f"{period}-månedligt-overordnet"
        folder.mkdir(parents=True, exist_ok=True)
        text = render_review(
            template,
            series="månedligt-overordnet",
            period=period,
            case_id=f"S-{number:06d}",
            caseworker=f"Rådgiver {number % 20}",
            team=f"Team {number % 4}",
            focus=focus,
        )
        text = text.replace('gennemført_af: ""', 'gennemført_af: "Leder A"', 1)
        text = text.replace('dato: ""', f'dato: "{period}-20"', 1)
        parts = text.split("svar: \"\"\n      kommentar: ''")
        answers = []
        for _ in parts[1:]:
            answer = rng.choice(ANSWERS)
            comment = "Der mangler en dateret vurdering." if answer == "nej" else ""
            answers.append(f'svar: "{answer}"\n      kommentar: "{comment}"')
        body = parts[0] + "".join(a + p for a, p in zip(answers, parts[1:], strict=True))
        (folder / f"S-{number:06d}.yaml").write_text(body, encoding="utf-8")


def _render_only(workspace: Path) -> float:
    """Seconds for build + view + render of the HTML report, inputs already loaded (warm)."""
    from datetime import date

    from ledelsestilsyn.core.cpr import mask_cpr
    from ledelsestilsyn.core.periods import parse_period
    from ledelsestilsyn.report.build import Settings, build_report
    from ledelsestilsyn.report.load import load_inputs
    from ledelsestilsyn.report.render import render
    from ledelsestilsyn.report.view import report_view
    from ledelsestilsyn.workspace.open import open_workspace

    ws = open_workspace(workspace)
    today = date(2026, 11, 25)
    inputs = load_inputs(ws, None, None, today=today)
    start = time.perf_counter()
    report = build_report(
        inputs.records, inputs.templates, parse_period("2026-11"), Settings(), mask=mask_cpr
    )
    view = report_view(report, municipality="Bench", audience="leder", today=today, charts=True)
    render(view, "html")
    return time.perf_counter() - start


def run(tmp: Path) -> list[Figure]:
    count = int(os.environ.get("TILSYN_BENCH_RAPPORT_N", "10000"))
    subprocess.run([tilsyn(), "init", str(tmp / "ws")], check=True, capture_output=True)
    workspace = tmp / "ws"
    _generate(workspace, count)
    floor = time_command([python(), "-c", FLOOR, str(workspace / "udtræk")])
    command = [tilsyn(), "rapport", "--dato", "2026-11-25", "--periode", "2026-11", "-o", "r.html"]
    shutil.rmtree(workspace / ".tilsyn", ignore_errors=True)
    cold = time_command(command, cwd=workspace)
    warm = time_command(command, cwd=workspace, repeat=3)
    cwd = Path.cwd()
    os.chdir(workspace)
    try:
        rendering = _render_only(workspace)
    finally:
        os.chdir(cwd)
    note = f"{count} gennemgange over 3 måneder, {os.cpu_count()} kerner"
    return [
        Figure("rapport kold (uden cache)", cold, "s", floor, note),
        Figure("rapport varm (med cache)", warm, "s", floor, note),
        Figure("rapport: optælling og HTML alene", rendering, "s", warm, "forhold til varm kørsel"),
    ]

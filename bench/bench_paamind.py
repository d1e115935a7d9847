"""`tilsyn påmind` as cron runs it every day: nothing due, 10,000 reviews, warm cache.

The floor is `tilsyn --help` in the same run (the start-up every command pays).
The workspace: one monthly series, twelve drawn rounds of filled-in reviews
(all complete, reports made), and the day 2026-12-25, when nothing is due.
A first run checks every review (through `valider`'s cache) and fills
`.tilsyn/påmind.json`; the measured runs find "nothing due" from it.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from ledelsestilsyn.sampling.fillin import render_review
from ledelsestilsyn.templates.catalog import Catalog

from .common import Figure, tilsyn, time_command

REVIEWS = 10_000
SERIES = "månedligt-overordnet"
CONCEPT = f"""kommune: "Benchby Kommune"
tilsyn:
  {SERIES}:
    skabelon: overordnet
    kadence: månedlig
    antal: 834
    bedømmere: ["Anne Jensen"]
eksport:
  kolonner: {{sag: Sag, rådgiver: Rådgiver, paragraf: Paragraf, afgørelsesdato: Dato}}
"""
TODAY = "2026-12-25"


def _workspace(root: Path) -> None:
    (root / "koncept.yaml").write_text(CONCEPT, encoding="utf-8")
    template = Catalog.load(root).resolve("overordnet")
    (root / "rapporter").mkdir()
    per_round = -(-REVIEWS // 12)
    for index in range(REVIEWS):
        month = index // per_round + 1
        period = f"2026-{month:02d}"
        folder = root / "udtræk" / f"{period}-{SERIES}"
        folder.mkdir(parents=True, exist_ok=True)
        case = f"S-{index:05d}"
        text = render_review(
            template,
            series=SERIES,
            period=period,
            case_id=case,
            caseworker="Rådgiver",
            team="Team",
            focus=[],
        )
        text = text.replace('gennemført_af: ""', 'gennemført_af: "Anne Jensen"')
        text = text.replace('dato: ""', f'dato: "{period}-15"')
        text = re.sub('svar: ""', 'svar: "ja"', text)
        (folder / f"{case}.yaml").write_text(text, encoding="utf-8")
    for month in range(1, 12):
        (root / "rapporter" / f"rapport-2026-{month:02d}.md").write_text("#\n", encoding="utf-8")


def run(tmp: Path) -> list[Figure]:
    root = tmp / "arbejdsmappe"
    root.mkdir()
    _workspace(root)
    command = [tilsyn(), "påmind", "--dato", TODAY]
    cold = time_command(command, cwd=root)
    check = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    if check.returncode != 0 or check.stdout:
        raise SystemExit(f"påmind skulle være tavs: {check.returncode} {check.stdout[:2000]}")
    floor = time_command([tilsyn(), "--help"], cwd=root, repeat=9)
    warm = time_command(command, cwd=root, repeat=9)
    return [
        Figure(f"påmind intet forfaldent, {REVIEWS} gennemgange (varm cache)", warm, "s", floor),
        Figure(f"påmind første kørsel, {REVIEWS} gennemgange (kold cache)", cold, "s"),
    ]

"""Which rounds still wait for their feedback letters (`formidling: tilbagemelding_dage`).

`tilsyn tilbagemelding --periode P` writes the letters to
`tilbagemeldinger/<P>/`. A round's letters count as written when such a folder
holds a letter (`.md`) and its period covers the round's whole period: the
letters for 2026-K4 cover the monthly rounds 2026-10 … 2026-12. `påmind` then
reminds of a round whose period has ended, that has finished reviews and no
letters: they are due `tilbagemelding_dage` days after the latest review date.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.core.periods import Period, parse_period
from ledelsestilsyn.workspace.layout import FEEDBACK_DIR


def written_periods(root: Path) -> list[Period]:
    """The periods with at least one letter written under `tilbagemeldinger/`."""
    folder = root / FEEDBACK_DIR
    if not folder.is_dir():
        return []
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if not entry.is_dir() or not _has_letter(entry.path):
                continue
            try:
                found.append(parse_period(entry.name))
            except TilsynError:
                continue
    return found


def _has_letter(path: str) -> bool:
    with os.scandir(path) as entries:
        return any(e.name.endswith(".md") and e.is_file() for e in entries)


def pending(
    latest: Mapping[tuple[str, str], str], written: Iterable[Period]
) -> dict[tuple[str, str], date]:
    """(series, period label) → latest finished review date, for rounds without letters."""
    periods = list(written)
    result: dict[tuple[str, str], date] = {}
    for key, day in latest.items():
        if not day:
            continue
        try:
            period = parse_period(key[1])
        except TilsynError:
            continue
        if not any(p.start <= period.start and period.end <= p.end for p in periods):
            result[key] = date.fromisoformat(day)
    return result

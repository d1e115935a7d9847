"""Which rounds still wait for their feedback letters (`formidling: tilbagemelding_dage`).

`tilsyn tilbagemelding --periode P` writes the letters to
`tilbagemeldinger/<P>/`. A round's letters count as written when such a folder
holds a letter (`.md`) and its period covers the round's whole period: the
letters for 2026-K4 cover the monthly rounds 2026-10 … 2026-12. `påmind` then
reminds of a round whose period has ended, that has finished reviews and no
letters: they are due `tilbagemelding_dage` days after the latest review date.
Letters written before one of the round's finished reviews was last written
(it was finished, or changed, after them) do not count: its caseworker got no
letter, or one without that case, so the letters are asked for again.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.core.periods import Period, parse_period
from ledelsestilsyn.workspace.layout import FEEDBACK_DIR


def written_periods(root: Path) -> list[tuple[Period, int]]:
    """The periods with at least one letter under `tilbagemeldinger/`, and when the newest
    letter was written (ns)."""
    folder = root / FEEDBACK_DIR
    if not folder.is_dir():
        return []
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            newest = _newest_letter(entry.path) if entry.is_dir() else 0
            if not newest:
                continue
            try:
                found.append((parse_period(entry.name), newest))
            except TilsynError:
                continue
    return found


def _newest_letter(path: str) -> int:
    with os.scandir(path) as entries:
        letters = [e.stat().st_mtime_ns for e in entries if e.name.endswith(".md") and e.is_file()]
    return max(letters, default=0)


def finished_at(stamp: str) -> int:
    """When a review file was written (ns), from its stamp `size:mtime:…`."""
    return int(stamp.split(":")[1])


def pending(
    latest: Mapping[tuple[str, str], tuple[str, int]], written: Iterable[tuple[Period, int]]
) -> tuple[dict[tuple[str, str], date], frozenset[tuple[str, str]]]:
    """(series, period label) → latest finished review date, for rounds without letters;
    and those of them whose letters were written before a finished review (`renewed`).

    `latest` holds each round's latest finished review date and when its newest finished
    review file was written (ns)."""
    periods = list(written)
    result: dict[tuple[str, str], date] = {}
    renewed: set[tuple[str, str]] = set()
    for key, (day, finished) in latest.items():
        if not day:
            continue
        try:
            period = parse_period(key[1])
        except TilsynError:
            continue
        covering = [at for p, at in periods if p.start <= period.start and period.end <= p.end]
        if not covering or max(covering) < finished:
            result[key] = date.fromisoformat(day)
        if covering and max(covering) < finished:
            renewed.add(key)
    return result, frozenset(renewed)

"""Which rounds still wait for their feedback letters (`formidling: tilbagemelding_dage`).

`tilsyn tilbagemelding --periode P` writes the letters to
`tilbagemeldinger/<P>/`. A round's letters count as written when such a folder
holds a letter (`.md`) and its period covers the round's whole period: the
letters for 2026-K4 cover the monthly rounds 2026-10 … 2026-12. `påmind` then
reminds of a round whose period has ended, that has finished reviews and no
letters: they are due `tilbagemelding_dage` days after the latest review date.
Letters that do not cover one of the round's finished cases (it was finished
after them; `FEEDBACK_CASES` lists the cases they cover) do not count: its
caseworker got no letter, or one without that case, so they are asked for again.
Only a newly finished case does that, not an edit of a finished review.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.core.periods import Period, counted_in, parse_period
from ledelsestilsyn.io.files import read_regular
from ledelsestilsyn.schedule.stamps import is_folder, is_plain_file
from ledelsestilsyn.workspace.layout import FEEDBACK_CASES, FEEDBACK_DIR

Letters = tuple[Period, frozenset[str] | None]
"""A letters folder's period, and the case ids its letters cover (None: not said, all)."""


def written_periods(root: Path) -> list[Letters]:
    """The periods with at least one letter under `tilbagemeldinger/`, with the cases the
    letters cover (`FEEDBACK_CASES`, written by `tilsyn tilbagemelding`)."""
    folder = root / FEEDBACK_DIR
    if not folder.is_dir():
        return []
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            # a link is no letters folder: `tilbagemelding` writes none through it (a probe)
            if not is_folder(entry) or entry.is_symlink() or not _has_letter(entry.path):
                continue
            try:
                found.append((parse_period(entry.name), covered_cases(Path(entry.path))))
            except TilsynError:
                continue
    return found


def _has_letter(path: str) -> bool:
    """A letter, not a hidden file (a temp letter a killed run left: a probe) nor a link."""
    with os.scandir(path) as entries:
        return any(
            e.name.endswith(".md")
            and not e.name.startswith(".")
            and is_plain_file(e)
            and not e.is_symlink()
            for e in entries
        )


def covered_cases(folder: Path) -> frozenset[str] | None:
    """The cases a letters folder's `FEEDBACK_CASES` lists; None when there is no such
    file or it cannot be read (not UTF-8, a folder): the one reader of that file."""
    try:
        text = read_regular(folder / FEEDBACK_CASES).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return frozenset(line for line in text.splitlines() if line)


def pending(
    latest: Mapping[tuple[str, str], tuple[str, Iterable[str]]], written: Iterable[Letters]
) -> tuple[dict[tuple[str, str], date], dict[tuple[str, str], tuple[str, ...]]]:
    """(series, period label) → latest finished review date, for rounds without letters;
    and of those whose letters miss a case finished since, the cases (`renewed`).

    `latest` holds each round's latest finished review date and its finished cases."""
    periods = list(written)
    result: dict[tuple[str, str], date] = {}
    renewed: dict[tuple[str, str], tuple[str, ...]] = {}
    for key, (day, done) in latest.items():
        if not day:
            continue
        try:
            period = parse_period(key[1])
        except TilsynError:
            continue
        covering = [ids for p, ids in periods if counted_in(period.start, period.end, p)]
        if covering and any(ids is None for ids in covering):
            continue  # letters from before the cases were written down: taken as covering all
        covered = {case for ids in covering if ids is not None for case in ids}
        missing = set(done) - covered if covering else set()
        if not covering or missing:
            result[key] = date.fromisoformat(day)
        if missing:
            renewed[key] = tuple(sorted(missing))
    return result, renewed

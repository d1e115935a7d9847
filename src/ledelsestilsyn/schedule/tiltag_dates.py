"""Tiltag deadlines and evaluation dates for `påmind`, kept cheap for the cron fast path.

The dates of the open tiltag are cached in `.tilsyn/påmind.json` under the
SHA-256 of `tiltag.yaml`; only a changed file is read and validated again
(then with pydantic, through `followup.tiltag`). A date is due from
`LEAD_DAYS` days before it; a deadline while the tiltag is planlagt or i
gang, an evaluation until `evalueret` is written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ledelsestilsyn.core.diagnostics import Diagnostic, ErrorKind, TilsynError
from ledelsestilsyn.io.files import read_regular
from ledelsestilsyn.workspace.layout import TILTAG_FILE

LEAD_DAYS = 7
DEADLINE = "frist"
EVALUATION = "evaluering"


@dataclass(frozen=True)
class TiltagDate:
    id: str
    title: str
    kind: str
    day: date
    responsible: str = ""


@dataclass(frozen=True)
class TiltagDue:
    date: TiltagDate
    days_left: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    def key(self) -> str:
        stage = "overskredet" if self.overdue else "frist"
        d = self.date
        return "|".join(("tiltag", d.id, d.kind, d.day.isoformat(), stage))


def due(dates: Iterable[TiltagDate], today: date) -> tuple[TiltagDue, ...]:
    found = [TiltagDue(d, (d.day - today).days) for d in dates]
    return tuple(sorted((f for f in found if f.days_left <= LEAD_DAYS), key=lambda f: f.date.day))


@dataclass(frozen=True)
class ReadDates:
    dates: list[TiltagDate]
    changed: bool
    """Whether the cache (`cache["tiltag"]`) was updated."""
    notes: list[Diagnostic]
    """A mistake in tiltag.yaml, as warnings: the other reminders still go out."""


def read_dates(root: Path, cache: dict[str, Any]) -> ReadDates:
    """The open tiltag's dates (none, with warnings, when tiltag.yaml has a mistake)."""
    path = root / TILTAG_FILE
    try:
        raw = read_regular(path)
    except FileNotFoundError:
        return ReadDates([], False, [])
    except OSError:  # a folder or a pipe by that name: `_load` says so, as a warning
        return ReadDates([], False, _load(root)[1])
    digest = hashlib.sha256(raw).hexdigest()
    cached = cache.get("tiltag")
    if isinstance(cached, dict) and cached.get("sha256") == digest:
        return ReadDates([_from_json(d) for d in cached["dates"]], False, [])
    dates, notes = _load(root)
    if notes:  # not cached: said again on every run until the file is right
        return ReadDates([], False, notes)
    cache["tiltag"] = {"sha256": digest, "dates": [_to_json(d) for d in dates]}
    return ReadDates(dates, True, [])


def _load(root: Path) -> tuple[list[TiltagDate], list[Diagnostic]]:
    from ledelsestilsyn.core.unknown_names import mask_names
    from ledelsestilsyn.followup.tiltag import evaluation_date, tiltag_shown
    from ledelsestilsyn.report.department import neutral_id
    from ledelsestilsyn.workspace.open import open_workspace
    from ledelsestilsyn.workspace.people import concept_names

    try:
        workspace = open_workspace(root)
    except TilsynError as exc:  # the concept itself: a wrong call, as everywhere in påmind
        raise TilsynError(exc.diagnostics, kind=ErrorKind.USAGE) from None
    # No day: the dates are kept from run to run (O032 is said by tiltag, tjek and rapport).
    read, notes = tiltag_shown(
        workspace, None, "O016", "tiltagenes frister og evalueringer er udeladt"
    )
    if notes:
        return [], notes
    # A reminder goes by mail: a child's name in a title is `[navn]`, an id with one is the
    # tiltag's place (`tiltag 2`), as in the calendar; the colleagues stay.
    known = concept_names(workspace.concept) | {t.responsible for t in read.tiltag if t.responsible}
    neutral = neutral_id([], [])
    dates: list[TiltagDate] = []
    for number, t in enumerate(read.tiltag, start=1):
        who = t.responsible or ""
        title, shown = mask_names(t.title, known), neutral(t.id, number)
        if t.deadline is not None and t.is_open:
            dates.append(TiltagDate(shown, title, DEADLINE, t.deadline, who))
        evaluation = evaluation_date(t)
        if evaluation is not None and t.evaluated is None and t.status != "opgivet":
            dates.append(TiltagDate(shown, title, EVALUATION, evaluation, who))
    return dates, []


def _to_json(d: TiltagDate) -> list[str]:
    return [d.id, d.title, d.kind, d.day.isoformat(), d.responsible]


def _from_json(raw: list[str]) -> TiltagDate:
    tiltag_id, title, kind, day, responsible = raw
    return TiltagDate(tiltag_id, title, kind, date.fromisoformat(day), responsible)

"""The list of tiltag as plain text: status, deadline, evaluation and targets (greppable)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date

from ledelsestilsyn.core.lines import one_line
from ledelsestilsyn.core.names_found import names_in, written_as_found
from ledelsestilsyn.core.unknown_names import mask_names
from ledelsestilsyn.core.words import listing
from ledelsestilsyn.followup.tiltag import Retired, evaluation_date
from ledelsestilsyn.followup.tiltag_ids import shown_id
from ledelsestilsyn.models.tiltag import Tiltag
from ledelsestilsyn.report.formats import share_text


def _day(day: date | None, today: date, *, open_: bool) -> str:
    if day is None:
        return "–"
    late = " (overskredet)" if open_ and day < today else ""
    return day.isoformat() + late


def _targets(tiltag: Tiltag) -> str:
    t = tiltag.targets
    steps = (f"sagsskridt {s}" for s in t.steps)
    parts = [*t.questions, *steps, *(f"pejlemærke {p}" for p in t.pejlemaerker)]
    listed = ", ".join(parts) or "–"
    listed = f"{listed} ({tiltag.template})" if tiltag.template else listed
    return listed if t.level is None else f"{listed} · niveau {share_text(t.level)}"


def _gone(gone: Sequence[Retired]) -> list[str]:
    """A line for the targets a new template version removed (`tilsyn tiltag` warns too)."""
    if not gone:
        return []
    names = [g.target if g.key == "spørgsmål" else f"sagsskridt {g.target}" for g in gone]
    where = listing(sorted({f"{g.template} {g.newest}" for g in gone}), "og")
    return [f"  ikke længere i skabelonen ({where}): {', '.join(names)}; ret målet i tiltag.yaml"]


def _evaluation(tiltag: Tiltag, today: date) -> str:
    """When the effect was evaluated, else when it is due (overdue marked)."""
    if tiltag.evaluated is not None:
        return f"evalueret {tiltag.evaluated.isoformat()}"
    due = _day(evaluation_date(tiltag), today, open_=tiltag.status != "opgivet")
    return f"evaluering: {due}"


def tiltag_lines(
    tiltag: list[Tiltag],
    today: date,
    retired: Mapping[str, Sequence[Retired]] | None = None,
    known: Collection[str] = (),
) -> list[str]:
    """The tiltag, each name in a title or a conclusion that is not `known`
    (`workspace.known_names`) as `[navn]`, and an id that may name someone by its place
    (`shown_id`), as `påmind` and the reports show them."""
    lines: list[str] = []
    found = names_in(x for t in tiltag for x in t.texts)

    def shown(text: str) -> str:
        return mask_names(written_as_found(text, found), known)

    for number, t in enumerate(tiltag, start=1):
        lines += [
            f"{shown_id(t.id, number, known)} · {shown(t.title)}",
            f"  status: {t.status} · besluttet {t.decided.isoformat()}"
            f" · ansvarlig: {t.responsible or '–'}",
            f"  frist: {_day(t.deadline, today, open_=t.is_open)} · {_evaluation(t, today)}",
            f"  mål: {_targets(t)}",
            *_gone((retired or {}).get(t.id, ())),
        ]
        if t.conclusion:
            lines.append(f"  konklusion: {shown(t.conclusion)}")
    return [one_line(line) for line in lines]

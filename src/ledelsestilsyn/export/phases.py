"""Phase selection (`udvælgelse.faser`): rows kept for their case phase, not their paragraph.

A case in the underretning or undersøgelse phase often has no decision under
§ 32 or § 46 yet; with `faser` such rows are kept when the phase column holds
one of the phases. The pre-filter is then off (any row may be kept), every
phase text seen is remembered, and a phase no row holds is named with the
nearest one the export does hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ledelsestilsyn.core.diagnostics import Diagnostic, fail, warning
from ledelsestilsyn.export.columns import Layout
from ledelsestilsyn.models.concept import OWN_COLUMNS, ExportSpec
from ledelsestilsyn.models.located import did_you_mean
from ledelsestilsyn.sampling.draw import normalise_value
from ledelsestilsyn.sampling.hints import unmatched

if TYPE_CHECKING:
    from ledelsestilsyn.export.rows import RowReader


@dataclass(frozen=True)
class ReadOptions:
    paragraphs: Sequence[str]
    window: tuple[date, date]
    delimiter: str | None = None
    encoding: str | None = None
    phases: Sequence[str] = ()
    """Rows whose `phase_column` holds one of these are kept whatever their paragraph."""
    phase_column: str = "fase"
    sheet: str | None = None
    """The worksheet of an .xlsx export (default: the first)."""
    every_row: bool = False
    """Parse every row, not only those the paragraphs' digits may be in (`newest_decision`)."""
    today: date = date.max
    """A decision dated after this day is not made yet: a typo (2099), its row left out."""


@dataclass(frozen=True)
class PhaseRule:
    """Rows whose field `index` holds one of `allowed` (compared with `normalise_value`)
    are kept whatever their paragraph."""

    index: int
    allowed: frozenset[str]


def phase_rule(layout: Layout, spec: ExportSpec, options: ReadOptions) -> PhaseRule | None:
    """Where the phase column is and which values it must hold (None: no phase selection)."""
    if not options.phases:
        return None
    check_phase_column(options, spec, "koncept.yaml")
    index = dict(layout.extras)[options.phase_column]
    return PhaseRule(index, frozenset(normalise_value(p) for p in options.phases))


def check_phase_column(options: ReadOptions, spec: ExportSpec, where: str) -> None:
    """E016 if phase selection names a column that eksport.kolonner does not map (or one the
    tool reads itself, such as `team`: use `filtre` for those)."""
    column = options.phase_column
    if not options.phases or (column in spec.columns and column not in OWN_COLUMNS):
        return
    known = sorted(t for t in spec.columns if t not in OWN_COLUMNS)
    guess = did_you_mean(column, known)
    hint = f"mente du '{guess}'? " if guess else ""
    raise fail(
        where,
        "E016",
        f"udvælgelsen vælger på sagsfase i kolonnen '{column}', men den står ikke under "
        "eksport.kolonner.",
        hint=hint + "ret udvælgelse.fasekolonne, eller tilføj kolonnen under eksport.kolonner.",
    )


def unknown_phases(reader: RowReader, options: ReadOptions, display: str) -> list[Diagnostic]:
    """E015: a phase in `faser` that no row of the export holds (a typo, or a renamed phase)."""
    if reader.phases is None:
        return []
    where = {options.phase_column: options.phases}
    why = unmatched(lambda _: reader.phase_values(), where, normalise_value, noun="rækker")
    if why is None:
        return []
    hint = "ret udvælgelse.faser i koncept.yaml, så værdien står som i eksporten."
    return [warning(display, "E015", why + ".", hint=hint)]

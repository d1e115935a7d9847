"""U006: nothing can be drawn. The message names the step of the population that
left no case, and the hint lists every step's count, so the setting to change is
found without reading the manifest (none is written). An export whose newest decision
is before the window is said to be old, with that date, instead of blaming the settings
(one that still has cases in the window is warned of in `sampling.stale`)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date

from ledelsestilsyn.core.diagnostics import Diagnostic
from ledelsestilsyn.core.periods import Period
from ledelsestilsyn.models.concept import Series
from ledelsestilsyn.report.formats import long_date
from ledelsestilsyn.sampling.cpr_keys import fix
from ledelsestilsyn.sampling.draw import CPR_STEP, StepCount
from ledelsestilsyn.sampling.sources import DrawSource
from ledelsestilsyn.sampling.stale import newest_rows


def nothing_to_draw(
    concept: str, name: str, series: Series, period: Period, source: DrawSource
) -> Diagnostic:
    steps = source.steps
    hint = _empty_hint(series, period, steps)
    if source.old_export is not None:
        hint = _old_export(source.old_export, period, steps)
    return Diagnostic(
        concept,
        None,
        None,
        "U006",
        f"ingen sager kan trækkes til '{name}' i {period.label}; intet er skrevet"
        + _emptied_at(steps),
        hint + _step_lines(steps),
    )


def _old_export(latest: date, period: Period, steps: Sequence[StepCount]) -> str:
    """The hint for an export whose newest decision is before the window: `sager med
    afgørelse efter § 32, § 46` is the step before the window's, which left no case."""
    before, window = next((b, s) for b, s in itertools.pairwise(steps) if s.count == 0)
    rows = newest_rows(before.name)
    return (
        f"eksporten ser ud til at være gammel: dens nyeste {rows} er fra {long_date(latest)}, "
        f"men {period.label} trækker {window.name}; lav en ny eksport fra sagssystemet, og kør "
        "udtræk igen."
    )


def _emptied_at(steps: Sequence[StepCount]) -> str:
    """Which step of the population left no case, e.g. `: trinnet 'sager med afgørelse
    2025-11-01–2026-10-31' giver 0 (før det: 12).`; just the full stop if none is 0. The
    first step may be it (a level whose source has drawn nothing); a name with quotes in it
    (`sager trukket i 'niveau-2' …`) is set in » «."""
    for at, step in enumerate(steps):
        if step.count == 0:
            name = f"»{step.name}«" if "'" in step.name else f"'{step.name}'"
            before = f" (før det: {steps[at - 1].count})" if at else ""
            return f": trinnet {name} giver 0{before}."
    return "."


def _step_lines(steps: Sequence[StepCount]) -> str:
    if not steps:
        return ""
    return " Tallene trin for trin:" + "".join(f"\n  {s.name}: {s.count}" for s in steps)


def _emptied_step(steps: Sequence[StepCount]) -> str | None:
    return next((s.name for _, s in itertools.pairwise(steps) if s.count == 0), None)


def _empty_hint(series: Series, period: Period, steps: Sequence[StepCount]) -> str:
    if _emptied_step(steps) == CPR_STEP:
        return "sagsnumrene ligner CPR-numre (se U022): " + fix(2)
    if series.level is None:
        return "ret paragraffer, faser, vindue, filtre eller karantæne i koncept.yaml."
    names = ", ".join(f"'{s}'" for s in series.level.sources)
    return (
        f"et niveau trækker kun blandt færdige gennemgange fra {names} i {period.label}; "
        "træk og gør dem færdige først (tjek med tilsyn valider), og kør så udtræk igen."
    )

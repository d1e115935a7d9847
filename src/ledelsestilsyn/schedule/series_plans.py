"""Each series' schedule (`SeriesPlan`) read from the concept, for `påmind` and for tiltag.

Kept apart from `schedule.concept_cache` (påmind's cached read of the concept),
so that `followup` can ask which rounds lie ahead of a tiltag's evaluation
without importing the reminder machinery that itself reads tiltag.yaml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledelsestilsyn.schedule.rounds import SeriesPlan

if TYPE_CHECKING:
    from ledelsestilsyn.models.concept import Concept


def series_plans(
    concept: Concept, titles: dict[str, dict[str, str]] | None = None
) -> tuple[SeriesPlan, ...]:
    """Every series' schedule, with the titles of its steps (series name → step id → title)."""
    lags = level_lags(concept)
    return tuple(
        SeriesPlan(
            name=name,
            title=spec.title or name,
            round_months=tuple(spec.cadence.round_months()),
            period_kind=spec.cadence.period,
            focus=tuple(spec.focus),
            annual_plan=tuple((m, tuple(s)) for m, s in sorted(spec.annual_plan.items())),
            draw_day=spec.deadlines.draw_day,
            finish_day=spec.deadlines.finish_day,
            report_days=spec.deadlines.report_days,
            reviewers=tuple(spec.reviewers),
            step_titles=tuple((titles or {}).get(name, {}).items()),
            lag_months=lags[name],
            sources=tuple(spec.level.sources) if spec.level else (),
        )
        for name, spec in concept.series.items()
    )


def level_lags(concept: Concept) -> dict[str, int]:
    """Months after its period in which each series works: 0 for one drawn from the export,
    one more than the latest of its sources for a level (`schedule.rounds`). `tjek` refuses
    levels that draw from each other in a ring; here such a link simply ends the chain."""
    lags: dict[str, int] = {}

    def lag(name: str, seen: frozenset[str]) -> int:
        if name not in lags:
            spec = concept.series.get(name)
            level = spec.level if spec is not None else None
            sources = [s for s in level.sources if s not in seen] if level else []
            lags[name] = (
                1 + max((lag(s, seen | {name}) for s in sources), default=0) if level else 0
            )
        return lags[name]

    for name in concept.series:
        lag(name, frozenset())
    return lags

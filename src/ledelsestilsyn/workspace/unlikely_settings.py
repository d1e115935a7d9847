"""Settings that work, but hardly as meant: `tjek` warns about them.

`mindste_antal` so low that the committee sees counts of 1 (A014), a baseline that has not
begun (A015: every report shows "–" against it), and more calibrated cases than a round
draws (A016: udtræk can give at most `antal` a second review).
"""

from __future__ import annotations

from datetime import date

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity
from ledelsestilsyn.core.periods import parse_period
from ledelsestilsyn.io.document import YamlDocument
from ledelsestilsyn.models.concept import Concept

SAFE_MIN_COUNT = 3
"""Below it, the committee's and the department's reports show counts of 1 and 2."""


def unlikely_settings(concept: Concept, doc: YamlDocument, today: date) -> list[Diagnostic]:
    return [*_small_counts(concept, doc), *_future_baseline(concept, doc, today)] + [
        warning
        for name in concept.series
        for warning in _calibration_beyond_sample(concept, doc, name)
    ]


def few_hidden(min_count: int) -> str | None:
    """What is wrong with a `mindste_antal` below `SAFE_MIN_COUNT` (A014 in `tjek`, L021 when
    such a report is made: a probe found only `tjek` said it); None when nothing is."""
    if min_count >= SAFE_MIN_COUNT:
        return None
    hidden = "intet skjules" if min_count <= 1 else "kun tal på 1 skjules"
    return (
        f"mindste_antal er {min_count}, så {hidden} i udvalgets og afdelingens rapporter; et "
        "lille tal kan pege på et bestemt barn eller en bestemt rådgiver (standarden er 5)."
    )


def _small_counts(concept: Concept, doc: YamlDocument) -> list[Diagnostic]:
    """A014: `mindste_antal` so low that nothing small is hidden (1 hides nothing at all)."""
    message = few_hidden(concept.report.min_count)
    if message is None:
        return []
    where = ("rapport", "mindste_antal")
    return [doc.diagnostic(where, "A014", message, severity=Severity.WARNING)]


def _future_baseline(concept: Concept, doc: YamlDocument, today: date) -> list[Diagnostic]:
    """A015: a baseline that begins after today has no reviews yet (the model has checked
    that it is a calendar period)."""
    if concept.report.baseline is None:
        return []
    baseline = parse_period(concept.report.baseline)
    if baseline.start <= today:
        return []
    message = (
        f"baseline {baseline.label} er ikke begyndt endnu, så rapporterne har intet at "
        "sammenligne med under 'ift. baseline'; baseline er det udgangspunkt, de næste "
        "perioder sammenlignes med."
    )
    hint = "skriv den periode, tilsynet begyndte med (fx 2026-K1), eller slet linjen."
    where = ("rapport", "baseline")
    return [doc.diagnostic(where, "A015", message, hint=hint, severity=Severity.WARNING)]


def _calibration_beyond_sample(concept: Concept, doc: YamlDocument, name: str) -> list[Diagnostic]:
    """A016: `kalibrering.antal` above `antal`; udtræk gives a second review to the drawn
    cases only, so the round has fewer calibrated cases than the concept says. Not for a
    level drawn per team (`niveau.pr`): it draws `antal` for each."""
    series = concept.series[name]
    if series.calibration is None or series.calibration.count <= series.sample_size:
        return []
    if series.level is not None and series.level.per is not None:
        return []
    message = (
        f"kalibrering.antal er {series.calibration.count}, men runden trækker kun "
        f"{series.sample_size} sager, så højst {series.sample_size} får en ekstra gennemgang."
    )
    hint = f"skriv højst {series.sample_size} under kalibrering.antal, eller hæv antal."
    where = ("tilsyn", name, "kalibrering", "antal")
    return [doc.diagnostic(where, "A016", message, hint=hint, severity=Severity.WARNING)]

"""`tjek`: årshjul months in which a series starts no round (A013).

A round takes its focus from the årshjul at the month it starts (`Series.focus_for_month`
with the period's first month). A month the cadence never starts a round in is never
read, and the rounds fall back to `fokus` (empty: every step), without a word; a
quarterly series (`kvartalsvis`: January, April, July, October) with the sbst preset's
February, May, August and November is the likely case.
"""

from __future__ import annotations

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity
from ledelsestilsyn.core.quote import quote
from ledelsestilsyn.core.words import listing
from ledelsestilsyn.io.document import Path_ as PathT
from ledelsestilsyn.io.document import YamlDocument
from ledelsestilsyn.models.concept import Series
from ledelsestilsyn.report.formats import MONTHS


def unused_months(doc: YamlDocument, base: PathT, name: str, series: Series) -> list[Diagnostic]:
    """A013 for each årshjul month in which `series` starts no round."""
    starts = series.cadence.round_months()
    unused = sorted(m for m in series.annual_plan if m not in starts)
    if not unused or not starts:
        return []
    names = listing([MONTHS[m - 1] for m in starts])
    numbers = listing([str(m) for m in starts], "eller")
    return [
        doc.diagnostic(
            (*base, "årshjul", str(month)),
            "A013",
            f"årshjulets måned {month} ({MONTHS[month - 1]}) bruges aldrig: {quote(name)} "
            f"begynder kun runder i {names} (kadence), og en runde tager fokus fra sin første "
            "måned; runderne uden en måned i årshjulet får 'fokus' (tom: alle sagsskridt).",
            hint=f"skriv fokus ved måned {numbers}, eller ret kadencen.",
            severity=Severity.WARNING,
        )
        for month in unused
    ]

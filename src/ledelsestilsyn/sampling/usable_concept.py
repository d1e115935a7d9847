"""A sample is drawn only from a concept `tilsyn tjek` finds no errors in.

The checks across the concept (a focus step no template has, a quota on a column the export
is not mapped to) were made by `tjek` alone, so `udtræk` wrote a documented sample of empty
reviews, or one short of its quota, and said 'Trak 12 sager'; a drawn sample is never drawn
again, so the mistake stood for the round. Now the same errors stop the draw before
anything is written.
"""

from __future__ import annotations

from datetime import date

from ledelsestilsyn.core.diagnostics import Diagnostic, TilsynError
from ledelsestilsyn.core.words import count
from ledelsestilsyn.workspace.open import Workspace


def check_usable(workspace: Workspace, today: date) -> None:
    """Raise U027 with `tjek`'s errors in the concept (its warnings do not stop a draw)."""
    from ledelsestilsyn.workspace.checks import check_concept

    found = check_concept(workspace.concept, workspace.concept_doc, workspace.catalog, today)
    errors = [d for d in found if d.is_error]
    if not errors:
        return
    summary = Diagnostic(
        workspace.display(workspace.concept_path),
        None,
        None,
        "U027",
        f"konceptet har {count(len(errors), 'fejl', 'fejl')} (ovenfor), så intet er trukket: "
        "en stikprøve trækkes ikke om, når den først er skrevet.",
        "ret fejlene, kør 'tilsyn tjek', og træk så igen.",
    )
    raise TilsynError([*errors, summary])

"""`tilsyn tjek`: check the concept and the templates."""

from pathlib import Path

import typer

from ledelsestilsyn.cli.commands import ConceptOption
from ledelsestilsyn.cli.console import echo
from ledelsestilsyn.cli.errors import EXIT_DATA, EXIT_OK, handled


def register(app: typer.Typer) -> None:
    app.command("tjek")(tjek)


@handled
def tjek(koncept: ConceptOption = None) -> None:
    """Tjek koncept, skabeloner og tiltag.yaml; advar hvor konceptet afviger fra anbefalingerne.

    Eksempel: tilsyn tjek
    """
    from datetime import date

    from ledelsestilsyn.cli.console import print_diagnostics
    from ledelsestilsyn.core.diagnostics import TilsynError
    from ledelsestilsyn.core.words import count
    from ledelsestilsyn.followup.tiltag import read_tiltag
    from ledelsestilsyn.templates.shadowed import shadow_warnings
    from ledelsestilsyn.templates.template_names import template_name_warnings
    from ledelsestilsyn.workspace.checks import check_concept
    from ledelsestilsyn.workspace.leftovers import leftovers
    from ledelsestilsyn.workspace.open import open_workspace

    workspace = open_workspace(Path.cwd(), koncept)
    today = date.today()
    problems = check_concept(workspace.concept, workspace.concept_doc, workspace.catalog, today)
    problems += shadow_warnings(workspace.catalog)
    problems += template_name_warnings(workspace)
    text = workspace.concept_path.read_text(encoding="utf-8", errors="replace")
    problems += leftovers(workspace.concept_doc, workspace.concept.municipality, text)
    try:  # rapport, årshjul and påmind read it too: a mistake is found here first
        problems += read_tiltag(workspace, today).warnings
    except TilsynError as exc:
        problems += exc.diagnostics
    print_diagnostics(problems)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    series = len(workspace.concept.series)
    templates = len(workspace.catalog.templates)
    echo(
        f"{workspace.display(workspace.concept_path)}: "
        f"{count(series, 'tilsynsserie', 'tilsynsserier')}, "
        f"{count(templates, 'skabelon', 'skabeloner')}, {errors} fejl, "
        f"{count(warnings, 'advarsel', 'advarsler')}."
    )
    raise typer.Exit(EXIT_DATA if errors else EXIT_OK)

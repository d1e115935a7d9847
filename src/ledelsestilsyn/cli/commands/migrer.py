"""`tilsyn migrer`: move unfinished reviews to a newer template version."""

from pathlib import Path
from typing import Annotated

import typer

from ledelsestilsyn.cli.commands import ConceptOption, TodayOption
from ledelsestilsyn.cli.errors import EXIT_DATA, handled


def register(app: typer.Typer) -> None:
    app.command("migrer")(migrer)


@handled
def migrer(
    mappe: Annotated[
        Path,
        typer.Argument(
            metavar="MAPPE",
            help="Et udtræk eller en mappe med gennemgange (søges rekursivt).",
            show_default=False,
        ),
    ],
    til: Annotated[
        str,
        typer.Option("--til", help="Den nye skabelon, fx overordnet@2025.1.", show_default=False),
    ],
    ogsaa_faerdige: Annotated[
        bool,
        typer.Option("--også-færdige", "--ogsaa-faerdige", help="Flyt også færdige gennemgange."),
    ] = False,
    rettelser_som_kommentar: Annotated[
        bool,
        typer.Option(
            "--rettelser-som-kommentar",
            help="Flyt også en gennemgang med en rettelse under et spørgsmål, som den nye version "
            "ikke har; rettelsen står da kun som kommentar (påmind og rapporten følger den ikke).",
        ),
    ] = False,
    toer: Annotated[
        bool,
        typer.Option("--tør", "--toer", help="Vis kun, hvad der ville blive flyttet; skriv intet."),
    ] = False,
    dato: TodayOption = None,
    koncept: ConceptOption = None,
) -> None:
    """Flyt ikke påbegyndte og delvist udfyldte gennemgange til en nyere skabelonversion.

    Svar, kommentarer og rettelser på spørgsmål, der er uændrede eller erklæret ens,
    flyttes med; den gamle fil gemmes som <navn>.bak. Svar på ændrede spørgsmål besvares på
    ny (det gamle svar står som kommentar), deres rettelser bliver stående, og egne
    kommentarlinjer (# …) flyttes med. Færdige gennemgange røres ikke uden --også-færdige.

    Eksempel: tilsyn migrer udtræk/2026-11-månedligt-overordnet --til overordnet@2025.1 --tør
    """
    from ledelsestilsyn.cli.views.migration import show_migration
    from ledelsestilsyn.core.periods import day_or_today
    from ledelsestilsyn.review.migrate import migrate
    from ledelsestilsyn.workspace.open import open_workspace

    workspace = open_workspace(Path.cwd(), koncept)
    result = migrate(
        workspace,
        [mappe],
        til,
        include_finished=ogsaa_faerdige,
        corrections_as_comments=rettelser_som_kommentar,
        dry_run=toer,
        today=day_or_today(dato),
    )
    show_migration(result, dry_run=toer, looked=str(mappe))
    if any(skip.fix for skip in result.skipped):  # as `valider` on an invalid file
        raise typer.Exit(EXIT_DATA)

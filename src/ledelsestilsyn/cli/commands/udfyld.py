"""`tilsyn udfyld`: fill in a review in the terminal, one question at a time (Textual)."""

from pathlib import Path
from typing import Annotated

import typer

from ledelsestilsyn.cli.commands import ConceptOption
from ledelsestilsyn.cli.errors import handled


def register(app: typer.Typer) -> None:
    app.command("udfyld")(udfyld)


@handled
def udfyld(
    sti: Annotated[
        Path,
        typer.Argument(
            metavar="STI",
            help="En gennemgangsfil, eller en mappe med gennemgange (fx udtræk/2026-11-…).",
            show_default=False,
        ),
    ],
    bedoemmer: Annotated[
        str | None,
        typer.Option(
            "--bedømmer",
            "--bedoemmer",
            help="Dit navn, som i 'gennemført_af': åbner dine ufærdige gennemgange først "
            "og skrives i de gennemgange, du begynder på.",
        ),
    ] = None,
    dato: Annotated[
        str | None,
        typer.Option("--dato", help="Gennemgangens dato (ÅÅÅÅ-MM-DD). Standard: i dag."),
    ] = None,
    koncept: ConceptOption = None,
) -> None:
    """Udfyld en gennemgang i terminalen: ét spørgsmål ad gangen, gemt løbende i samme fil.

    Svar med én tast (j/n/i eller 1-4), skriv kommentar og rettelse, hop mellem trin,
    og se hvad der mangler. Filen gemmes efter hver ændring og kan stadig rettes i en
    editor og tjekkes med 'tilsyn valider'.

    Eksempel: tilsyn udfyld udtræk/2026-11-månedligt-overordnet --bedømmer "Mette Holm"
    """
    import os

    from ledelsestilsyn.core.diagnostics import ErrorKind, fail
    from ledelsestilsyn.core.periods import day_or_today
    from ledelsestilsyn.io.named import check_named
    from ledelsestilsyn.review.file_kind import not_a_review
    from ledelsestilsyn.workspace.open import open_workspace

    workspace = open_workspace(Path.cwd(), koncept)
    hint = "angiv en gennemgangsfil eller en mappe under udtræk/, fx "
    hint += "udtræk/2026-11-månedligt-overordnet."
    folder = check_named(sti, str(sti), "F021", folders=True, hint=hint)
    if not folder and (wrong := not_a_review(sti, str(sti), "F022")) is not None:
        raise wrong
    from ledelsestilsyn.cli.udfyld.setup import Setup, check
    from ledelsestilsyn.review.session import ReviewFile

    setup = Setup(workspace, sti, bedoemmer, day_or_today(dato))
    first = None if sti.is_dir() else ReviewFile.open(sti, str(sti))
    checked = None if first is None else check(setup, sti)
    if first is not None and checked is None:
        raise fail(
            str(sti),
            "F022",
            "filen er ikke en gennemgang (fx et manifest eller en skabelon).",
            hint="angiv en gennemgangsfil fra udtræk/, eller mappen med dem.",
            kind=ErrorKind.USAGE,
        )
    if not (os.isatty(0) and os.isatty(1)):  # after the path: its mistakes are said first
        raise fail(
            "udfyld",
            "F020",
            "'tilsyn udfyld' skal køre i en terminal (tastatur og skærm), ikke i et rør, "
            "en fil eller et job uden terminal.",
            hint="start den i et terminalvindue, eller udfyld filen i en editor og tjek "
            "den med 'tilsyn valider'.",
            kind=ErrorKind.USAGE,
        )
    from ledelsestilsyn.cli.udfyld.app import UdfyldApp

    app = UdfyldApp(setup, first, checked)
    app.run()
    if app.failure is not None:
        raise app.failure

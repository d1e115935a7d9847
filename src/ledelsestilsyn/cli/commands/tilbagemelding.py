"""`tilsyn tilbagemelding`: one feedback letter per caseworker for a period."""

from typing import Annotated

import typer

from ledelsestilsyn.cli.commands import ConceptOption
from ledelsestilsyn.cli.errors import handled


def register(app: typer.Typer) -> None:
    app.command("tilbagemelding")(tilbagemelding)


@handled
def tilbagemelding(
    periode: Annotated[
        str | None,
        typer.Option(
            "--periode",
            help="Perioden, fx 2026-11, 2026-K4 eller 2026-H2. Standard: som i rapport, den "
            "periode blandt de færdige gennemgange, der begynder senest.",
        ),
    ] = None,
    raadgiver: Annotated[
        str | None, typer.Option("--rådgiver", "--raadgiver", help="Kun brevet til denne rådgiver.")
    ] = None,
    mail: Annotated[
        bool,
        typer.Option("--mail", help="Send hvert brev til rådgiverens egen adresse (formidling)."),
    ] = False,
    send_igen: Annotated[
        bool,
        typer.Option(
            "--send-igen",
            help="Med --mail: send også de breve, der er sendt før og ikke har ændret sig.",
        ),
    ] = False,
    dato: Annotated[
        str | None,
        typer.Option("--dato", help="Dagen, brevet dateres (ÅÅÅÅ-MM-DD). Standard: i dag."),
    ] = None,
    koncept: ConceptOption = None,
) -> None:
    """Skriv et brev til hver rådgiver om netop deres gennemgåede sager (Markdown og HTML).

    Brevet har fundene med spørgsmål, hjemmel, kommentar og rettelse, åbne rettelser fra
    tidligere runder, ledelsens åbne tiltag på rådgiverens fund, hvad der gik godt, og
    teamets og afdelingens tal til sammenligning; intet om andre rådgivere. Kun færdige
    gennemgange kommer med.

    Eksempel: tilsyn tilbagemelding --periode 2026-11 --rådgiver "Anna Holm"
    """
    import os
    from pathlib import Path

    from ledelsestilsyn.cli.console import echo, print_diagnostics
    from ledelsestilsyn.cli.progress import on_terminal
    from ledelsestilsyn.core.diagnostics import ErrorKind, fail
    from ledelsestilsyn.core.periods import day_or_today
    from ledelsestilsyn.followup.feedback import write_letters
    from ledelsestilsyn.followup.letter_mail import mail_letters, mail_setup
    from ledelsestilsyn.followup.one_at_a_time import one_run
    from ledelsestilsyn.workspace.open import open_workspace

    if send_igen and not mail:
        raise fail(
            "tilbagemelding",
            "O025",
            "--send-igen bruges kun sammen med --mail.",
            hint="tilføj --mail for at sende brevene, eller udelad --send-igen.",
            kind=ErrorKind.USAGE,
        )
    today = day_or_today(dato)
    workspace = open_workspace(Path.cwd(), koncept)
    setup = mail_setup(workspace, os.environ) if mail else None
    waiting = "Venter på en anden kørsel af 'tilsyn tilbagemelding' i arbejdsmappen …"
    with one_run(workspace.root, "tilbagemelding", lambda: echo(waiting, err=True)), on_terminal():
        outcome = write_letters(workspace, periode, today=today, only=raadgiver)
    print_diagnostics(outcome.notes, err=True)
    for path in outcome.written:  # one that held its letter already is said to be so
        echo(workspace.display(path) + (" (uændret)" if path in outcome.held else ""))
    if outcome.removed:
        echo(
            "Flyttet til tidligere/, fordi rådgiveren ikke længere har færdige gennemgange i "
            "perioden (brevet var fra en tidligere kørsel):"
        )
        for path in outcome.removed:
            echo(f"  {workspace.display(path)}")
    echo(outcome.summary(workspace.display(outcome.folder), outcome.letters[0].period))
    if setup is not None:
        mailed = mail_letters(workspace, outcome, setup, today=today, again=send_igen)
        print_diagnostics(mailed.warnings, err=True)
        echo(mailed.summary())
        if mailed.unchanged:
            them = "det" if len(mailed.unchanged) == 1 else "dem"
            echo(f"Tip: --send-igen sender {them} alligevel.")

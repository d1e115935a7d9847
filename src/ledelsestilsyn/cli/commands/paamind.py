"""`tilsyn påmind`: what is due and overdue; silent when nothing is (for cron)."""

from pathlib import Path
from typing import Annotated

import typer

from ledelsestilsyn.cli import keyboard
from ledelsestilsyn.cli.commands import ConceptOption
from ledelsestilsyn.cli.console import echo, print_diagnostics
from ledelsestilsyn.cli.errors import handled

DateOption = Annotated[
    str | None,
    typer.Option("--dato", help="Dagen, der regnes fra (ÅÅÅÅ-MM-DD). Standard: i dag."),
]


def register(app: typer.Typer) -> None:
    app.command("påmind")(paamind)
    app.command("paamind", hidden=True)(paamind)


@handled
def paamind(
    dato: DateOption = None,
    altid: Annotated[
        bool, typer.Option("--altid", help="Vis status, også når intet er forfaldent.")
    ] = False,
    mail: Annotated[
        bool,
        typer.Option(
            "--mail",
            help="Send påmindelserne som mail med konceptets smtp-opsætning (påmindelse: smtp).",
        ),
    ] = False,
    koncept: ConceptOption = None,
) -> None:
    """Vis, hvad der er forfaldent og for sent; intet output, når intet er (til cron).

    En påmindelse gentages først efter påmindelse: gentag_efter_dage, eller når
    en frist overskrides. Slutkode 0 (også når noget er forfaldent), 2 ved et
    ugyldigt koncept eller forkert mailopsætning, 75 når en anden kørsel er i gang.

    Eksempel: tilsyn påmind --dato 2026-11-15 --altid
    """

    from ledelsestilsyn.core.periods import day_or_today
    from ledelsestilsyn.schedule.notify import run_reminders

    today = day_or_today(dato)
    outcome = run_reminders(Path.cwd(), koncept, today=today, always=altid, mail=mail)
    print_diagnostics([*outcome.notes, *outcome.unreachable], err=True)
    if outcome.text:
        echo(outcome.text, nl=False)
    seen = keyboard.person_reads()  # a person at the keyboard, not cron: say what the silence means
    if (altid or seen) and outcome.mailed:
        echo(f"Sendt til: {', '.join(outcome.mailed)}")
    elif seen and not outcome.text:
        from ledelsestilsyn.report.formats import long_date

        echo(
            f"Intet nyt at påminde om {long_date(today)}: intet er forfaldent, eller det er "
            "sagt inden for påmindelse: gentag_efter_dage. Se status med 'tilsyn påmind "
            "--altid'. Fra cron skrives intet.",
            err=True,
        )

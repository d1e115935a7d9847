"""`tilsyn påmind`: what is due and overdue; silent when nothing is (for cron)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..cli_support import handled
from . import ConceptOption

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
        typer.Option("--mail", help="Send med SMTP efter konceptets påmindelse: smtp."),
    ] = False,
    koncept: ConceptOption = None,
) -> None:
    """Vis, hvad der er forfaldent og for sent; intet output, når intet er (til cron).

    En påmindelse gentages først efter påmindelse: gentag_efter_dage, eller når
    en frist overskrides. Slutkode 0 (også når noget er forfaldent), 2 ved et
    ugyldigt koncept eller forkert mailopsætning, 75 når en anden kørsel er i gang.

    Eksempel: tilsyn påmind --dato 2026-11-15 --altid
    """

    from ..notify import run_reminders
    from ..periods import day_or_today

    today = day_or_today(dato)
    outcome = run_reminders(Path.cwd(), koncept, today=today, always=altid, mail=mail)
    if outcome.text:
        typer.echo(outcome.text, nl=False)
    if altid and outcome.mailed:
        typer.echo(f"Sendt til: {', '.join(outcome.mailed)}")


def nothing_due_fast(argv: list[str]) -> bool:
    """True when a plain cron call (`påmind [--dato D] [--koncept K] [--mail]`) has nothing due.

    Called by `cli.main` before typer parses anything: typer's parameter
    conversion imports pydantic, which alone costs more than the whole check.
    Anything unusual (other options, `--help`, `--altid`, a problem) returns
    False, and the full command runs and reports as usual.
    """
    values: dict[str, str] = {}
    args = list(argv)
    while args:
        arg = args.pop(0)
        name, eq, value = arg.partition("=")
        if name in ("--dato", "--koncept"):
            if not eq:
                if not args:
                    return False
                value = args.pop(0)
            values[name] = value
        elif arg != "--mail":
            return False
    try:
        from datetime import date

        from ..periods import parse_day
        from ..schedule import status_at
        from ..schedule_scan import read_inputs

        today = parse_day(values["--dato"]) if "--dato" in values else date.today()
        explicit = Path(values["--koncept"]) if "--koncept" in values else None
        inputs = read_inputs(Path.cwd(), explicit, today)
        return status_at(inputs.plan, inputs.state, today).nothing_due
    except Exception:  # the full command runs and reports it with file and line
        return False

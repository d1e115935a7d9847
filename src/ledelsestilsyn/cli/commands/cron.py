"""`tilsyn cron`: a ready crontab line and a systemd timer for the daily `påmind`."""

from pathlib import Path
from typing import Annotated

import typer

from ledelsestilsyn.cli.commands import ConceptOption
from ledelsestilsyn.cli.console import echo
from ledelsestilsyn.cli.errors import handled


def register(app: typer.Typer) -> None:
    app.command("cron")(cron)


@handled
def cron(
    tid: Annotated[
        str, typer.Option("--tid", help="Klokkeslæt for den daglige kørsel (TT:MM).")
    ] = "07:00",
    mail: Annotated[
        bool | None,
        typer.Option(
            "--mail/--uden-mail",
            help="Send med SMTP. Standard: ja, når konceptet har en smtp-opsætning.",
        ),
    ] = None,
    koncept: ConceptOption = None,
) -> None:
    """Skriv en crontab-linje og en systemd-timer, der kører 'tilsyn påmind' hver dag.

    Cron sender selv uddata som mail, og påmind er tavs, når intet er forfaldent.
    Systemd-timeren har Persistent=true, så en kørsel, der blev sprunget over
    (slukket bærbar, genstartet server), tages igen. På Windows skrives i stedet
    PowerShell, der opretter en opgave i Opgavestyring.

    Eksempel: tilsyn cron --tid 06:30
    """
    import os
    import sys

    from ledelsestilsyn.cli.views.cron import cron_text, windows_task_text
    from ledelsestilsyn.schedule.concept_cache import find_concept_fast, read_settings
    from ledelsestilsyn.schedule.notify import ConceptFile, smtp_or_fail

    concept = find_concept_fast(Path.cwd(), koncept).resolve()
    _, settings = read_settings(concept)
    use_mail = mail if mail is not None else settings.smtp is not None
    if use_mail:  # a crontab line that fails every day is worse than an error now
        smtp_or_fail(settings, ConceptFile(concept, os.path.relpath(concept)))
    text = windows_task_text if sys.platform == "win32" else cron_text
    echo(text(concept, tid, use_mail, Path(sys.executable), settings), nl=False)

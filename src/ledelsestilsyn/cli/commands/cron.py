"""`tilsyn cron`: a ready crontab line and a systemd timer for the daily `påmind`."""

from pathlib import Path
from typing import Annotated

import typer

from ledelsestilsyn.cli.commands import ConceptOption
from ledelsestilsyn.cli.console import echo
from ledelsestilsyn.cli.errors import handled
from ledelsestilsyn.core.diagnostics import ErrorKind, fail
from ledelsestilsyn.core.gate import name_passes


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
    _runnable_as_shown(concept, Path(sys.executable))
    _, settings = read_settings(concept)
    use_mail = mail if mail is not None else settings.smtp is not None
    if use_mail:  # a crontab line that fails every day is worse than an error now
        smtp_or_fail(settings, ConceptFile(concept, os.path.relpath(concept)))
    text = windows_task_text if sys.platform == "win32" else cron_text
    echo(text(concept, tid, use_mail, Path(sys.executable), settings), nl=False)


def _runnable_as_shown(*paths: Path) -> None:
    """R004 when a folder on a path the lines run has a CPR-like number in its name: the
    gate masks it in what is printed, and a line with `XXXXXX-XXXX` in its path fails every
    day (a probe: a workspace in `ws-030315-4487`)."""
    for path in paths:
        if not all(name_passes(part) for part in path.parts):
            raise fail(
                str(path),
                "R004",
                "en mappe på stien har et navn, der ligner et CPR-nummer; tilsyn viser det "
                "aldrig, så linjen ville pege på en sti, der ikke findes, og fejle hver dag.",
                hint="giv mappen et navn uden CPR-nummer, og kør 'tilsyn cron' igen.",
                kind=ErrorKind.USAGE,
            )

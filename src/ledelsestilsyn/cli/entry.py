"""Console entry point.

The daily cron run (`tilsyn påmind` with at most `--dato`, `--koncept` and
`--mail`) is answered here before typer is even imported, when nothing is
due: typer's import and its parameter conversion (which loads pydantic) cost
more than the whole check. Every other call goes to the typer app in `cli`.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from pathlib import Path

from ledelsestilsyn.cli import collector, keyboard


def main() -> None:
    # tilsyn uses no pydantic plugins; looking them up scans the metadata of every
    # installed package (about 4 % of an `udtræk`).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    speak_any_text()
    if not _folder_is_there():
        sys.stderr.write(_NO_FOLDER)  # a constant: nothing from a file, nothing to gate
        sys.exit(2)
    collector.start()
    try:
        if (
            sys.argv[1:2] in (["påmind"], ["paamind"])
            and not keyboard.person_reads()  # at a terminal the full command says it all
            and nothing_due_fast(sys.argv[2:])
        ):
            sys.exit(0)
        from ledelsestilsyn.cli.app import main as cli_main

        cli_main()
    except KeyboardInterrupt:  # Ctrl+C before the app's own handler runs (a probe: a traceback)
        sys.stderr.write("Afbrudt.\n")  # a constant: no text from a file, nothing to gate
        sys.exit(INTERRUPTED)
    finally:
        collector.end()


def _folder_is_there() -> bool:
    """Whether the folder the command runs in still exists (a probe: in a deleted folder every
    command, even `påmind --koncept /abs/koncept.yaml`, ended in an internal error)."""
    try:
        Path.cwd()
    except OSError:
        return False
    return True


_NO_FOLDER = (
    "fejl W003: mappen, du står i, findes ikke længere (den er slettet eller flyttet). "
    "Tip: gå til arbejdsmappen igen (cd), og kør kommandoen igen.\n"
)

INTERRUPTED = 130
"""The exit code of a run stopped with Ctrl+C (`cli.errors.EXIT_INTERRUPTED`, not imported
here: its module loads typer, which is what the interrupt may have stopped)."""


def speak_any_text() -> None:
    """Standard output and error that can take every character tilsyn prints (æ, ø, å, but
    also –, ≥, ⚠ and ▲).

    On Windows, output sent to a file or a pipe (`tilsyn rapport -o - > rapport.md`, a
    scheduled task's log) is Windows-1252, which has no ⚠: the report stopped halfway with
    an internal error. Such output is written as UTF-8 instead, as every file tilsyn writes
    is; a terminal that cannot show a character shows `?` instead.
    """
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue
        if codecs.lookup(stream.encoding).name == "utf-8":
            continue
        if stream.isatty():
            stream.reconfigure(errors="replace")
        else:
            stream.reconfigure(encoding="utf-8")


def nothing_due_fast(argv: list[str]) -> bool:
    """True when a plain cron call (`påmind [--dato D] [--koncept K] [--mail]`) has nothing due.

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

        from ledelsestilsyn.core.periods import parse_day
        from ledelsestilsyn.schedule.plan import status_at
        from ledelsestilsyn.schedule.scan import read_inputs

        today = parse_day(values["--dato"]) if "--dato" in values else date.today()
        explicit = Path(values["--koncept"]) if "--koncept" in values else None
        inputs = read_inputs(Path.cwd(), explicit, today)
        return not inputs.notes and status_at(inputs.plan, inputs.state, today).nothing_due
    except Exception:  # the full command runs and reports it with file and line
        return False

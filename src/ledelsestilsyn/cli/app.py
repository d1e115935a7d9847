"""The `tilsyn` command line: the typer app (its error boundary is `cli/errors.py`).

Commands live in `commands/<navn>.py`, each a small function that parses
options, calls the core and prints. This module imports only typer, so
`tilsyn --help` and cron runs start fast; everything heavy is imported
inside the command that needs it.
"""

from __future__ import annotations

import importlib
import os
from typing import Any

import typer

from ledelsestilsyn import __version__
from ledelsestilsyn.cli.console import echo

HELP = (
    "Ledelsestilsyn på børne- og ungeområdet efter barnets lov: træk stikprøver fra "
    "sagssystemets eksport, valider de udfyldte gennemgange, lav rapporter og få påmindelser."
)

app = typer.Typer(
    help=HELP,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar="[TILVALG]",
    subcommand_metavar="KOMMANDO [ARGUMENTER]...",
)

# One module per command under commands/; a command appears in --help only
# once its module is listed here.
COMMAND_MODULES: tuple[str, ...] = (
    "init",
    "tjek",
    "skabelon",
    "skema",
    "valider",
    "udtraek",
    "paamind",
    "rapport",
    "aarshjul",
    "cron",
    "tiltag",
    "tilbagemelding",
)


def _version(value: bool) -> None:
    if value:
        from ledelsestilsyn.io.yaml import USING_LIBYAML

        parser = "libyaml (C)" if USING_LIBYAML else "ren Python (langsom: installer libyaml)"
        echo(f"tilsyn {__version__} · YAML-parser: {parser}")
        raise typer.Exit(0)


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Vis version og YAML-parser."
    ),
    debug: bool = typer.Option(
        False, "--debug", help="Vis den fulde fejlsporing ved interne fejl."
    ),
) -> None:
    """Ledelsestilsyn efter barnets lov."""
    if debug:
        os.environ["TILSYN_DEBUG"] = "1"


_HELP_WORDS = {"Arguments": "Argumenter", "Options": "Tilvalg", "Commands": "Kommandoer"}


def _danish_help() -> None:
    """typer's built-in help texts are English; make the ones every user sees Danish."""
    import typer.core
    from typer._click.core import Command
    from typer._click.formatting import HelpFormatter

    original_option = Command.get_help_option
    original_usage = HelpFormatter.write_usage

    def get_help_option(self: Command, ctx: Any) -> Any:
        option = original_option(self, ctx)
        if option is not None:
            option.help = "Vis denne hjælp og afslut."
        return option

    def write_usage(
        self: HelpFormatter, prog: str, args: str = "", prefix: str | None = None
    ) -> None:
        original_usage(self, prog, args, "Brug: " if prefix is None else prefix)

    Command.get_help_option = get_help_option  # type: ignore[method-assign]
    HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    typer.core._ = lambda message: _HELP_WORDS.get(message, message)  # type: ignore[attr-defined]


_danish_help()

for _name in COMMAND_MODULES:
    importlib.import_module(f".commands.{_name}", __package__).register(app)
for _command in app.registered_commands:
    _command.options_metavar = "[TILVALG]"


def main() -> None:
    """Console entry point; the error boundary (`errors.run`) makes usage errors Danish."""
    from ledelsestilsyn.cli.errors import run

    run(app)

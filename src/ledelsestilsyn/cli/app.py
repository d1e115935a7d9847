"""The `tilsyn` command line: the typer app (its error boundary is `cli/errors.py`).

Commands live in `commands/<navn>.py`, each a small function that parses
options, calls the core and prints. This module imports only typer, so
`tilsyn --help` and cron runs start fast; everything heavy is imported
inside the command that needs it.
"""

import importlib
import os

import typer

from ledelsestilsyn import __version__
from ledelsestilsyn.cli import danish
from ledelsestilsyn.cli.console import echo

HELP = (
    "Ledelsestilsyn på børne- og ungeområdet efter barnets lov: træk stikprøver fra "
    "sagssystemets eksport, valider de udfyldte gennemgange, lav rapporter og få påmindelser."
)

app = typer.Typer(
    name="tilsyn",
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
    "udfyld",
    "migrer",
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


danish.install()

for _name in COMMAND_MODULES:
    importlib.import_module(f".commands.{_name}", __package__).register(app)


def main() -> None:
    """Console entry point; the error boundary (`errors.run`) makes usage errors Danish."""
    from ledelsestilsyn.cli.errors import run

    run(app)

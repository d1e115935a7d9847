"""The `tilsyn` command line: the typer app (its error boundary is `cli/errors.py`).

Commands live in `commands/<navn>.py`, each a small function that parses
options, calls the core and prints. This module imports only typer, so
`tilsyn --help` and cron runs start fast; everything heavy is imported
inside the command that needs it.
"""

import importlib
import os

import typer
from typer.models import CommandInfo, TyperInfo

from ledelsestilsyn import __version__
from ledelsestilsyn.cli import danish
from ledelsestilsyn.cli.console import echo

HELP = (
    "Ledelsestilsyn på børne- og ungeområdet efter barnets lov: træk stikprøver fra "
    "sagssystemets eksport, valider de udfyldte gennemgange, lav rapporter, følg op med "
    "tilbagemeldinger, rettelser og tiltag, og få påmindelser."
)

ORDER: list[str] = []
"""The command names in the order of `COMMANDS` (filled as they are registered)."""


class _InOrder(typer.core.TyperGroup):
    """Lists the commands in the order of the work; typer puts groups (tiltag) last."""

    def list_commands(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        names = super().list_commands(ctx)
        return sorted(names, key=lambda n: ORDER.index(n) if n in ORDER else len(ORDER))


app = typer.Typer(
    name="tilsyn",
    cls=_InOrder,
    help=HELP,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar="[TILVALG]",
    subcommand_metavar="KOMMANDO [ARGUMENTER]...",
)

# One module per command under commands/, in the order of the work (set up, draw,
# review, report and follow up, keep going, tools); a command appears in --help only
# once its module is listed here. The line beside it is what `tilsyn --help` shows:
# short enough for an 80-column terminal, where click would cut a longer one.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("init", "Opret en arbejdsmappe ud fra et forlæg."),
    ("tjek", "Tjek koncept, skabeloner og tiltag.yaml."),
    ("udtraek", "Træk stikprøven og skriv en gennemgangsfil for hver sag."),
    ("udfyld", "Udfyld en gennemgang i terminalen."),
    ("valider", "Find alle fejl i de udfyldte gennemgange."),
    ("rapport", "Lav rapporten til leder, afdeling eller udvalg."),
    ("tilbagemelding", "Skriv et brev til hver rådgiver om egne sager."),
    ("tiltag", "Vis ledelsens tiltag, eller opret et nyt."),
    ("paamind", "Vis, hvad der er forfaldent eller for sent (til cron)."),
    ("aarshjul", "Vis årets runder med fokus og frister."),
    ("cron", "Skriv linjerne, der kører påmind hver dag."),
    ("skabelon", "Vis skabelonerne eller forskellen på to versioner."),
    ("skema", "Skriv JSON-skemaer, så editoren kender svarene."),
    ("migrer", "Flyt gennemgange til en nyere skabelonversion."),
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

for _name, _short in COMMANDS:
    _known = len(app.registered_commands), len(app.registered_groups)
    importlib.import_module(f".commands.{_name}", __package__).register(app)
    _infos: list[CommandInfo | TyperInfo] = [
        *app.registered_commands[_known[0] :],
        *app.registered_groups[_known[1] :],
    ]
    for _info in _infos:
        _info.short_help = _short
        ORDER.append(str(_info.name))


def main() -> None:
    """Console entry point; the error boundary (`errors.run`) makes usage errors Danish."""
    from ledelsestilsyn.cli.errors import run

    run(app)

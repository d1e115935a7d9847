"""`tilsyn init`: create a workspace from a preset."""

from pathlib import Path
from typing import Annotated

import typer

from ledelsestilsyn.cli.commands import given_path
from ledelsestilsyn.cli.console import echo
from ledelsestilsyn.cli.errors import handled


def register(app: typer.Typer) -> None:
    app.command("init")(init)


@handled
def init(
    mappe: Annotated[
        Path,
        typer.Argument(
            help="Mappen, der skal oprettes. Standard: denne mappe.",
            show_default=False,
            parser=given_path,
        ),
    ] = Path(),
    preset: Annotated[
        str, typer.Option("--forlæg", "--forlaeg", help="Forlæg: sbst, kk eller handicap.")
    ] = "sbst",
) -> None:
    """Opret en arbejdsmappe med koncept.yaml ud fra et forlæg.

    Eksempel: tilsyn init tilsyn-2027 --forlæg kk
    """
    from ledelsestilsyn.cli.output import refuse_stdout
    from ledelsestilsyn.workspace.init import create_workspace, preset_name
    from ledelsestilsyn.workspace.layout import SCHEMA_DIR

    refuse_stdout(mappe, "MAPPE")
    preset = preset_name(preset)
    made = create_workspace(mappe, preset)
    where = "i denne mappe" if mappe.resolve() == Path.cwd().resolve() else str(mappe)
    echo(f"Oprettede arbejdsmappen {where} ud fra forlægget '{preset}':")
    for path in made.written:
        echo(f"  {path}")
    if made.kept:
        echo(
            "Fandtes allerede med et andet indhold og er beholdt, som de var "
            "(init overskriver intet):"
        )
        for path in made.kept:
            echo(f"  {path}")
        if any(path.parent.name == SCHEMA_DIR for path in made.kept):
            echo(
                "Vil I have en frisk kopi af skemaerne, så skriv 'tilsyn skema --mappe skema-ny' "
                "og sammenlign; slet eller omdøb et skema i skema/, så skriver 'tilsyn skema' "
                "et nyt (tilsyn overskriver aldrig et skema, I har rettet)."
            )
    echo("Ret koncept.yaml til jeres lokale koncept, og kør 'tilsyn tjek'.")

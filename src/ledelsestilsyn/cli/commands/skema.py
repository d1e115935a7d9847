"""`tilsyn skema`: write JSON Schemas for editor support."""

from pathlib import Path
from typing import Annotated

import typer

from ledelsestilsyn.cli.commands import given_path
from ledelsestilsyn.cli.console import echo
from ledelsestilsyn.cli.errors import handled
from ledelsestilsyn.core.words import count


def register(app: typer.Typer) -> None:
    app.command("skema")(skema)


@handled
def skema(
    folder: Annotated[
        Path | None,
        typer.Option(
            "--mappe", help="Hvor skemaerne skrives. Standard: skema/.", parser=given_path
        ),
    ] = None,
) -> None:
    """Skriv JSON-skemaer til editorer (autoudfyldning og røde streger ved forkerte svar).

    Et skema, du har rettet, overskrives ikke; slet det, så skrives et nyt.

    Eksempel: tilsyn skema --mappe skema
    """
    from ledelsestilsyn.cli.console import print_diagnostics
    from ledelsestilsyn.cli.output import refuse_stdout
    from ledelsestilsyn.core.diagnostics import TilsynError
    from ledelsestilsyn.templates.catalog import Catalog
    from ledelsestilsyn.workspace.layout import CACHE_DIR, SCHEMA_DIR
    from ledelsestilsyn.workspace.open import find_concept
    from ledelsestilsyn.workspace.schemas import kept_warning, recorded_schemas, write_schemas

    refuse_stdout(folder, "--mappe")
    try:
        root: Path | None = find_concept(Path.cwd()).parent
    except TilsynError:
        root = None
    target = folder or (root or Path.cwd()) / SCHEMA_DIR
    # The digests udtræk recorded of the files in skema/ tell an older tilsyn's files.
    recorded = recorded_schemas(root / CACHE_DIR)[0] if folder is None and root else None
    written, kept = write_schemas(target, Catalog.load(root), recorded)
    print_diagnostics([kept_warning(str(path)) for path in kept], err=True)
    # 'skrevet' (made or renewed); the folder as the user wrote it, or relative to here
    shown = target if folder is not None else _here(target)
    echo(f"{count(len(written), 'skema', 'skemaer')} skrevet i {shown}.")


def _here(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path

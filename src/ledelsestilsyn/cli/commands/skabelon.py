"""`tilsyn skabelon`: list the templates, or show one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ledelsestilsyn.cli.console import echo
from ledelsestilsyn.cli.errors import handled
from ledelsestilsyn.cli.formats import TemplateFormat


def register(app: typer.Typer) -> None:
    app.command("skabelon")(skabelon)


@handled
def skabelon(
    ref: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="Skabelonens id eller id@version.")
    ] = None,
    format: Annotated[
        TemplateFormat,
        typer.Option("--format", help="terminal (træ) eller md (tjekliste til print)."),
    ] = TemplateFormat.TERMINAL,
) -> None:
    """Vis skabelonerne, eller én skabelon som træ eller som tjekliste.

    Eksempler: tilsyn skabelon · tilsyn skabelon overordnet --format md
    """
    from ledelsestilsyn.cli.console import console
    from ledelsestilsyn.cli.views.template import list_table, markdown, tree
    from ledelsestilsyn.core.diagnostics import TilsynError
    from ledelsestilsyn.templates.catalog import Catalog
    from ledelsestilsyn.workspace.open import find_concept

    try:
        root: Path | None = find_concept(Path.cwd()).parent
    except TilsynError:
        root = None
    catalog = Catalog.load(root)
    if ref is None:
        console().print(list_table(catalog))
        return
    template = catalog.resolve(ref)
    if format is TemplateFormat.MD:
        echo(markdown(template), nl=False)
    else:
        console().print(tree(template))

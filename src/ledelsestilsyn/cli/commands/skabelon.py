"""`tilsyn skabelon`: list the templates, or show one."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ledelsestilsyn.cli.console import echo
from ledelsestilsyn.cli.errors import handled
from ledelsestilsyn.cli.formats import TemplateFormat

if TYPE_CHECKING:
    from ledelsestilsyn.core.diagnostics import TilsynError
    from ledelsestilsyn.templates.catalog import Catalog


def register(app: typer.Typer) -> None:
    app.command("skabelon")(skabelon)


DIFF = "forskel"


@handled
def skabelon(
    args: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[ID | forskel A B]",
            help="Skabelonens id eller id@version; eller 'forskel' og to skabeloner, der "
            "sammenlignes.",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        TemplateFormat,
        typer.Option(
            "--format",
            case_sensitive=False,
            help="terminal (træ eller tabel) eller md (tjekliste eller tabel).",
        ),
    ] = TemplateFormat.TERMINAL,
) -> None:
    """Vis skabelonerne, én skabelon som træ eller tjekliste, eller forskellen på to versioner.

    Eksempler: tilsyn skabelon · tilsyn skabelon overordnet --format md ·
    tilsyn skabelon forskel overordnet@2024.1 overordnet@2025.1
    """
    from ledelsestilsyn.cli.console import console
    from ledelsestilsyn.cli.views.template import list_table, markdown, tree
    from ledelsestilsyn.core.diagnostics import TilsynError
    from ledelsestilsyn.templates.catalog import Catalog
    from ledelsestilsyn.workspace.open import find_concept

    words = list(args or [])
    if words and words[0] == DIFF and len(words) != 3:
        raise _usage("skriv to skabeloner efter 'forskel', fx overordnet@2024.1 overordnet@2025.1.")
    if len(words) > 1 and words[0] != DIFF:
        raise _usage("skriv én skabelon, eller 'forskel' og to skabeloner.")
    try:
        root: Path | None = find_concept(Path.cwd()).parent
    except TilsynError:
        root = None
    catalog = Catalog.load(root)
    if words and words[0] == DIFF:
        _diff(catalog, words[1], words[2], format)
        return
    ref = words[0] if words else None
    if ref is None:
        console().print(list_table(catalog))
        return
    _named(catalog, ref)
    template = catalog.resolve(ref)
    if format is TemplateFormat.MD:
        echo(markdown(template), nl=False)
    else:
        console().print(tree(template))


def _usage(message: str) -> "TilsynError":
    from ledelsestilsyn.core.diagnostics import ErrorKind, fail

    return fail("skabelon", "T020", message, kind=ErrorKind.USAGE)


def _named(catalog: "Catalog", *refs: str) -> None:
    """A template name on the command line that no template has is a wrong call (exit 2),
    not a wrong file: `tilsyn skabelon overordnt` or `forskel overordnet@2023.1 …`."""
    from ledelsestilsyn.core.diagnostics import ErrorKind, TilsynError

    try:
        for ref in refs:
            catalog.raw(ref)
    except TilsynError as exc:
        raise TilsynError(exc.diagnostics, ErrorKind.USAGE) from None


def _diff(catalog: "Catalog", old: str, new: str, format: TemplateFormat) -> None:
    from ledelsestilsyn.cli.console import console
    from ledelsestilsyn.cli.views import template_diff
    from ledelsestilsyn.templates.versions import compare

    _named(catalog, old, new)
    versions = compare(catalog.lineage(old, new))
    if format is TemplateFormat.MD:
        echo(template_diff.markdown(versions), nl=False)
        return
    console().print(template_diff.table(versions))
    echo(template_diff.summary(versions))

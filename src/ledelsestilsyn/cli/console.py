"""Terminal output shared by the commands (rich, imported only when printing)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import typer

from ledelsestilsyn.core.diagnostics import Diagnostic

if TYPE_CHECKING:
    from rich.console import Console


def print_diagnostics(diagnostics: Iterable[Diagnostic], *, err: bool = False) -> None:
    """Compiler-style lines; plain text so they can be grepped and parsed."""
    from ledelsestilsyn.cli.errors import shown

    for diagnostic in diagnostics:
        typer.echo(shown(diagnostic).format(), err=err)


def console(*, err: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=err, highlight=False, soft_wrap=False)

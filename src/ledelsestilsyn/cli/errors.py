"""The one error boundary shared by all commands."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import typer

F = TypeVar("F", bound=Callable[..., Any])


def handled(func: F) -> F:
    """The error boundary: expected errors become Danish lines and exit 1/2; bugs exit 3."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from ledelsestilsyn.core.diagnostics import TilsynError

        try:
            return func(*args, **kwargs)
        except TilsynError as exc:
            from ledelsestilsyn.cli.console import print_diagnostics

            print_diagnostics(exc.diagnostics, err=True)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            typer.echo("Afbrudt.", err=True)
            raise typer.Exit(130) from None
        except Exception as exc:
            if os.environ.get("TILSYN_DEBUG"):
                raise
            typer.echo(
                f"intern fejl i tilsyn ({type(exc).__name__}). Det er en fejl i værktøjet, "
                "ikke i dine filer. Kør igen med 'tilsyn --debug …' og send teksten til "
                "udviklerne.",
                err=True,
            )
            raise typer.Exit(3) from None

    return wrapper  # type: ignore[return-value]

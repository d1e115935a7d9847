"""`tilsyn valider`: check filled-in reviews; one compiler-style line per problem."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ledelsestilsyn.cli.commands import ConceptOption, TodayOption
from ledelsestilsyn.cli.console import echo
from ledelsestilsyn.cli.errors import handled
from ledelsestilsyn.cli.formats import ValidationFormat
from ledelsestilsyn.core.words import count

if TYPE_CHECKING:
    from ledelsestilsyn.review.validate import ReviewRun


def register(app: typer.Typer) -> None:
    app.command("valider")(valider)


@handled
def valider(
    stier: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Gennemgangsfiler eller mapper (søges rekursivt). Standard: udtræk/.",
            show_default=False,
        ),
    ] = None,
    faerdige: Annotated[
        bool,
        typer.Option(
            "--færdige",
            "--faerdige",
            help="Kræv at alle gennemgange er færdige (til sidste frist før rapporten).",
        ),
    ] = False,
    format: Annotated[
        ValidationFormat,
        typer.Option(
            "--format", case_sensitive=False, help="tekst eller json (kun JSON på stdout)."
        ),
    ] = ValidationFormat.TEXT,
    dato: TodayOption = None,
    koncept: ConceptOption = None,
) -> None:
    """Tjek udfyldte gennemgange: alle fejl i alle filer på én gang, med fil:linje:kolonne.

    Eksempel: tilsyn valider udtræk/2026-11-månedligt-overordnet
    """
    from ledelsestilsyn.cli.progress import on_terminal
    from ledelsestilsyn.core.periods import day_or_today
    from ledelsestilsyn.review.validate import run_checks
    from ledelsestilsyn.workspace.open import open_workspace

    workspace = open_workspace(Path.cwd(), koncept)
    with on_terminal():
        run = run_checks(workspace, stier or None, today=day_or_today(dato))
    if format is ValidationFormat.JSON:
        _print_json(run, faerdige)
    else:
        looked = [str(p) for p in stier] if stier else [workspace.display(workspace.samples_dir)]
        _print_text(run, faerdige, ", ".join(looked))
    from ledelsestilsyn.cli.views.validation import exit_code

    raise typer.Exit(exit_code(run, require_complete=faerdige))


def _print_json(run: "ReviewRun", require_complete: bool) -> None:
    from ledelsestilsyn.cli.views.validation import to_json
    from ledelsestilsyn.core.gate import gated_json

    echo(gated_json(to_json(run, require_complete=require_complete), indent=2))


def _print_text(run: "ReviewRun", require_complete: bool, samples: str) -> None:
    from rich.table import Table

    from ledelsestilsyn.cli.console import console, print_diagnostics
    from ledelsestilsyn.cli.views.validation import STATES, all_lines, counts

    print_diagnostics(all_lines(run, require_complete=require_complete))
    for shown, why in run.skipped:
        echo(f"{shown}: sprunget over ({why}).")
    if not run.results:
        echo(f"Ingen gennemgange fundet (kiggede i {samples}).")
        return
    numbers = counts(run, require_complete=require_complete)
    table = Table(title="Gennemgange", title_justify="left")
    table.add_column("tilstand")
    table.add_column("filer", justify="right")
    for state in STATES:
        table.add_row(state.value, str(numbers[state.value]))
    table.add_row("i alt", str(numbers["filer"]), style="bold")
    out = console()
    out.print(table)
    out.print(
        f"{numbers['fejl']} fejl, {count(numbers['advarsler'], 'advarsel', 'advarsler')}; "
        f"{count(numbers['sprunget over'], 'fil', 'filer')} sprunget over (ikke gennemgange); "
        f"{numbers['fra cache']} fra cachen."
    )

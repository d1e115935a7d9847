"""`tilsyn udtræk` (alias `udtraek`): draw the sample and write the review files."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ledelsestilsyn.cli import collector
from ledelsestilsyn.cli.commands import ConceptOption, given_path
from ledelsestilsyn.cli.console import echo
from ledelsestilsyn.cli.errors import handled
from ledelsestilsyn.core.words import count

if TYPE_CHECKING:
    from ledelsestilsyn.sampling.run import DrawOutcome


def register(app: typer.Typer) -> None:
    app.command("udtræk")(udtraek)
    app.command("udtraek", hidden=True)(udtraek)


@handled
def udtraek(
    eksport: Annotated[
        Path | None,
        typer.Argument(
            help="Eksporten fra sagssystemet (CSV eller .xlsx). Ikke nødvendig for niveauer.",
            parser=given_path,
        ),
    ] = None,
    tilsyn: Annotated[
        str | None, typer.Option("--tilsyn", help="Tilsynsserien (navnet i koncept.yaml).")
    ] = None,
    periode: Annotated[
        str | None,
        typer.Option("--periode", help="Fx 2026-11 eller 2026-K4. Standard: runden i dag."),
    ] = None,
    seed: Annotated[
        int | None,
        typer.Option("--seed", min=0, help="Frø. Standard: udledt af serie og periode."),
    ] = None,
    antal: Annotated[
        int | None, typer.Option("--antal", min=1, help="Antal sager (større: udvid stikprøven).")
    ] = None,
    skilletegn: Annotated[
        str | None, typer.Option("--skilletegn", help="';', ',', '|' eller 'tab'. Standard: find.")
    ] = None,
    tegnsaet: Annotated[
        str | None,
        typer.Option("--tegnsæt", "--tegnsaet", help="utf-8 eller windows-1252. Standard: find."),
    ] = None,
    ark: Annotated[
        str | None,
        typer.Option("--ark", help="Arket i en .xlsx-eksport. Standard: det første."),
    ] = None,
    dato: Annotated[
        str | None, typer.Option("--dato", help="Dagens dato (ÅÅÅÅ-MM-DD), til afprøvning.")
    ] = None,
    toer: Annotated[
        bool, typer.Option("--tør", "--toer", help="Vis stikprøven uden at skrive noget.")
    ] = False,
    trods_tom_kilde: Annotated[
        bool,
        typer.Option(
            "--trods-tom-kilde",
            help="Træk et niveau, selv om en af kildeserierne ikke har færdige gennemgange.",
        ),
    ] = False,
    koncept: ConceptOption = None,
) -> None:
    """Træk stikprøven fra sagssystemets eksport og skriv én gennemgangsfil pr. sag.

    Eksempel: tilsyn udtræk eksport.csv --tilsyn månedligt-overordnet --periode 2026-11

    En Excel-eksport læses på samme måde: tilsyn udtræk eksport.xlsx --ark Sager
    """
    with collector.importing():
        import getpass
        from datetime import datetime

        from ledelsestilsyn.cli.console import print_diagnostics
        from ledelsestilsyn.cli.progress import on_terminal
        from ledelsestilsyn.core.periods import day_or_today
        from ledelsestilsyn.sampling.one_at_a_time import drawing
        from ledelsestilsyn.sampling.run import DrawRequest, run_draw
        from ledelsestilsyn.workspace.open import open_workspace

    workspace = open_workspace(Path.cwd(), koncept)
    request = DrawRequest(
        today=day_or_today(dato),
        export=eksport,
        series=tilsyn,
        period=periode,
        seed=seed,
        size=antal,
        delimiter=skilletegn,
        encoding=tegnsaet,
        sheet=ark,
        dry_run=toer,
        allow_empty_source=trods_tom_kilde,
        user=getpass.getuser(),
        created=datetime.now().astimezone().isoformat(timespec="seconds"),
    )
    waiting = "Venter på en anden kørsel af 'tilsyn udtræk' i arbejdsmappen …"
    with drawing(workspace, lambda: echo(waiting, err=True), dry_run=toer), on_terminal():
        outcome = run_draw(workspace, request)
    print_diagnostics(outcome.diagnostics, err=True)
    _report(outcome, workspace.display(outcome.folder))


def _report(outcome: "DrawOutcome", folder: str) -> None:
    # Not in `collector.importing`: freezing now would keep the draw's garbage until exit.
    from ledelsestilsyn.cli.views.sample import show_sample
    from ledelsestilsyn.sampling.run import DrawStatus

    manifest = outcome.manifest
    cases = count(len(manifest.cases), "sag", "sager")
    if outcome.status is DrawStatus.EXISTS:
        echo(
            f"Stikprøven {folder} findes allerede ({cases}); intet er skrevet. "
            "Brug --antal for at udvide den."
        )
        return
    if outcome.status is DrawStatus.FULL:
        echo(
            f"Stikprøven {folder} kan ikke udvides til {manifest.sample_size}: eksporten har "
            f"ingen flere sager, der kan trækkes ({cases} i den); intet er skrevet."
        )
        for note in manifest.notes:
            echo(f"Bemærk: {note}.")
        return
    show_sample(manifest)
    if outcome.status is DrawStatus.DRY_RUN:
        echo(f"Prøvekørsel: intet er skrevet (ville blive {folder}).")
    else:
        new = count(len(outcome.written) - 1, "ny gennemgangsfil", "nye gennemgangsfiler")
        seed = f"(seed {manifest.seed})"
        if outcome.status is DrawStatus.EXTENDED:
            done = f"Udvidede stikprøven i {folder} til {cases} {seed}"
        elif len(manifest.cases) < manifest.sample_size:
            wanted = f"{len(manifest.cases)} af {manifest.sample_size} ønskede sager"
            done = f"Trak {wanted} {seed} til {folder}"
        else:
            done = f"Trak {cases} {seed} til {folder}"
        echo(f"{done}: {new} og udtræk.yaml.", keep=manifest.own_numbers())
    for note in manifest.notes:  # shortfalls and quotas that came up short: on the screen
        echo(f"Bemærk: {note}.")

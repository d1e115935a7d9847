"""`tilsyn tiltag`: list the leadership's tiltag; `tilsyn tiltag ny` appends one."""

from typing import Annotated

import typer

from ledelsestilsyn.cli.commands import ConceptOption
from ledelsestilsyn.cli.console import echo
from ledelsestilsyn.cli.errors import handled

DateOption = Annotated[
    str | None,
    typer.Option("--dato", help="Dagen, der regnes fra (ÅÅÅÅ-MM-DD). Standard: i dag."),
]

tiltag_app = typer.Typer(
    invoke_without_command=True,
    help="Ledelsens tiltag efter tilsynet: vis dem, eller opret et nyt fra et fund.\n\n"
    "Eksempel: tilsyn tiltag\n\n"
    "Eksempel: tilsyn tiltag ny --spørgsmål underretning-1 --skabelon overordnet",
    options_metavar="[TILVALG]",
)


def register(app: typer.Typer) -> None:
    app.add_typer(tiltag_app, name="tiltag")


@tiltag_app.callback()
@handled
def tiltag(ctx: typer.Context, dato: DateOption = None, koncept: ConceptOption = None) -> None:
    """Vis tiltagene i tiltag.yaml med status, frist, evaluering og mål.

    Eksempel: tilsyn tiltag
    """
    if ctx.invoked_subcommand is not None:
        return
    from pathlib import Path

    from ledelsestilsyn.cli.console import print_diagnostics
    from ledelsestilsyn.cli.views.tiltag import tiltag_lines
    from ledelsestilsyn.core.periods import day_or_today
    from ledelsestilsyn.followup.tiltag import read_tiltag
    from ledelsestilsyn.sampling.sources import caseworkers
    from ledelsestilsyn.workspace.known_names import known_names
    from ledelsestilsyn.workspace.open import open_workspace

    today = day_or_today(dato)
    workspace = open_workspace(Path.cwd(), koncept)
    read = read_tiltag(workspace, today)
    print_diagnostics(read.warnings, err=True)
    if not read.tiltag:
        # with two templates a question may be in both (a probe: O014 came after this hint)
        refs = (s.template for s in workspace.concept.series.values())
        used = sorted({t.id for t in workspace.catalog.resolve_each(refs).values()})
        which = f" --skabelon {used[0]}" if len(used) > 1 else ""
        made = f'tilsyn tiltag ny --spørgsmål <id>{which} --titel "…"'
        echo(f"Ingen tiltag endnu. Opret et med: {made}")
        return
    # the names the leader's report shows: the concept's, the samples' and the tiltag's people
    known = known_names(workspace, caseworkers=caseworkers(workspace)).all
    echo("\n".join(tiltag_lines(read.tiltag, today, read.retired, known)))


@tiltag_app.command(
    "ny", options_metavar="[TILVALG]", short_help="Opret et tiltag fra et fund (i tiltag.yaml)."
)
@handled
def ny(
    spoergsmaal: Annotated[
        list[str],
        typer.Option(
            "--spørgsmål",
            "--spoergsmaal",
            help="Spørgsmålets id, fx anbringelse-7 (kan gentages eller skrives med komma: "
            "anbringelse-7,anbringelse-8).",
        ),
    ],
    titel: Annotated[str | None, typer.Option("--titel", help="Tiltagets titel.")] = None,
    ansvarlig: Annotated[
        str | None, typer.Option("--ansvarlig", help="Hvem der har ansvaret.")
    ] = None,
    frist: Annotated[str | None, typer.Option("--frist", help="ÅÅÅÅ-MM-DD.")] = None,
    evaluering: Annotated[
        int, typer.Option("--evaluer-efter", min=1, max=60, help="Måneder til evalueringen.")
    ] = 6,
    skabelon: Annotated[
        str | None,
        typer.Option(
            "--skabelon",
            help="Skabelonen, tiltaget gælder (fx overordnet); kræves, når spørgsmålet findes i "
            "flere skabeloner.",
        ),
    ] = None,
    niveau: Annotated[
        str | None,
        typer.Option(
            "--niveau", help="Den andel, tiltaget skal løfte målene til, fx 90 (for 90 %)."
        ),
    ] = None,
    dato: DateOption = None,
    koncept: ConceptOption = None,
) -> None:
    """Føj et nyt, kommenteret tiltag til tiltag.yaml; de andre tiltag røres ikke.

    Eksempel: tilsyn tiltag ny --skabelon overordnet --spørgsmål anbringelse-7 --titel "Planen"
    """
    from pathlib import Path

    from ledelsestilsyn.cli.console import print_diagnostics
    from ledelsestilsyn.core.diagnostics import Argument
    from ledelsestilsyn.core.periods import day_or_today, parse_day
    from ledelsestilsyn.core.words import listing
    from ledelsestilsyn.followup.new import NewTiltag, append_tiltag, parse_level
    from ledelsestilsyn.followup.one_at_a_time import one_run
    from ledelsestilsyn.followup.tiltag import read_tiltag
    from ledelsestilsyn.report.formats import long_date
    from ledelsestilsyn.workspace.open import open_workspace

    today = day_or_today(dato)
    deadline = parse_day(frist, Argument.DEADLINE) if frist is not None else None
    workspace = open_workspace(Path.cwd(), koncept)
    level = parse_level(niveau) if niveau is not None else None
    # An id has no comma: "a,b" is two ids, as one writes them.
    ids = tuple(q.strip() for given in spoergsmaal for q in given.split(",") if q.strip())
    new = NewTiltag(
        ids or tuple(spoergsmaal), titel, ansvarlig, deadline, evaluering, skabelon, level
    )
    waiting = "Venter på en anden kørsel af 'tilsyn tiltag ny' i arbejdsmappen …"
    with one_run(workspace.root, "tiltag ny", lambda: echo(waiting, err=True)):
        tiltag_id, added = append_tiltag(workspace, new, today=today)
    if not added:
        decided = "i dag" if dato is None else f"den {long_date(today)}"  # probe BJ: not today
        echo(
            f"Tiltaget '{tiltag_id}' står allerede i tiltag.yaml (samme titel, spørgsmål, "
            f"ansvarlig, frist, niveau og evaluering, besluttet {decided}); intet er føjet til."
        )
        return
    missing = ["beskrivelse"] + ["ansvarlig"] * (not (ansvarlig or "").strip())
    missing += ["frist"] * (frist is None)
    echo(f"Tiltaget '{tiltag_id}' er føjet til tiltag.yaml. Udfyld {listing(missing)}.")
    print_diagnostics(read_tiltag(workspace, today).evaluation.get(tiltag_id, []), err=True)

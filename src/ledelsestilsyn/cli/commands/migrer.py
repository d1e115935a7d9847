"""`tilsyn migrer`: move unfinished reviews to a newer template version."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ledelsestilsyn.cli.commands import ConceptOption
from ledelsestilsyn.cli.console import echo
from ledelsestilsyn.cli.errors import handled
from ledelsestilsyn.core.words import count

if TYPE_CHECKING:
    from ledelsestilsyn.review.migrate import Migration, Move


def register(app: typer.Typer) -> None:
    app.command("migrer")(migrer)


@handled
def migrer(
    mappe: Annotated[
        Path,
        typer.Argument(
            metavar="MAPPE",
            help="Et udtræk eller en mappe med gennemgange (søges rekursivt).",
            show_default=False,
        ),
    ],
    til: Annotated[
        str,
        typer.Option("--til", help="Den nye skabelon, fx overordnet@2025.1.", show_default=False),
    ],
    ogsaa_faerdige: Annotated[
        bool,
        typer.Option("--også-færdige", "--ogsaa-faerdige", help="Flyt også færdige gennemgange."),
    ] = False,
    rettelser_som_kommentar: Annotated[
        bool,
        typer.Option(
            "--rettelser-som-kommentar",
            help="Flyt også en gennemgang med en rettelse under et spørgsmål, som den nye version "
            "ikke har; rettelsen står da kun som kommentar (påmind og rapporten følger den ikke).",
        ),
    ] = False,
    toer: Annotated[
        bool,
        typer.Option("--tør", "--toer", help="Vis kun, hvad der ville blive flyttet; skriv intet."),
    ] = False,
    dato: Annotated[
        str | None,
        typer.Option("--dato", help="Dagens dato (ÅÅÅÅ-MM-DD). Standard: i dag."),
    ] = None,
    koncept: ConceptOption = None,
) -> None:
    """Flyt ikke påbegyndte og delvist udfyldte gennemgange til en nyere skabelonversion.

    Svar, kommentarer og rettelser på spørgsmål, der er uændrede eller erklæret ens,
    flyttes med; den gamle fil gemmes som <navn>.bak. Svar på ændrede spørgsmål besvares på
    ny (det gamle svar står som kommentar), deres rettelser bliver stående, og egne
    kommentarlinjer (# …) flyttes med. Færdige gennemgange røres ikke uden --også-færdige.

    Eksempel: tilsyn migrer udtræk/2026-11-månedligt-overordnet --til overordnet@2025.1 --tør
    """
    from ledelsestilsyn.core.periods import day_or_today
    from ledelsestilsyn.review.migrate import migrate
    from ledelsestilsyn.workspace.open import open_workspace

    workspace = open_workspace(Path.cwd(), koncept)
    result = migrate(
        workspace,
        [mappe],
        til,
        include_finished=ogsaa_faerdige,
        corrections_as_comments=rettelser_som_kommentar,
        dry_run=toer,
        today=day_or_today(dato),
    )
    _print(result, dry_run=toer)


def _print(result: "Migration", *, dry_run: bool) -> None:
    verb = "flyttes" if dry_run else "flyttet"
    for move in result.moved:
        echo(_line(move, result.target, verb))
        for note in _notes(move, result.target, verb):
            echo(f"  {note}")
    others = [skip for skip in result.skipped if skip.other]
    for skip in result.skipped:
        if not skip.other:
            why = skip.reason
            if skip.finished:
                why += " (brug --også-færdige)."
            elif skip.lost_corrections:
                why += " (eller brug --rettelser-som-kommentar)."
            echo(f"{skip.display}: {why}")
    moved = count(len(result.moved), "gennemgang", "gennemgange")
    line = f"{moved} {verb} til {result.target}; {len(result.skipped)} ikke rørt"
    if others:
        line += f" (heraf {len(others)} på en anden skabelon)"
    echo(line + ".")
    if dry_run:
        echo("Tør kørsel: intet er skrevet.")


def _line(move: "Move", target: str, verb: str) -> str:
    text = f"{move.display} ({move.state.value}): {move.old_ref} → {target}"
    if move.carried or move.anew:
        text += f", {count(len(move.carried), 'svar', 'svar')} {verb} med"
    if move.anew:
        text += f"; besvares på ny: {', '.join(move.anew)}"
    if move.backup:
        text += f"; den gamle fil er gemt som {move.backup}"
    return text + "."


def _notes(move: "Move", target: str, verb: str) -> list[str]:
    """What else the reader must know about one file: nothing the reviewer typed is lost
    without a word."""
    from ledelsestilsyn.review.state import ReviewState

    backup = move.backup or "sikkerhedskopien"
    notes = []
    if move.state is ReviewState.COMPLETE and move.unanswered:
        questions = count(move.unanswered, "spørgsmål", "spørgsmål")
        notes.append(
            f"bliver delvist udfyldt (var færdig): {questions} skal besvares på ny, og indtil da "
            "tæller den ikke med i rapporten."
        )
    kept = "flyttes" if verb == "flyttes" else "er flyttet"
    for question in move.corrections_kept:
        notes.append(
            f"rettelsen under {question} {kept} med, men spørgsmålet er ændret: den står under "
            f"{question} i {target} med det gamle svar som kommentar; tjek, at den passer til det "
            "nye svar."
        )
    for question in move.corrections_as_comments:
        notes.append(
            f"rettelsen under {question} kan ikke flyttes med, for spørgsmålet findes ikke i "
            f"{target}: den står som kommentar sidst i den nye fil og i {backup}, og påmind og "
            "rapporten følger den ikke længere."
        )
    if move.own_comments:
        lines = count(move.own_comments, "egen kommentarlinje", "egne kommentarlinjer")
        notes.append(f"{lines} (# …) {verb} med.")
    if move.own_comments_left:
        lines = count(move.own_comments_left, "egen kommentarlinje", "egne kommentarlinjer")
        notes.append(f"{lines} (# …) står kun i {backup}.")
    return notes

"""What `tilsyn migrer` did (or, with --tør, would do), one line per file and its notes."""

from __future__ import annotations

from ledelsestilsyn.cli.console import echo
from ledelsestilsyn.core.words import count
from ledelsestilsyn.review.migrate import Migration, Move
from ledelsestilsyn.review.state import ReviewState


def show_migration(result: Migration, *, dry_run: bool, looked: str) -> None:
    if not result.moved and not result.skipped:
        echo(f"Ingen gennemgange fundet (kiggede i {looked}).")
        return
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
    mend = sum(skip.fix for skip in result.skipped)
    if mend:
        files = count(mend, "gennemgang", "gennemgange")
        them = "den" if mend == 1 else "de"
        echo(f"{files} skal rettes, før {them} kan flyttes (se ovenfor).", err=True)
    if dry_run:
        echo("Tør kørsel: intet er skrevet.")


def _line(move: Move, target: str, verb: str) -> str:
    text = f"{move.display} ({move.state.value}): {move.old_ref} → {target}"
    if move.carried or move.anew or move.gone:
        text += f", {count(len(move.carried), 'svar', 'svar')} {verb} med"
    if move.anew:
        text += f"; besvares på ny: {', '.join(move.anew)}"
    if move.gone:
        text += (
            f"; udgået i {target} (svaret står som kommentar sidst i filen): {', '.join(move.gone)}"
        )
    if move.backup:
        kept = "gemmes" if verb == "flyttes" else "er gemt"
        text += f"; den gamle fil {kept} som {move.backup}"
    return text + "."


def _notes(move: Move, target: str, verb: str) -> list[str]:
    """What else the reader must know about one file: nothing the reviewer typed is lost
    without a word."""
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

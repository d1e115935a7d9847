"""The letter files in a period's folder: which tilsyn wrote as they stand, and which a
person has edited since (a personal note added before the letter was handed over).

`.breve` (`FEEDBACK_FILES`) names each letter file tilsyn wrote there, with the SHA-256 of
the bytes it wrote (`io.written`). A letter a person edited (either file of the .md and
.html pair) is never overwritten or removed, and is left as it stands, so the two stay one
letter (O028).
"""

from __future__ import annotations

from pathlib import Path

from ledelsestilsyn.core.diagnostics import Diagnostic, warning
from ledelsestilsyn.io.written import Record
from ledelsestilsyn.workspace.layout import FEEDBACK_FILES


def letters_record(folder: Path) -> Record:
    """The record of the letter files tilsyn wrote in a period's folder."""
    return Record.read(folder, FEEDBACK_FILES, (".md", ".html"))


def kept_warning(display: str, *, removed: bool = False) -> Diagnostic:
    """O028: the letter at `display` was edited after tilsyn wrote it, and is kept as it
    stands (`removed`: it would have been removed, the caseworker gets no letter now)."""
    if removed:
        why = "; rådgiveren får intet brev for perioden nu, men det rettede brev fjernes ikke"
        hint = "slet det selv (og det i det andet format ved siden af), så det ikke gives videre."
    else:
        why = " og overskrives ikke (heller ikke brevet i det andet format ved siden af)"
        hint = (
            "vil du have et nyt brev fra tilsyn, så slet eller omdøb det rettede, og kør "
            "'tilsyn tilbagemelding' igen."
        )
    return warning(display, "O028", f"brevet er rettet, efter tilsyn skrev det{why}.", hint=hint)

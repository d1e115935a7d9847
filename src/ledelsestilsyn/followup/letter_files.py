"""The letter files in a period's folder: which tilsyn wrote as they stand, and which a
person has edited since (a personal note added before the letter was handed over).

`.breve` (`FEEDBACK_FILES`) names each letter file tilsyn wrote there, with the SHA-256 of
the bytes it wrote (`io.written`). A letter a person edited (either file of the .md and
.html pair) is never overwritten or removed, and is left as it stands, so the two stay one
letter (O028).
"""

from __future__ import annotations

from pathlib import Path, PurePath

from ledelsestilsyn.core.diagnostics import Diagnostic, warning
from ledelsestilsyn.followup.letter_history import dated_as
from ledelsestilsyn.io.written import UNKNOWN, Record, digest
from ledelsestilsyn.workspace.layout import FEEDBACK_FILES


def letters_record(folder: Path) -> Record:
    """The record of the letter files tilsyn wrote in a period's folder."""
    return Record.read(folder, FEEDBACK_FILES, (".md", ".html"))


def outdated(record: Record, name: str, new: bytes, there: bytes) -> bool:
    """Whether tilsyn would write the edited letter `name` (its bytes `there`) otherwise now
    than it did: `new`, dated as the letter is, is none of the bytes the record has for it.
    Not known (False) when the record has no digest or the letter no day it was made."""
    dated = dated_as(new, there)
    known = record.files.get(name) or UNKNOWN
    return dated is not None and known != UNKNOWN and digest(dated) not in known.split()


def kept_warning(display: str, *, removed: bool = False, outdated: bool = False) -> Diagnostic:
    """O028: the letter at `display` was edited after tilsyn wrote it, and is kept as it
    stands (`removed`: it would have been removed, the caseworker gets no letter now;
    `outdated`: tilsyn would write something else in it now, a probe: a greeting added, then
    a finding changed in the case, and the warning was word for word the same)."""
    if outdated and not removed:
        why = (
            " og overskrives ikke (heller ikke brevet i det andet format ved siden af), men "
            "sagerne har ændret sig siden: tilsyn ville skrive noget andet i brevet i dag"
        )
        letter = PurePath(display)
        hint = (
            f"omdøb det rettede (fx til '{letter.stem}_rettet{letter.suffix}'), kør 'tilsyn "
            "tilbagemelding' igen, og flyt din tilføjelse over i det nye brev, før du giver det "
            "videre."
        )
        return warning(
            display, "O028", f"brevet er rettet, efter tilsyn skrev det{why}.", hint=hint
        )
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

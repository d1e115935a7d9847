"""The letter files in a period's folder: which tilsyn wrote as they stand, and which a
person has edited since (a personal note added before the letter was handed over).

`.breve` (`FEEDBACK_FILES`) names each letter file tilsyn wrote there, with the SHA-256 of
the bytes it wrote, separated by a tab. A file whose bytes are no longer those is a
person's: it is never overwritten or removed, and its letter (the .md and .html pair) is
left as it stands, so the two stay one letter (O028). A line with only a name (written by
an older tilsyn) is tilsyn's with no digest known, and counts as unedited, as before. A
file the record does not name, where a letter is to be written, is kept as edited unless it
holds exactly the new letter: tilsyn does not know it wrote it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ledelsestilsyn.core.diagnostics import Diagnostic, warning
from ledelsestilsyn.io.atomic import write_atomic
from ledelsestilsyn.io.files import read_regular
from ledelsestilsyn.workspace.layout import FEEDBACK_FILES

UNKNOWN = ""
"""The digest of a file an older tilsyn wrote (its `.breve` line has only the name)."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Record:
    """What `.breve` says tilsyn wrote: file name → digest of its bytes (`UNKNOWN`)."""

    folder: Path
    files: dict[str, str]

    @classmethod
    def read(cls, folder: Path) -> Record:
        """The record (nothing else: a name with a folder in it, a hidden file or another
        ending is ignored; an unreadable record is empty)."""
        try:
            text = read_regular(folder / FEEDBACK_FILES).decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return cls(folder, {})
        files: dict[str, str] = {}
        for line in text.splitlines():
            name, _, sha = line.partition("\t")
            ours = name == Path(name).name and not name.startswith(".")
            if ours and name.endswith((".md", ".html")):
                files[name] = sha.strip()
        return cls(folder, files)

    def save(self) -> None:
        text = "".join(
            f"{name}\t{sha}\n" if sha else f"{name}\n" for name, sha in sorted(self.files.items())
        )
        write_atomic(self.folder / FEEDBACK_FILES, text, overwrite=True)

    def edited(self, name: str, new: bytes | None = None) -> bool:
        """Whether the file `name` in the folder is a person's: there, and neither what
        tilsyn wrote (as the record has it) nor `new` (what it would write now)."""
        path = self.folder / name
        if not path.exists() and not path.is_symlink():
            return False
        if path.is_symlink() or not path.is_file():
            return True
        try:
            data = read_regular(path)
        except OSError:
            return True
        if new is not None and data == new:
            return False
        if name not in self.files:
            return True
        sha = self.files[name]
        return sha != UNKNOWN and digest(data) != sha


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
            "'tilsyn tilbagemelding' igen; --mail sender brevet, som det står i mappen."
        )
    return warning(display, "O028", f"brevet er rettet, efter tilsyn skrev det{why}.", hint=hint)

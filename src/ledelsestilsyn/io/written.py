"""Which files in a folder tilsyn wrote as they stand, and which a person has edited since.

A hidden record in the folder (`.breve` for the letters, `.rapporter` for the reports) names
each file tilsyn wrote there, with the SHA-256 of the bytes it wrote, separated by a tab. A
file whose bytes are no longer those is a person's: the command never overwrites or removes
it without keeping it. A line with only a name (an older tilsyn's) is tilsyn's with no
digest known, and counts as unedited, as before. A line may give two digests, the bytes
before and after a write, saved before the write (`expect`): a run killed in between leaves
no file that looks edited (a probe: letters tilsyn wrote in a killed run were kept as a
person's, with old figures, O028). A file the record does not name is a
person's unless it holds exactly what tilsyn would write: tilsyn does not know it wrote it.
A file the user named anywhere is known the same way: `io.written_named`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ledelsestilsyn.io.atomic import write_atomic
from ledelsestilsyn.io.files import read_regular

UNKNOWN = ""
"""The digest of a file an older tilsyn wrote (its line has only the name)."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Record:
    """What the record `name` in `folder` says tilsyn wrote: file name → digest of its bytes
    (`UNKNOWN`); only names with one of the `endings` count."""

    folder: Path
    name: str
    files: dict[str, str]

    @classmethod
    def read(cls, folder: Path, name: str, endings: tuple[str, ...]) -> Record:
        """The record (nothing else: a name with a folder in it, a hidden file or another
        ending is ignored; an unreadable record is empty)."""
        try:
            text = read_regular(folder / name).decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return cls(folder, name, {})
        files: dict[str, str] = {}
        for line in text.splitlines():
            file, _, sha = line.partition("\t")
            ours = file == Path(file).name and not file.startswith(".")
            if ours and file.endswith(endings):
                files[file] = sha.strip()
        return cls(folder, name, files)

    def save(self) -> None:
        text = "".join(
            f"{file}\t{sha}\n" if sha else f"{file}\n" for file, sha in sorted(self.files.items())
        )
        write_atomic(self.folder / self.name, text, overwrite=True)

    def expect(self, file: str, new: bytes) -> None:
        """Note that `file` is about to hold `new`, beside what it holds as tilsyn wrote it
        (not saved: `save` before the write). Nothing for a file with no digest known."""
        old = self.files.get(file)
        if old != UNKNOWN:
            self.files[file] = " ".join(dict.fromkeys([*(old or "").split(), digest(new)]))

    def edited(self, file: str, new: bytes | None = None) -> bool:
        """Whether `file` in the folder is a person's: there, and neither what tilsyn wrote
        (as the record has it) nor `new` (what it would write now)."""
        return persons(self.folder / file, self.files.get(file), new)


def persons(path: Path, sha: str | None, new: bytes | None = None) -> bool:
    """Whether the file at `path` is a person's: there, and neither the bytes tilsyn wrote
    (digest `sha`; `UNKNOWN`: tilsyn wrote it, digest not known; None: tilsyn did not write
    it, as far as it knows) nor `new` (what it would write now)."""
    if path.is_symlink() or not path.is_file():
        return False  # nothing there, or what the writer refuses itself (W002, W003)
    try:
        data = read_regular(path)
    except OSError:
        return True
    if new is not None and data == new:
        return False
    if sha is None:
        return True
    return sha != UNKNOWN and digest(data) not in sha.split()


def write_keeping_edits(
    path: Path, data: bytes, record: str, endings: tuple[str, ...], *, mode: int = 0o600
) -> Path | None:
    """Write `data` (gated by its builder) to `path` in place of what is there; a file there
    a person edited (the folder's `record` says what tilsyn wrote) is kept first, byte for
    byte, as `<navn>.bak` (`.2.bak`, …: `io.atomic.keep_backup`). The backup, or None."""
    from ledelsestilsyn.core.gate import Gated
    from ledelsestilsyn.io.atomic import keep_backup

    written = Record.read(path.parent, record, endings)
    backup = None
    if path.is_file() and not path.is_symlink() and written.edited(path.name, data):
        backup = keep_backup(path)
        written.files.pop(path.name, None)
    written.expect(path.name, data)
    written.save()
    write_atomic(path, Gated(data), overwrite=True, mode=mode)
    written.files[path.name] = digest(data)
    written.save()
    return backup

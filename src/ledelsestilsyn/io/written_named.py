"""Which files tilsyn wrote where the user named them (a report or a calendar anywhere), as
they stand: `io.written` for a file outside tilsyn's own folders.

One record in the workspace's `.tilsyn/` (`skrevet`: a line each, the SHA-256 of the bytes
written, a tab, the file's absolute path) names them, so no hidden file lands in the user's
own folder. A file there that is not what tilsyn last wrote is a person's (a new export,
someone's notes) and is kept as `<navn>.bak` before it is replaced. A record that is lost
(`.tilsyn/` deleted, a workspace moved) costs one backup too many, never a file.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.io.atomic import keep_backup, private_folder, write_atomic
from ledelsestilsyn.io.files import read_regular
from ledelsestilsyn.io.written import digest, persons

KEPT = 500
"""How many files the record names (the newest)."""

_SHA = re.compile("[0-9a-f]{64}")


def where(path: Path) -> str:
    """The name a file the user named goes by in the workspace's record of them: its
    folder's absolute path (links resolved) and its own name."""
    return str(path.parent.resolve() / path.name)


def read_paths(record: Path) -> dict[str, str]:
    """The workspace's record of the files tilsyn wrote where the user said (outside its
    own folders): absolute path → digest, a line each, `<sha256>\t<path>`. An unreadable
    record, or a line that is not one of these, is left out (its file counts as a person's)."""
    try:
        text = read_regular(record).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    files: dict[str, str] = {}
    for line in text.splitlines():
        sha, _, file = line.partition("\t")
        if _SHA.fullmatch(sha) and Path(file).is_absolute():
            files[file] = sha
    return files


def write_keeping_others(path: Path, data: bytes, record: Path, *, mode: int) -> Path | None:
    """Write `data` (gated by its builder) to `path`, a file the user named anywhere; a file
    there that is not what tilsyn last wrote there (as `record` says) is kept first as
    `<navn>.bak` (`.2.bak`, …). The backup, or None."""
    from ledelsestilsyn.core.gate import Gated

    files = read_paths(record)
    key = where(path)
    backup = None
    if persons(path, files.get(key), data):
        backup = keep_backup(path)
    write_atomic(path, Gated(data), overwrite=True, mode=mode)
    files = read_paths(record)  # anew: another run may have written since
    files.pop(key, None)
    if len(key.splitlines()) == 1:
        files[key] = digest(data)  # last, as the newest: the oldest go first
    text = "".join(f"{sha}\t{file}\n" for file, sha in list(files.items())[-KEPT:])
    with contextlib.suppress(TilsynError, OSError):  # a lost record costs one backup too many
        private_folder(record.parent)
        write_atomic(record, text, overwrite=True)
    return backup

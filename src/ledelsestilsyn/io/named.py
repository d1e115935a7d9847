"""A path the user named (an argument, `--koncept`), checked before anything reads it.

`Path.is_file()` is false for a folder, a named pipe and a socket alike, so a check with
it called all of them missing ("findes ikke"). Here the path is only looked at (`stat`,
which cannot block on a pipe), and the message says what is there (`io.files.open_error`).
"""

from __future__ import annotations

import errno
import stat
from pathlib import Path
from typing import Unpack

from ledelsestilsyn.io.files import NotRegularFileError, Said, open_error


def check_named(path: Path, display: str, code: str, **said: Unpack[Said]) -> bool:
    """Refuse anything but a regular file (with `folders`: or a folder); True for a folder.

    Every refusal is a wrong call (exit 2), with a hint.
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise open_error(exc, display, code, **said) from None
    if stat.S_ISREG(mode) or (stat.S_ISDIR(mode) and said.get("folders")):
        return stat.S_ISDIR(mode)
    odd = (
        IsADirectoryError(errno.EISDIR, "er en mappe", str(path))
        if stat.S_ISDIR(mode)
        else NotRegularFileError(path)
    )
    raise open_error(odd, display, code, **said)


def present(path: Path) -> bool:
    """Whether anything is there by that name: `Path.exists()` is false for a symbolic link
    that leads nowhere or to itself, which then passed for no file at all; here it is there,
    and reading it says what is wrong."""
    return path.exists() or path.is_symlink()


def resolved(path: Path) -> Path:
    """`path.resolve()`, where a link in a loop (RuntimeError in Python 3.11, OSError later)
    is left as it is, after its folder is resolved: reading it then says what is wrong."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return resolved(path.parent) / path.name

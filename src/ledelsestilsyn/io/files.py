"""Reading a file without blocking, and one mapping from OS errors to Danish messages.

Anything but a file where one is expected (nothing, a folder, a named pipe, a socket, a
device) is a wrong call; other OS errors (permissions, a broken disk) are about the data.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO, TypedDict, Unpack

from ledelsestilsyn.core.diagnostics import ErrorKind, TilsynError, fail
from ledelsestilsyn.io.os_reasons import reason
from ledelsestilsyn.io.portable import NONBLOCK


class NotRegularFileError(OSError):
    """Something other than a file stands at the path: a named pipe, a device, a socket."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "ikke en almindelig fil", str(path))


def open_regular(path: Path) -> BinaryIO:
    """The regular file at `path` (links followed), opened for reading without blocking.

    Anything else is refused: `NotRegularFileError`, an `OSError` like a missing file
    (`IsADirectoryError` for a folder). A socket cannot be opened at all (ENXIO).
    """
    try:
        fd = os.open(path, os.O_RDONLY | NONBLOCK)
    except OSError as exc:
        raise NotRegularFileError(path) if exc.errno == errno.ENXIO else exc from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "er en mappe", str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFileError(path)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file at `path` (`open_regular`), at most `limit` + 1 of them.

    The one reader of the files tilsyn finds in a workspace (a link to `/dev/zero` never ends).
    """
    with open_regular(path) as handle:
        return handle.read() if limit is None else handle.read(limit + 1)


class Said(TypedDict, total=False):
    noun: str  # what the file is: "eksportfilen" (default "filen")
    thing: str  # "eksportfil" (default "fil")
    hint: str | None  # said when nothing is there
    folders: bool  # a folder would have done too: "stien findes ikke"


def open_error(exc: OSError, display: str, code: str, **said: Unpack[Said]) -> TilsynError:
    """The error to raise when opening or reading `display` failed with `exc`."""
    noun, thing, usage = said.get("noun", "filen"), said.get("thing", "fil"), ErrorKind.USAGE
    if isinstance(exc, FileNotFoundError):
        missing = "stien" if said.get("folders") else noun
        return fail(display, code, f"{missing} findes ikke.", hint=said.get("hint"), kind=usage)
    if isinstance(exc, IsADirectoryError):
        hint = f"angiv en {thing} i mappen, ikke mappen selv."
        return fail(display, code, f"er en mappe, ikke en {thing}.", hint=hint, kind=usage)
    if isinstance(exc, NotRegularFileError):
        what = (
            "hverken en almindelig fil eller en mappe"
            if said.get("folders")
            else "ikke en almindelig fil"
        )
        message = f"er {what}, men fx et navngivet rør, en sokkel eller en enhed."
        hint = "brug en almindelig fil i stedet; tilsyn læser ikke fra et rør eller en enhed."
        return fail(display, code, message, hint=hint, kind=usage)
    return fail(display, code, f"{noun} kan ikke læses ({reason(exc)}).")


def read_limited(path: Path, display: str, *, limit: int, hint: str) -> bytes:
    """The file's bytes; a file over `limit` bytes is refused before it is read."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise fail(
                display,
                "Y010",
                f"filen er for stor ({size // (1024 * 1024)} MB); grænsen er "
                f"{limit // (1024 * 1024)} MB.",
                hint=hint,
            )
        return read_regular(path, limit)
    except OSError as exc:
        raise open_error(exc, display, "Y001") from None

"""Reading a file the user pointed at: one mapping from OS errors to Danish messages.

A missing file or a folder where a file was expected is a wrong call (the
user named it); any other OS error (permissions, a broken disk) is about the
data. `noun`/`thing` let a caller say what the file is ("eksportfilen").
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ledelsestilsyn.core.diagnostics import ErrorKind, TilsynError, fail


class NotRegularFileError(OSError):
    """Something other than a file stands at the path: a named pipe, a device, a socket."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "ikke en almindelig fil", str(path))


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file at `path` (links followed), at most `limit` + 1 of them.

    The one reader of the files tilsyn finds in a workspace. A named pipe would block it
    forever (`påmind` from cron, holding its lock) and a link to `/dev/zero` never ends, so
    the file is opened without blocking and anything but a regular file is refused:
    `NotRegularFileError`, an `OSError` like a missing file (`IsADirectoryError` for a folder).
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "er en mappe", str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFileError(path)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read() if limit is None else handle.read(limit + 1)
    finally:
        os.close(fd)


def open_error(
    exc: OSError, display: str, code: str, *, noun: str = "filen", thing: str = "fil"
) -> TilsynError:
    """The error to raise when opening or reading `display` failed with `exc`."""
    if isinstance(exc, FileNotFoundError):
        return fail(display, code, f"{noun} findes ikke.", kind=ErrorKind.USAGE)
    if isinstance(exc, IsADirectoryError):
        return fail(display, code, f"er en mappe, ikke en {thing}.", kind=ErrorKind.USAGE)
    if isinstance(exc, NotRegularFileError):
        return fail(
            display,
            code,
            f"er ikke en almindelig {thing} (men fx et navngivet rør eller en enhed).",
            hint=f"erstat den med en almindelig {thing}.",
        )
    return fail(display, code, f"{noun} kan ikke læses ({exc.strerror}).")


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

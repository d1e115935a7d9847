"""Reading a file the user pointed at: one mapping from OS errors to Danish messages.

A missing file or a folder where a file was expected is a wrong call (the
user named it); any other OS error (permissions, a broken disk) is about the
data. `noun`/`thing` let a caller say what the file is ("eksportfilen").
"""

from __future__ import annotations

from pathlib import Path

from ledelsestilsyn.core.diagnostics import ErrorKind, TilsynError, fail


def open_error(
    exc: OSError, display: str, code: str, *, noun: str = "filen", thing: str = "fil"
) -> TilsynError:
    """The error to raise when opening or reading `display` failed with `exc`."""
    if isinstance(exc, FileNotFoundError):
        return fail(display, code, f"{noun} findes ikke.", kind=ErrorKind.USAGE)
    if isinstance(exc, IsADirectoryError):
        return fail(display, code, f"er en mappe, ikke en {thing}.", kind=ErrorKind.USAGE)
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
        return path.read_bytes()
    except OSError as exc:
        raise open_error(exc, display, "Y001") from None

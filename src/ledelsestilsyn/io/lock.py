"""Lock files: one run at a time where two would lose what the other recorded.

A lock is held on an open file (`io.portable.try_lock`), never by the file's existence: the
kernel releases it when its holder dies, so a killed run leaves no stale lock behind, and
the file itself is only ever created, never removed.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ledelsestilsyn.core.diagnostics import ErrorKind, TilsynError, fail
from ledelsestilsyn.io.portable import NOFOLLOW, try_lock

POLL_SECONDS = 0.1


def open_lock(path: Path) -> int:
    """The lock file, made when missing; never through a link (it would make a file where the
    link points) and never a folder someone put in its place."""
    from ledelsestilsyn.io.atomic import folder_error, folder_in_the_way

    if path.is_symlink():
        raise fail(
            str(path),
            "W002",
            "stien er et symbolsk link; tilsyn skriver ikke gennem links.",
            hint="slet linket; tilsyn laver låsefilen selv.",
        )
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | NOFOLLOW, 0o600)
    except IsADirectoryError:
        raise folder_in_the_way(path) from None
    except OSError as exc:
        raise folder_error(path.parent, exc) from None


def wait_for_lock(fd: int, patience: float, waiting: Callable[[], None]) -> bool:
    """Take the lock on `fd`, waiting up to `patience` seconds for another run to let go
    (`waiting` is called once, when it must wait); False if it never did."""
    if try_lock(fd):
        return True
    waiting()
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        if try_lock(fd):
            return True
    return False


@contextmanager
def holding(
    path: Path, patience: float, waiting: Callable[[], None], busy: Callable[[], TilsynError]
) -> Iterator[None]:
    """Hold the lock at `path` for the block, waiting up to `patience` seconds for another run
    (`waiting` is called once, when it must wait); `busy()` is raised if it never lets go."""
    fd = open_lock(path)
    try:
        if not wait_for_lock(fd, patience, waiting):
            raise busy()
        yield
    finally:
        os.close(fd)


@contextmanager
def one_at_a_time(
    lock: Path,
    waiting: Callable[[], None],
    *,
    display: str,
    patience: float,
    code: str,
    run: str,
    undone: str,
) -> Iterator[None]:
    """Hold `lock` for the block (its folder made and checked writable first, shown as
    `display`), waiting up to `patience` seconds for another `run` ("'tilsyn udtræk' i
    arbejdsmappen"); `code` (exit 75) if it never lets go, saying what is `undone`."""
    from ledelsestilsyn.io.atomic import writable_folder

    def busy() -> TilsynError:
        return fail(
            f"{lock.parent.name}/{lock.name}",
            code,
            f"en anden kørsel af {run} er ikke færdig efter {patience / 60:.0f} minutter; "
            f"{undone}.",
            hint="prøv igen, når den anden kørsel er færdig.",
            kind=ErrorKind.BUSY,
        )

    writable_folder(lock.parent, display=display)
    with holding(lock, patience, waiting, busy):
        yield

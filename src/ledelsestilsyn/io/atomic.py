"""Atomic file writing, and cleaning up after a writer that was killed.

Every file tilsyn writes goes through `write_atomic`: the bytes go to a temp
file in the same folder, are fsynced, and are then linked or renamed into
place. A reader (or a crash) never sees a half-written file, and a file that
exists is never replaced unless the caller says so, because a manager's
filled-in review must not be lost to a second run.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Collection
from pathlib import Path

from ledelsestilsyn.core.diagnostics import fail
from ledelsestilsyn.core.gate import gate

TEMP_PREFIX = ".tilsyn-tmp-"


def write_atomic(
    path: Path,
    content: str,
    *,
    overwrite: bool = False,
    mode: int = 0o600,
    keep: Collection[str] = (),
) -> None:
    """Write `content` to `path` atomically; refuse to replace a file unless `overwrite`.

    The text passes the output gate first (`core.gate`: CPR-like numbers
    masked, `keep` tokens excepted). The bytes go to a temp file in the same
    folder, are fsynced, and are then linked (no overwrite: `link` fails if
    the target exists, atomically) or renamed into place, so a reader never
    sees a torn file.
    """
    data = gate(content, keep=keep).encode("utf-8")
    folder = path.parent
    if path.is_symlink():
        raise fail(
            str(path), "W002", "stien er et symbolsk link; tilsyn skriver ikke gennem links."
        )
    tmp = temp_path(folder, path.name)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            tmp.replace(path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise fail(
                    str(path),
                    "W001",
                    "filen findes allerede og bliver ikke overskrevet.",
                    hint="flyt eller omdøb den eksisterende fil, hvis den skal erstattes.",
                ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    fsync_dir(folder)


def temp_path(folder: Path, name: str) -> Path:
    """A fresh temp name in `folder` for `name`.

    It starts with `TEMP_PREFIX` and this process's id, so `clean_stale_temps`
    can tell a live writer's temp from a killed one's.
    """
    return folder / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}-{name}"


def fsync_dir(folder: Path) -> None:
    """Make a rename or link in `folder` durable."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def clean_stale_temps(folder: Path) -> int:
    """Remove temp files and folders left in `folder` by a killed writer.

    Called where tilsyn writes, before it writes; a temp whose process still
    runs is left alone. Returns how many were removed.
    """
    removed = 0
    if not folder.is_dir():
        return 0
    for tmp in folder.glob(f"{TEMP_PREFIX}*"):
        pid_text = tmp.name[len(TEMP_PREFIX) :].split("-", 1)[0]
        if pid_text.isdigit() and process_alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            if tmp.is_dir() and not tmp.is_symlink():
                shutil.rmtree(tmp)
            else:
                tmp.unlink()
            removed += 1
    return removed


def process_alive(pid: int) -> bool:
    """Whether a process with this id still runs (a temp file's writer, a lock holder)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

"""What the operating system does differently, in one place: Linux and macOS, and Windows.

A municipality's consultant may run tilsyn on a Windows laptop, with the workspace on a
shared drive, where a file system may have no hard links (FAT, some network drives).
Nothing here may fail to import anywhere: a POSIX-only module (`fcntl`) or flag
(`os.O_NONBLOCK`) is looked up where it is used, and its absence has a fallback.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import shutil
import sys
from pathlib import Path

NONBLOCK = getattr(os, "O_NONBLOCK", 0)
"""Open without waiting (a named pipe would block a read forever); Windows has no pipes at a
path, so nothing to wait for."""
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
"""Never open through a symbolic link; where the flag is missing, callers check the link
first (`Path.is_symlink`) as well."""

_STILL_ACTIVE = 259
_QUERY_LIMITED_INFORMATION = 0x1000
_ACCESS_DENIED = 5


def set_mode(fd: int, mode: int) -> None:
    """Give the open file `fd` the access `mode`. Windows before Python 3.13 has no `fchmod`,
    and its files have no group or other access to set (only read-only), so nothing is done."""
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)


def try_lock(fd: int) -> bool:
    """Take an exclusive lock on the open file `fd` without waiting; False if another process
    holds it. The lock goes with the process: closing `fd`, or dying, releases it."""
    try:
        import fcntl
    except ImportError:  # Windows
        return _try_lock_windows(fd)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _try_lock_windows(fd: int) -> bool:
    msvcrt = importlib.import_module("msvcrt")
    os.lseek(fd, 0, os.SEEK_SET)
    try:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


def process_alive(pid: int) -> bool:
    """Whether a process with this id still runs (a temp file's writer, a lock holder)."""
    if sys.platform == "win32":  # os.kill(pid, 0) would send Ctrl+C there
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


if sys.platform == "win32":

    def _windows_process_alive(pid: int) -> bool:
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return bool(ctypes.GetLastError() == _ACCESS_DENIED)
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == _STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)


def place_new(tmp: Path, path: Path) -> None:
    """Give the finished temp file `tmp` the name `path`, which must not exist yet
    (`FileExistsError` if it does, also when another process took it a moment ago).

    A hard link does it atomically. Where the file system has none (FAT, some network
    drives), Windows' rename refuses an existing name just as atomically; elsewhere the name
    is claimed first (`O_EXCL`), and the finished file then renamed over the claim.
    """
    try:
        os.link(tmp, path)
        return
    except (FileExistsError, IsADirectoryError):
        raise
    except OSError:
        pass
    if sys.platform == "win32":
        tmp.rename(path)
        return
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW, 0o600))
    tmp.replace(path)


def copy_new(source: Path, target: Path, tmp: Path) -> None:
    """`target` as a copy of `source`, which must not exist yet (`FileExistsError`): a hard
    link where the file system has them (no byte copied), else a copy of the bytes, made
    under the temp name `tmp` and given the name `target` only when whole (`place_new`): a
    run killed half-way leaves a temp file, never half a copy under the name."""
    try:
        os.link(source, target)
        return
    except (FileExistsError, IsADirectoryError):
        raise
    except OSError:
        pass
    mode = source.stat().st_mode & 0o666
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW, mode)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as into:
            shutil.copyfileobj(into, out)
            out.flush()
            os.fsync(out.fileno())
        place_new(tmp, target)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()

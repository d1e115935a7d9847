"""What the operating system does differently, in one place: Linux and macOS, and Windows.

A municipality's consultant may run tilsyn on a Windows laptop, with the workspace on a
shared drive, where a file system may have no hard links (FAT, some network drives).
Nothing here may fail to import anywhere: a POSIX-only module (`fcntl`) or flag
(`os.O_NONBLOCK`) is looked up where it is used, and its absence has a fallback.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import importlib
import os
import shutil
import stat
import sys
from collections.abc import Callable
from pathlib import Path

TEMP_PREFIX = ".tilsyn-tmp-"
"""How the name of a file being written starts (`io.atomic.temp_path`)."""
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
    drives), Windows' rename refuses an existing name just as atomically, and so do Linux's
    `renameat2` and macOS's `renamex_np` where the C library and the file system have them
    (`_rename_noreplace`). Only where nothing does is the name claimed first (`O_EXCL`) and
    the finished file renamed over the claim; a run killed between the two leaves the claim,
    an empty file, under the name, which would stop every later run (W001) and be read as
    an empty review. Writing the bytes into the claim instead would leave half a file.
    So the claim is taken back (`_abandoned_claim`): an empty file holds nothing anyone
    wrote, since tilsyn only ever renames a whole file over it. A file with anything in it
    is never replaced.
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
    if _rename_noreplace(tmp, path):
        return
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW, 0o600))
    except FileExistsError:
        if not _abandoned_claim(tmp, path):
            raise
    tmp.replace(path)


def _abandoned_claim(tmp: Path, path: Path) -> bool:
    """Whether `path` is the empty claim of a writer that will not rename over it now.

    A writer holds its claim only while its temp for the same name (`TEMP_PREFIX`, any
    process, any time: `tmp`'s name ends with `-<name>`) is in the folder; a killed
    writer's temp is removed by `io.atomic.clean_stale_temps` once it is surely gone, and
    one stopped by an exception removes its own. Until then the name counts as taken.
    """
    try:
        info = path.lstat()
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode) or info.st_size:
        return False
    end = f"-{path.name}"
    try:
        names = [p.name for p in path.parent.iterdir()]
    except OSError:
        return False
    return not any(n.startswith(TEMP_PREFIX) and n.endswith(end) and n != tmp.name for n in names)


_RENAME_NOREPLACE = 1  # Linux: renameat2 fails with EEXIST when the target exists
_RENAME_EXCL = 4  # macOS: renamex_np does the same
_AT_FDCWD = -100
_NOT_HERE = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM}
"""What says the call or its flag is not supported here (a file system or a container that
refuses it): then the name is claimed instead."""


def _rename_noreplace(tmp: Path, path: Path) -> bool:
    """Rename `tmp` to `path` in one step that refuses a taken name (`FileExistsError`);
    False where the C library or the file system has no such rename (nothing is done)."""
    call = _noreplace_call()
    if call is None:
        return False
    if call(os.fsencode(tmp), os.fsencode(path)) == 0:
        return True
    import ctypes

    code = ctypes.get_errno()
    if code in _NOT_HERE:
        return False
    raise OSError(code, "", str(path))  # EEXIST: FileExistsError; io.os_reasons says the rest


@functools.cache
def _noreplace_call() -> Callable[[bytes, bytes], int] | None:
    """The C library's rename that refuses a taken name, as (from, to) -> 0 or -1; None."""
    if sys.platform not in ("linux", "darwin"):
        return None
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    text, flag = ctypes.c_char_p, ctypes.c_uint
    if sys.platform == "linux" and hasattr(libc, "renameat2"):
        at = libc.renameat2
        at.argtypes, at.restype = [ctypes.c_int, text, ctypes.c_int, text, flag], ctypes.c_int
        return lambda a, b: int(at(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_NOREPLACE))
    if sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        np = libc.renamex_np
        np.argtypes, np.restype = [text, text, flag], ctypes.c_int
        return lambda a, b: int(np(a, b, _RENAME_EXCL))
    return None


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

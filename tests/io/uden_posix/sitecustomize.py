"""Loaded at start-up by a Python whose path holds this folder (`test_portable`): the
interpreter then lacks what Windows lacks, as far as tilsyn could use it.

No `fcntl` (a stand-in `msvcrt.locking` takes its place, as on Windows), no
`os.O_NONBLOCK`, `os.O_NOFOLLOW`, `os.fork` or `os.fchmod` (Windows before Python 3.13),
and a file system without hard links (`os.link` fails as on FAT or a network drive).
"""

import errno
import fcntl
import getpass  # noqa: F401 - these decide "Windows or not" by trying `import msvcrt`, so
import multiprocessing.spawn  # noqa: F401 - they are loaded before the stand-in is there
import os
import subprocess  # noqa: F401
import sys
import types


def _locking(fd: int, mode: int, nbytes: int) -> None:
    if mode == _msvcrt.LK_NBLCK:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _no_hard_links(*args: object, **kwargs: object) -> None:
    raise PermissionError(errno.EPERM, "Operation not permitted")


_msvcrt = types.ModuleType("msvcrt")
_msvcrt.LK_UNLCK = 0  # type: ignore[attr-defined]
_msvcrt.LK_NBLCK = 2  # type: ignore[attr-defined]
_msvcrt.locking = _locking  # type: ignore[attr-defined]
sys.modules["msvcrt"] = _msvcrt
sys.modules["fcntl"] = None  # type: ignore[assignment]
for _name in ("O_NONBLOCK", "O_NOFOLLOW", "fork", "fchmod"):
    if hasattr(os, _name):
        delattr(os, _name)
os.link = _no_hard_links

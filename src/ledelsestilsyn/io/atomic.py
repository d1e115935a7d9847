"""Atomic file writing, and cleaning up after a writer that was killed.

Every file tilsyn writes goes through `write_atomic`: the bytes go to a temp
file in the same folder, are fsynced, and are then linked or renamed into
place. A reader (or a crash) never sees a half-written file, and a file that
exists is never replaced unless the caller says so, because a manager's
filled-in review must not be lost to a second run.

A folder tilsyn writes into passes `writable_folder` first: a symbolic link is
refused (as a file link is), so a sample, a report or a cache never lands
outside the workspace, and temp files a killed writer left are removed.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import time
from collections.abc import Collection, Iterator
from pathlib import Path

from ledelsestilsyn.core.diagnostics import ErrorKind, TilsynError, fail
from ledelsestilsyn.core.gate import Gated, gate, name_passes
from ledelsestilsyn.io.os_reasons import reason
from ledelsestilsyn.io.portable import TEMP_PREFIX as TEMP_PREFIX
from ledelsestilsyn.io.portable import copy_new, place_new, process_alive, set_mode

STALE_AFTER_SECONDS = 15 * 60
"""A temp file is only removed when its writer is gone *and* it is this old: on a
shared drive the pid may belong to a run on another machine that is still writing."""


def write_atomic(
    path: Path,
    content: str | Gated,
    *,
    overwrite: bool = False,
    mode: int = 0o600,
    keep: Collection[str] = (),
) -> None:
    """Write `content` to `path` atomically; refuse to replace a file unless `overwrite`.

    The text passes the output gate first (`core.gate`: CPR-like numbers
    masked, `keep` tokens excepted). The bytes go to a temp file in the same
    folder, are fsynced, and are then linked (no overwrite: `link` fails if
    the target exists, atomically; `io.portable.place_new` where there are no
    hard links) or renamed into place, so a reader never sees a torn file. A
    binary file comes `Gated` by its builder. A replaced file keeps the group
    access it had (never access for others).
    """
    check_name(path)
    data = content.data if isinstance(content, Gated) else gate(content, keep=keep).encode()
    folder = path.parent
    _no_link(path)
    if path.is_dir():
        raise folder_in_the_way(path)
    if overwrite:
        mode |= _group_access(path)
    tmp = temp_path(folder, path.name)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except OSError as exc:
        raise folder_error(folder, exc) from None
    try:
        if mode & 0o060:  # exactly the bits kept, whatever the umask takes away
            set_mode(fd, mode)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:  # a full disk or quota, a drive gone: the file is as it was
            message = f"filen kan ikke skrives ({reason(exc)}); den er, som den var."
            raise cannot_write(path, message, _AGAIN) from None
        _put_in_place(tmp, path, overwrite)
    finally:
        # A folder made read-only meanwhile keeps the temp; the next run clears it.
        with contextlib.suppress(OSError):
            tmp.unlink()
    fsync_dir(folder)


def _no_link(path: Path) -> None:
    """W002 for a symbolic link: tilsyn writes through none."""
    if path.is_symlink():
        raise fail(
            str(path), "W002", "stien er et symbolsk link; tilsyn skriver ikke gennem links."
        )


def current_mode(path: Path, new: int) -> int:
    """The access a file has now (its read and write bits), or `new` when there is none yet:
    for a file the leaders may have given other access since it was made (`tiltag.yaml`, made
    0600; the calendar, made 0644 to share)."""
    try:
        return path.stat().st_mode & 0o666 if path.is_file() else new
    except OSError:
        return new


def _group_access(path: Path) -> int:
    """The group's read and write bits of the file being replaced (0 when there is none): a
    workspace shared by a group keeps the access someone gave it, and no one else gets any."""
    try:
        return path.stat().st_mode & 0o060
    except OSError:
        return 0


def keep_backup(path: Path, *, tries: int = 999) -> Path:
    """Keep the file at `path` under the first free name `x.yaml.bak`, `x.yaml.2.bak`, ….

    A hard link where the file system has them, so no byte is copied (the backup is the
    user's own file, as it was; else a copy, `io.portable.copy_new`), and an existing
    backup is never replaced: `link` fails if the name is taken. Replace `path`
    afterwards with `write_atomic(..., overwrite=True)`: the rename leaves the
    backup holding the old content.
    """
    _no_link(path)  # it would not be replaced: no backup of it (a probe: a `.bak` link)
    for candidate in _backup_names(path, tries):
        try:
            copy_new(path, candidate, temp_path(path.parent, candidate.name))
        except FileExistsError:
            continue
        except OSError as exc:
            message = f"sikkerhedskopien kan ikke laves ({reason(exc)})."
            raise cannot_write(candidate, message) from None
        fsync_dir(path.parent)
        return candidate
    raise fail(
        str(path),
        "W005",
        "der er ikke et ledigt navn til sikkerhedskopien.",
        hint="ryd op i de gamle .bak-filer ved siden af filen.",
        kind=ErrorKind.USAGE,
    )


def free_backup(path: Path, *, tries: int = 999) -> Path | None:
    """The name `keep_backup` would take now (a dry run names it); None: none is free."""
    return next((p for p in _backup_names(path, tries) if not os.path.lexists(p)), None)


def _backup_names(path: Path, tries: int) -> Iterator[Path]:
    for n in range(1, tries + 1):
        yield path.with_name(f"{path.name}.bak" if n == 1 else f"{path.name}.{n}.bak")


def temp_path(folder: Path, name: str) -> Path:
    """A fresh temp name in `folder` for `name`.

    It starts with `TEMP_PREFIX` and this process's id, so `clean_stale_temps`
    can tell a live writer's temp from a killed one's.
    """
    return folder / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}-{name}"


def _put_in_place(tmp: Path, path: Path, overwrite: bool) -> None:
    try:
        if overwrite:
            tmp.replace(path)
        else:
            place_new(tmp, path)
    except FileExistsError:
        raise exists_error(path) from None
    except IsADirectoryError:
        raise folder_in_the_way(path) from None
    except OSError as exc:
        raise cannot_write(path, f"filen kan ikke skrives ({reason(exc)}).") from None


def folder_in_the_way(path: Path) -> TilsynError:
    """W003: a folder stands where tilsyn writes a file (a lock, a log, a letter, a report).

    A path the user named with `-o` is checked before (`cli.output.prepare_output_file`: name
    a file in the folder); this one tilsyn named itself, so the folder is a leftover to move.
    """
    return fail(
        str(path),
        "W003",
        "der står en mappe, hvor tilsyn skriver sin fil.",
        hint="flyt eller slet mappen; tilsyn laver filen selv.",
    )


def exists_error(path: Path) -> TilsynError:
    """W001: a file is already at `path`, and tilsyn never overwrites it."""
    return fail(
        str(path),
        "W001",
        "filen findes allerede og bliver ikke overskrevet.",
        hint="flyt eller omdøb den eksisterende fil, hvis den skal erstattes.",
    )


def private_folder(path: Path) -> Path:
    """`writable_folder`, with no access for others; the group's is kept: on a shared server
    the leaders' group is given it (a probe: `.tilsyn/` went back to 0700 at every cache write,
    and the second leader's `tilbagemelding` and `påmind` were refused)."""
    folder = writable_folder(path)
    mode = folder.stat().st_mode & 0o7777  # with the setgid bit that keeps the group
    if mode & 0o007:
        folder.chmod(mode & ~0o007)
    return folder


def writable_folder(
    folder: Path, *, display: str | None = None, mode: int = 0o700, chosen: bool = False
) -> Path:
    """The folder a command writes into: created (`mode`) when missing, and cleared of
    the temp files of killed writers. A folder inside the workspace is never a symbolic
    link; one the user named (`chosen`) may be."""
    shown = display or str(folder)
    for part in (folder, *folder.parents):
        if part.exists():
            break
        check_name(part, shown)
    if folder.is_symlink() and not chosen:
        raise fail(
            shown,
            "W002",
            "mappen er et symbolsk link; tilsyn skriver ikke gennem links.",
            hint="erstat linket med en almindelig mappe, så filerne bliver i arbejdsmappen.",
        )
    try:
        folder.mkdir(mode=mode, parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise missing_folder(folder, shown) from None
    except OSError as exc:
        raise folder_error(folder, exc, shown) from None
    clean_stale_temps(folder)
    return folder


def check_name(path: Path, display: str | None = None) -> None:
    """W006 unless the gate would leave `path`'s name as it is (`core.gate.name_passes`): no
    file or folder tilsyn makes is named with a CPR-like number or a direction character."""
    if not name_passes(path.name):
        raise fail(
            display or str(path),
            "W006",
            "navnet ligner et CPR-nummer eller har et retningstegn (der vender teksten), og "
            "tilsyn laver ingen fil eller mappe med det navn.",
            hint="vælg et navn uden CPR-nummer og retningstegn (filen, mappen, serienavnet, "
            "skabelon-id'et).",
            kind=ErrorKind.USAGE,
        )


def missing_folder(folder: Path, display: str | None = None) -> TilsynError:
    """Why a file cannot be made in `folder`, which is not a folder: it is missing, or a
    part of its path is a file."""
    if any(part.exists() and not part.is_dir() for part in (folder, *folder.parents)):
        hint = "vælg en sti, hvor alle dele er mapper."
        return cannot_write(folder, _NOT_A_FOLDER, hint, display)
    return cannot_write(folder, "mappen findes ikke.", "opret mappen først.", display)


_NOT_A_FOLDER = "en del af stien er en fil, ikke en mappe."
_AGAIN = "frigør plads, eller få adgang til mappen, og kør kommandoen igen."


def folder_error(folder: Path, exc: OSError, display: str | None = None) -> TilsynError:
    """W003 in Danish for an OS error met making or writing in `folder`."""
    missing = isinstance(exc, FileNotFoundError | NotADirectoryError)
    if missing and not folder.is_dir() and not folder.parent.is_dir():
        return missing_folder(folder, display)
    if isinstance(exc, PermissionError):
        return cannot_write(
            folder, "der er ikke adgang til at skrive i mappen.", "vælg en anden mappe.", display
        )
    message = f"mappen kan ikke oprettes eller skrives i ({reason(exc)})."
    return cannot_write(folder, message, "vælg en anden mappe.", display)


def cannot_write(
    path: Path, message: str, hint: str | None = None, display: str | None = None
) -> TilsynError:
    """W003: `path` cannot be written (a usage error: the user chose the place)."""
    return fail(display or str(path), "W003", message, hint=hint, kind=ErrorKind.USAGE)


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
    runs, or that is younger than `STALE_AFTER_SECONDS`, is left alone.
    Returns how many were removed.
    """
    removed = 0
    if not folder.is_dir():
        return 0
    oldest = time.time() - STALE_AFTER_SECONDS
    for tmp in folder.glob(f"{TEMP_PREFIX}*"):
        pid_text = tmp.name[len(TEMP_PREFIX) :].split("-", 1)[0]
        with contextlib.suppress(OSError):
            if pid_text.isdecimal() and process_alive(int(pid_text)):
                continue
            if tmp.lstat().st_mtime > oldest:
                continue
            if tmp.is_dir() and not tmp.is_symlink():
                shutil.rmtree(tmp)
            else:
                tmp.unlink()
            removed += 1
    return removed

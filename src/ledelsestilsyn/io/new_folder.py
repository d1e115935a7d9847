"""Writing the files of a folder this run has just made, which is renamed into place whole."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from ledelsestilsyn.core.gate import Gated, gate
from ledelsestilsyn.io.atomic import (
    cannot_write,
    check_name,
    exists_error,
    folder_error,
    fsync_dir,
)
from ledelsestilsyn.io.os_reasons import reason


def write_into_new_folder(folder: Path, files: Iterable[tuple[str, str | Gated]]) -> None:
    """Write `files` ((name, content) pairs, each through the output gate as in `write_atomic`)
    into `folder`, a folder this run has just made and will rename into place whole.

    No file there can be anyone else's, and no reader sees the folder before the
    rename, so each file is created exclusively and written without a temp file of its
    own; then all are fsynced at once from a few threads (the file system commits them
    together: one wait instead of one per file), and the folder last. When this returns,
    every file is on disk.
    """
    data = [(n, c.data if isinstance(c, Gated) else gate(c).encode()) for n, c in files]
    for name, _ in data:
        check_name(folder / name)
    descriptors: list[int] = []
    try:
        for name, content in data:
            try:
                fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                raise exists_error(folder / name) from None
            except OSError as exc:
                raise folder_error(folder, exc) from None
            descriptors.append(fd)
            with os.fdopen(fd, "wb", closefd=False) as handle:
                handle.write(content)
        failed = fsync_all(descriptors)
        if failed is not None:
            raise cannot_write(folder, f"filerne kan ikke gemmes ({reason(failed)}).")
    finally:
        for fd in descriptors:
            os.close(fd)
    fsync_dir(folder)


def fsync_all(descriptors: Sequence[int], threads: int = 8) -> OSError | None:
    """fsync every file, from `threads` threads at once; the first error, if any."""
    errors: list[OSError] = []

    def work(part: Sequence[int]) -> None:
        for fd in part:
            try:
                os.fsync(fd)
            except OSError as exc:
                errors.append(exc)

    workers = [
        threading.Thread(target=work, args=(descriptors[i::threads],), daemon=True)
        for i in range(min(threads, len(descriptors)))
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return errors[0] if errors else None

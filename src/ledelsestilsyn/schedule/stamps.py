"""Cheap stamps of files and folders (size and modification time), for the cron caches.

A stamp changes when a file is written, added or removed; reading the stamp
costs a `stat`, never the file's bytes.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def stat_or_none(path: Path) -> os.stat_result | None:
    """The file's size and times (one stat for both its stamp and when it was written);
    None when it cannot be read."""
    try:
        return path.stat()
    except OSError:
        return None


def is_folder(entry: os.DirEntry[str]) -> bool:
    """Whether the entry is a folder; False for a link that points at itself (ELOOP), which
    `DirEntry.is_dir` raises for where `Path.is_dir` says False: `påmind` ended in an internal
    error on `ln -s loop udtræk/loop`."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def is_plain_file(entry: os.DirEntry[str]) -> bool:
    """Whether the entry is a file (False for a link that points at itself, as `is_folder`)."""
    try:
        return entry.is_file()
    except OSError:
        return False


def file_stamp(st: os.stat_result | None) -> str:
    return f"{st.st_size}:{st.st_mtime_ns}" if st is not None else "-"


def folder_stamp(folder: Path) -> str:
    """One short hash of the names and stamps of the files in `folder` ("-" without it); a
    name that is not UTF-8 (a copy from an old Samba share) is hashed by its bytes."""
    if not folder.is_dir():
        return "-"
    parts = sorted(f"{p.name}={file_stamp(stat_or_none(p))}" for p in folder.iterdir())
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:16]

"""The caches in `.tilsyn/`: JSON files used only when stamped by the same format and code.

A cache is an optimisation and must never change a result: it is read only
when its stamp (format number, tool version, and a digest of the code that
produced it) matches, and is otherwise ignored and rebuilt; deleting it is
always safe. JSON, not pickle: a cache in a shared folder must not be able to
run code. Written atomically, folder 0700 and file 0600 (it may name cases).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Self

from ledelsestilsyn import __version__

PACKAGE = Path(__file__).resolve().parent.parent


def code_stamp(files: Iterable[str]) -> str:
    """The tool version plus a digest of these package files (paths below the package).

    A change in any of them, also in a development checkout without a new
    version number, makes what they produced stale.
    """
    digest = hashlib.sha256()
    for name in files:
        with contextlib.suppress(OSError):
            digest.update((PACKAGE / name).read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def read_stamped(path: Path, stamp: Mapping[str, Any]) -> dict[str, Any] | None:
    """The JSON object at `path` if it carries `stamp`; None if missing, corrupt or foreign."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    if isinstance(data, dict) and all(data.get(k) == v for k, v in stamp.items()):
        return data
    return None


def read_entries(path: Path, stamp: Mapping[str, Any]) -> dict[str, Any]:
    """The `entries` object of the cache at `path` if it carries `stamp`; else empty."""
    data = read_stamped(path, stamp)
    entries = data.get("entries") if data is not None else None
    return entries if isinstance(entries, dict) else {}


def write_stamped(
    path: Path, stamp: Mapping[str, Any], data: Mapping[str, Any], *, keep: Collection[str] = ()
) -> None:
    """Write `data` with `stamp` atomically (`keep`: see `write_atomic`); the folder is
    made private first."""
    from ledelsestilsyn.io.atomic import writable_folder, write_atomic

    writable_folder(path.parent).chmod(0o700)
    text = json.dumps({**stamp, **data}, ensure_ascii=False, separators=(",", ":"))
    write_atomic(path, text, overwrite=True, mode=0o600, keep=keep)


@dataclass
class EntryCache:
    """A cache file `FILE` in `folder` whose `entries` are keyed by the SHA-256 of a file's
    bytes, read only when the file carries this cache's `stamp`. `used`: the entries this
    run read or added (what a save keeps); `changed`: whether it added any."""

    FILE: ClassVar[str]

    folder: Path
    entries: dict[str, Any] = field(default_factory=dict)
    used: dict[str, Any] = field(default_factory=dict)
    changed: bool = False

    @classmethod
    def open(cls, folder: Path) -> Self:
        cache = cls(folder)
        cache.entries = read_entries(cache.path, cache.stamp)
        return cache

    @property
    def path(self) -> Path:
        return self.folder / self.FILE

    @property
    def stamp(self) -> dict[str, Any]:
        """The format and code the entries must have been made with."""
        raise NotImplementedError

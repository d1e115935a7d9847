"""A cache of what was made from files, keyed by the SHA-256 of each file's bytes.

The file is always read and hashed, so the cache is never trusted over it; the
cache file itself is sealed and stamped (`io.stamped_json`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Self

from ledelsestilsyn.io.stamped_json import read_entries


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

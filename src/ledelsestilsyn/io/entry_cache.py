"""A cache of what was made from files, keyed by the SHA-256 of each file's bytes.

The file is always read and hashed, so the cache is never trusted over it; the
cache file itself is sealed and stamped (`io.stamped_json`).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.io.stamped_json import read_entries, write_stamped


@dataclass
class EntryCache:
    """The cache file at `path`, whose `entries` are keyed by the SHA-256 of a file's bytes,
    read only when it carries this cache's `stamp`. `used`: the entries this run read or
    added (what a save keeps); `changed`: whether it added any; `keep`: tokens the output
    gate leaves in the file (a sample's seed)."""

    path: Path
    entries: dict[str, Any] = field(default_factory=dict)
    used: dict[str, Any] = field(default_factory=dict)
    changed: bool = False
    keep: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, path: Path) -> Self:
        cache = cls(path)
        cache.entries = read_entries(path, cache.stamp)
        return cache

    @property
    def stamp(self) -> dict[str, Any]:
        """The format and code the entries must have been made with."""
        raise NotImplementedError

    def save(self) -> None:
        """Keep this run's entries (older ones are dropped with their files), atomically; a
        cache that cannot be written only makes the next run slower."""
        if not self.changed and len(self.used) == len(self.entries):
            return
        with contextlib.suppress(OSError, TilsynError):
            write_stamped(self.path, self.stamp, {"entries": self.used}, keep=self.keep)

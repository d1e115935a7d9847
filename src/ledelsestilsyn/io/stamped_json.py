"""The caches in `.tilsyn/`: JSON files used only when sealed by tilsyn and stamped by the same
format and code.

A cache is an optimisation and must never change a result: it is read only
when its seal holds and its stamp (format number, tool version, and a digest of
the code that produced it) matches, and is otherwise ignored and rebuilt;
deleting it is always safe. JSON, not pickle: a cache in a shared folder must not
be able to run code. Written atomically, folder 0700 and file 0600 (it may name
cases).

The seal is the SHA-256 of the bytes after it, first in the file:
`{"sha256":"<64 hex>",…}`. A value edited by hand (JSON still valid, shape still
right), a truncated file or one with other types fails it, and is read as no
cache: it can neither crash a command nor change an answer. Checking it costs one
pass of `hashlib` over bytes that are read anyway, and no second serialisation.
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


SEAL = "sha256"
_HEAD = b'{"' + SEAL.encode() + b'":"'
_DIGEST = slice(len(_HEAD), len(_HEAD) + 64)
_BODY = _DIGEST.stop + 1  # the sealed bytes: all after the digest and its closing quote


def read_stamped(path: Path, stamp: Mapping[str, Any]) -> dict[str, Any] | None:
    """The JSON object at `path` (its seal left out) if its seal holds and it carries
    `stamp`; None if missing, edited, damaged or foreign."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if hashlib.sha256(memoryview(raw)[_BODY:]).hexdigest().encode() != raw[_DIGEST]:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if isinstance(data, dict) and all(data.get(k) == v for k, v in stamp.items()):
        data.pop(SEAL, None)
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
    """Write `data` with `stamp`, sealed, atomically; the folder is made private first.

    The text passes the output gate (`keep`: see `write_atomic`) before it is sealed, so
    the seal holds for the bytes on disk.
    """
    from ledelsestilsyn.core.gate import Gated, gate
    from ledelsestilsyn.io.atomic import writable_folder, write_atomic

    writable_folder(path.parent).chmod(0o700)
    content = {**stamp, **data}
    body = gate(json.dumps(content, ensure_ascii=False, separators=(",", ":")), keep=keep)
    tail = ("," + body[1:] if content else "}").encode()
    sealed = _HEAD + hashlib.sha256(tail).hexdigest().encode() + b'"' + tail
    write_atomic(path, Gated(sealed), overwrite=True, mode=0o600)


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

"""The caches in `.tilsyn/`: JSON files read only when sealed by tilsyn and stamped by the same
format and code (format number, tool version, a digest of the code that made them).

A cache only makes a run faster and must never change a result, so one whose seal
or stamp fails is ignored and rebuilt; deleting it is always safe. The seal is the
SHA-256 of the bytes after it, first in the file (`{"sha256":"<64 hex>",…}`): a
value edited by hand, a truncated file or one with other types fails it. Checking
it is one pass of `hashlib` over bytes read anyway. JSON, not pickle: a cache in a
shared folder must not be able to run code. Written atomically, folder 0700 and
file 0600 (it may name cases).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from ledelsestilsyn import __version__
from ledelsestilsyn.io.files import read_regular

PACKAGE = Path(__file__).resolve().parent.parent


def code_stamp(files: Iterable[str]) -> str:
    """The tool version plus a digest of these package files (paths below the package): a
    change in any of them, also in a checkout without a new version, makes their output stale."""
    digest = hashlib.sha256()
    for name in files:
        with contextlib.suppress(OSError):
            digest.update((PACKAGE / name).read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


SEAL = "sha256"
_HEAD = b'{"sha256":"'
_DIGEST = slice(len(_HEAD), len(_HEAD) + 64)
_BODY = _DIGEST.stop + 1  # the sealed bytes: all after the digest and its closing quote


def parse_json(raw: bytes) -> Any:
    """The JSON in `raw`, or None if it is not JSON. Nesting too deep for the decoder raises
    RecursionError, not a ValueError: that is not JSON tilsyn wrote either."""
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return None


def read_stamped(path: Path, stamp: Mapping[str, Any]) -> dict[str, Any] | None:
    """The JSON object at `path` (its seal left out) if its seal holds and it carries
    `stamp`; None if missing, edited, damaged or foreign."""
    try:
        raw = read_regular(path)
        sealed = hashlib.sha256(memoryview(raw)[_BODY:]).hexdigest().encode() == raw[_DIGEST]
    except OSError:
        return None
    data = parse_json(raw) if sealed else None
    if not isinstance(data, dict) or any(data.get(k) != v for k, v in stamp.items()):
        return None
    data.pop(SEAL, None)
    return data


def read_entries(path: Path, stamp: Mapping[str, Any]) -> dict[str, Any]:
    """The `entries` object of the cache at `path` if it carries `stamp`; else empty."""
    data = read_stamped(path, stamp)
    entries = data.get("entries") if data is not None else None
    return entries if isinstance(entries, dict) else {}


def write_stamped(
    path: Path, stamp: Mapping[str, Any], data: Mapping[str, Any], *, keep: Collection[str] = ()
) -> None:
    """Write `data` with `stamp`, sealed, atomically, in a folder made private; the text passes
    the output gate (`keep`: see `write_atomic`) before it is sealed."""
    from ledelsestilsyn.core.gate import Gated, gated_json
    from ledelsestilsyn.io.atomic import private_folder, write_atomic

    private_folder(path.parent)
    content = {**stamp, **data}
    body = gated_json(content, keep=keep, separators=(",", ":"))
    tail = ("," + body[1:] if content else "}").encode()
    sealed = _HEAD + hashlib.sha256(tail).hexdigest().encode() + b'"' + tail
    write_atomic(path, Gated(sealed), overwrite=True, mode=0o600)

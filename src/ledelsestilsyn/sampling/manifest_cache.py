"""Earlier samples' manifests, parsed once: a manifest is written once and read by every draw.

Reading YAML with positions costs about 0.15 s per 1,000 cases; every
`udtræk` reads all earlier manifests (quarantine, rotation). So the parsed
data is kept in `.tilsyn/udtræk.json` (folder 0700, file 0600), keyed by the
SHA-256 of the manifest's bytes and valid only for the same YAML reader
(`io.stamped_json`). The file is always read and hashed, so the cache is never
trusted over the file, and the data is validated as on a fresh read; a
manifest that does not validate is parsed again, so its errors have line and
column. A missing,
corrupt or foreign cache is ignored and rebuilt; deleting it is always safe.
JSON, not pickle: a cache in a shared folder must not be able to run code.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ledelsestilsyn.io.document_cache import READER_FILES
from ledelsestilsyn.io.entry_cache import EntryCache
from ledelsestilsyn.io.files import read_regular
from ledelsestilsyn.io.stamped_json import code_stamp
from ledelsestilsyn.io.yaml import MAX_BYTES, decode, parse_text, read_document
from ledelsestilsyn.models.located import validate_document
from ledelsestilsyn.models.manifest import Manifest

FORMAT = 1


def _reader_key() -> str:
    return code_stamp(READER_FILES)


@dataclass
class ManifestCache(EntryCache):
    key: str = field(default_factory=_reader_key)

    @property
    def stamp(self) -> dict[str, Any]:
        return {"format": FORMAT, "reader": self.key}

    def load(self, path: Path, display: str) -> Manifest:
        """The manifest at `path`; every problem is located as by `read_document`."""
        try:
            raw = read_regular(path, MAX_BYTES)
        except OSError:
            raw = b""
        if not raw or len(raw) > MAX_BYTES:
            return validate_document(Manifest, read_document(path, display=display))
        digest = hashlib.sha256(raw).hexdigest()
        data = self.entries.get(digest)
        if data is not None:
            with contextlib.suppress(ValidationError):
                manifest = Manifest.model_validate(data)
                self.used[digest] = data
                self.keep.update(manifest.own_numbers())
                return manifest
        document = parse_text(decode(raw, display), display)
        manifest = validate_document(Manifest, document)
        self.used[digest] = document.data
        self.keep.update(manifest.own_numbers())
        self.changed = True
        return manifest

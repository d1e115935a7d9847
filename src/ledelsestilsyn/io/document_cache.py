"""YAML files read on every run (the templates), parsed once and kept in `.tilsyn/`.

Parsing with positions is most of the cost of loading the templates, and every
command that opens a workspace loads all of them. So the parsed data is kept,
keyed by the SHA-256 of the file's bytes and valid only for the same YAML reader
(`io.stamped_json`). The file is always read and hashed, so the cache is never
trusted over the file. A document from the cache has no positions until a problem
must be located; then its text is parsed, so every error reads as on a fresh read.
A file whose reading gave a warning, or whose data holds a CPR-like number (the
output gate would mask it in the cache), is not kept. A missing, corrupt or foreign
cache is ignored and rebuilt; deleting it is always safe. JSON, not pickle: a
cache in a shared folder must not be able to run code.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ledelsestilsyn.core.cpr import may_hold_cpr
from ledelsestilsyn.io.document import Path_, Position, YamlDocument
from ledelsestilsyn.io.entry_cache import EntryCache
from ledelsestilsyn.io.files import read_limited
from ledelsestilsyn.io.stamped_json import code_stamp
from ledelsestilsyn.io.yaml import MAX_BYTES, TOO_LARGE_HINT, decode, parse_text

FORMAT = 1

READER_FILES = ("io/yaml.py", "io/yaml_errors.py", "io/yaml_paths.py", "io/document.py")
"""The YAML reader, which decides the parsed data."""


class _Unlocated(YamlDocument):
    """A document from the cache: its data now, its positions when first asked for."""

    def __init__(self, file: str, data: Any, text: str) -> None:
        super().__init__(file, data)
        self._text: str | None = text

    def locate(self, path: Path_, *, key: bool = False) -> Position | None:
        if self._text is not None:
            parsed = parse_text(self._text, self.file)
            self.values, self.keys, self._text = parsed.values, parsed.keys, None
        return super().locate(path, key=key)


class DocumentCache(EntryCache):
    """Parsed YAML documents, valid while a file's bytes and the YAML reader are the same."""

    @property
    def stamp(self) -> dict[str, Any]:
        return {"format": FORMAT, "reader": code_stamp(READER_FILES)}

    def read(self, path: Path, display: str) -> YamlDocument:
        """The document at `path`; every problem is located as by `read_document`."""
        raw = read_limited(path, display, limit=MAX_BYTES, hint=TOO_LARGE_HINT)
        digest = hashlib.sha256(raw).hexdigest()
        if digest in self.entries:
            self.used[digest] = self.entries[digest]
            return _Unlocated(display, self.entries[digest], decode(raw, display))
        doc = parse_text(decode(raw, display), display)
        if self._keeps(doc):
            self.used[digest] = doc.data
            self.changed = True
        return doc

    def _keeps(self, doc: YamlDocument) -> bool:
        return not doc.warnings and not may_hold_cpr(json.dumps(doc.data, ensure_ascii=False))

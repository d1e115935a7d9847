"""Parsed YAML with the position of every key and value, so any error can name `file:line:col`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity

Path_ = tuple[str | int, ...]
"""Where a value sits in the data: keys and list indexes from the top."""


def value_at(data: Any, path: Path_, default: Any = None) -> Any:
    """The value at `path` in parsed data (keys only, no list indexes), or `default`
    where there is none."""
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return default
        data = data[key]
    return data


class Position(NamedTuple):
    """A line and column, both from 1 (a tuple: one is made for every key and value read)."""

    line: int
    column: int


@dataclass
class YamlDocument:
    """Loaded data plus the position of every key and value, by path."""

    file: str
    data: Any
    values: dict[Path_, Position] = field(default_factory=dict)
    keys: dict[Path_, Position] = field(default_factory=dict)
    warnings: list[Diagnostic] = field(default_factory=list)
    """What was read, but probably not as meant (a `\\n` in a Windows path)."""
    spans: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    """Character offsets (start, end) of every value in the text, kept only when asked for
    (`parse_text(…, spans=True)`): a scalar's text with its quotes or block header; a
    collection's start only (start == end)."""

    def locate(self, path: Path_, *, key: bool = False) -> Position | None:
        """Position of `path` (its key if `key`), else of the nearest ancestor."""
        if key and path in self.keys:
            return self.keys[path]
        p = tuple(path)
        while p:
            if p in self.values:
                return self.values[p]
            p = p[:-1]
        return self.values.get(())

    def diagnostic(
        self,
        path: Path_,
        code: str,
        message: str,
        *,
        hint: str | None = None,
        key: bool = False,
        severity: Severity = Severity.ERROR,
    ) -> Diagnostic:
        pos = self.locate(path, key=key)
        return Diagnostic(
            self.file,
            pos.line if pos else None,
            pos.column if pos else None,
            code,
            message,
            hint,
            severity,
        )

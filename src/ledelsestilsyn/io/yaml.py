"""The one place YAML is parsed (and dumped).

Reading builds plain Python data from libyaml's event stream (C parser when
available) and records where every key and value came from, so any later
error, including a pydantic validation error, can name `file:line:col`.

Deliberate departures from plain `yaml.safe_load`; each one is a trap met in
real files that a municipality's staff edit by hand:
- every scalar stays text (`no` is not False, `0102031234` is not an int);
  the models convert what should be a number or a date, with a location;
- a repeated key is an error naming both lines;
- anchors, aliases and tags are refused (alias bombs, cycles, `!!python/…`);
- a UTF-8 BOM is accepted; other encodings, tabs in the indentation and
  non-breaking spaces in keys are errors with line and column;
- nesting deeper than `MAX_DEPTH` and files larger than `MAX_BYTES` are refused.

Positions live in `io.document`, libyaml's syntax errors become Danish in
`io.yaml_errors`, and writing files is `io.atomic`'s job.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ledelsestilsyn.core.diagnostics import TilsynError, fail
from ledelsestilsyn.core.quote import quote_unknown
from ledelsestilsyn.io.document import Path_, Position, YamlDocument
from ledelsestilsyn.io.files import read_limited
from ledelsestilsyn.io.yaml_errors import (
    MAX_DEPTH,
    as_typed,
    check_whitespace,
    escape_warning,
    looks_like_path,
    syntax_error,
)
from ledelsestilsyn.io.yaml_paths import Doubled, doubled

try:
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader

    USING_LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    USING_LIBYAML = False

MAX_BYTES = 8 * 1024 * 1024
TOO_LARGE_HINT = "en gennemgang, en skabelon eller et koncept fylder normalt under 100 kB."


_NUL_RUN = b"\x00" * 8
"""No text has eight NUL bytes in a row, in UTF-8, UTF-16 or UTF-32: a file a failed sync left
zero-filled (found by probe Q: it was told to save itself as UTF-32)."""


def decode(raw: bytes, file: str) -> str:
    """UTF-8 text without BOM, or a located error for any other encoding. Letters are read
    composed (NFC): a file saved on a Mac may write `å` as `a` and a ring, and its keys
    (`rådgiver`) and values (`månedligt-overordnet`) must read as the ones typed elsewhere."""
    if (damaged := raw.find(_NUL_RUN)) >= 0:
        raise fail(
            file,
            "Y014",
            "filen er beskadiget: fra her står der kun nul-tegn, som når en synkronisering "
            "(OneDrive, et fællesdrev) er gået galt; der er intet at rette i den.",
            hint="hent en tidligere version af filen (Versionshistorik i OneDrive og SharePoint, "
            "Tidligere versioner på et fællesdrev).",
            line=raw.count(b"\n", 0, damaged) + 1,
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif wide := _wide_encoding(raw):
        raise fail(
            file,
            "Y002",
            f"filen er gemt som {wide}, ikke UTF-8.",
            hint="gem filen som UTF-8 i editoren.",
            line=1,
            column=1,
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise fail(
            file,
            "Y002",
            "filen er ikke gemt som UTF-8 (måske Windows-1252 / ANSI).",
            hint="gem filen som UTF-8 (i Notesblok: Gem som → Kodning: UTF-8).",
            line=line,
            column=column,
        ) from None
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _wide_encoding(raw: bytes) -> str | None:
    """`UTF-16` or `UTF-32` for a file saved so (Notepad's "Unicode"), with or without a byte
    order mark: without one, every second (or three of four) of the first bytes is a NUL,
    which no text in UTF-8 has; None for anything else."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = raw[:400]
    nuls = head.count(0)
    if len(head) < 4 or nuls * 4 < len(head):
        return None
    return "UTF-32" if nuls * 4 >= len(head) * 3 - 4 else "UTF-16"


def read_document(path: Path, *, display: str | None = None) -> YamlDocument:
    """Read and parse one YAML file; every problem is a located `TilsynError`."""
    name = display or str(path)
    raw = read_limited(path, name, limit=MAX_BYTES, hint=TOO_LARGE_HINT)
    return parse_text(decode(raw, name), name)


def parse_text(
    text: str, file: str, *, spans: bool = False, typed: frozenset[str] = frozenset()
) -> YamlDocument:
    """Parse YAML text into a `YamlDocument` (with `spans`: also each value's offsets).

    `typed`: keys whose double-quoted value is read as typed where an escape in it is
    probably a Windows path (Y013, `yaml_errors.as_typed`): a review's free text.
    """
    check_whitespace(text, file)
    written: dict[int, str] = {}
    while True:
        try:
            builder = _Builder(file, text, spans, typed, written)
            return builder.build(yaml.parse(text, Loader=_Loader))
        except yaml.MarkedYAMLError as exc:
            path = _unknown_escape_in_path(exc, text, typed)
            if path is None:
                raise syntax_error(exc, text, file) from None
        except yaml.reader.ReaderError as exc:
            raise fail(
                file,
                "Y003",
                "filen indeholder et tegn, der ikke må stå i en YAML-fil (et kontroltegn).",
                hint="slet tegnet; det kommer ofte fra kopiering fra et andet program.",
                line=_line_of_offset(text, exc.position),
            ) from None
        except yaml.YAMLError:
            raise fail(file, "Y003", "filen er ikke gyldig YAML.") from None
        except RecursionError:
            raise fail(file, "Y007", "filen er indlejret for dybt.") from None
        shift = len(path.given) - len(path.raw)
        written = {at + shift if at > path.start else at: raw for at, raw in written.items()}
        written[path.start] = path.raw
        text = text[: path.start] + path.given + text[path.start + len(path.raw) :]


def _unknown_escape_in_path(
    exc: yaml.MarkedYAMLError, text: str, typed: frozenset[str]
) -> Doubled | None:
    """The path in free text that `exc` stopped at (`yaml_paths`), or None."""
    mark = exc.problem_mark
    if not typed or mark is None or "unknown escape character" not in str(exc.problem):
        return None
    return doubled(text, mark.index, typed)


def _line_of_offset(text: str, offset: int) -> int:
    return text.count("\n", 0, max(0, offset)) + 1


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    path: Path_
    key: str | None = None
    key_pos: Position | None = None


class _Builder:
    """Turns a libyaml event stream into plain data and position maps."""

    def __init__(
        self,
        file: str,
        text: str,
        spans: bool = False,
        typed: frozenset[str] = frozenset(),
        written: dict[int, str] | None = None,
    ) -> None:
        """`written`: values given to YAML with their `\\` doubled (`yaml_paths`), as written,
        by the index of their opening quote."""
        self.file = file
        self.text = text
        self.written = written or {}
        self.spans = spans
        self.typed = typed
        self.backslashes = "\\" in text
        self.doc = YamlDocument(file, None)
        self.stack: list[_Frame] = []
        self.documents = 0
        self.handlers: dict[type[yaml.Event], Callable[[Any], None]] = {
            yaml.ScalarEvent: self._scalar,
            yaml.MappingStartEvent: lambda event: self._open({}, event),
            yaml.SequenceStartEvent: lambda event: self._open([], event),
            yaml.MappingEndEvent: self._close,
            yaml.SequenceEndEvent: self._close,
            yaml.DocumentStartEvent: self._document,
            yaml.AliasEvent: self._alias,
        }
        """What each kind of event does, by exact type (libyaml makes no subclasses)."""

    def build(self, events: Iterator[yaml.Event]) -> YamlDocument:
        handler = self.handlers.get
        for event in events:
            handle = handler(type(event))
            if handle is not None:  # the stream's and a document's end need nothing
                handle(event)
        return self.doc

    def _error(
        self, pos: Position, code: str, message: str, hint: str | None = None
    ) -> TilsynError:
        """The error `code` at `pos` in this file (raise the result)."""
        return fail(self.file, code, message, hint=hint, line=pos.line, column=pos.column)

    def _refuse(self, event: yaml.Event, what: str) -> TilsynError:
        return self._error(
            self._pos(event),
            "Y004",
            f"{what} er ikke tilladt i tilsyn-filer.",
            hint="skriv værdien ud i stedet for at henvise til den ('&', '*' og '!' bruges ikke).",
        )

    def _alias(self, event: yaml.AliasEvent) -> None:
        raise self._refuse(event, "henvisninger (aliaser, '*')")

    def _marked(self, event: yaml.NodeEvent) -> None:
        """Anchors and tags are refused (a scalar's or a collection's)."""
        if event.anchor is not None:
            raise self._refuse(event, "ankre ('&')")
        if getattr(event, "tag", None):
            raise self._refuse(event, "typemærker ('!')")

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        if event.anchor is not None or event.tag:
            self._marked(event)
        escaped = self.backslashes and event.style == '"'
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.key is None and isinstance(frame.container, dict):
            if escaped:
                self._escapes(event, False)
            self._key(frame, event.value, event)
            return
        typed = None
        if escaped:
            typed = self._escapes(event, frame is not None and frame.key in self.typed)
        self._place(event.value if typed is None else typed, event)

    def _close(self, event: yaml.Event) -> None:
        self.stack.pop()

    def _document(self, event: yaml.DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            raise self._error(
                self._pos(event),
                "Y008",
                "filen indeholder mere end ét YAML-dokument ('---').",
                hint="del filen op, eller fjern den ekstra '---'.",
            )

    def _pos(self, event: yaml.Event) -> Position:
        mark = event.start_mark
        return Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)

    def _open(self, container: dict[str, Any] | list[Any], event: yaml.NodeEvent) -> None:
        if event.anchor is not None or getattr(event, "tag", None):
            self._marked(event)
        if len(self.stack) >= MAX_DEPTH:
            raise self._error(
                self._pos(event),
                "Y007",
                f"filen er indlejret mere end {MAX_DEPTH} niveauer dybt.",
            )
        path = self._place(container, event)
        self.stack.append(_Frame(container, path))

    def _escapes(self, event: yaml.ScalarEvent, typed: bool) -> str | None:
        """Warn about an escape that is probably not meant (Y013); with `typed`, the value as
        typed if it is probably a path (None: YAML's reading stands)."""
        start, end = event.start_mark, event.end_mark
        if start is None or end is None:
            return None
        raw = self.written.get(start.index) or self.text[start.index : end.index]
        if "\\" not in raw:
            return None
        pos = self._pos(event)
        typed = typed and looks_like_path(raw)
        warning = escape_warning(raw, self.file, pos.line, pos.column, typed=typed)
        if warning is None:
            return None
        self.doc.warnings.append(warning)
        return as_typed(raw) if typed else None

    def _key(self, frame: _Frame, value: str, event: yaml.Event) -> None:
        pos = self._pos(event)
        assert isinstance(frame.container, dict)
        if value in frame.container:
            first = self.doc.keys[(*frame.path, value)]
            raise self._error(
                pos,
                "Y009",
                f"nøglen {quote_unknown(value, None)} står to gange "
                f"(linje {first.line} og linje {pos.line}).",
                hint="slet den ene; ellers ville den sidste stille og roligt vinde.",
            )
        if "\u00a0" in value:
            raise self._error(
                pos,
                "Y006",
                "en nøgle indeholder et hårdt mellemrum (kopieret fra Word?).",
                hint="skriv nøglen igen med almindelige mellemrum.",
            )
        frame.key = value
        frame.key_pos = pos

    def _place(self, value: Any, event: yaml.Event) -> Path_:
        pos = self._pos(event)
        if not self.stack:
            self.doc.data = value
            self.doc.values[()] = pos
            if self.spans and event.start_mark is not None:
                self.doc.spans[()] = (event.start_mark.index, event.start_mark.index)
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            path: Path_ = (*frame.path, len(frame.container))
            frame.container.append(value)
        else:
            if frame.key is None:
                raise self._error(
                    pos,
                    "Y003",
                    "en nøgle må kun være en enkelt tekst, ikke en liste eller nøgler med værdier.",
                )
            path = (*frame.path, frame.key)
            frame.container[frame.key] = value
            assert frame.key_pos is not None
            self.doc.keys[path] = frame.key_pos
            frame.key = None
        self.doc.values[path] = pos
        if self.spans and event.start_mark is not None and event.end_mark is not None:
            start = event.start_mark.index
            end = event.end_mark.index if isinstance(value, str) else start
            self.doc.spans[path] = (start, end)
        return path


def dump(data: Any) -> str:
    """Serialise plain data as block-style UTF-8 YAML in the given key order."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )

"""The export's bytes as blocks of whole records, and the rows in each block.

The file is read once, in blocks of about 1 MiB that end at a line end where
the count of `"` so far is even, so no quoted field spans two blocks (size
and SHA-256 are taken by a thread of their own). A block whose every line is a whole record
(no quoted line break, no lone CR) takes the fast path: the pre-filter's
patterns find the lines that may hold an eligible paragraph in the raw bytes,
and only those lines are decoded. That is sound because the delimiters, `"`,
digits and line ends are the same single bytes in UTF-8 and Windows-1252.
Any other block is decoded whole and split into records line by line.
"""

from __future__ import annotations

import functools
import hashlib
import re
import threading
from collections.abc import Iterator
from itertools import accumulate, chain, repeat
from pathlib import Path
from typing import BinaryIO

from ledelsestilsyn.core.diagnostics import fail
from ledelsestilsyn.export.encoding import Encoding, check_utf8
from ledelsestilsyn.export.values import Prefilter

BLOCK = 1 << 20
FIRST_BLOCK = 1 << 16
MAX_RECORD = 1 << 17
"""A record still open after this many more bytes has an unclosed quote."""

_WHITESPACE = " \t\r\n\f\v"
_SKELETON = bytes(range(256)).translate(None, b'"\r\n')
_BLANK_BYTES = rb" \t\r\f\v"


class FileDigest(threading.Thread):
    """Size and SHA-256 of a file, computed beside the reader (`hashlib` releases the GIL)."""

    def __init__(self, path: Path) -> None:
        super().__init__(name="tilsyn-sha256", daemon=True)
        self.path = path
        self.size = 0
        self.sha256 = ""
        self.error: OSError | None = None

    def run(self) -> None:
        digest = hashlib.sha256()
        try:
            with self.path.open("rb") as handle:
                while chunk := handle.read(BLOCK):
                    digest.update(chunk)
                    self.size += len(chunk)
        except OSError as exc:
            self.error = exc
        self.sha256 = digest.hexdigest()


class FileBlocks:
    """Iterates over the blocks of an open binary file, each ending with a line end."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.stop: int | None = None
        """Read no block past this offset (a line end), unless a quoted field runs past it."""

    def __iter__(self) -> Iterator[bytes]:
        handle = self.handle
        size = FIRST_BLOCK
        while chunk := handle.read(self._room(size)):
            size = BLOCK
            parts = [chunk]
            if not chunk.endswith(b"\n"):
                parts.append(handle.readline())
            if sum(p.count(b'"') for p in parts) % 2:
                parts += self._close_quote()
            block = b"".join(parts)
            yield block if block.endswith(b"\n") else block + b"\n"

    def _room(self, size: int) -> int:
        return size if self.stop is None else max(0, min(size, self.stop - self.handle.tell()))

    def _close_quote(self) -> list[bytes]:
        """Lines up to the one that closes the open quoted field (or EOF, or `MAX_RECORD`)."""
        more: list[bytes] = []
        length = 0
        while length < MAX_RECORD and (line := self.handle.readline()):
            more.append(line)
            length += len(line)
            if line.count(b'"') % 2:
                break
        return more


def simple_lines(block: bytes) -> int | None:
    """The number of lines, if every line of `block` is a whole record with `\\n` or
    `\\r\\n` line ends (no quoted line break, no lone CR); otherwise None."""
    skeleton = block.translate(None, _SKELETON)
    if skeleton.count(b"\r") != skeleton.count(b"\r\n"):
        return None
    if b'"' in skeleton.replace(b"\r", b"").replace(b'""', b""):
        return None
    return skeleton.count(b"\n")


def blank_lines(block: bytes, delimiter: str) -> int:
    """Lines in a simple block that hold nothing but spaces and delimiters: a row Excel
    saves empty is `;;;;;;;`, and is no more a row than an empty line is."""
    empty = _BLANK_BYTES + b"\n" + delimiter.encode()
    blank = int(not block[: block.find(b"\n")].strip(empty))
    between, at = _blank_patterns(delimiter)
    if between.search(block):
        blank += len(at.findall(block))
    return blank


@functools.cache
def _blank_patterns(delimiter: str) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """A blank line between two others, and each blank line (`blank_lines`)."""
    chars = re.escape(_BLANK_BYTES + delimiter.encode())
    return re.compile(rb"\n[" + chars + rb"]*\n"), re.compile(rb"\n[" + chars + rb"]*(?=\n)")


def candidates(
    block: bytes, first_line: int, prefilter: Prefilter, encoding: Encoding
) -> tuple[list[int], list[str]]:
    """Line numbers and text of the lines in a simple block that may be eligible
    (or are summary rows).

    Everything per line runs inside C (`map`, `accumulate`): about a third of
    a million lines pass here for a million-row export.
    """
    newline = repeat(b"\n")
    line_ends: set[int] = set()
    for pattern in prefilter.patterns:
        hits = map(re.Match.start, pattern.finditer(block))
        line_ends.update(map(block.rfind, newline, repeat(0), hits))
    line_ends.update(map(re.Match.start, prefilter.summary.finditer(block)))
    if prefilter.summary.match(b"\n" + block[:16]):
        line_ends.add(-1)
    if not line_ends:
        return [], []
    starts = [end + 1 for end in sorted(line_ends)]
    gaps = map(block.count, newline, chain((0,), starts), starts)
    numbers = list(accumulate(gaps, initial=first_line))[1:]
    ends = map(block.find, newline, starts)
    raw = b"\n".join(map(block.__getitem__, map(slice, starts, ends)))
    return numbers, raw.decode(encoding.body, "replace").split("\n")


def dense(block: bytes, prefilter: Prefilter) -> bool:
    """Whether most lines of a simple block may be eligible (then `candidates` would cost
    more than it saves, and `all_lines` is cheaper); judged on the block's first 64 KiB."""
    end = block.find(b"\n", FIRST_BLOCK) + 1 or len(block)
    hits = sum(block.count(needle, 0, end) for needle in prefilter.needles)
    return hits * 5 > block.count(b"\n", 0, end) * 3


def all_lines(
    block: bytes, first_line: int, blank: int, encoding: Encoding, delimiter: str
) -> tuple[list[int], list[str]]:
    """Line numbers and text of every line in a simple block, as `candidates` gives them;
    without the `blank` lines (`blank_lines`)."""
    text = block.decode(encoding.body, "replace").split("\n")
    text.pop()  # after the last line end
    numbers = list(range(first_line, first_line + len(text)))
    if blank:
        kept = [i for i, line in enumerate(text) if not is_blank(line, delimiter)]
        return [numbers[i] for i in kept], [text[i] for i in kept]
    return numbers, text


def block_lines(block: bytes, encoding: Encoding, codec: str) -> list[str]:
    """The lines of a block, decoded, with universal line ends (each ends with `\\n`)."""
    check_utf8(block, encoding)
    text = block.decode(codec, "replace").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines[-1]:
        lines.pop()
    return [line + "\n" for line in lines]


def record_pattern(delimiter: str | None) -> re.Pattern[str]:
    """A whole record under the `csv` module's rules (a line end inside it is quoted).

    A `"` opens a quoted field only at the start of a field; inside one, `""` is a
    quote; after the closing quote, and anywhere in an unquoted field, a `"` is an
    ordinary character. Without a known delimiter every usual one counts.
    """
    stop = re.escape(delimiter) if delimiter else ";,\t|"
    quoted = f'"[^"]*(?:""[^"]*)*"(?!")[^{stop}\n]*'
    field = f'(?:{quoted}|[^{stop}\n"][^{stop}\n]*)?'
    return re.compile(f"(?:{field}[{stop}])*{field}\n")


def records(
    lines: Iterator[tuple[int, str]], display: str, delimiter: str | None
) -> Iterator[tuple[int, str]]:
    """Whole CSV records (a quoted field may span lines) with their first line number.

    A line without `"` is a record; any other is checked against `record_pattern`,
    so a quote inside an unquoted field does not swallow the lines after it.
    """
    whole = record_pattern(delimiter).fullmatch
    for number, line in lines:
        if '"' not in line or whole(line):
            yield number, line
            continue
        parts = [line]
        for _, more in lines:
            parts.append(more)
            if '"' in more and whole("".join(parts)):
                break
        else:
            raise fail(
                display,
                "E009",
                "et anførselstegn er ikke lukket; resten af filen ville blive ét felt.",
                hint="ret rækken i sagssystemet, eller fjern anførselstegnet.",
                line=number,
            )
        yield number, "".join(parts)


def strip_nul(block: bytes, first_line: int) -> tuple[bytes, list[int]]:
    """The block without NUL bytes, and the numbers of the lines that held one."""
    if b"\0" not in block:
        return block, []
    lines: list[int] = []
    line, counted, at = first_line, 0, block.find(b"\0")
    while at >= 0:
        line += block.count(b"\n", counted, at)
        lines.append(line)
        counted = block.find(b"\n", at)
        at = -1 if counted < 0 else block.find(b"\0", counted)
    return block.replace(b"\0", b""), lines


def is_blank(record: str, delimiter: str = "") -> bool:
    """Whether a record holds nothing but spaces (and `delimiter`s: see `blank_lines`)."""
    return not record.strip(_WHITESPACE + delimiter)

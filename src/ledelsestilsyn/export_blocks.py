"""The export's bytes as blocks of whole records, and the rows in each block.

The file is read once, in blocks of about 1 MiB that end at a line end where
the count of `"` so far is even, so no quoted field spans two blocks; size
and SHA-256 are taken on the way. A block whose every line is a whole record
(no quoted line break, no lone CR) takes the fast path: the pre-filter's
patterns find the lines that may hold an eligible paragraph in the raw bytes,
and only those lines are decoded. That is sound because the delimiters, `"`,
digits and line ends are the same single bytes in UTF-8 and Windows-1252.
Any other block is decoded whole and split into records line by line.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from itertools import accumulate, chain, repeat
from typing import BinaryIO

from .diagnostics import fail
from .export_encoding import Encoding, check_utf8
from .export_values import Prefilter

BLOCK = 1 << 20
FIRST_BLOCK = 1 << 16
MAX_RECORD = 1 << 17
"""A record still open after this many more bytes has an unclosed quote."""

_WHITESPACE = " \t\r\n\f\v"
_SKELETON = bytes(range(256)).translate(None, b'"\r\n')
_BLANK = re.compile(rb"\n[ \t\r\f\v]*\n")
_BLANK_AT = re.compile(rb"\n[ \t\r\f\v]*(?=\n)")


class FileBlocks:
    """Iterates over the blocks of an open binary file; `size` and `sha256` when done."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()
        self.size = 0

    @property
    def sha256(self) -> str:
        return self.digest.hexdigest()

    def _read(self, data: bytes) -> bytes:
        self.digest.update(data)
        self.size += len(data)
        return data

    def __iter__(self) -> Iterator[bytes]:
        handle = self.handle
        size = FIRST_BLOCK
        while chunk := self._read(handle.read(size)):
            size = BLOCK
            parts = [chunk]
            if not chunk.endswith(b"\n"):
                parts.append(self._read(handle.readline()))
            if sum(p.count(b'"') for p in parts) % 2:
                parts += self._close_quote()
            block = b"".join(parts)
            yield block if block.endswith(b"\n") else block + b"\n"

    def _close_quote(self) -> list[bytes]:
        """Lines up to the one that closes the open quoted field (or EOF, or `MAX_RECORD`)."""
        more: list[bytes] = []
        length = 0
        while length < MAX_RECORD and (line := self._read(self.handle.readline())):
            more.append(line)
            length += len(line)
            if line.count(b'"') % 2:
                break
        return more


def simple(block: bytes) -> bool:
    """True if every line of `block` is a whole record, with `\\n` or `\\r\\n` line ends."""
    skeleton = block.translate(None, _SKELETON)
    if skeleton.count(b"\r") != skeleton.count(b"\r\n"):
        return False
    return b'"' not in skeleton.replace(b"\r", b"").replace(b'""', b"")


def blank_lines(block: bytes) -> int:
    """Lines in a simple block that hold nothing but spaces."""
    blank = int(not block[: block.find(b"\n")].strip())
    if _BLANK.search(block):
        blank += len(_BLANK_AT.findall(block))
    return blank


def candidates(
    block: bytes, first_line: int, prefilter: Prefilter, encoding: Encoding
) -> tuple[list[int], list[str]]:
    """Line numbers and text of the lines in a simple block that may be eligible.

    Everything per line runs inside C (`map`, `accumulate`): about a third of
    a million lines pass here for a million-row export.
    """
    newline = repeat(b"\n")
    line_ends: set[int] = set()
    for pattern in prefilter.patterns:
        hits = map(re.Match.start, pattern.finditer(block))
        line_ends.update(map(block.rfind, newline, repeat(0), hits))
    if not line_ends:
        return [], []
    starts = [end + 1 for end in sorted(line_ends)]
    gaps = map(block.count, newline, chain((0,), starts), starts)
    numbers = list(accumulate(gaps, initial=first_line))[1:]
    ends = map(block.find, newline, starts)
    raw = b"\n".join(map(block.__getitem__, map(slice, starts, ends)))
    return numbers, raw.decode(encoding.body, "replace").split("\n")


def block_lines(block: bytes, encoding: Encoding, codec: str) -> list[str]:
    """The lines of a block, decoded, with universal line ends (each ends with `\\n`)."""
    check_utf8(block, encoding)
    text = block.decode(codec, "replace").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines[-1]:
        lines.pop()
    return [line + "\n" for line in lines]


def records(lines: Iterator[tuple[int, str]], display: str) -> Iterator[tuple[int, str]]:
    """Whole CSV records (a quoted field may span lines) with their first line number."""
    for number, line in lines:
        if '"' not in line or line.count('"') % 2 == 0:
            yield number, line
            continue
        parts = [line]
        for _, more in lines:
            parts.append(more)
            if more.count('"') % 2:
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


def is_blank(record: str) -> bool:
    return not record.strip(_WHITESPACE)

"""The body of the export, block by block; a large file's second half in a second process.

`Scan` counts the rows of each block and feeds the pre-filter's candidates to
a `RowReader`. For a large file (`SPLIT_FROM` bytes or more, where `os.fork`
exists), `SecondHalf` forks after the header is read (when
there are two CPUs to run on): the child reads from
the first line end after the middle of the file with a fresh `RowReader`
and sends its counts and cases back through a pipe, while this process reads
up to that point. The halves are joined as if read in one pass: later rows
win only with a strictly newer decision, line numbers move by the first
half's lines, and the first `MAX_REPORTED` bad rows are reported. If the
first half's last record runs past the split point (a quoted line break),
the child's work is dropped and the reading simply goes on.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.export.blocks import (
    FileBlocks,
    all_lines,
    blank_lines,
    block_lines,
    candidates,
    dense,
    is_blank,
    records,
    simple_lines,
    strip_nul,
)
from ledelsestilsyn.export.encoding import Encoding, NotUtf8Error, check_utf8
from ledelsestilsyn.export.rows import RowReader, moved
from ledelsestilsyn.export.values import Prefilter, is_summary

SPLIT_FROM = 8 << 20
"""From this size (about 60,000 rows) the second process saves more than it costs."""


@dataclass
class Scan:
    """Counts rows and feeds the candidates on, block by block."""

    reader: RowReader
    filter: Prefilter
    encoding: Encoding
    display: str
    line: int
    rows: int = 0

    def block(self, block: bytes) -> None:
        block = self.without_nul(block, self.line)
        lines = simple_lines(block)
        if lines is not None:
            check_utf8(block, self.encoding)
            blank = blank_lines(block, self.delimiter)
            self.rows += lines - blank
            if dense(block, self.filter):
                self.reader.feed(*all_lines(block, self.line, blank, self.encoding, self.delimiter))
            else:
                self.reader.feed(*candidates(block, self.line, self.filter, self.encoding))
            self.line += lines
        else:
            decoded = block_lines(block, self.encoding, self.encoding.body)
            found = records(enumerate(decoded, start=self.line), self.display, self.delimiter)
            self.records(found)
            self.line += len(decoded)

    @property
    def delimiter(self) -> str:
        return self.reader.delimiter

    def without_nul(self, block: bytes, first_line: int) -> bytes:
        """The block without NUL bytes; each line that held one is noted."""
        block, lines = strip_nul(block, first_line)
        self.nul_lines(lines)
        return block

    def nul_lines(self, lines: Iterable[int]) -> None:
        for line in lines:
            self.reader.note(
                line,
                "E013",
                "rækken indeholder et NUL-tegn (en 0-byte); det er fjernet, og rækken er læst.",
                "tjek rækken i sagssystemet; filen kan være beskadiget.",
            )

    def records(self, found: Iterable[tuple[int, str]]) -> None:
        """Records decoded line by line (a quoted field may span lines)."""
        search = self.filter.search.search
        numbers: list[int] = []
        kept: list[str] = []
        for number, record in found:
            if is_blank(record, self.delimiter):
                continue
            self.rows += 1
            if record.count('"') % 2:
                self._stray_quote(number)
            if search(record) or is_summary(record.lstrip('"')):
                numbers.append(number)
                kept.append(record)
        self.reader.feed(numbers, kept)

    def _stray_quote(self, line: int) -> None:
        self.reader.note(
            line,
            "E012",
            "et anførselstegn midt i et felt er læst som et almindeligt tegn.",
            'et felt med anførselstegn skal selv stå i anførselstegn ("Hun sagde ""nej""").',
        )


class SecondHalf:
    """A forked process reading the file from `start`; `join` adds its result to a scan."""

    def __init__(self, start: int, pid: int, pipe: int) -> None:
        self.start = start
        self.pid = pid
        self.pipe = pipe

    @classmethod
    def fork(cls, path: Path, handle: BinaryIO, fresh: Callable[[int], Scan]) -> SecondHalf | None:
        """Start the child, or return None for a small file (or where there is no fork)."""
        size = os.fstat(handle.fileno()).st_size
        if size < SPLIT_FROM or not hasattr(os, "fork") or _cpus() < 2:
            return None
        start = _line_end_after(path, size // 2)
        if start >= size:
            return None
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child, which never returns
            os.close(read_end)
            _child(path, start, fresh, write_end)
        os.close(write_end)
        return cls(start, pid, read_end)

    def join(self, scan: Scan) -> None:
        """Wait for the child and add its rows to `scan` (which has read up to `start`)."""
        with os.fdopen(self.pipe, "rb") as pipe:
            self.pipe = -1
            kind, payload = pickle.loads(pipe.read())
        self.close()
        if kind == "notutf8":
            raise NotUtf8Error
        offset = scan.line - 1
        if kind == "error":
            diagnostics, kind = payload
            raise TilsynError([moved(d, offset) for d in diagnostics], kind)
        if kind != "ok":
            raise RuntimeError(f"læsning af eksportens anden halvdel fejlede: {payload}")
        rows, tally = payload
        scan.rows += rows
        scan.reader.merge(tally, offset)

    def close(self) -> None:
        """Reap the child; one whose result is no longer wanted is stopped first."""
        if self.pipe >= 0:
            os.close(self.pipe)
            self.pipe = -1
            os.kill(self.pid, signal.SIGKILL)
        if self.pid:
            os.waitpid(self.pid, 0)
            self.pid = 0


def _cpus() -> int:
    """The CPUs this process may run on (a second process on the same CPU only costs)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _line_end_after(path: Path, position: int) -> int:
    with path.open("rb") as handle:
        handle.seek(position)
        handle.readline()
        return handle.tell()


def _child(path: Path, start: int, fresh: Callable[[int], Scan], pipe: int) -> None:
    """Read from `start` to the end and send the result; never returns."""
    try:
        result: tuple[str, object]
        try:
            scan = fresh(1)
            with path.open("rb") as handle:
                handle.seek(start)
                for block in FileBlocks(handle):
                    scan.block(block)
            result = ("ok", (scan.rows, scan.reader.tally()))
        except NotUtf8Error:
            result = ("notutf8", None)
        except TilsynError as exc:
            result = ("error", (exc.diagnostics, exc.kind))
        except Exception as exc:  # a bug: the parent reports it as one
            result = ("bug", type(exc).__name__)
        with os.fdopen(pipe, "wb") as out:
            out.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        os._exit(0)

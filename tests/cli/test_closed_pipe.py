"""Output read by a program that stops reading (`tilsyn … | head`, `q` in less) is no bug."""

from __future__ import annotations

import subprocess
import sys


def test_a_reader_that_stops_reading_is_no_internal_error() -> None:
    """`tilsyn tilbagemelding --periode 2026-10 | head -3` said 'intern fejl i tilsyn
    (BrokenPipeError) … send teksten til udviklerne', though every letter was written. The
    reader has gone: tilsyn stops quietly with 141 (128 + SIGPIPE), as `yes | head` does."""
    child = subprocess.Popen(
        [sys.executable, "-m", "ledelsestilsyn", "skabelon", "overordnet", "--format", "md"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    child.stdout.close()  # the reader is gone before the first line
    _, err = child.communicate(timeout=120)
    assert err.decode() == ""
    assert child.returncode == 141

"""Whether a person reads what `tilsyn påmind` prints, or cron does.

Both the console script's fast path (`entry`) and the command ask this one question, so
they agree. It is the stream itself that answers: `FORCE_COLOR` or `TTY_COMPATIBLE` (set in
some servers' environment, cron's too) make rich draw as for a terminal, but say nothing
about who reads; from cron, a line about "nothing due" would be mailed every day.
"""

from __future__ import annotations

import sys


def person_reads() -> bool:
    """True if standard output is a terminal (never so from cron or in a pipe)."""
    return sys.stdout.isatty()

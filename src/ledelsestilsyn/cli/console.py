"""Everything tilsyn prints goes through here: the output gate for the terminal.

`echo` for plain lines and `console()` for rich tables and trees. Both pass
the text through `core.gate.gate` (CPR-like numbers masked) on its way out.
Rich never reads text as markup or emoji codes: a name from a file such as
`Jens [vikar]`, `[/]` or `[link=…]` is printed as written, never as style or
a hyperlink (styles are given as `Text` objects, not in the strings). Nor does
the terminal read it as a command: a control character from a file (an escape
sequence that makes a hidden link or clears the screen, a carriage return, a
right-to-left override) is printed as `�`, after the gate has seen it (Word's manual line
break between the digits of a number is a line break to the gate). A line is never wrapped
between § (or stk., nr.) and its number: `Anbringelse (§ 46)` keeps `§ 46` on one line.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Collection, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any, cast

import typer

from ledelsestilsyn.cli.flags import shown
from ledelsestilsyn.core.diagnostics import Diagnostic

if TYPE_CHECKING:
    from rich.console import Console
    from rich.segment import Segment

# `core.gate` (and the CPR detector's large pattern) is imported on first output,
# not at start-up: `tilsyn --help` and the cron path never need it.


# Every C0 and C1 control character but tab, line feed and CR LF (a CSV's line end),
# the bidi overrides, and the noncharacters (one of them is `_JOINED`).
_UNPRINTABLE = (
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef]|\r(?!\n)"
)

# Rich wraps at any whitespace, a no-break space too (its words are `\s*\S+\s*`). So while
# rich lays out a text, the space after § (stk., nr.) before a number is this noncharacter,
# one cell wide and never in printable text; it is printed as a space again.
_JOINED = "\ufdd0"
_KEEP_TOGETHER = r"(?:(?<=§)|(?<=stk\.)|(?<=nr\.)) (?=\d)"


def printable(text: str) -> str:
    """`text` with every character a terminal would obey instead of show replaced by `�`."""
    import re

    return re.sub(_UNPRINTABLE, "\ufffd", text)


def echo(text: str = "", *, err: bool = False, nl: bool = True, keep: Collection[str] = ()) -> None:
    """One line (or block) of plain text to stdout or stderr, through the gate."""
    from ledelsestilsyn.core.gate import gate

    typer.echo(printable(gate(text, keep=keep)), err=err, nl=nl)


def print_diagnostics(diagnostics: Iterable[Diagnostic], *, err: bool = False) -> None:
    """Compiler-style lines; plain text so they can be grepped and parsed. At most
    `SHOWN_PER_FILE` of one file, then one line with how many more."""
    from ledelsestilsyn.core.diagnostics import per_file

    lines, more = per_file(diagnostics)
    for diagnostic in lines:
        echo(shown(diagnostic).format(), err=err)
    for line in more:
        echo(line, err=err)


class _GatedStream(io.TextIOBase):
    """stdout or stderr as they are when written to (a test runner swaps them), gated."""

    def __init__(self, err: bool, keep: Collection[str]) -> None:
        self._err = err
        self._keep = keep

    def _target(self) -> IO[str]:
        return sys.stderr if self._err else sys.stdout

    def write(self, text: str) -> int:
        from ledelsestilsyn.core.gate import gate

        self._target().write(gate(text, keep=self._keep))
        return len(text)

    def flush(self) -> None:
        self._target().flush()

    def isatty(self) -> bool:
        return self._target().isatty()

    def fileno(self) -> int:
        return self._target().fileno()


def may_be_terminal(*, err: bool = False) -> bool:
    """False where `console(err=err).is_terminal` surely is, without importing rich: the
    stream is no terminal, and neither TTY_COMPATIBLE nor FORCE_COLOR tells rich to treat
    it as one."""
    forced = {"TTY_COMPATIBLE", "FORCE_COLOR"} & os.environ.keys()
    return bool(forced) or _GatedStream(err, ()).isatty()


def console(*, err: bool = False, keep: Collection[str] = ()) -> Console:
    """A rich console whose every string is gated before layout and every write after."""
    import re

    from rich.console import Console
    from rich.segment import Segment
    from rich.text import Text

    from ledelsestilsyn.core.gate import gate

    class _Gated(Console):
        def render_str(self, text: str, **options: Any) -> Any:
            kept = re.sub(_KEEP_TOGETHER, _JOINED, printable(gate(text, keep=keep)))
            return super().render_str(kept, **options)

        def render(self, renderable: Any, options: Any = None) -> Iterator[Segment]:
            """Text objects do not pass `render_str`: they are gated here before they are
            wrapped (a number wrapped over two lines is two halves to the gate after layout;
            masking keeps the length, so the styles stay in place), their segments are made
            printable (rich's own cursor and style codes are control segments, and are kept),
            and § is joined to its number."""
            if isinstance(renderable, Text):
                plain = re.sub(_KEEP_TOGETHER, _JOINED, gate(renderable.plain, keep=keep))
                if plain != renderable.plain:
                    renderable = renderable.copy()
                    renderable.plain = plain
            for segment in super().render(renderable, options):
                shown = segment.text.replace(_JOINED, " ")
                text = segment.text if segment.control else printable(shown)
                yield segment if text == segment.text else Segment(text, segment.style)

    return _Gated(
        file=cast(IO[str], _GatedStream(err, keep)),
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )


def reader_gone() -> None:
    """The program reading the output stopped (`| head`, `q` in less): no bug to report.
    Standard output goes to /dev/null from here on, so Python's flush at exit finds no
    closed pipe; nothing is written."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real stdout (a test runner's): nothing to flush
        pass

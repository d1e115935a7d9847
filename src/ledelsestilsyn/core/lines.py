"""One line stays one line: plain text (påmind, `tilsyn tiltag`, a diagnostic, a mail) is
read line by line, by a person and by grep, so a name or title from a file must not start a
line of its own.

A value may hold a line break: a YAML `"\\n"`, a block scalar, Word's manual line break
(vertical tab) or a line separator from a pasted text. Where such a value stands inside a
line, the break and the spaces around it become one space: `Partshøring\\n  - Falsk` is
`Partshøring - Falsk`, not a bullet of its own. A diagnostic may run over lines, so there
each further line is indented instead (`continued`). The files keep what was written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Every character str.splitlines() breaks at, with the blanks around it. Only from the first
# blank of a run: tried from every blank, a name with 64,000 spaces took 31 s.
_BREAK = re.compile("(?<![ \t])[ \t]*[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+[ \t]*")


def one_line(text: str) -> str:
    """`text` with each line break (and the blanks around it) as one space."""
    return _BREAK.sub(" ", text)


def continued(text: str) -> str:
    """`text` with each line break (and the blanks around it) as a line break and an indent
    of two: a message may run over lines (U006's steps), but a line of it never starts where
    a new message would, at the left margin."""
    return _BREAK.sub("\n  ", text)


def joined(lines: Iterable[str]) -> str:
    """`lines` as a text, each its own line and ending with a line break."""
    return "".join(one_line(line) + "\n" for line in lines)


# The control characters a terminal obeys instead of showing (an escape sequence that sets the
# title or clears the screen, a bell, a backspace), but none the CPR detector reads as a gap
# between two digits (vertical tab, form feed, NEL): the gate still sees a file's text after.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def shown(text: str) -> str:
    """`text` with each control character a terminal would obey as `�`: for text from a
    file that tilsyn writes into another (a report, a letter), as `cli.console` prints it."""
    return _CONTROL.sub("\ufffd", text)

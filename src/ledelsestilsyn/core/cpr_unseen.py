"""The characters a reader does not see in a CPR number, and the number read without them
(`core.cpr`): invisible ones, also as HTML writes them, and marks that combine with a digit."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

# Soft hyphen, zero-width characters, and the direction marks and isolates that Outlook, web
# pages and right-to-left text leave around numbers: all invisible, so `010203‎-1234` with a
# left-to-right mark looks exactly like a CPR number.
# Also the invisible operators, the variation selectors, the combining grapheme joiner, the
# blank fillers of Hangul and Khmer and the tag characters: none shows as anything.
_INVISIBLE = (
    "\u00ad\u200b\u200c\u200d\u2060\ufeff"
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u180e"
    "\u2061-\u2064\u206a-\u206f\u034f\u180b-\u180d\ufe00-\ufe0f"
    "\u115f\u1160\u17b4\u17b5\u3164\uffa0\U000e0001\U000e0020-\U000e007f"
    # The control characters a terminal shows as nothing (a bell, an escape), and the `�`
    # every output writes for them (`core.lines.shown`), which a reader looks past:
    # `010203␇1234` shows as `010203�1234`. Not NUL: texts are joined by it, and a number never
    # spans one; nor the breaks and the tab, which are gaps of their own (`_BREAK`, `_JOIN`).
    "\x01-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffd"
)

INVISIBLES = re.compile(f"[{_INVISIBLE}]+")
"""Every run of characters that show as nothing (also used to read names as they are seen)."""
# The marks that combine with the character before them (an underline or a stroke through
# each digit, the keycap of `1️⃣`): a digit with one reads as the digit. Not in `INVISIBLES`,
# which also reads names: a name typed on a Mac carries its ring of `å` as such a mark.
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_UNSEEN = re.compile(f"[{_INVISIBLE}{_COMBINING}]+")
# The invisible characters as HTML writes them (`0102&shy;031234`, a soft hyphen): in a text
# with an `&`, read past as the characters are (`without_invisible`).
_UNSEEN_ENTITY = (
    "&(?:shy|ZeroWidthSpace|zwj|zwnj|lrm|rlm|NoBreak|#(?:173|820[3-7]|8288|65279)"
    "|#[xX](?:[aA][dD]|200[b-fB-F]|2060|[fF][eE][fF][fF]));"
)
_UNSEEN_OR_ENTITY = re.compile(f"(?:[{_INVISIBLE}{_COMBINING}]|{_UNSEEN_ENTITY})+")
_ENTITY_UNSEEN = re.compile(_UNSEEN_ENTITY)


def unseen_in(text: str) -> re.Pattern[str] | None:
    """What to read past in `text`: invisible characters, and those written as entities
    where it has an `&` (a pattern that begins with a class is searched far faster)."""
    if "&" in text and _ENTITY_UNSEEN.search(text) is not None:
        return _UNSEEN_OR_ENTITY
    return _UNSEEN if _UNSEEN.search(text) is not None else None


OVERRIDE = "\u202e"  # right-to-left override, one of the invisibles


def without_invisible(
    text: str, unseen: re.Pattern[str], written: Callable[[str], list[tuple[int, int]]]
) -> list[tuple[int, int]]:
    """The numbers `written` finds in the text as it is seen, without its invisible characters
    (`unseen`), with each span moved back to where its first and last character stand in
    `text`."""
    starts: list[int] = []  # where, in the text without them, each run of invisibles was
    shifts: list[int] = []  # how many invisibles stand before that place in `text`
    removed = 0
    for run in unseen.finditer(text):
        removed += run.end() - run.start()
        starts.append(run.start() - (removed - (run.end() - run.start())))
        shifts.append(removed)

    def original(at: int) -> int:
        k = bisect_right(starts, at) - 1
        return at + (shifts[k] if k >= 0 else 0)

    seen = unseen.sub("", text)
    spans = written(seen)
    if OVERRIDE in text:  # what follows it is shown mirrored: `‮4321-302010` reads `010203-1234`
        spans = sorted({*spans, *((len(seen) - b, len(seen) - a) for a, b in written(seen[::-1]))})
    return [(original(start), original(end - 1) + 1) for start, end in spans]

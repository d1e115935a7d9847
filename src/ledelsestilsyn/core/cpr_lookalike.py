"""Letters typed for the digits they look like in a CPR number (`O1O2O3-l234`, `01O203-1234`).

A capital O or a small o for 0, a capital I or a small l for 1: a reader sees the number,
so `core.cpr` reads the text once more with them as digits. A number found only that way
must have at least `MIN_DIGITS` real digits, so that no word (`lOlOlO-IIII`) is one; and
the masking covers the letters too, or `OXOXOX-lXXX` would still show four digits.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_LETTERS = "OoIl\uff2f\uff4f\uff29\uff4c"
"""O, o, I and l, also in their fullwidth forms (`010203-ｌ234`)."""
_AS_DIGITS = str.maketrans(_LETTERS, "00110011")
_NEXT_TO_DIGIT = re.compile(f"[0-9][{_LETTERS}]|[{_LETTERS}][0-9]")  # ASCII: faster than `\\d`
MIN_DIGITS = 5


_RUN = frozenset("0123456789" + _LETTERS)


def as_digits(text: str) -> str | None:
    """`text` with each such letter in a run of them and digits read as its digit (the same
    length, so a span found in it is the same span in `text`); None when no such letter stands
    beside a digit. Other words keep their letters: `3. juli 2OO3-1234` is July's date."""
    parts: list[str] = []
    done = 0
    for beside in _NEXT_TO_DIGIT.finditer(text):
        if beside.start() < done:
            continue
        start, end = beside.start(), beside.end()
        while start > done and text[start - 1] in _RUN:
            start -= 1
        while end < len(text) and text[end] in _RUN:
            end += 1
        parts += [text[done:start], text[start:end].translate(_AS_DIGITS)]
        done = end
    return "".join([*parts, text[done:]]) if parts else None


def lookalike_spans(
    text: str, read: str, written: Callable[[str], list[tuple[int, int]]]
) -> list[tuple[int, int]]:
    """The numbers `written` finds in `read` (`as_digits(text)`) with enough real digits."""
    return [
        (start, end)
        for start, end in written(read)
        if sum(c.isdigit() for c in text[start:end]) >= MIN_DIGITS
    ]


def masked(number: str) -> str:
    """`number` (a found span) with every digit, and every such letter beside a digit or
    another such letter that is, as `X`."""
    out = list(number)
    for i, c in enumerate(number):
        if c.isdigit():
            out[i] = "X"
    changed = True
    while changed:  # `OO12…`: the O beside the X that was an O beside a digit
        changed = False
        for i, c in enumerate(number):
            if out[i] != "X" and c in _LETTERS:
                beside = out[i - 1 : i] + out[i + 1 : i + 2]
                if "X" in beside:
                    out[i], changed = "X", True
    return "".join(out)

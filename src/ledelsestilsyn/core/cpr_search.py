"""The search for CPR numbers (`cpr`): a digit in any form, and the search that goes on from
each match's second character, so that a number may start inside one that was not real."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from ledelsestilsyn.core.cpr_spans import joined

# characters outside the basic plane (Kharoshthi, Rumi and Brahmi numbers, `🄁` digit with a
# comma) are left out: a class with them makes the search over ordinary text twice as slow.
_OTHER_DIGITS = (
    "\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468"
    "\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792"
)
DIGIT = f"[\\d{_OTHER_DIGITS}]"
"""One digit in any form (a regular expression)."""
NO_DIGIT_BEFORE = f"(?<!\\d{DIGIT})"
"""No decimal digit before the first one (`(D)(?<!\\dD)` is `(?<!\\d)(D)`; see `cpr`)."""


def found(
    pattern: re.Pattern[str], text: str, real: Callable[[str, re.Match[str]], bool]
) -> list[tuple[int, int]]:
    """The spans of the matches of `pattern` that are `real`, overlapping ones joined. Every
    search goes on from the match's second character, not its end, whether the match was
    real or not: a number may start inside it. `2026-11 · 0102031234` first matches as
    `2026-11 · 0102` (day 20, month 26: not real), and `30.11.2026: 0102031234` as
    `30.11.2026: 0102` (a date of birth and a serial number: real); in both the number
    after it begins inside that match.

    A number written right after a real one (`010203-1234010203-1234`) has a digit before
    it, so the search passes it by; it is looked for where the real one ends, as if that
    one were masked already. Found by the search after masking instead, a chain of k
    numbers took k searches of the whole text: 13 s for 32 kB."""
    found: list[tuple[int, int]] = []
    at = 0
    while (match := pattern.search(text, at)) is not None:
        at = match.start() + 1
        while match is not None and real(text, match):
            found.append(match.span())
            match = _after_one(pattern).match(text, match.end())
    return joined(sorted(found))


@functools.cache
def _after_one(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` without its look back for a digit before the number (compiled when first
    needed: few texts have a number right after another)."""
    return re.compile(pattern.pattern.replace(NO_DIGIT_BEFORE, "", 1))

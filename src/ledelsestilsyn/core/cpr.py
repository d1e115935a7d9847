"""CPR-like numbers in free text: find them, and mask them before anything is shown.

A CPR number is `DDMMÅÅ-SSSS` or `DDMMÅÅSSSS`. The first six digits must be a
real date (29 February only in years divisible by four); the modulus-11
check is deliberately not used, because numbers issued since 2007 need not
pass it. A run of digits longer than ten (an account number, a phone number
with country code) is not a CPR number. The number itself is never part of
any message: callers report the position, and `mask_cpr` hides the digits.
"""

from __future__ import annotations

import re

# With a dash the number stands out even when more digits follow (`010190-12342024`);
# without one, a longer run of digits (an account number) is not a CPR number.
_CANDIDATE = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})(-)?(\d{4})(?(4)|(?!\d))")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid_date(day: int, month: int, year: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    if month == 2 and day == 29:
        return year % 4 == 0
    return day <= _DAYS[month - 1]


def find_cpr(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of every CPR-like number in `text`, in order."""
    spans: list[tuple[int, int]] = []
    for match in _CANDIDATE.finditer(text):
        if _valid_date(int(match[1]), int(match[2]), int(match[3])):
            spans.append(match.span())
    return spans


def mask_cpr(text: str) -> str:
    """`text` with every CPR-like number replaced by `XXXXXX-XXXX` (or `XXXXXXXXXX`)."""
    spans = find_cpr(text)
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append("XXXXXX-XXXX" if "-" in text[start:end] else "XXXXXXXXXX")
        last = end
    parts.append(text[last:])
    return "".join(parts)

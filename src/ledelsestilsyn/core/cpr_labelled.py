"""A word for the serial number and its four digits a few words on (`cpr slutter på 1234`),
after a date of birth on the same line (`Født 1/2-03, cpr slutter på 1234`, `født 1 feb 03,
cpr-nr. slutter på 1234`; a probe found both in the reports): the word says what the digits
are, so the date before it, in any of its spellings, makes them a CPR number."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ledelsestilsyn.core.cpr_dates import month_number, valid_date

_LABEL = re.compile(
    r"(?<![^\W\d_])(?i:cpr|lbnr|løbenr|løbenummer|personnummer|personnr|pnr|kontrolcifre"
    r"|sidste[ ](?:4|fire)(?:[ ]cifre)?)"
    r"(?:[-.: ]{0,2}(?i:nummer|nr)\.?)?:?"
    r"(?:[ \u00a0]+[^\W\d_]+){0,3}[ \u00a0]+(?P<serial>\d{4})(?!\d)"
)
_HINT = re.compile(r"[cClLpPkKsS](?i:pr|bnr|øbe|ers|nr|ontrol|idste)")
"""Where such a word may begin: a letter set first lets the search skip ahead at C speed (a
case-blind list of the words searched 4 MB of an export six times slower)."""
_DATES = (
    re.compile(r"(?<!\d)(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./ -](?P<y>\d{4}|\d{2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<d>\d\d)(?P<m>\d\d)(?P<y>\d\d)(?!\d)"),
    re.compile(
        r"(?<!\d)(?P<d>\d{1,2})\.?[ \u00a0]{0,2}(?P<month>[^\W\d_]{3,9})\.?[ \u00a0]{0,2}"
        r"(?P<y>\d{4}|\d{2})(?!\d)"
    ),
)
_BEFORE = 40
"""How far before the word for the serial number the date of birth may stand."""


def _labels(text: str) -> Iterator[re.Match[str]]:
    """Each word for the serial number with its four digits in `text`."""
    for hint in _HINT.finditer(text):
        if (label := _LABEL.match(text, hint.start())) is not None:
            yield label


def may_hold(text: str) -> bool:
    """Whether `text` has a word for the serial number with four digits after it."""
    return next(_labels(text), None) is not None


def labelled_numbers(text: str) -> list[tuple[int, int]]:
    """The spans from a date of birth to the four digits a word for the serial number gives."""
    spans = []
    for label in _labels(text):
        start = max(0, label.start() - _BEFORE, text.rfind("\n", 0, label.start()) + 1)
        dates = [m for p in _DATES for m in p.finditer(text, start, label.start()) if _real(m)]
        if dates:
            spans.append((min(m.start() for m in dates), label.end("serial")))
    return spans


def _real(match: re.Match[str]) -> bool:
    year = match["y"]
    if len(year) == 4 and year[:2] not in ("19", "20"):
        return False
    named = match.groupdict().get("month")
    month = month_number(named) if named is not None else int(match["m"])
    return month is not None and valid_date(int(match["d"]), month, int(year[-2:]))

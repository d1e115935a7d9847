"""The date a CPR number begins with: a real one, or one with the month written as a word
(`1. feb. 2003-1234`, `01 februar 03 1234`, `født 1. februar 2003, lbnr. 1234`,
`01-feb-03-1234`, in English too: `1 May 2003-1234`; not with the month first, `May 1, 2003`:
a look for that costs a fifth of the gate's time on every text).

A letter or a note gives a date of birth with the month's name; a serial number set apart
after it, as `core.cpr` sets it apart after a date in digits, makes it a CPR number: a
mark (`-`, `/`, `, lbnr.`), or, after a year of two digits, a space. A date and a time
(`1. feb. 2026 12.30`, `1. feb 2026 1230`) is not one. The month's name is not masked: it
tells no more than a birthday does, and the digits are gone. Its letters may be any that
show as them (`1. fеb` with a Cyrillic `е`, fullwidth `ｆｅｂ`): the text is searched as it is
read (`core.letters.as_latin`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ledelsestilsyn.core.letters import as_latin

_MONTHS = {
    "jan": 1, "januar": 1, "feb": 2, "februar": 2, "mar": 3, "marts": 3, "apr": 4,
    "april": 4, "maj": 5, "jun": 6, "juni": 6, "jul": 7, "juli": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "okt": 10, "oktober": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12, "febr": 2,
    # in English, as a form from abroad or a translated letter has them
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "oct": 10,
    "october": 10,
    # in German, Norwegian and Swedish, as a child's papers from there have them
    "märz": 3, "maerz": 3, "mär": 3, "mrz": 3, "mai": 5, "dez": 12, "dezember": 12,
    "mars": 3, "des": 12, "desember": 12, "januari": 1, "februari": 2, "augusti": 8,
}  # fmt: skip
_ORDINAL = "(?:st|nd|rd|th|ST|ND|RD|TH)?"
"""After the day, in English (`1st May 2003-1234`)."""
_OF = "(?:[oO][fF][ \u00a0]{1,3})?"
"""Between the day and the month, in English (`1st of May 2003-1234`)."""
_LETTER = "[^\\W\\d_]"


def _letters(name: str) -> str:
    """`name` as a pattern, each letter in either case (of a text read by `as_latin`)."""
    return "".join(f"[{c}{c.upper()}]" for c in name)


class MonthDates:
    """The patterns of such a number: `hint`, what every one has (a digit and a month's first
    three letters, `1. feb`), searched for three times faster than the number, and `number`,
    looked for only where the hint is, in the text read by `as_latin`, and compiled only
    then (4 ms at every start)."""

    def __init__(self, digit: str, first: str, gap: str, mark: str, spaced: str) -> None:
        """`digit` is one digit, `first` what must follow the first one (no digit before it),
        `gap` the spaces a date may have after a mark, `mark` a mark with the spaces around
        it, `spaced` the spaces that set a serial number apart."""
        self._parts = digit, first, gap, mark, spaced
        either = "|".join(_letters(name) for name in sorted({name[:3] for name in _MONTHS}))
        # in the text as written, any character beyond Latin-1 may show as a month's letter
        shown = f"{_LETTER}{{0,2}}[^\\x00-\\xff]"
        # the last digit of a run only, and a letter next: a look that fails at once on the
        # digits of a case id or a date (a third of the time over 200,000 case ids)
        self.hint = re.compile(
            f"{digit}(?!{digit}){_ORDINAL}[./-]?{gap}(?=[^\\W\\d_]|[^\\x00-\\xff])"
            f"{_OF}(?:{either}|{shown})"
        )

    @functools.cached_property
    def number(self) -> re.Pattern[str]:
        digit, first, gap, mark, spaced = self._parts
        names = "|".join(_letters(name) for name in sorted(_MONTHS, key=len, reverse=True))
        four = f"{digit}{{2}}[ \u00a0]?{digit}{{2}}"
        return re.compile(
            f"(?P<d1>{digit}){first}(?P<d2>{digit})?{_ORDINAL}[./-]?{gap}{_OF}"
            f"(?P<month>{names})(?!{_LETTER})[./-]?{gap}"
            f"(?P<y1>{digit})(?P<y2>{digit})(?:(?P<y3>{digit})(?P<y4>{digit}))?"
            # after a mark the number stands out, digits after it or not (`2003-12342024`),
            # four together or two and two with that mark between them (`2003-12-34`);
            # after spaces only after a year of two digits, and only four digits
            f"(?:(?P<mark>{mark})(?:{four}|{digit}{{2}}(?P=mark){digit}{{2}})"
            f"|(?(y3)(?!)|{spaced}{four}(?!\\d)))"
        )


def month_number(name: str) -> int | None:
    """The month a name of one stands for (`feb`, `marts`, `May`), or None."""
    return _MONTHS.get(as_latin(name).lower())


def real_month_date(_text: str, match: re.Match[str]) -> bool:
    """Whether the date is real (`birth_date`)."""
    month = _MONTHS[as_latin(match["month"]).lower()]
    return birth_date(number(match["d1"], match["d2"]), month, match)


def birth_date(day: int, month: int, match: re.Match[str]) -> bool:
    """Whether the date is real (`valid_date`), its year the match's `y1 y2`, or, where the
    match has `y3 y4`, the four digits, then 19xx or 20xx."""
    year = number(match["y1"], match["y2"])
    if match["y3"] is not None:
        if year not in (19, 20):
            return False
        year = number(match["y3"], match["y4"])
    return valid_date(day, month, year)


def valid_date(day: int, month: int, year: int) -> bool:
    """Whether the six digits are a real date, or the date of a substitute number
    (erstatningspersonnummer: the CPR office gives one to a child without a CPR number, often a
    refugee child, with 60 added to the day, `610711-7286` for 1 July 2011)."""
    if day > 60:
        day -= 60
    if not 1 <= month <= 12 or day < 1:
        return False
    if month == 2 and day == 29:
        return year % 4 == 0
    return day <= _DAYS[month - 1]


_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def number(*digits: str | None) -> int:
    """The value of the digits (None: none there) of any form Unicode has (`⁰`, `０`)."""
    value = 0
    for digit in digits:
        if digit is not None:
            value = 10 * value + unicodedata.digit(digit)
    return value


_DATE_GOES_ON = re.compile("[-./\u2013][0-9]")


def year_after_gap(text: str, match: re.Match[str]) -> bool:
    """A date, then a space and a date or a period (`03.11.2026 2026-11-01`, `03.11.26
    2026-11`): the four digits after the gap are a year (19xx, 20xx), not a serial number."""
    year = match.end("y4") if match["y4"] is not None else match.end("y2")
    if not text[year : year + 1].isspace() or not _DATE_GOES_ON.match(text, match.end()):
        return False
    serial = [c for c in match[0] if c.isdigit()][-4:]
    return number(*serial[:2]) in (19, 20)


def og_alone(mark: str | None) -> bool:
    """`og` alone between a date and four digits: a serial number only after a date with a
    two-digit year (`271150 og 0854`)."""
    return mark is not None and mark.strip().lower() == "og"

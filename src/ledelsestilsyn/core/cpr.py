"""CPR-like numbers in free text: find them, and mask them before anything is shown.

A CPR number is `DDMMÅÅ-SSSS`, but people, Word and Excel write it in many
ways: without a separator, with a space or NBSP, with an en or em dash, a
Unicode hyphen, a slash, a dot, a bullet or an underscore, up to twelve marks (`010203----1234`,
Markdown's bold `**010203**-**1234**`), in two cells of an HTML table (`010203</td><td>1234`),
with invisible direction marks copied along, with spaces around the dash (`010203 - 1234`),
with the digits grouped (`01 02 03 12 34`), or over a line break in a block of
text (`010203-⏎1234`; also Word's vertical tab and the Unicode line separator, and over two
lines of a YAML comment or a Markdown quote), with any of Unicode's spaces and dashes, in
fullwidth (`０１０２０３／１２３４`), as in a link or in HTML (`%20`, `&nbsp;`, `&#8208;`),
with a word for the serial number (`010203 løbenummer 1234`); and with its digits in any
form Unicode has: superscript and subscript (`⁰¹⁰²⁰³-¹²³⁴`), circled, parenthesised and with a
full stop (`⓪①⓪②⓪③`, `⑴`, `⒈`), mathematical (`𝟎𝟏𝟎𝟐𝟎𝟑𝟏𝟐𝟑𝟒`) and the digits of other scripts
(Arabic-Indic `٠١٠٢٠٣`, Devanagari `०१०२०३`: every decimal digit, category Nd), and with a
combining mark on each (underlined, struck through, the keycap of `1️⃣`).
A control character (a bell, an escape) or the `�` written for one between the digits is
read past, as an invisible character is; O and l typed for 0 and 1 (`cpr_lookalike`) are read
as digits, and a month written as a word (`1. feb. 2003-1234`, `cpr_dates`) as its number.
All of those are found here, and nowhere else in the tool.

The date may also be written as a date of birth is: with a mark inside it
(`01.02.03-1234`, `01-02-03 1234`, `25-0203-1234`, `16'02'03-1234`) or with the year in
four digits (`20.02.2003-1234`, `14022003-1234`), or as ISO writes it (`2003-02-01-1234`,
or `20030201-1234` as a system does);
then the serial number must be four digits set apart by a mark or a space, so a date and a
time written with a colon or a dot (`03.11.2026 12:30`) is not a number, and one written
without (`01.02.2026 1230`) is masked: it cannot be told from `01.02.2003 1234` (a probe).

To keep ordinary numbers apart, the date must be real (29 February only in years divisible
by four), or a substitute number's (the day plus 60); the modulus-11 check is deliberately
not used, because numbers issued since 2007 need not pass it. Otherwise only a single space
or tab (and any invisible characters, such as a soft hyphen) may stand between two digits,
so a case id like `S-2026-00109` or an ISO date is never a match. A run of more than ten
digits (an account number) is not a CPR number, unless a dash or other punctuation sets the
serial number apart (`010190-12342024`).

The number itself is never part of any message: callers report the position, and `mask_cpr`
replaces every digit of it with `X`, keeping the length and the separators.
"""

from __future__ import annotations

import functools
import re

from ledelsestilsyn.core.cpr_dates import (
    MonthDates,
    birth_date,
    number,
    og_alone,
    real_month_date,
    valid_date,
    year_after_gap,
)
from ledelsestilsyn.core.cpr_labelled import labelled_numbers
from ledelsestilsyn.core.cpr_labelled import may_hold as may_hold_labelled
from ledelsestilsyn.core.cpr_lookalike import as_digits, lookalike_spans
from ledelsestilsyn.core.cpr_search import DIGIT as DIGIT
from ledelsestilsyn.core.cpr_search import NO_DIGIT_BEFORE, found
from ledelsestilsyn.core.cpr_spans import around, joined, mask_spans
from ledelsestilsyn.core.cpr_unseen import INVISIBLES as INVISIBLES
from ledelsestilsyn.core.cpr_unseen import OVERRIDE, unseen_in, without_invisible
from ledelsestilsyn.core.letters import as_latin

# Every space Unicode has (category Zs): the plain one and NBSP, and the en, em, thin, hair,
# figure, narrow, mathematical and ideographic spaces a word processor, a web page or a
# fullwidth text puts between digits; each shows as a gap, so `010203 1234` looks the same.
_SPACE = " \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u2800"
# Every dash and minus (the hyphen, Unicode's dashes and their small and fullwidth forms), the
# slash, the dot and the underscore, each also in its fullwidth form (`０１０２０３／１２３４`).
_PUNCT = (
    "\\-\u2010-\u2015\u2212\u2043\u02d7\u2796\u058a\u05be\u1806\u2e3a\u2e3b"
    "\ufe58\ufe63\uff0d/\u2044\u2215\uff0f.\uff0e_\uff3f"
    # The Japanese long-vowel marks, which look like a dash (`010203ー1234`), and the
    # superscript and subscript minus (`⁰¹⁰²⁰³⁻¹²³⁴`).
    "\u30fc\uff70\u207b\u208b"
)
# A digit: every decimal digit Unicode has (`\\d`: ASCII, fullwidth, mathematical, Arabic-Indic,
# Devanagari …), and every other character of the basic plane with a digit's value
# (`unicodedata.digit`), each of which shows as a digit: superscript and subscript, circled,
# parenthesised, with a full stop, dingbats, and Ethiopic and New Tai Lue digits.
# `test_every_form_of_a_digit_unicode_has_is_a_digit` keeps this list complete. The few such
# A line break and the indent after it: CR LF, CR, LF, and the breaks Word (a manual line
# break is a vertical tab), Unicode (line and paragraph separator) and NEL leave in a text.
# A comment's `#` (YAML) or a quote's `>` (Markdown) may begin the next line: a number split
# over two lines of a comment is still read as one.
_BREAK = (
    f"(?:\\r\\n|[\\r\\n\\x0b\\x0c\\x85\u2028\u2029])[{_SPACE}\t]{{0,40}}"
    f"(?:[#>][{_SPACE}\t]{{0,3}})?"
)
# Between two digits of the date or of the serial number: at most two spaces or tabs (a number
# grouped `01 02 03 12 34` or `01  02  03`, or copied from the cells of a table), and one line
# break (`01020⏎31234`: a number split on purpose). Invisible characters are not in the
# pattern: a text that has any is searched without them (`cpr_unseen.without_invisible`), so
# any number of them may stand anywhere (`0⁦1⁩…` with an isolate around each digit reads `01…`).
_JOIN = f"[{_SPACE}\t]{{0,2}}(?:{_BREAK})?"
# Up to twelve spaces (a number aligned in columns, `300711    7286`), or `%20` as in a link.
_AROUND = f"(?:[{_SPACE}\t]|%20){{0,12}}(?:{_BREAK})?"
# The spaces after the first of a run longer than `_AROUND` takes (`161038          8743`),
# read past as invisible characters are: a browser shows the run as one space.
_LONG_GAP = re.compile(f"(?<=[{_SPACE}\t])[{_SPACE}\t]{{12,}}")
# Any character written as HTML writes it (`010203&#45;1234`, `&ndash;`, `&nbsp;`, `&sol;`),
# which a web page or a mail copied as source leaves in a text; and a word for the serial
# number between it and the date (`010203 løbenummer 1234`, `01.02.03, lbnr. 1234`, `født 1.
# februar 2003 med lbnr. 1234`, `010203 CPR 1234`, `personnr.`, `pnr`, `sidste 4 cifre`).
_ENTITY = "&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});"
_SERIAL_WORD = (
    "l(?:ø|o|oe)?b(?:e)?[ ]?-?[ ]?(?:nummer(?:et)?|nr)|lb\\.?[ ]?nr|kontrol(?:nummer|nr|cifre)"
    "|(?:cpr|person)(?:[ ]?-?[ ]?(?:nummer(?:et)?|nr))?"
    "|(?:pers\\.?|p)[ ]?-?[ ]?(?:nummer(?:et)?|nr)"
    "|(?:de[ ])?sidste[ ](?:4|fire)(?:[ ]cifre)?"
)
_LABEL = f"(?i:og|(?:(?:med|og|samt)[ ]{{1,2}})?(?:{_SERIAL_WORD}|nr|no|nummer(?:et)?)\\.?)"
# The dots a text puts between things: the middle dot, the bullet, the hyphenation point, the
# bullet and dot operators, the Japanese middle dot in its two widths (`010203・1234`), and the
# ellipsis Word makes of three full stops (`010203…1234`).
_DOTS = "\u00b7\u2022\u2027\u2219\u22c5\u30fb\uff65\u2026"
# The fullwidth forms of the other marks below (`010203；1234`, `010203～1234`).
_WIDE = (
    "\uff0c\uff1a\uff1d\uff0b\uff3c\uff1b\uff07\uff5c\uff5e\uff08\uff09\uff3b\uff3d\uff5b\uff5d"
    "\u3001\u3002\uff64\uff61\uff06"  # the ideographic comma and full stop (`010203、1234`)
)
# A line break, a tab or a bell written as a YAML or Python escape (`010203-\n1234`), which a
# review file in double quotes that is read as it stands (Y013) shows as written.
_ESCAPE = "\\\\[abefnrtv]"
# One mark between date and serial number, or up to twelve (`010203----1234`, Markdown's bold
# `**010203**-**1234**`): punctuation, also a comma, colon, equals or plus sign
# (`010203,1234`), an asterisk, a hash or an ampersand (`300711*7286`, `300711&7286`), a
# backslash (a slip for the slash), a semicolon, an apostrophe or a quote, a middle dot, a
# bar or a tilde, a bracket (`(010203)1234`), an at, a section or a per cent sign, a euro or
# a degree sign, an arrow, and an HTML tag (a table's cells, `010203</td><td>1234`) or the
# end of a Markdown link (`[010203](x)1234`, shown as `0102031234`). `%2D` is a dash as in a
# link.
_TAG = "<[^<>\\n]{1,40}>|\\]\\([^()\\n]{0,40}\\)"
# Signs a text may set between things: a broken bar, guillemets, the midline ellipsis, the box
# drawings' lines (`│`, `║`) and the geometric shapes (`●`, `■`, `◦`).
_SIGNS = "\u00a6\u00ab\u00bb\u2039\u203a\u22ef\u2500-\u257f\u25a0-\u25ff"
_ONE_MARK = (
    f"(?:[{_PUNCT},:=+*#\\\\;'\u2019\"|~()\\[\\]{{}}@§€°\u2192\u21d2\u2794{_DOTS}{_WIDE}{_SIGNS}]"
    f"|%(?![0-9a-fA-F]{{2}})|%2[dD]|{_ENTITY}|&(?!#?[0-9a-zA-Z]{{1,32}};)|{_ESCAPE}|{_LABEL}|{_TAG})"
)
_MARK = f"{_ONE_MARK}(?:(?:[{_SPACE}]|{_BREAK})?{_ONE_MARK}){{0,11}}"
_SEPARATOR = f"(?:{_AROUND}(?P<punct>{_MARK}){_AROUND}|{_AROUND})?"
# Inside the date, one mark as in a written date of birth (`01.02.03-1234`, `01-02-03 1234`,
# `25-0203-1234`, `16'02'03 1234`): then the serial number must be set apart from the date,
# by a mark or a space, and be four digits together, so that a date and a time
# (`03.11.2026 12:30`) is not a number.
_DATE_MARK = f"[{_PUNCT}'\u2019]"


def _set_apart(name: str) -> str:
    return f"(?:{_AROUND}(?P<{name}>{_MARK}){_AROUND}|[{_SPACE}\t]{{1,3}})"


# The year in four digits (`14022003-1234`, `20.02.2003-1234`): 19xx or 20xx, and a mark must
# then set the serial number apart, or it is any long run of digits.
# `(D)(?<!\dD)` is `(?<!\d)(D)`: no decimal digit before the first one. Starting with the
# digit itself lets the regex engine jump from digit to digit instead of trying every
# position, which makes the output gate several times faster on long texts.
# Only a decimal digit makes a run longer (an account number): a superscript or a circled
# digit beside a number is a footnote or a list mark (`0102031234¹`), not more of it.
# A date mark may have a space or a line break after it (`06. 02. 03-1234`, `01.02.⏎03-1234`).
# The serial number after a date written with marks is four digits together (or two and two
# with a space, `01.02.03-12 34`), or two and two with the date's own mark, when that mark also
# sets it apart (`05-02-03-12-34`; `03.11.26 12.30` is a date and a time).
_AFTER_MARK = f"(?:[{_SPACE}]|{_BREAK})?"
_FOUR = f"{DIGIT}{{2}}[{_SPACE}]?{DIGIT}{{2}}"


def _candidate(join: str) -> re.Pattern[str]:
    """The pattern of a number with `join` between two of its digits."""
    century = f"{join}(?P<y3>{DIGIT}){join}(?P<y4>{DIGIT}){_set_apart('long')}"
    serial = join.join([DIGIT] * 4)
    return re.compile(
        f"(?P<d1>{DIGIT}){NO_DIGIT_BEFORE}{join}(?P<d2>{DIGIT})"
        f"(?:(?P<dm1>{_DATE_MARK}{_AFTER_MARK})|{join})(?P<m1>{DIGIT}){join}(?P<m2>{DIGIT})"
        f"(?:(?P<dm2>{_DATE_MARK}{_AFTER_MARK})|{join})(?P<y1>{DIGIT}){join}(?P<y2>{DIGIT})"
        f"(?:{century}|(?(dm1)(?:(?P<pairs>(?P=dm1))|{_set_apart('apart1')})"
        f"|(?(dm2){_set_apart('apart2')}|{_SEPARATOR})))"
        f"(?(pairs){DIGIT}{{2}}(?P=dm1){DIGIT}{{2}}|(?(dm1){_FOUR}|(?(dm2){_FOUR}|"
        # the serial number in two pairs with the mark that sets it apart (`300711-72-86`)
        f"(?:(?(punct){DIGIT}{{2}}(?P=punct){DIGIT}{{2}}|(?!))|{serial}))))"
        # After punctuation the number stands out even when more digits follow;
        # otherwise a longer run of digits (an account number) is not a CPR number.
        r"(?(punct)|(?(apart1)|(?(apart2)|(?(long)|(?!\d)))))"
    )


# A text without a line break is searched without one between every two digits (`may_hold_cpr`);
# the pattern with them is compiled when first needed (13 ms at every start).
_ON_ONE_LINE = _candidate(f"[{_SPACE}\t]{{0,2}}")
_LINE_BREAK = re.compile("[\r\n\x0b\x0c\x85\u2028\u2029]")


def _candidates_in(text: str) -> re.Pattern[str]:
    return _over_lines() if _LINE_BREAK.search(text) else _ON_ONE_LINE


@functools.cache
def _over_lines() -> re.Pattern[str]:
    return _candidate(_JOIN)


# A date of birth without its leading zeros (`1.2.03-1234`, `1.02.2003-1234`, `1-2-03 1234`), or
# with a space before the year (`1/2 2003-1234`, `01/02 03-1234`).
_SHORT_DATE = re.compile(
    f"(?P<d1>{DIGIT}){NO_DIGIT_BEFORE}(?P<d2>{DIGIT})?{_DATE_MARK}(?P<m1>{DIGIT})(?P<m2>{DIGIT})?"
    f"(?:{_DATE_MARK}|(?P<gap>[{_SPACE}]))(?P<y1>{DIGIT})(?P<y2>{DIGIT})"
    f"(?:(?P<y3>{DIGIT})(?P<y4>{DIGIT}))?"
    f"{_set_apart('apart')}{DIGIT}{{4}}"
)
# A date of birth as ISO writes it, and a serial number set apart by a mark (`2003-02-01-1234`,
# from a system); the year 19xx or 20xx in ASCII digits: a class of two digits to begin with
# lets the search skip to them (one that begins with any digit costs a fifth of the gate).
_ISO = re.compile(
    f"(?P<y1>[12])(?<![0-9][12])(?P<y2>[09])(?P<y3>{DIGIT})(?P<y4>{DIGIT})(?P<dm>[-./])"
    f"(?P<m1>{DIGIT})(?P<m2>{DIGIT})(?P=dm)(?P<d1>{DIGIT})(?P<d2>{DIGIT})"
    # not a year of a range of dates (`2025-10-01–2026-09-30`); a space alone sets the serial
    # number apart too (`2015-03-03 4522`, from a system's list), unless it is a time (`1030`)
    f"(?:{_AROUND}{_MARK}{_AROUND}|(?P<spaced>[{_SPACE}\t]{{1,3}})){_FOUR}(?!\\d|[-./–]\\d)"
)
# The same without marks in the date (`20030201-1234`, `200302011234`): as a system writes it.
_COMPACT_ISO = re.compile(
    f"(?P<y1>[12])(?<![0-9][12])(?P<y2>[09])(?P<y3>{DIGIT})(?P<y4>{DIGIT})"
    f"(?P<m1>{DIGIT})(?P<m2>{DIGIT})(?P<d1>{DIGIT})(?P<d2>{DIGIT})"
    f"(?:{_AROUND}{_MARK}{_AROUND}|[{_SPACE}\t]{{1,3}})?{_FOUR}(?!\\d|[-./–]\\d)"
)
# A mark after every digit, the same each time (`0.1.0.2.0.3.1.2.3.4`, `0-1-0-2-0-3-1-2-3-4`).
_EVERY_DIGIT = re.compile(
    f"(?P<d1>{DIGIT}){NO_DIGIT_BEFORE}(?P<s>[{_PUNCT},:*{_DOTS}])(?P<d2>{DIGIT})"
    + "".join(f"(?P=s)(?P<{g}>{DIGIT})" for g in ("m1", "m2", "y1", "y2"))
    + f"(?:(?P=s){DIGIT}){{4}}(?!(?P=s)?\\d)"
)
# Six digits of a date standing alone and, on the same line and at most 30 characters on, four
# digits standing alone, with any words between (`030315 eller 4560`, `030315 and 4560`,
# `030315 kl. 4560`): no list of words for the serial number can be whole (a probe found
# `eller`, `samt`, `mv.`, `≈` and `〜`), and a date written so is rare in a text but in one.
_WORDS_APART = re.compile(
    r"(?P<d1>\d)(?<!\w\d)(?P<d2>\d)(?P<m1>\d)(?P<m2>\d)(?P<y1>\d)(?P<y2>\d)(?!\w)"
    r"[^\d\r\n\x0b\x0c\x85\u2028\u2029]{1,30}?(?<!\w)\d{4}(?!\w|[.,]\d)"
)
# The month as a word (`1. feb. 2003-1234`): a dash, a slash or a word for the serial number, not
# a comma or a bracket alone (`1. feb 2026, 1500 kr.`, `30. november 2026 (2026-11)`); up to
# four words before a word that is only the serial number's (`født 3. marts 2015 og har
# løbenummer 4496`, a probe), not before `nr` or `nummer` (`lovens nummer 1234`).
_MONTH = MonthDates(
    DIGIT, NO_DIGIT_BEFORE, f"(?:[{_SPACE}\t]|{_ENTITY}){{0,3}}(?:{_BREAK})?",
    f"{_AROUND}(?:(?:[{_PUNCT}*]|{_ENTITY}){{1,3}}|(?:[{_PUNCT}][{_SPACE}]?)?[,;(]?[{_SPACE}]?"
    f"(?:{_LABEL}|(?:[^\\W\\d_]+[{_SPACE}]){{1,4}}(?i:{_SERIAL_WORD})\\.?):?){_AROUND}",
    f"(?:[{_SPACE}\t]{{1,3}}|{_BREAK})",
)  # fmt: skip
# What every such date has: a day or a month of one digit between marks, or a space before
# the year (`may_hold_cpr`).
_ONE_DIGIT = re.compile(
    f"{_DATE_MARK}(?:{DIGIT}{_DATE_MARK}|(?<=(?<!\\d){DIGIT}{_DATE_MARK})|{DIGIT}{{1,2}}[{_SPACE}])"
)
_GAP = re.compile(f"[{_SPACE}\t\\r\\n\\x0b\\x0c\\x85\u2028\u2029]")
DM = (("d1", "d2"), ("m1", "m2"))


def _candidates(text: str) -> list[tuple[int, int]]:
    """The numbers in `text` as written, and, if it has invisible characters, also those in
    it as it is seen without them: an invisible character between two runs of digits still
    sets them apart as written (`0102031234­010203-1234` is two numbers), and two between two
    digits of one number do not hide it (`01​​0203-1234`)."""
    spans = _written(text)
    if _LONG_GAP.search(text) is not None:  # a browser shows any run of spaces as one
        spans = sorted({*spans, *without_invisible(text, _LONG_GAP, _written)})
    if (unseen := unseen_in(text)) is not None:
        spans = sorted({*spans, *without_invisible(text, unseen, _written)})
    if (read := as_digits(text)) is not None:  # `O1O2O3-l234`
        spans = joined(sorted({*spans, *lookalike_spans(text, read, _written)}))
    return spans


def _written(text: str) -> list[tuple[int, int]]:
    by_name = []
    if _MONTH.hint.search(text):  # read `1. fеb 2003-1234`, with a Cyrillic `е`, as `feb`
        by_name = found(_MONTH.number, as_latin(text), real_month_date)
    iso = found(_ISO, text, _real_iso) + found(_COMPACT_ISO, text, _real_iso)
    iso += found(_EVERY_DIGIT, text, _real_every_digit)
    iso += found(_WORDS_APART, text, _real_every_digit)
    candidates = found(_candidates_in(text), text, _real_candidate)
    labelled = labelled_numbers(text)
    return joined(sorted([*_short(text), *by_name, *iso, *candidates, *labelled]))


def _real_candidate(text: str, match: re.Match[str]) -> bool:
    if (match["dm1"] or match["dm2"]) and _loose_gap(text, match):
        return False  # a mark in the date, and a space as well: `12:30 01.02.2026`
    if match["y3"] is not None and og_alone(match["long"]):
        return False  # `den 03.11.2026 og 2026`: two years
    if year_after_gap(text, match):
        return False
    return birth_date(number(match["d1"], match["d2"]), number(match["m1"], match["m2"]), match)


def _real_iso(_text: str, match: re.Match[str]) -> bool:
    if match.groupdict().get("spaced") and _a_time(match[0][-4:]):
        return False
    return birth_date(number(match["d1"], match["d2"]), number(match["m1"], match["m2"]), match)


def _a_time(four: str) -> bool:
    return four.isdigit() and int(four[:2]) < 24 and int(four[2:]) < 60


def _real_every_digit(_text: str, match: re.Match[str]) -> bool:
    day, month = (number(*match.group(a, b)) for a, b in DM)
    return valid_date(day, month, number(match["y1"], match["y2"]))


def _loose_gap(text: str, match: re.Match[str]) -> bool:
    """A space or a break in the date that is not the one after a date mark (`06. 02. 03`)."""
    marks = [match.span(g) for g in ("dm1", "dm2") if match[g]]
    for gap in _GAP.finditer(text, match.start(), match.end("y2")):
        if not any(start < gap.start() < end for start, end in marks):
            return True
    return False


def _short(text: str) -> list[tuple[int, int]]:
    """The dates of birth without leading zeros (two-digit ones are `_candidate`'s)."""
    if _ONE_DIGIT.search(text) is None:
        return []
    return found(_SHORT_DATE, text, _real_short_date)


def _real_short_date(_text: str, match: re.Match[str]) -> bool:
    if match["d2"] is not None and match["m2"] is not None and match["gap"] is None:
        return False
    if match["y3"] is not None and og_alone(match["apart"]):
        return False
    day, month = (number(*match.group(a, b)) for a, b in DM)
    return birth_date(day, month, match)


def find_cpr(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of every CPR-like number in `text`, in order.

    Searched again after masking what was found, so a number written right after another
    (`010203-12340102031234`) is found too: only beside what was found, where a digit kept a
    number apart, or a chain of k numbers (of two kinds, which no one pattern follows) took k
    searches of the whole text: 3.5 s for 10 kB.
    """
    found: list[tuple[int, int]] = []
    spans = _candidates(text)
    while spans:
        found.extend(spans)
        text = mask_spans(text, spans)
        near = around(spans, len(text))
        spans = [
            (start + a, start + b) for start, end in near for a, b in _candidates(text[start:end])
        ]
    return sorted(found)


def may_hold_cpr(text: str) -> bool:
    """False only if `find_cpr(text)` is surely empty: no candidate at all, before the
    date is checked (one pass in C over, say, every case id joined by NUL characters;
    a number never spans a NUL)."""
    read = as_digits(text)
    if any(_candidates_in(t).search(t) or _short_date_in(t) for t in (text, read) if t):
        return True
    if any(
        _ISO.search(t) or _COMPACT_ISO.search(t) or _EVERY_DIGIT.search(t) or _WORDS_APART.search(t)
        for t in (text, read)
        if t
    ):
        return True
    if _MONTH.hint.search(text) and _MONTH.number.search(as_latin(text)):
        return True
    if may_hold_labelled(text):
        return True
    if _LONG_GAP.search(text) is not None and may_hold_cpr(_LONG_GAP.sub("", text)):
        return True
    if (unseen := unseen_in(text)) is None:
        return False
    seen = unseen.sub("", text)
    if OVERRIDE in text and _candidates_in(seen).search(seen[::-1]) is not None:
        return True
    return _candidates_in(seen).search(seen) is not None or _short_date_in(seen)


def _short_date_in(text: str) -> bool:
    return _ONE_DIGIT.search(text) is not None and _SHORT_DATE.search(text) is not None


def mask_cpr(text: str) -> str:
    """`text` with every digit of every CPR-like number replaced by `X` (same length)."""
    spans = find_cpr(text)
    return mask_spans(text, spans) if spans else text

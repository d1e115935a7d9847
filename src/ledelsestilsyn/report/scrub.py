"""Free text from a review made safe to pass on: CPR-like numbers masked, known names replaced."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable

from ledelsestilsyn.core.names import as_read, name_orders
from ledelsestilsyn.core.phones import mask_phones
from ledelsestilsyn.core.unknown_names import name_masker

# Between two parts of a name: any run of spaces, NBSP, tabs, line breaks (a comment wrapped
# in a block scalar) and the invisible characters Word and Outlook copy along; an underscore,
# as in a file name (`Maja_Rønnow_notat.docx`); or nothing (`MajaRønnow`).
_GAP = "[\\s\u00a0\u2007\u2009\u202f\u00ad\u200b-\u200f\u2060\ufeff_]*"
# A name is a whole word: not inside another (`Evaluering` is not `Eva`), but a word may end
# at an underscore (`Maja_notat.docx`); a possessive s stays after the replacement
# (`Bos notat` → `en kollegas notat`).
_BEFORE, _AFTER = r"(?<![^\W_])", r"(?=[sS]?(?![^\W_]))"


# The same letter as a keyboard or a mail without Danish letters writes it: `Aagaard` and
# `Agaard` for Ågaard, `Soren` and `Soeren` for Søren, `Kjaergaard` for Kjærgaard, and back.
_SPELLINGS: tuple[tuple[str, ...], ...] = (("æ", "ae"), ("ø", "oe", "o"), ("å", "aa", "a"))
_SPELT = re.compile("|".join(f"{letter}|{pair}" for letter, pair, *_ in _SPELLINGS), re.I)


def _spelt(part: str) -> str:
    """A pattern for `part` that also matches it spelt with or without æ, ø and å (in
    capitals, `SOREN` for `SØREN`)."""

    def forms(match: re.Match[str]) -> str:
        found = match[0]
        spellings = next(s for s in _SPELLINGS if found.lower() in s[:2])
        if part.isupper() and len(part) > 1:
            spellings = tuple(s.upper() for s in spellings)
        elif found[0].isupper():
            spellings = tuple(s.capitalize() for s in spellings)
        return "(?:" + "|".join(sorted(spellings, key=len, reverse=True)) + ")"

    pieces: list[str] = []
    last = 0
    for match in _SPELT.finditer(part):
        pieces += [re.escape(part[last : match.start()]), forms(match)]
        last = match.end()
    return "".join([*pieces, re.escape(part[last:])])


def _name_pattern(name: str) -> str:
    return _GAP.join(_hyphened(part) for part in name.split())


def _hyphened(part: str) -> str:
    """`_spelt`, a hyphen in the part also written as a space or another hyphen: `Anne-Sofie`
    is written `Anne Sofie` and `Anne‑Sofie` (Word's non-breaking hyphen) too."""
    return f"(?:[-\u2010\u2011]|{_GAP})".join(_spelt(piece) for piece in part.split("-"))


def _parts(names: Iterable[str]) -> set[str]:
    """The first names and surnames a colleague is called by alone: capitalised, two
    letters or more (an initial is no name)."""
    return {p for n in names for p in re.split(r"[\s,]+", n) if len(p) > 1 and p[0].isupper()}


def scrubber(
    names: Iterable[str],
    mask: Callable[[str], str],
    replacement: str,
    keep: Collection[str] = (),
    *,
    alone: bool = True,
    part_as: str | None = None,
    shown: Collection[str] = (),
) -> Callable[[str], str]:
    """Masks CPR-like numbers and replaces each of `names` (longest first, any case, however
    the parts are spaced: `Bo  Lind`, `Bo Lind` with NBSP, or over a line break; with or
    without æ, ø and å: `Soren Kjaergaard`), and each
    part of one alone, as written with a capital (`Bo`, `Lind`): colleagues call each other
    by first name (not with `alone` false: in a template's text `Faglig` of 'Faglig leder
    Bo Lind' is a word). A `keep` name (the reader's own), or a part of one, is left as it is.
    `part_as`: what a part alone becomes instead of `replacement`, for it may be someone
    else's (a probe: `Jens' mor`, the child a colleague's namesake, became `en kollega' mor`
    in a letter). A `shown` name (a leader the letter names) is left whole as a `keep` name
    is, but a part of it alone is still a colleague's (a probe: `Mette Holm`, the leader
    who reviewed, became `[navn] Holm`, as a colleague was called `Mette Bøgh Sørensen`)."""
    whole = sorted(
        {w for n in names if n and n.strip() for w in name_orders(n)}, key=len, reverse=True
    )
    parts = sorted(_parts(whole) - _parts(keep) - set(whole), key=len, reverse=True)
    parts = parts if alone else []
    # A part alone also in capitals ('RØNNOW'), from three letters ('BO' may be an abbreviation).
    capitals = sorted({p.upper() for p in parts if len(p) >= 3} - {p.upper() for p in _parts(keep)})
    # The reader's own name is tried with the others, longest first, and left as it is: 'Anna
    # Holm Jensen' is the reader, not a colleague 'Anna Holm' and a 'Jensen'.
    own = {w for n in [*keep, *shown] if n and n.strip() for w in name_orders(n)} - set(whole)
    mine = [f"(?i:{_name_pattern(n)})" for n in own]
    listed = sorted([*whole, *own], key=len, reverse=True) if whole or parts else []
    choices = [f"(?i:{_name_pattern(n)})" for n in listed] + [
        _hyphened(p) for p in sorted(parts + capitals, key=len, reverse=True)
    ]
    pattern = re.compile(f"{_BEFORE}(?:{'|'.join(choices)}){_AFTER}") if choices else None
    reader = re.compile("|".join(mine)) if mine else None
    # a whole name, told from a part alone once found ('Bo Lind' → `replacement`, 'Bo' → `part_as`)
    wholes = [f"(?i:{_name_pattern(n)})s?" for n in whole]
    full = re.compile("|".join(wholes)) if wholes and part_as is not None else None

    def replaced(match: re.Match[str]) -> str:
        if reader is not None and reader.fullmatch(match[0]):
            return match[0]
        return replacement if full is None or full.fullmatch(match[0]) else str(part_as)

    # A title and a name, each known alone ('Lokaljurist' from 'Lokaljurist Per Berg'), or a
    # first name and a surname: one person, so one replacement, not '[navn] [navn]'.
    marks = "|".join(re.escape(r) for r in {replacement, part_as or replacement})
    repeated = re.compile(f"(?:{marks})(?:{_GAP}(?:{marks}))+")

    def once(match: re.Match[str]) -> str:
        return replacement if replacement in match[0] else str(part_as)

    done: dict[str, str] = {}  # the same comment recurs across a caseworker's cases

    def scrub(text: str) -> str:
        found = done.get(text)
        if found is None:
            masked = mask(as_read(text.strip()))
            renamed = repeated.sub(once, pattern.sub(replaced, masked)) if pattern else masked
            found = done[text] = sentence_case(renamed, replacement)
        return found

    return scrub


def and_unknown_names(
    scrub: Callable[[str], str], known: Iterable[str], replacement: str
) -> Callable[[str], str]:
    """`scrub`, then each phone number (`core.phones`), and each likely name of someone the
    workspace does not know (`known`: the names it does) as `replacement`: a child's or a
    parent's name typed in free text."""
    unknown = name_masker(known, replacement)

    def scrubbed(text: str) -> str:
        return unknown(mask_phones(scrub(text)))

    return scrubbed


def sentence_case(text: str, replacement: str) -> str:
    """`replacement` with a capital where it begins a sentence inside the text: '… S-1.
    Rasmus skrev ikke notatet' became '… en anden sag. en kollega skrev ikke notatet' (found
    by probe W). Not at the text's start: a name field (`ansvarlig`) stands inside a sentence
    of the letter ('ansvarlig en kollega')."""
    if not replacement[:1].islower() or replacement not in text:
        return text
    start = re.compile(f'([.!?]["”»)]?\\s+|\n\\s*){re.escape(replacement)}')
    capital = replacement[:1].upper() + replacement[1:]
    return start.sub(lambda m: m[1] + capital, text)


CASE = "[sag]"
# Between the parts of a case number as it is typed: the id's own mark, or another one.
_CASE_GAP = "[\\s\u00a0\\-\u2010\u2011\u2013\u2014/._]"
_CASE_MIN_DIGITS = 5
"""Digits a case number needs before any number written like it is taken for one: a shorter
one (`104`) could be any number in a text, so only the id itself is replaced."""


def _case_shapes(case: str) -> list[str]:
    """Patterns for a case number and any other written like it: its letters (any case),
    as many digits in each place, any mark between the parts (`S 2026 00242` for
    `S-2026-00242`); also without its leading letters (`sag 2026-00242`)."""
    parts = [p for p in re.split(r"[^\w]+|(?<=\d)(?=[^\W\d])|(?<=[^\W\d])(?=\d)", case) if p]
    digits = sum(c.isdigit() for c in case)
    if digits < _CASE_MIN_DIGITS:
        return [re.escape(case)] if len(case) >= 3 else []
    shaped = [rf"\d{{{len(p)}}}" if p.isdigit() else f"(?i:{re.escape(p)})" for p in parts]
    shapes = [f"{_CASE_GAP}?".join(shaped)]
    # With its letters, its serial number (the last, of three digits or more) also without
    # its leading zeros (`S-2025-152`); not a month's (`S-2026-1-1` is no case), and not
    # without the letters (`2025-11` is a date in a text).
    last = parts[-1]
    if not parts[0].isdigit() and last.isdigit() and len(last) >= 3 and last[0] == "0":
        shapes.append(f"{_CASE_GAP}?".join([*shaped[:-1], _unpadded(last)]))
    while shaped and not parts[0].isdigit():
        parts, shaped = parts[1:], shaped[1:]
    rest = sum(len(p) for p in parts)
    if shaped and len(shaped) < len(shapes[0]) and (len(parts) > 1 or rest >= 6):
        shapes.append(f"{_CASE_GAP}?".join(shaped))
    return shapes


def _unpadded(digits: str) -> str:
    """A zero-padded number of a case (`00152`) as written with or without its zeros."""
    return rf"(?:\d{{{len(digits)}}}|[1-9]\d{{0,{len(digits) - 2}}})"


def case_pattern(cases: Iterable[str]) -> re.Pattern[str] | None:
    """Every case number the workspace knows, and every one written like it (another case of
    the export); None when there are none."""
    shapes = {s for c in cases if c and c.strip() for s in _case_shapes(c.strip())}
    if not shapes:
        return None
    return re.compile(
        r"(?<![\w])(?:" + "|".join(sorted(shapes, key=len, reverse=True)) + r")(?![\w])"
    )


def _plain(case: str) -> str:
    """A case number as compared: without marks, case or the leading zeros of its numbers."""
    return re.sub(r"[\W_]+", "", re.sub(r"(?<!\d)0+(?=\d)", "", case)).casefold()


def case_masker(
    cases: Iterable[str] | re.Pattern[str] | None,
    mask: Callable[[str], str],
    *,
    keep: Iterable[str] = (),
    replacement: str = CASE,
) -> Callable[[str], str]:
    """`mask`, then every case number in `cases` (`case_pattern`) as `replacement`, except
    the `keep` cases however they are written (a letter's reader's own): for text leaders
    typed (a consented example, a tiltag's title or conclusion) as the department and the
    committee read it, or a caseworker reads it about a colleague's case."""
    pattern = cases if isinstance(cases, re.Pattern) or cases is None else case_pattern(cases)
    if pattern is None:
        return mask
    kept = {form for c in keep if c for form in (_plain(c), re.sub(r"^\D+", "", _plain(c)))}

    def replaced(match: re.Match[str]) -> str:
        return match[0] if _plain(match[0]) in kept else replacement

    def masked(text: str) -> str:
        return sentence_case(pattern.sub(replaced, mask(text)), replacement)

    return masked


def address_masker(
    addresses: Iterable[str], mask: Callable[[str], str], replacement: str
) -> Callable[[str], str]:
    """`mask`, then each of `addresses` (in any case) as `replacement`: the address of a
    colleague the concept knows names them as their name does."""
    known = sorted({a.strip() for a in addresses if a.strip()}, key=len, reverse=True)
    if not known:
        return mask
    pattern = re.compile(
        r"(?<![\w.+-])(?:" + "|".join(map(re.escape, known)) + r")(?![\w-]|\.\w)", re.IGNORECASE
    )

    def masked(text: str) -> str:
        return sentence_case(pattern.sub(replacement, mask(text)), replacement)

    return masked

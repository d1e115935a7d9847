"""People's names as they are written: a case system may put the surname first."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from ledelsestilsyn.core.cpr import INVISIBLES

# Fullwidth Latin letters, digits and marks (`Ｍａｊａ`) as the ASCII ones they show.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_LOOSE_MARKS = re.compile(
    r"(?<=[^\W\d_])[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)
"""Combining marks left after a letter once the text is composed."""


def as_read(text: str) -> str:
    """`text` as a reader reads it: without the characters that show as nothing (Word's soft
    hyphen inside `Ma­ja`, a zero-width joiner), with each letter composed (`Å` written as
    `A` and a ring, as macOS does) and fullwidth letters as the plain ones. A name is found
    in this, not in the bytes as they happen to be written. An accent that no letter takes
    (`Z` and a grave: `Z̀latan`) is left out, else it split the word in two, neither a name."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", INVISIBLES.sub("", text))
    return _LOOSE_MARKS.sub("", text.translate(_FULLWIDTH))


def natural_order(name: str) -> str:
    """`name` as a person reads it, spaces collapsed: `Kjær, Søren` (a case system's
    surname first) is `Søren Kjær`; a name without a comma is as written."""
    name = " ".join(name.split())
    surname, comma, first = name.partition(",")
    if not comma or not first.strip() or not surname.strip():
        return name
    return f"{first.strip()} {surname.strip()}"


def name_orders(name: str) -> set[str]:
    """The ways `name` is written, spaces collapsed: `Kjær, Søren` (a case system's surname
    first) is also `Søren Kjær`, as a comment or a leader writes it, and `Søren Kjær` also
    `Kjær, Søren`, as a leader may copy it from the case system (`ansvarlig: 'Kjær, Søren'`
    would otherwise be replaced part by part: "en kollega, en kollega")."""
    written = " ".join(name.split())
    natural = natural_order(name)
    *first, surname = natural.split(" ")
    forms = {written, natural}
    if first and surname:
        forms.add(f"{surname}, {' '.join(first)}")
    return forms


def one_spelling(written: Iterable[str], known: Iterable[str] = ()) -> dict[str, str]:
    """Each written name (not blank) → the one spelling of its person, so that `Mette Hansen`,
    `Hansen, Mette` and `mette  hansen` are one person: the first of `known` (the concept's
    names) that is the same person (case aside, in either order), else the most written of
    the spellings in natural order (on a tie the first in sorted order, capitals first)."""
    names = [n for n in written if n.strip()]
    person: dict[str, str] = {}
    for name in known:
        person.setdefault(natural_order(name).casefold(), name)
    counts = Counter(natural_order(n) for n in names)
    for form, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        person.setdefault(form.casefold(), form)
    return {n: person[natural_order(n).casefold()] for n in names}


def same_person(a: str, b: str) -> bool:
    """Whether two spellings name the same person: case aside, in either order."""
    return bool({n.casefold() for n in name_orders(a)} & {n.casefold() for n in name_orders(b)})


def names_person(text: str, name: str) -> bool:
    """Whether `text` names the person `name` in full, either of them in either order, as
    whole words: `Teamleder Søren Kjær` and `Kjær, Søren` name `Søren Kjær`; `Søren
    Kjærgaard` does not."""
    for form in name_orders(name):
        words = [re.escape(w) for w in form.replace(",", " ").split()]
        pattern = re.compile(r"(?<!\w)" + r"[\s,]+".join(words) + r"(?!\w)", re.I)
        if words and any(pattern.search(written) for written in name_orders(text)):
            return True
    return False


def one_person(a: str, b: str) -> bool:
    """`same_person`, or one names the other in full with a title before it (`Afdelingsleder
    Hanne Vestergård` in the series, `"Hanne Vestergård": …` for the address), as the check
    of a reviewer's own case does (G055): a probe's leaders got no mail, and `tjek` was silent."""
    return same_person(a, b) or names_person(a, b) or names_person(b, a)

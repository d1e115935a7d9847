"""Whether a word is Danish, names no one, or is a common first name: the word lists that
`core.unknown_names` reads a text with (`ord.txt`, `core.name_words`)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from ledelsestilsyn.core import name_words as lists
from ledelsestilsyn.core.word_names import PARTS, fold, forms, plain

# A word ending so names an institution or a meeting, not a person (`Familieafdelingen`,
# `Børne- og Skoleudvalget`, `Socialtilsyn`, `Teammødet`); a school is left a name.
_INSTITUTION = re.compile(
    r"(?:udvalg|udvalget|afdeling|afdelingen|styrelse|styrelsen|lov|loven|tilsyn|tilsynet|"
    r"retten|psykiatri|psykiatrien|portal|portalen|møde|mødet|huset|ambulatoriet|hospitalet|"
    r"forsorgen|nævnet|direktionen|forvaltningen|sekretariatet|centret|centeret|rådet|"
    r"ministeriet)s?$"
)
_ENDINGS = ("e", "s", "t", "r", "n", "en", "et", "er", "es", "ne", "de", "te", "ede", "ene", "erne")
"""Endings of a Danish word's forms (`Fremgik` aside): a form of a listed word is Danish."""
_TAIL = 7
"""The shortest Danish word a compound may end in to be taken for a Danish word."""


@functools.cache
def _vocabulary() -> frozenset[str]:
    """The tool's Danish words (`ord.txt`), and the harmless ones, folded."""
    text = Path(__file__).with_name("ord.txt").read_text(encoding="utf-8")
    return frozenset(fold(w) for w in text.split()) | lists.HARMLESS


def harmless(word: str) -> bool:
    """A word that names no one; with a possessive s only a long one (`Servicelovens`,
    not `Hans`, which is no `han`)."""
    folded, *base = forms(word)
    if folded in lists.HARMLESS or _INSTITUTION.search(folded):
        return True
    return any(len(b) > 4 and (b in lists.HARMLESS or _INSTITUTION.search(b)) for b in base)


@functools.lru_cache(maxsize=8192)
def danish(word: str) -> bool:
    """Every part of the word is a Danish word (`Teams-møde`, `Servicelovens`), or a long
    compound ending in one (`Forældrekompetenceundersøgelse`; not a school's name)."""
    parts = [p for p in PARTS.split(word) if p]
    return all(any(_one_word(f) for f in _spellings(p)) for p in parts)


def _spellings(part: str) -> tuple[str, ...]:
    """The part folded (`Soeren` as `søren`), and as written: `Risikoen` is no `risikøn`
    (probe BI: it became `[navn]`)."""
    written = part.casefold().rstrip("'’")
    return (
        (*forms(part), written)
        if "aa" in written or "ae" in written or "oe" in written
        else forms(part)
    )


def _one_word(folded: str) -> bool:
    words = _vocabulary()
    if folded in words or _INSTITUTION.search(folded) or _imperative(folded, words):
        return True
    if len(folded) >= _DERIVED_LENGTH and _DERIVED.search(folded):
        return True
    if not folded.endswith("sen"):  # `Hansen` is no form of `hans`
        stems = (
            folded[: -len(e)] for e in _ENDINGS if folded.endswith(e) and len(folded) - len(e) >= 3
        )
        if any(stem in words or stem + "e" in words for stem in stems):  # `Fremgår`: fremgå
            return True
    tails = (folded[i:] for i in range(3, len(folded) - _TAIL + 1))
    found = any(t in words and t not in lists.PLACES for t in tails)
    return found or lists.case_compound(folded, words)


_DERIVED = re.compile(
    r"(?:hed|heden|heder|else|ning|ningen|ninger|isk|iske|lig|lige|ligt|somme|"
    r"ophold|inde|inden|lidelse|misbrug|forstyrrelse|sygdom|tion|tionen|ologi|isme)$"
)
_DERIVED_LENGTH = 7
"""A long word ending as Danish nouns and adjectives are made (`Arbejdsløshed`,
`Personlighedsforstyrrelse`, `voldsomme`, `veninde`): a word of a case the word list lacks
(probe BI: after `mors`, `fars` each was `[navn]`); no common name ends so (`Henning` is a
first name, and those are found first)."""
_STEM = 5
"""The shortest imperative found by its infinitive: a shorter stem is as often a surname
(`Hvid`: hvide, `Kirk`: kirke); the short imperatives a leader writes are listed (`tag`)."""


def _imperative(folded: str, words: frozenset[str]) -> bool:
    """An imperative, as a leader's note and the templates' guidance begin (probe BI: a
    quarter of the comments with no name lost their first word to `[navn]`): with the accent
    (`Vurdér`, `Notér`: no name ends so), or a listed infinitive less its `e` (`Sammenhold`:
    sammenholde; `Beslut`: beslutte)."""
    if folded.endswith("ér") and len(folded) > 3:
        return True
    if len(folded) < _STEM:
        return False
    return folded + "e" in words or folded + folded[-1] + "e" in words


@functools.lru_cache(maxsize=8192)
def first_name(word: str) -> bool:
    """A common first name, also as part of one (`Ida-Marie`) or with a possessive s, with
    or without the marks of letters Danish lacks (`Ayşe`, `Łukasz`: a probe)."""
    return any(plain(f) in _FIRST for p in PARTS.split(word) if p for f in forms(p))


_FIRST = frozenset(plain(name) for name in lists.FIRST_NAMES)

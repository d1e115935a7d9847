"""First names that are Danish words too (`Liv`, `Per`, `Max`): when such a word in a text
is the name, and when the word; and how `core.unknown_names` compares words."""

from __future__ import annotations

import functools
import re
import unicodedata

from ledelsestilsyn.core import name_words as lists
from ledelsestilsyn.core.sentences import starts_sentence

PARTS = re.compile(r"[-'’]")


def fold(word: str) -> str:
    """A word as compared: in lower case, `aa`, `ae` and `oe` as `å`, `æ` and `ø`."""
    return word.casefold().replace("aa", "å").replace("ae", "æ").replace("oe", "ø")


_PLAIN = str.maketrans({"ł": "l", "ı": "i", "đ": "d", "ß": "ss"})


def plain(folded: str) -> str:
    """`folded` without the marks of letters Danish does not have (`ayşe` as `ayse`,
    `łukasz` as `lukasz`, `rené` as `rene`); æ, ø and å stay."""
    if folded.isascii():
        return folded
    letters = []
    for c in folded.translate(_PLAIN):
        base = c if c in "æøå" else unicodedata.normalize("NFD", c)
        letters.append("".join(b for b in base if not unicodedata.combining(b)))
    return "".join(letters)


@functools.lru_cache(maxsize=8192)  # each word is judged once: a report has many comments
def forms(word: str) -> tuple[str, ...]:
    """The word folded, and without a possessive s (`Zlatans`, `Jens'`)."""
    folded = fold(word).rstrip("'’")
    if folded.endswith("s") and len(folded) > 3:
        return folded, folded[:-1]
    return (folded,)


_MONTHS = frozenset(["april", "maj", "august"])
_AFTER_WORD_NAME = re.compile(r"[ \t\u00a0]+([^\W\d_]+)(?:[ \t\u00a0]+([^\W\d_]))?")
"""The word after a first name that is also a word, and the first letter of the one after."""


def word_name(text: str, match: re.Match[str]) -> bool:
    """Whether a first name that is also a word (`Liv`, `Per`) is the name: inside a
    sentence, in the possessive (`Storms far`, `Max' mor`) or a compound (`Max-sagen`); at
    its start one of `lists.RARE_WORDS` unless a number follows; `Hans` and `Per` before a
    verb of `lists.VERBS` (`Hans lærer` is the word), a comma or the sentence's end; the
    others unless a number (`Max 3`, `Dag 1`) or a word they go with as words
    (`lists.WORD_USES`: `Dag efter dag`, `Tage hensyn`) follows, or `og`/`eller` and a
    word no name or family (`Liv og helbred`; `Sol og mor` is the name)."""
    word = match[0].casefold()
    rest = text[match.end() : match.end() + 40]
    starts = starts_sentence(text, match.start())
    if word not in lists.WORD_NAMES or rest[:1] in ("'", "’"):  # `Storms`, `Max'`, `Max-sagen`
        return word != "dags" or not starts  # `Dags dato`
    if not starts:
        return True
    ahead = rest.lstrip(" \t\u00a0")
    if ahead[:1].isdigit() or re.match(r"\.\s*\d", ahead):  # `August 2026`, `Max. 3`
        return False
    if word in lists.RARE_WORDS:
        return True
    if rest[:1] == "-" or (word in _MONTHS and ahead[:1] == ":"):  # `Dag- og`, `Maj: møde`
        return False
    if re.match(r"\.[ \t\u00a0]*[a-zæøå]", ahead):  # `Max. frist`: written short
        return False
    if word in lists.ANSWERS and ahead[:1] in (",", "!"):  # `Jo, det gør hun`
        return False
    if ahead[:1] in (",", "(", ";", "!", "?", "") or re.match(r"\.\s*(?:$|[^\W\d_])", ahead):
        return True
    after = _AFTER_WORD_NAME.match(text, match.end(), match.end() + 40)
    following = "" if after is None else after[1]
    if after is not None and following in ("og", "eller"):
        return (after[2] or "").isupper() or _kin_after_og(text, after)
    if word in lists.PRONOUNS:
        return following.casefold() in lists.VERBS
    return following.casefold() not in lists.WORD_USES


def _kin_after_og(text: str, after: re.Match[str]) -> bool:
    """Whether the word after `og` is one for family, also after `hans`, `hendes`, `deres`
    (`Sol og mor er flyttet`; probe BI: `Sol og hendes mor er flyttet` was kept)."""
    kin = re.match(
        r"[ \t\u00a0]+(?:(?:hans|hendes|deres|sin|sit|sine)[ \t\u00a0]+)?([^\W\d_]+)",
        text[after.end(1) : after.end(1) + 40],
    )
    return kin is not None and kin[1].casefold() in lists.KIN


def is_word_name(word: str) -> bool:
    """A first name that is also a word, also in the possessive (`Storms`) or as the first
    part of a compound (`Max-sagen`)."""
    first = PARTS.split(word)[0]
    return any(form in lists.WORD_NAMES for form in (*forms(word), *forms(first)))

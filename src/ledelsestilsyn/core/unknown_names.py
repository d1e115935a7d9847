"""Names nobody told the tool about: a child's, a parent's, a school's, typed in free text.

The workspace knows its colleagues' names (the scrubbers in `report.scrub` replace them); it
never knows the child's. Danish helps: a noun is written in lower case, so a word with a
capital that is no Danish word (`Zlatan`, `Karimi`, `Vestervangskolen`) is nearly always a
proper name: a person, a school, a town. Each of those can point at a child, so each is
taken for a name. A Danish word is one of the tool's word list (`ord.txt`: every word
written in lower case at least as often as with a capital in the sources the templates are
made from, the README, the domain notes, the templates, the presets and the report's and
letters' templates, code left out; and the words a leader's note begins with: `Afventer`,
`Flot`, `Indlagt`, `Tilsyneladende`; never a first name; `core.danish_words`), also inflected,
as an imperative (`Vurdér`, `Sammenhold`) or as the end of a compound, or one the tool knows
to name no one (`Barnets lov`, `Ankestyrelsens`, `Familieafdelingen`, the polite `De`). Inside
a sentence a Danish word with a capital is a title (`Børnefaglig Undersøgelse`); a common first
name is a name anywhere, and a first name that is also a word (`Liv`, `Per`) inside a sentence;
a word that is a name once in a text is one everywhere in it. Names the caller knows
(colleagues, teams, the municipality) are left to the scrubbers, unless a word such as `mor` or
`fru` stands right before (`mor Hansen` is not the colleague Hansen).

In lower case a common first name is a name (`mor hanne kjær`), and so is a word that is no
Danish word after `mor`, `far`, `hedder` (`mor oksana shevchenko`), with the surname after it;
in capitals a short word after a first name is its surname (`HANNE KJÆR`). Another name in
lower case, or in capitals of four letters or fewer (like `PPR`) unless it is a common first
name (`EMIL`), is not found: the warning in `valider` (G068) asks the leaders to write
`barnet`, `moren` instead, so that what reaches a report was never a name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence

from ledelsestilsyn.core import name_words as lists
from ledelsestilsyn.core.danish_words import danish, first_name, harmless
from ledelsestilsyn.core.initials import addresses_in, caseless_in, initials_in
from ledelsestilsyn.core.names import as_read
from ledelsestilsyn.core.sentences import starts_sentence
from ledelsestilsyn.core.word_names import PARTS, fold, forms, is_word_name, word_name

NAME = "[navn]"

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# What may stand between two words of one name: spaces, a hyphen, or a line break (a name
# wrapped in a block of text).
_SAME_NAME = re.compile(r"[ \t\u00a0]*(?:[-\u2010\u2011]|\r?\n)?[ \t\u00a0]*")
# An initial right before a name (`E. Karimi`), which is part of it.
_INITIAL = re.compile(r"(?<![^\W\d_])[^\W\d_a-zæøå]\.[ \t\u00a0]?$")
_NOUN_ENDING = re.compile(
    r"(?:ning|ningen|ninger|else|elsen|elser|hed|heden|heder|skab|skabet|ering|eringen|tion|"
    r"tionen|tioner|isme)$"
)
_ADJECTIVE_ENDING = re.compile(r"(?:(?<=[^aeiouyæøåw])ig|isk|iske|som|somt|bar|bart|ende)$")
"""Endings of Danish nouns and adjectives (not of names: `Ludvig` is in the first names; a
vowel or a `w` before `ig` is a name's, `Craig`, `Hedwig`)."""
_STEM = 3
"""The fewest letters before such an ending in a Danish word (`Akbar`, `Ahed` are names)."""
_NEXT_WORD = re.compile(r"[ \t\u00a0]*(,|[^\W\d_]+)")


@functools.lru_cache(maxsize=8192)
def _candidate(word: str) -> bool:
    """A word that may be a name: with a capital first or after a particle (`al-Hassan`,
    `O'Connor`), in capitals of five letters or more (`KARIMI`), or a common first name in
    capitals (`EMIL`); not an abbreviation
    (`PPR`, `CPR-nummer`) and not harmless."""
    parts = [p for p in PARTS.split(word) if p]
    if word.isupper():  # not a masked number's `XXXXXX-XXXX`
        if len(word) < 5:  # `PPR` is an abbreviation, `EMIL` a first name all the same
            return first_name(word)
        letters = {c for c in word if c.isalpha()}
        return len(letters) > 1 and not harmless(word)
    if len(parts[0]) > 1 and parts[0].isupper():
        return False
    capital = any(p[0].isupper() and any(c.islower() for c in p) for p in parts)
    return capital and not harmless(word)


def _looks_danish(text: str, match: re.Match[str]) -> bool:
    """Whether a word the list lacks, at a sentence's start (where every word has a capital),
    ends as Danish words do (`Hurtig`, `Tydelig`, `Grundighed`): taken for a word there;
    inside a sentence a capital still makes it a name. Not a surname ending in `sen`
    (`Nielsen`, `Mikkelsen`: `-elsen` is also a Danish ending), and not an adjective's ending
    before a verb or a comma, where a sentence has its subject (`Hartvig fortæller`, `Akbar,
    8 år`), not an adjective (a probe: `Craig er 8 år` stood in the reports)."""
    folded = fold(match[0])
    if folded.endswith("sen") or not starts_sentence(text, match.start()):
        return False
    noun = _NOUN_ENDING.search(folded)
    if noun is not None:
        return noun.start() >= _STEM
    adjective = _ADJECTIVE_ENDING.search(folded)
    if adjective is None or adjective.start() < _STEM:
        return False
    return not _subject(text, match.end())


def _subject(text: str, end: int) -> bool:
    """Whether a verb or a comma follows the word ending at `end`: it is the sentence's
    subject (`Hartvig fortæller`, `Akbar, 8 år`, `Zlatan græder`)."""
    after = _NEXT_WORD.match(text, end)
    return after is not None and (after[1] == "," or after[1].casefold() in lists.VERBS)


_TITLE = re.compile(
    r"(?<![^\W\d_])(?:(?:[hH]r|[fF]ru|[fF]rk)\.?|[fF]amilien|hedder|kaldet|kaldes)[ \t\u00a0]+\Z"
)
"""A word right before a surname, which makes a Danish word after it one (`Hr. Lange`, `fru
Post`, `Familien Hvid`, `hedder Bager`); the point only after a title (`… med familien. Svar
ikke relevant` begins a sentence: a template's guidance)."""


def _abbreviated(text: str, match: re.Match[str]) -> bool:
    return text[match.end() : match.end() + 1] == "." and match[0].casefold() in lists.ABBREVIATED


def all_danish(text: str) -> bool:
    """Whether every word of `text` (an id: `partshoering-2`, `børnesamtaler`) is Danish: an id
    with another word (`zlatan.karimi`) may name a child, and is shown by its place instead."""
    words = _WORD.findall(text.replace("_", " "))
    return all(len(w) < 3 or danish(w) for w in words)  # `t1`: no name in a letter


@functools.lru_cache(maxsize=16)
def _known_parts(known: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """Every run of words in a known name or text (`Ole`, `Larsen`, `Ole Larsen`), folded;
    worked out once for the names a report or a run of `valider` knows."""
    parts: set[tuple[str, ...]] = set()
    for text in known:
        words = [fold(w) for w in _WORD.findall(as_read(text).replace(",", " "))]
        ends = range(1, len(words) + 1)
        parts.update(tuple(words[i:j]) for j in ends for i in range(j))
    return frozenset(parts)


def _is_known(text: str, run: tuple[Word, ...], parts: frozenset[tuple[str, ...]]) -> bool:
    """Whether the run is (part of) a known name, the last word also with a possessive s,
    and no `mor` or `fru` right before it; Danish words before the name are a title
    (`Socialrådgiver Tina Larsen`, `Lokaljurist Per Berg`), no part of it."""
    for start in range(len(run)):
        if start and run[start - 1][3]:  # a word that is a name on its own: `Emil Tina Larsen`
            return False
        if _known_run(text, run[start:], parts):
            return True
    return False


def _known_run(text: str, run: tuple[Word, ...], parts: frozenset[tuple[str, ...]]) -> bool:
    *first, last = (fold(w[2]) for w in run)
    if not any((*first, form) in parts for form in forms(last)):
        return False
    start = run[0][0]
    before = re.search(rf"([^\W\d_]+){lists.KIN_GAP}", text[max(0, start - 30) : start])
    return before is None or fold(before[1]) not in lists.KIN


def words_of(text: str) -> list[str]:
    """The words of `text`, as this module reads them."""
    return _WORD.findall(text)


def initials_of(name: str) -> str:
    """A found name as a warning quotes it: its initials (`K. Å.`), so that the message does
    not repeat it."""
    return "en e-mailadresse" if "@" in name else " ".join(f"{w[0]}." for w in words_of(name))


def known_name(name: str, known: Iterable[str]) -> bool:
    """Whether `name` (a run of words `likely_names` found) is, or is part of, a known name
    (the last word also with a possessive s)."""
    *first, last = [fold(w) for w in _WORD.findall(name)] or [""]
    parts = _known_parts(tuple(known))
    return any((*first, form) in parts for form in forms(last))


Word = tuple[int, int, str, bool]
"""A capitalised word of a text: where it starts and ends, the word, and whether it is a name
on its own (a first name, no Danish word, or a first name that is a word used as a name)."""


@functools.lru_cache(maxsize=1 << 16)
def _runs(text: str) -> tuple[tuple[Word, ...], ...]:
    """The runs of capitalised words of `text` (`Tina Larsen`); none when no word in it is a
    name on its own, as then no caller's names change anything. Each text is read once: the
    same comment stands in many reviews."""
    runs: list[list[Word]] = []
    previous, previous_end = "", -1  # the word before, in lower case, and where it ends
    for m in _WORD.finditer(text):
        word = m[0]
        if not _candidate(word) or _abbreviated(text, m):
            if runs and runs[-1][-1][1] == previous_end and _goes_with(text, runs[-1][-1], m):
                runs[-1].append((m.start(), m.end(), word, False))
            elif _name_without_capital(text, m, previous):
                runs.append([(m.start(), m.end(), word, True)])
            previous, previous_end = word.casefold(), m.end()
            continue
        named = (
            first_name(word)
            or (not danish(word) and not _looks_danish(text, m))
            or (is_word_name(word) and word_name(text, m))
            or _TITLE.search(text, max(0, m.start() - 12), m.start()) is not None
        )
        if runs and _SAME_NAME.fullmatch(text[runs[-1][-1][1] : m.start()]):
            runs[-1].append((m.start(), m.end(), word, named))
        else:
            runs.append([(m.start(), m.end(), word, named)])
        previous, previous_end = word.casefold(), m.end()
    if not any(w[3] for run in runs for w in run):
        return ()
    return tuple(tuple(run) for run in runs)


def _name_without_capital(text: str, match: re.Match[str], previous: str) -> bool:
    """A common first name in lower case (`mor hanne kjær`, `sofie-marie`), save those that
    are words too (`3. jan`), and a first name that is a word, in capitals after a word for
    family (`MOR LIV BERG`): written so, no capital tells the name from the word. `previous`:
    the word before, in lower case (only after a family word or a particle is more looked at)."""
    word = match[0]
    if word.islower():
        if first_name(word):
            return fold(word) not in lists.WORDS_IN_LOWER_CASE
        if previous not in _NAMING and previous not in lists.PARTICLES:
            return False
        return _foreign(word) and _after_kin(text, match.start(), _NAMING)
    if previous not in lists.KIN and previous not in lists.PARTICLES:
        return False
    return word.isupper() and is_word_name(word) and _after_kin(text, match.start(), lists.KIN)


_NAMING = lists.KIN | {"hedder", "kaldet", "kaldes"}
"""Words a name follows (`mor oksana shevchenko`, `barnet hedder oksana`): after them a word
in lower case that is no Danish word is the name (a probe)."""


def _after_kin(text: str, start: int, words: frozenset[str]) -> bool:
    """Whether one of `words` stands right before `start` (`mor`, `familien van der`)."""
    before = re.search(rf"([^\W\d_]+){lists.KIN_GAP}", text[max(0, start - 30) : start])
    return before is not None and fold(before[1]) in words


_VERB_ENDINGS = ("er", "ede", "te", "et", "es", "tog", "gik", "fik", "gav", "lod", "bad", "sad")
"""Endings of Danish verbs the word list lacks (`overtog`, `afviste`): no name's in lower
case after a name or `mor`."""


def _foreign(word: str) -> bool:
    """A word in lower case that is no Danish word, nor a verb's form the list lacks."""
    if len(word) < 3 or word in lists.PARTICLES or danish(word) or harmless(word):
        return False
    return not fold(word).endswith(_VERB_ENDINGS)


def _goes_with(text: str, last: Word, match: re.Match[str]) -> bool:
    """Whether a word that is no name on its own is part of the name before it: a short word
    in capitals after one (`HANNE KJÆR`, `ANNE BECH`: `PPR` alone is an abbreviation), a
    surname in lower case after a first name in lower case (`hanne kjær`)."""
    if not _SAME_NAME.fullmatch(text[last[1] : match.start()]):
        return False
    word = match[0]
    if word.isupper():
        return last[2].isupper() and _surname(word)
    return last[2].islower() and word.islower() and _surname(word)


def _surname(word: str) -> bool:
    """A word after a first name, in capitals (`KJÆR`) or in lower case (`kjær`,
    `shevchenko`), that is its surname: no Danish word, nor a verb's form (`emil overtog`)."""
    if word.isupper():
        return len(word) > 1 and not danish(word) and not harmless(word)
    return _foreign(word)


def likely_names(text: str, known: Iterable[str] = ()) -> list[tuple[int, int]]:
    """The spans of `text` that are likely names nobody told the tool about, each run of
    name words one span (`Tina Larsen`), initials (`E.K.`) and e-mail addresses; `known`:
    names whose words, alone or together, are not (colleagues, teams, the municipality).
    `Tina Larsen` is one when only `Ole Larsen` is known. The text is read as a reader sees it
    (`core.names.as_read`)."""
    given = {k.casefold() for k in known if "@" in k}  # an address the concept gives
    addresses = [(a, b) for a, b in addresses_in(text) if text[a:b].casefold() not in given]
    marks = [*initials_in(text), *addresses, *caseless_in(text), *_after_masked(text)]
    spans = [_with_initial(text, span) for span in _named_runs(text, known)]
    return _joined([*spans, *marks]) if marks else spans  # `H.C. Andersen`: one name


_INITIAL_AFTER = re.compile(r"[ \t\u00a0]+[A-ZÆØÅ]\.")


def _with_initial(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A name and the initial of the surname after it (probe BI: `Jonas B.` became
    `[navn] B.`, `Hanne K.` `[navn] K.`)."""
    after = _INITIAL_AFTER.match(text, span[1])
    return (span[0], after.end()) if after else span


_MASKED_AND_WORD = re.compile(rf"{re.escape(NAME)}[ \t\u00a0]+([^\W\d_]+)")


def _after_masked(text: str) -> list[tuple[int, int]]:
    """A name masked already and the surname after it, which the mask left (`[navn] KJÆR`,
    `[navn] kjær`: a probe; a colleague's first name is masked first, and `KJÆR` alone is no
    name): the word after it is part of it as after a first name (`_goes_with`)."""
    if NAME not in text:
        return []
    return [m.span() for m in _MASKED_AND_WORD.finditer(text) if _surname(m[1])]


def _named_runs(text: str, known: Iterable[str]) -> list[tuple[int, int]]:
    runs = _runs(text)
    if not runs:
        return []
    parts = _known_parts(tuple(known))
    unknown = [run for run in runs if not _is_known(text, run, parts)]
    names = {f for run in unknown for w in run if w[3] for f in forms(w[2])}
    spans = []
    for run in unknown:
        flagged = [w[3] or bool(set(forms(w[2])) & names) for w in run]
        if any(flagged):
            first = flagged.index(True)
            while first and run[first - 1][2].casefold() in lists.WORD_NAMES:  # `Rune Karimi`
                first -= 1
            start = run[first][0]  # a Danish word before it is not part
            initial = _INITIAL.search(text, max(0, start - 4), start)
            last = len(run) - 1
            while last > first and run[last][2].isupper() and danish(run[last][2]):
                last -= 1  # `EMIL GRÆDER`: in capitals a Danish word after a name is none
            spans.append((initial.start() if initial else start, run[last][1]))
    return _joined([*spans, *_again_in_lower_case(text, unknown)])


def _again_in_lower_case(text: str, runs: Sequence[tuple[Word, ...]]) -> list[tuple[int, int]]:
    """Where a name found in `runs` stands again in lower case (`Zlatan græder. zlatan er …`):
    a word that is a name once in a text is one everywhere in it; not a word that is a Danish
    word too (`Hr. Lange` and `lange`, `Hans` and `hans`)."""
    names = {
        forms(w[2])[-1]
        for run in runs
        for w in run
        if w[3]
        and not w[2].islower()
        and not danish(w[2])
        and not is_word_name(w[2])
        and (first_name(w[2]) or not starts_sentence(text, w[0]) or _subject(text, w[1]))
    }  # not a note's first word the list lacks (`Indlagt på BUP …; blev indlagt igen`)
    if not names:
        return []
    return [m.span() for m in _WORD.finditer(text) if m[0].islower() and forms(m[0])[-1] in names]


def _joined(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` in order, those that overlap as one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mask_names(text: str, known: Iterable[str] = (), replacement: str = NAME) -> str:
    """`text` as read (`as_read`), with each likely name (`likely_names`) as `replacement`."""
    text = as_read(text)
    return replace_spans(text, likely_names(text, known), replacement)


def replace_spans(text: str, spans: Sequence[tuple[int, int]], replacement: str = NAME) -> str:
    """`text` with each of `spans` (in order, not overlapping) as `replacement`."""
    pieces: list[str] = []
    last = 0
    for start, end in spans:
        pieces += [text[last:start], replacement]
        last = end
    return "".join([*pieces, text[last:]])


def name_masker(known: Iterable[str], replacement: str = NAME) -> Callable[[str], str]:
    """`mask_names` with `known` fixed; each distinct text is masked once."""
    words = tuple(known)
    done: dict[str, str] = {}

    def masked(text: str) -> str:
        found = done.get(text)
        if found is None:
            found = done[text] = mask_names(text, words, replacement)
        return found

    return masked

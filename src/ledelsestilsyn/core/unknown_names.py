"""Names nobody told the tool about: a child's, a parent's, a school's, typed in free text.

The workspace knows its colleagues' names (the scrubbers in `report.scrub` replace them);
it never knows the child's. Danish helps: a noun is written in lower case, so a word with a
capital inside a sentence (`… er ikke hørt; moren Tina Larsen oplyser …`) is nearly always a
proper name: a person, a school, a town. Each of those can point at a child, so each is
taken for a name, unless it is one the tool knows to be harmless (`Barnets lov`,
`Ankestyrelsen`, a month written with a capital, the polite `De`) or one the caller knows
(a colleague, a team, the municipality). At the start of a sentence a capital says nothing;
there a word is a name when it is a common first name (`Emil græder i skolen`), when a name
follows it (`Emil Larsen …`), or when it is one elsewhere in the same text.

Words in capitals only (`PPR`, `BFU`) are abbreviations, and a name written in lower case
is not found: the warning in `valider` (G068) asks the leaders to write `barnet`, `moren`
instead, so that what reaches a report was never a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

NAME = "[navn]"

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_PARTS = re.compile(r"[-'’]")
# The abbreviations a Danish sentence goes on after (`f.eks. Emil`, `bl.a. Tina`).
_ABBREVIATION = re.compile(
    r"(?<![^\W\d_])(?:f\.eks|bl\.a|jf|ca|evt|dvs|mht|ifm|iht|inkl|ekskl|vedr|kl|nr|pga|hhv|"
    r"fx|sml|ift|mv|osv|mfl|m\.fl|m\.v|o\.l|t\.o\.m|hr|fru)\.$",
    re.IGNORECASE,
)
# What may stand between two words of one name: spaces, or a hyphen with spaces.
_SAME_NAME = re.compile(r"[ \t\u00a0]+|[ \t\u00a0]*[-\u2010\u2011][ \t\u00a0]*")
# What ends a sentence, or begins a list item or a quotation after which a capital is usual.
_SENTENCE_END = ".!?:;…•*\n"
_OPENING = " \t\u00a0\"'“”„«»‘’([{-–—"

_HARMLESS_WORDS = """
barnets lov loven serviceloven forvaltningsloven retssikkerhedsloven offentlighedsloven
databeskyttelsesforordningen persondataloven straffeloven folkeskoleloven dagtilbudsloven
ankestyrelsen socialstyrelsen styrelsen boligstyrelsen social familieretshuset
statsforvaltningen børnehus børnehuset børnehusene politiet kommune kommunen kommunens
kommunes region regionen regionens danmark sundhedsplejen sundhedsplejerske
jobcenter jobcentret signs safety ics dubu nexus sensum word excel outlook teams team
e-boks mitid nemid aula forældreintra skoleintra momentum facebook messenger snapchat
instagram tiktok google microsoft
de dem deres januar februar marts april maj juni juli august september oktober november
december mandag tirsdag onsdag torsdag fredag lørdag søndag jul julen påske påsken
ja nej ok
af at da den der det dette disse du efter eller en et for fra han har hendes hos hun
hvis hvor i ikke jeg med men når og om os over på sig sin sine sit som til under ved vi
barn barnet barnets børn børnene dreng drengen pige pigen mor moren far faren forældre
forældrene søster søsteren bror broren lillebror storebror lillesøster storesøster
halvbror halvsøster mormor morfar farmor farfar bedstemor bedstefar stedmor stedfar
plejemor plejefar plejefamilien plejeforældrene onkel moster faster tante familien
netværket skolen læreren lærer pædagogen pædagog institutionen rådgiver rådgiveren
sagsbehandler sagsbehandleren leder lederen teamleder sagen notatet handleplanen
"""
_HARMLESS = frozenset(_HARMLESS_WORDS.split())
"""Words written with a capital in a case's text that name no one: laws, authorities,
months, the polite `De`; and the words a sentence begins with, which would otherwise join
a name after them into one (`Moren Tina Larsen` is `Moren [navn]`)."""

_FIRST_NAME_WORDS = """
adam agnes ahmed aisha aksel alberte alexander alfred ali allan alma amalie amina amir
andrea andreas anja anna anne anders anton arthur asta astrid benjamin bente birgitte
brian camilla carl carla caroline casper cecilie charlotte christian christina
christoffer clara claus daniel dennis dorthe ellen ella ellie elias emil emilie emily emma
erik esther fatima felix filippa finn flemming frederik freja frida gitte hanne hassan
heidi helle henrik hiba hussein ibrahim ida inge isabella jacob jakob jan janni jannie
jeanette jens jesper jette johan johannes jonas jonathan josefine julie jørgen karina
karla kasper katrine kenneth kirsten kristian kurt lars laura leila lene leo liam lily
lina lisbeth louise lone lucas luna lærke magnus maja malene malthe marcus maria marianne
marie maryam mathias mathilde mads mette michael michelle mikkel mille mohamed mohammad
mohammed morten muhammad mustafa nadia nanna naja niels nikolaj noah nora ole olivia
oliver omar oscar patrick pernille peter philip pia poul preben rasmus rikke rené
sanne sara sebastian signe simon sofia sofie steffen stine susanne søren tanja theo
thomas tina tobias torben trine valdemar victor vigga villads william yasmin yusuf
zainab zakaria
"""
_FIRST_NAMES = frozenset(_FIRST_NAME_WORDS.split())
"""Common first names of children and parents in Denmark, none of them a Danish word (no
`Hans`, `Liv`, `Bo`, `Per`, `Mark` or `August`, which begin sentences as words)."""


def _capitalised(word: str) -> bool:
    """A word with a capital first, or after a particle (`al-Hassan`, `d'Almeida`), that is
    not in capitals only (`PPR` is an abbreviation, and so begins `CPR-nummer`)."""
    parts = _PARTS.split(word)
    if parts[0].isupper():
        return False
    return any(p[:1].isupper() and any(c.islower() for c in p) for p in parts)


def _starts_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` begins a sentence, a line or a list item (not after an
    abbreviation: `f.eks. Emil`, `jf. Barnets lov`)."""
    before = text[max(0, start - 40) : start].rstrip(_OPENING)
    if not before or before[-1] != ".":
        return not before or before[-1] in _SENTENCE_END
    return _ABBREVIATION.search(before) is None


def _known_parts(known: Iterable[str]) -> set[tuple[str, ...]]:
    """Every run of words in a known name or text (`Ole`, `Larsen`, `Ole Larsen`)."""
    parts: set[tuple[str, ...]] = set()
    for text in known:
        words = [w.casefold() for w in _WORD.findall(text.replace(",", " "))]
        parts.update(
            tuple(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
        )
    return parts


def _first_name(folded: str) -> bool:
    """A common first name, also with a possessive s (`Emils mor`)."""
    return folded in _FIRST_NAMES or (folded.endswith("s") and folded[:-1] in _FIRST_NAMES)


def likely_names(text: str, known: Iterable[str] = ()) -> list[tuple[int, int]]:
    """The spans of `text` that are likely names nobody told the tool about, each run of
    capitalised words one span (`Tina Larsen`); `known`: names whose words, alone or
    together, are not (colleagues, teams, the municipality). `Tina Larsen` is one when only
    `Ole Larsen` is known."""
    words = [m for m in _WORD.finditer(text) if _capitalised(m[0])]
    candidates = [m for m in words if m[0].casefold() not in _HARMLESS]
    if not candidates:
        return []
    runs: list[list[re.Match[str]]] = []
    for m in candidates:
        if runs and _SAME_NAME.fullmatch(text[runs[-1][-1].end() : m.start()]):
            runs[-1].append(m)
        else:
            runs.append([m])
    parts = _known_parts(known)
    unknown = [run for run in runs if tuple(m[0].casefold() for m in run) not in parts]
    inside = {m.start() for run in unknown for m in run if not _starts_sentence(text, m.start())}
    names = {m[0].casefold() for run in unknown for m in run if m.start() in inside}
    return [
        (run[0].start(), run[-1].end())
        for run in unknown
        if any(m.start() in inside or _first_name(f := m[0].casefold()) or f in names for m in run)
    ]


def mask_names(text: str, known: Iterable[str] = (), replacement: str = NAME) -> str:
    """`text` with each likely name (`likely_names`) as `replacement`."""
    spans = likely_names(text, known)
    if not spans:
        return text
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

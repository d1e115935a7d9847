"""The word lists `core.unknown_names` reads a text with: what is a name, what is none."""

from __future__ import annotations

PLACES = frozenset(["skolen", "skole", "børnehaven", "børnehave", "vuggestuen", "klubben"])
"""Endings of a place's name, which is as good as a person's for finding a child."""
_VERB_WORDS = """
er var har havde bor boede går gik skal vil kan kunne blev bliver siger sagde kom kommer fik
får tog gav slog sov græd løb sad lå skrev drak faldt fandt stod bad lo gør gjorde ville skulle
græder sover spiser leger fortæller fortalte ønsker trives virker føler ringer ringede svarer
hører ved tager giver viser mødte
"""
VERBS = frozenset(_VERB_WORDS.split())
"""After a first name that is also a word, at a sentence's start: it is the name (`Liv er
ikke hørt`), as the word would not stand so (`Hans mor er …`)."""

_KIN_WORDS = """
mor moren far faren fru frk hr familien plejemor plejefar mormor morfar farmor farfar bror
broren søster søsteren onkel tante moster faster barnet drengen pigen stedfar stedmor bedstemor
bedstefar lillebror storebror lillesøster storesøster halvbror halvsøster moderen faderen
plejemoren plejefaren værgen papfar papmor bonusmor bonusfar eleven mors fars
"""
KIN = frozenset(_KIN_WORDS.split())
"""Words before which a colleague's name is someone else's (`mor Hansen`)."""

_HARMLESS_WORDS = """
barnets lov loven serviceloven forvaltningsloven retssikkerhedsloven offentlighedsloven
databeskyttelsesforordningen persondataloven straffeloven folkeskoleloven dagtilbudsloven
ankestyrelsen socialstyrelsen styrelsen boligstyrelsen social familieretshuset
statsforvaltningen børnehus børnehuset børnehusene politiet kommune kommunen kommunens
kommunes region regionen regionens danmark sundhedsplejen sundhedsplejerske
jobcenter jobcentret signs safety ics dubu nexus sensum word excel outlook teams team
e-boks mitid nemid aula forældreintra skoleintra momentum facebook messenger snapchat
instagram tiktok google microsoft acadre workzone sbsys opus kmd
hovedstaden sjælland syddanmark midtjylland nordjylland sverige norge tyskland polen
rumænien ukraine syrien irak iran afghanistan somalia eritrea tyrkiet libanon pakistan
de dem deres januar februar marts april juni juli september oktober november
december mandag tirsdag onsdag torsdag fredag lørdag søndag jul julen påske påsken
ja nej ok
af at da den der det dette disse du efter eller en et for fra han har hendes hos hun
hvis hvor i ikke jeg med men når og om os over på sig sin sit som til under ved vi
barn barnet barnets børn børnene dreng drengen pige pigen mor moren far faren forældre
forældrene søster søsteren broren lillebror storebror lillesøster storesøster
halvbror halvsøster mormor morfar farmor farfar bedstemor bedstefar stedmor stedfar
plejemor plejefar plejefamilien plejeforældrene onkel moster faster tante familien
netværket skolen læreren lærer pædagogen pædagog institutionen rådgiver rådgiveren
sagsbehandler sagsbehandleren leder lederen teamleder sagen notatet handleplanen
"""
HARMLESS = frozenset(_HARMLESS_WORDS.split())
"""Words written with a capital in a case's text that name no one: laws, authorities,
months, the polite `De`; and the words a sentence begins with, which would otherwise join
a name after them into one (`Moren Tina Larsen` is `Moren [navn]`)."""

_FIRST_NAME_WORDS = """
adam agnes ahmed aisha aksel alberte alexander alfred ali allan alma amalie amina amir anders
andrea andreas anja anna anne anton arthur asta astrid benjamin bente birgitte brian camilla
carl carla caroline casper cecilie charlotte christian christina christoffer clara claus daniel
dennis dorthe elias ella ellen ellie emil emilie emily emma erik esther fatima felix filippa
finn flemming frans frederik freja frida gitte hanne hassan hedvig heidi helen helle henrik
hiba hussein ibrahim ida inge isabella jacob jakob jan janni jannie jeanette jens jesper jette
johan johannes jonas jonathan josefine julie jørgen karina karla kasper katrine kenneth kirsten
kristian kristoffer kurt lars laura leila lene leo liam lily lina lisbeth lone louise lucas
ludvig ludwig luna lærke mads magnus maja malene malthe marcus maria marianne marie maryam
mathias mathilde merete mette michael michelle mikkel mille mohamed mohammad mohammed morten
muhammad mustafa nadia naja nanna niels nikolaj noah nora ole oliver olivia omar oscar patrick
pernille peter philip pia poul preben rasmus rené rikke sanne sara sebastian signe simon sofia
sofie steffen stine susanne svenning søren tanja theo thomas tina tobias torben trine valdemar
victor vigga villads william yasmin yusuf zainab zakaria
"""
FIRST_NAMES = frozenset(_FIRST_NAME_WORDS.split())
"""Common first names of children and parents in Denmark, none of them a Danish word."""

_WORD_NAME_WORDS = """
august bo dag ditte else hans line liv maj mark max per rune sander sine sol stig storm tage
tilde tom vilde
"""
WORD_NAMES = frozenset(_WORD_NAME_WORDS.split())
"""First names that are Danish words too (`Hans mor`, `Per 1. maj`): names inside a sentence,
where the word would have no capital; at its start, see `_word_name`."""
RARE_WORDS = frozenset(["august", "ditte", "else", "line", "rune", "sander", "tilde", "vilde"])
"""Of them, the ones no sentence begins with as a word, save a month before a number
(`August 2026`): names at a sentence's start too (`Ditte, 8 år, …`)."""
PRONOUNS = frozenset(["hans", "per", "sine", "tom"])
"""Of them, the ones a sentence often begins with as a word before a noun (`Hans venner`,
`Per mail`): names there only before a verb of `VERBS` (`Hans bor hos moren`)."""
_WORD_USES = (
    "efter måned antal hensyn stilling kontakt ansvar fat imod op af ud hos dato til for hjemme"
)
WORD_USES = frozenset(_WORD_USES.split())
"""Words after a first name that is also a word, at a sentence's start, where it is the word
(`Dag efter dag`, `Max antal`, `Tage hensyn`, `Bo hos far`)."""
_ABBREVIATED_WORDS = """
kl nr pga hhv fx jf ca evt dvs mht ifm iht inkl ekskl vedr ang iflg nb tlf pt st obs bl ref att
tidl hr dr pkt
"""
ABBREVIATED = frozenset(_ABBREVIATED_WORDS.split())
"""Words written short with a full stop (`Kl. 10 ringede far`, `Tlf. med skolen`)."""

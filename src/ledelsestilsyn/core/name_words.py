"""The word lists `core.unknown_names` reads a text with: what is a name, what is none."""

from __future__ import annotations

import re

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
_PARTICLES = "van|von|der|den|de|da|di|du|le|la|al|el|bin|ibn|ten|ter"
PARTICLES = frozenset(_PARTICLES.split("|"))
"""The particles of a surname (`van der Berg`): no name alone."""
KIN_GAP = rf"\.?[ \t\u00a0]+(?:(?:{_PARTICLES})[ \t\u00a0]+)*$"
"""After a kin word, before the name: a space, and the particles of a surname (`familien van
der Berg`: a probe; the colleague Carl Berg's surname was kept)."""

_HARMLESS_WORDS = """
barnets lov loven serviceloven forvaltningsloven retssikkerhedsloven offentlighedsloven
databeskyttelsesforordningen persondataloven straffeloven folkeskoleloven dagtilbudsloven
ankestyrelsen socialstyrelsen styrelsen boligstyrelsen social familieretshuset
statsforvaltningen børnehus børnehuset børnehusene politiet kommune kommunen kommunens
kommunes region regionen regionens danmark folketinget folketingets sundhedsplejen sundhedsplejerske
jobcenter jobcentret signs safety ics dubu nexus sensum word excel outlook teams team
e-boks mitid nemid aula forældreintra skoleintra momentum facebook messenger snapchat
instagram tiktok google microsoft acadre workzone sbsys opus kmd
hovedstaden sjælland syddanmark midtjylland nordjylland sverige norge tyskland polen
rumænien ukraine syrien irak iran afghanistan somalia eritrea tyrkiet libanon pakistan
de dem deres januar februar marts juni juli september oktober november
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
aage abdi abdikarim abdirahman abdul abdulla abdullah adam adrian agnes ahmad ahmed aida aisha
aksel alan albert alberte aleksander alexander alexandra alfred ali alice alina allan alma
amalie amanda amelia amelie amina amir anders andrea andreas ane anette angelica ania anita
anja ann anna anne annette annie anny anton arne arnold aron arthur asbjørn asger asta astrid
aya ayan ayoub ayse bahar basim bastian benedikte benjamin bent bente berit bertil bettina
bilal birgit birgitte birthe bjarne brian britt britta bruno børge camilla carina carl carla
caroline carsten casper cathrine cecilie celina charlie charlotte christel christian christina
christine christoffer clara claus connie conny cristina dagmar dalia daniel david dennis diana
dirk ditlev dorthe ebbe edith edvard egon einar ejnar elias elin elisabeth elise ella ellen
ellie elsebeth elvira emil emilie emily emine emma emre erik erling esben eskild esther eva
evelyn faisal farah farhiya fatima felix fie filip filippa finn flemming frans franz frederik
fredrik frej freja frida frode gerda gert gitte grethe gudrun gunnar gustav hakim halima hamid
hamza hanne harald hasan hassan hatice hedvig heidi helen helena helga helle helmer henning
henrik herbert hiba hilda hodan holger hugo hussain hussein ib ibrahim ida ilse inge inger
ingrid irene isabel isabella isak ivan jack jacob jakob jamal jamila jan janne janni jannie
jasmin jeanette jens jeppe jesper jette jimmy joachim joakim joan johan johanne johannes johnny
jon jonas jonathan jonna josef josefine julie jørgen jørn kalle karen kari karim karina karla
karoline kasper kathrine katja katrine keld kenn kenneth kent khadija khalid kira kirsten
kirstine kjeld klaus knud konrad kristian kristina kristine kristoffer kurt laila lars lasse
laura layla leila lene leo leon leonora leyla liam lily lina lisa lisbeth liselotte lone lotte
louise lucas lucia ludvig ludwig lukas luna lærke mads magnus mahmoud maja majken malene malik
malthe marcus maria mariam marianne marie marina martin maryam mathias mathilda mathilde mehmet
melissa merete merve mette mia michael michelle mikael mikkel milla mille minna mira mogens
mohamed mohammad mohammed mona monica morten muhammad mustafa nadia naja nanna naomi nasra
nathalie niels nikolaj nikoline nils noah noor nora nour oda olaf ole olga oliver olivia oluf
omar oscar otto ove palle patrick paula peder pernille peter philip philippa pia poul preben
rashed rasmus rebecca regitze rené rie rigmor rikke robert rolf roman ruth saba salim salma
samir sandra sanne sara sarah sebastian selma shahed sidse signe silas silje simon simone sina
sofia sofie sofus solveig steen stefan steffen stine susan susanne sven svenning søren tanja
tarek theis theo thomas thor thora timm tina tobias tonny torben tove trine uffe ulla ulrik
valdemar valentin verner vibeke victor victoria vigga viggo vilhelm villads villum walid
warsame william xenia yasin yasmin yousef youssef yusuf yvonne zainab zakaria zara zeynep ziad
oskar axel vilma sigrid molly liva marius malte alba bertram hjalte theodor elliot thea lea
luka oksana dmytro bohdan artem jakub kacper zofia wiktoria zahra fadumo abdullahi ubah idil
yonas selam filmon minh linh anh huong ploy somchai kerem burak esra rami yara jana maya elif
ayse omer busra lukasz samer
"""
FIRST_NAMES = frozenset(_FIRST_NAME_WORDS.split())
"""Common first names of children and parents in Denmark, none of them a Danish word."""
WORDS_IN_LOWER_CASE = frozenset(["ane", "ebbe", "helle", "jan", "lærke", "roman", "samer"])
"""Of them, the ones that in lower case are words too (`3. jan`, `en roman`, `ebbe og flod`,
`samer`): every other one is a name in lower case as well (`mor hanne kjær`)."""

_WORD_NAME_WORDS = """
april august bo dag dina ditte else ester flora frank hans iris jo kaj karl kim line lise liv
maj mark max per rose rune sami sander sine sol sten stig storm svend tage tilde tom vera vilde
"""
WORD_NAMES = frozenset(_WORD_NAME_WORDS.split())
"""First names that are Danish words too (`Hans mor`, `Per 1. maj`): names inside a sentence,
where the word would have no capital; at its start, see `word_names.word_name`."""
RARE_WORDS = frozenset(
    ["april", "august", "ditte", "else", "line", "rune", "sander", "tilde", "vilde"]
)
"""Of them, the ones no sentence begins with as a word, save a month before a number
(`August 2026`): names at a sentence's start too (`Ditte, 8 år, …`)."""
PRONOUNS = frozenset(["hans", "jo", "per", "sine", "tom"])
"""Of them, the ones a sentence often begins with as a word before a noun (`Hans venner`,
`Per mail`, `Jo mere`): names there only before a verb of `VERBS` (`Hans bor hos moren`)."""
ANSWERS = frozenset(["jo"])
"""Of them, the ones a sentence begins with as an answer, before a comma (`Jo, det gør hun`)."""
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


_CASE_TAIL = re.compile(
    r"(plan|skema|frist|trappe|referat|notat|aftale|møde|forløb|mappe)"
    r"(?:en|er|erne|et|ene|e|s|ens|ets)?$"
)
"""Casework's compound nouns end in one of these words (`Samværsplan`, `Opfølgningsskema`,
`Teammødereferat`), each too short for `unknown_names._TAIL`. Surnames compound other words
(`Bjørnskov`, `Lindholm`, `Skovgaard`), never these (a probe: `Samværsplan mangler` read
`[navn] mangler`)."""


def case_compound(folded: str, words: frozenset[str]) -> bool:
    """A word of `words` (folded) before one of `_CASE_TAIL`'s, with or without a linking s
    or e: `folded` is a Danish word."""
    found = _CASE_TAIL.search(folded)
    if found is None or found.start() < 3:
        return False
    head = folded[: found.start()]
    heads = {head, head[:-1]} if head[-1] in "se" else {head}
    return any(h in words or case_compound(h, words) for h in heads if len(h) >= 3)

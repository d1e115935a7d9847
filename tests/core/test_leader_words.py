"""A leader's Danish is no name (probe BI: of 313 comments a leader wrote with no name in them,
69 lost a word to `[navn]` in the reports and letters, and `valider` warned of a name (G068) in
as many; nearly all were the first word: an imperative, `Vurdér`, `Sammenhold`, `Tag`, or a
noun or adverb the word list lacked, `Tilsyneladende`, `Risikoen`). And the names it let
through: a first name that is a word before `og hans far`, a surname's initial."""

from __future__ import annotations

import pytest

from ledelsestilsyn.core.unknown_names import likely_names, mask_names

NO_NAME = [
    "Vurdér om sagen skal genåbnes, når skolens status foreligger.",
    "Regn med at BFU'en skal forlænges med fire uger.",
    "Sammenhold underretningen med PPR's udtalelse fra august.",
    "Tag fat i rådgiveren om fristen for handleplanen.",
    "Tema: barnets perspektiv er ikke beskrevet i sagen.",
    "Visse dele af undersøgelsen mangler dato.",
    "Drøft sagen på næste teammøde.",
    "Afklar om faderen har forældremyndighed.",
    "Notér hvem der deltog i børnesamtalen.",
    "Beskriv barnets egne ønsker tydeligere.",
    "Undersøg om der er søskende, der også bør vurderes.",
    "Sørg for at barnets plan sendes til plejefamilien.",
    "Hold et netværksmøde før jul.",
    "Afslutningsvis bør sagen drøftes med jurist.",
    "Tilsyneladende er underretningen ikke vurderet inden 24 timer.",
    "Formentlig er notatet ikke journaliseret.",
    "Heldigvis er der nu etableret samarbejde med skolen.",
    "Størstedelen af sagen er velbeskrevet.",
    "Familiebehandleren har afsluttet forløbet.",
    'Brevet "Indkaldelse til børnesamtale" er sendt til forkert adresse.',
    "Skolestart er udsat et år.",
    "Tandpleje er ikke kontaktet.",
    "Overdragelsesnotat mangler ved rådgiverskifte.",
    "Trivslen er bedret efter anbringelsen.",
    "Risikoen for omsorgssvigt vurderes høj.",
    "Helbred: barnet har diabetes.",
    "Bekymring: mors drikkeri.",
    "Ansvar: rådgiver.",
    "Opdatér handleplanen, så den matcher BFU'en.",
    "Afslut sagen formelt med brev.",
    "Orientér forældrene om genvurderingen.",
    "Vedlæg klagevejledning næste gang.",
    "Mød barnet alene næste gang.",
    "Spørg barnet direkte om samvær.",
    "Lyt til barnets ønske om at bo hos far.",
    "Planlæg opfølgning inden fristen.",
    "Prioritér sagen højere.",
    "Registrér underretningen korrekt.",
    "Indkald til netværksmøde.",
    "Sikr at mor forstår afgørelsen.",
    "Afvent udtalelsen fra PPR.",
    "Beslut om sagen skal i visitation.",
    "Forklar forældrene klageadgangen.",
    "Anvend ICS-trekanten i vurderingen.",
    "Kopiér ikke tekst fra tidligere BFU.",
    "Sæt en frist for opfølgningen.",
    "Stil spørgsmål til skolens udtalelse.",
    "Tænk netværket ind fra start.",
    "Læg referatet på sagen.",
    "Træf afgørelse inden 1. januar.",
    "Aftal næste møde med plejefamilien.",
    "Sammenskriv de tre notater.",
    "Udarbejd barnets plan.",
    "Iværksæt aflastning snarest.",
    "Formulér målene mere konkret.",
    "Præcisér hvad forældrene skal ændre.",
    "Revidér sikkerhedsplanen.",
    "Kvalificér vurderingen med PPR.",
    "Dokumentér samtalen samme dag.",
    "Evaluér indsatsen efter tre måneder.",
    "Koordinér med voksenområdet.",
    "Eskalér til afdelingsleder.",
    "Informér sundhedsplejen.",
    "Vurder behovet for tolk.",
    "Sammenhold oplysningerne fra skole og PPR.",
    "Gennemse journalen for manglende datoer.",
    "Undlad at bruge forkortelser i afgørelser.",
    "Ajourfør kontaktoplysninger.",
]


@pytest.mark.parametrize("comment", NO_NAME)
def test_a_leader_s_comment_without_a_name_has_none(comment: str) -> None:
    assert [comment[a:b] for a, b in likely_names(comment)] == []


@pytest.mark.parametrize(
    ("comment", "masked"),
    [
        ("Storm og hans far er flyttet.", "[navn] og hans far er flyttet."),
        ("Sol og hendes mor er flyttet.", "[navn] og hendes mor er flyttet."),
        ("Liv og hendes bror bor hos mormor.", "[navn] og hendes bror bor hos mormor."),
        ("Liv og helbred er i fare.", "Liv og helbred er i fare."),
        ("Kontaktperson Jonas B. er gået på barsel.", "Kontaktperson [navn] er gået på barsel."),
        ("Mor (Hanne K.) er ikke hørt.", "Mor ([navn]) er ikke hørt."),
        ("Samtale med Emil. I går ringede skolen.", "Samtale med [navn]. I går ringede skolen."),
    ],
)
def test_a_name_before_family_or_with_an_initial_is_masked_whole(comment: str, masked: str) -> None:
    assert mask_names(comment) == masked


@pytest.mark.parametrize(
    "comment",
    [
        "Bekymring for fars voldsomme adfærd.",
        "Fars fængselsophold er ikke beskrevet.",
        "Mors skizofreni er velbehandlet.",
        "Fars arbejdsløshed fylder i familien.",
        "Mors bipolare lidelse er ikke belyst.",
        "Fars personlighedsforstyrrelse er udredt.",
        "Mors veninde har underrettet.",
        "Personlighedsforstyrrelse hos mor er ikke belyst.",
    ],
)
def test_a_case_s_words_after_mors_and_fars_are_no_names(comment: str) -> None:
    """Probe BI: a word the list lacked after `mors`, `fars` was taken for a name."""
    assert [comment[a:b] for a, b in likely_names(comment)] == []


@pytest.mark.parametrize(
    "comment", ["Mikkelsen ringede.", "Nielsen er ikke hørt.", "mor oksana shevchenko ringede."]
)
def test_surnames_and_names_after_family_are_still_names(comment: str) -> None:
    assert likely_names(comment) != []

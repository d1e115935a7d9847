"""Names that read like Danish words to the name finder (probe BB, F4 and F5): a name at a
sentence's start ending as Danish adjectives and nouns end (`Craig`, `Hedwig`, `Akbar`), and
first names the word list had as words (`May`, `April`, `Jo`)."""

from __future__ import annotations

import pytest

from ledelsestilsyn.core.unknown_names import mask_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Craig er 8 år og bor hos mor.", "[navn] er 8 år og bor hos mor."),
        ("Hedwig har det svært i skolen.", "[navn] har det svært i skolen."),
        ("Akbar går i 3. klasse.", "[navn] går i 3. klasse."),
        ("Ahed bor hos faster.", "[navn] bor hos faster."),
        ("Samtale med barnet. Hartvig fortæller om skolen.",
         "Samtale med barnet. [navn] fortæller om skolen."),
        ("Akbar, 8 år, er anbragt.", "[navn], 8 år, er anbragt."),
    ],
)  # fmt: skip
def test_a_name_at_a_sentence_s_start_that_ends_like_a_danish_word_is_a_name(
    text: str, expected: str
) -> None:
    assert mask_names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May bor hos faster.", "[navn] bor hos faster."),
        ("Vi talte med May om skolen.", "Vi talte med [navn] om skolen."),
        ("April er glad for skolen.", "[navn] er glad for skolen."),
        ("Barnet, April, er 7 år.", "Barnet, [navn], er 7 år."),
        ("Jo har ondt i maven.", "[navn] har ondt i maven."),
        ("Samtale med Jo og mor.", "Samtale med [navn] og mor."),
        ("Samer (far) kom til mødet.", "[navn] (far) kom til mødet."),  # probe BE
        ("Mødet med Samer gik godt.", "Mødet med [navn] gik godt."),
    ],
)  # fmt: skip
def test_first_names_the_word_list_had_as_words_are_names(text: str, expected: str) -> None:
    assert mask_names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hurtig afklaring var nødvendig.",
        "Grundig undersøgelse er lavet.",
        "Vigtig at huske. Rolig samtale med barnet.",
        "Tydelig plan. Ærlig snak med mor.",
        "Undersøgelse er lavet. Afklaring mangler.",
        "Brugbar viden fra skolen. Dygtig sagsbehandling.",
        "Jo, det er rigtigt. Jo mere kontakt, jo bedre.",
        "Familien er samer og taler samisk.",
        "April 2026: møde med skolen. Mødet er 1. april.",
        "Forældremyndighed er drøftet. Tryghed er vigtig.",
    ],
)
def test_danish_words_at_a_sentence_s_start_stay(text: str) -> None:
    assert mask_names(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Bor hos mor. Spiser godt. Sover dårligt om natten.",
        "Trives i skolen. Savner sin far. Leger med de andre. Udredt for ADHD.",
        "Født for tidligt. Tlf notat mangler. Barnets Reform. Røde Kors.",
        "Løft anbringelse-7",  # the title `tiltag ny` writes (probe BC)
        # a leader's judgement on a `lav grad` answer (probe BG)
        "Svag inddragelse. Tynd begrundelse. Stærk faglig vurdering. Sparsomme notater.",
        "Upræcis plan. Ubegrundet afgørelse. Rodet journal. Forældet ressourceprofil.",
        "Acceptabel. Middel. Udokumenteret. Barnets stemme mangler. Tvivl om planen.",
    ],
)
def test_what_a_note_begins_with_stays(text: str) -> None:
    """Probe BD: each of these verbs, `Født` and `Tlf` read `[navn]`; a town is a name still, as it
    may point at a child (`test_unknown_names`)."""
    assert mask_names(text) == text

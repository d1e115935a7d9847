"""Names nobody told the tool about, found in free text (probe Y, F1)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledelsestilsyn.core.unknown_names import NAME, likely_names, mask_names

COLLEAGUES = ["Ole Brøndum", "Team Vest", "Aarhus Kommune"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Emil Larsen (7 år) er ikke hørt; moren Tina Larsen oplyser, at Emil græder i skolen.",
            "[navn] (7 år) er ikke hørt; moren [navn] oplyser, at [navn] græder i skolen.",
        ),
        ("Underretning fra skolen om Emil Larsen", "Underretning fra skolen om [navn]"),
        ("børnesamtale med Zlatan gennemføres", "børnesamtale med [navn] gennemføres"),
        # at a sentence's start: a common first name, or a name after it
        ("Emil græder i skolen.", "[navn] græder i skolen."),
        ("Zlatan Karimi er ikke hørt.", "[navn] er ikke hørt."),
        # the same word, a name elsewhere in the text
        (
            "Zlatan er ikke hørt. Vi talte med Zlatan i går.",
            "[navn] er ikke hørt. Vi talte med [navn] i går.",
        ),
        # a kinship word stays, the name after it goes
        ("Moren Tina Larsen oplyser, at hun flytter.", "Moren [navn] oplyser, at hun flytter."),
        ("Emils mor er syg.", "[navn] mor er syg."),
        ("Hun går på Vestervangskolen i Vejle.", "Hun går på [navn] i [navn]."),
        ("barnet (Anne-Sofie) er hørt", "barnet ([navn]) er hørt"),
        ("talt med Ali al-Hassan i går", "talt med [navn] i går"),
        # after an abbreviation a sentence goes on
        (
            "Vi talte f.eks. med Zlatan og bl.a. Ahmad.",
            "Vi talte f.eks. med [navn] og bl.a. [navn].",
        ),
    ],
)
def test_a_name_nobody_told_the_tool_about_is_masked(text: str, expected: str) -> None:
    assert mask_names(text, COLLEAGUES) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Barnet er ikke hørt efter Barnets lov § 5.",
        "Aftalt med PPR og Ankestyrelsen i oktober.",
        "Rådgiver Ole Brøndum har ikke inddraget barnet.",
        "Ole har ikke inddraget barnet; Brøndum skriver notatet.",
        "Sagen er drøftet i Team Vest.",
        "Sendt til Aarhus Kommune.",
        "Hans mor er syg.",  # `Hans` is `his`, too
        "Vi bad De om at svare.",
        "DER MANGLER EN BØRNESAMTALE.",  # capitals only: no word stands out
        "et CPR-lignende nummer, og PPR-psykologen er ikke spurgt",
        "skrevet i Aula og sendt med e-Boks, jf. Barnets lov",
        "Der mangler en børnesamtale. Netværket er ikke inddraget.",
        "",
    ],
)
def test_words_that_name_no_one_stay(text: str) -> None:
    assert mask_names(text, COLLEAGUES) == text


def test_a_child_with_a_colleague_s_surname_is_masked_whole() -> None:
    """`Larsen` alone would be the colleague's surname; `Tina Larsen` is not the colleague."""
    known = ["Ole Larsen"]
    assert mask_names("moren Tina Larsen ringede", known) == "moren [navn] ringede"
    assert mask_names("aftalt med Larsen", known) == "aftalt med Larsen"


def test_the_replacement_is_the_callers() -> None:
    assert mask_names("talt med Tina", replacement="<x>") == "talt med <x>"


_WORDS = st.sampled_from(
    ["barnet", "er", "ikke", "hørt", "moren", "Emil", "Tina Larsen", "i", "skolen", ".", ";"]
)


@given(st.lists(_WORDS, max_size=12), st.sampled_from(["Emil", "Tina Larsen", "Zlatan"]))
def test_a_name_inside_a_sentence_never_survives(words: list[str], name: str) -> None:
    """Whatever stands around it, a name inside a sentence is masked, and the spans found
    are in order, apart and inside the text."""
    text = " ".join(["talt", "med", name, *words])
    masked = mask_names(text)
    assert name not in masked
    assert NAME in masked
    spans = likely_names(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 < a2 for (_, b1), (a2, _) in itertools.pairwise(spans))

"""A date of birth with the month's name, and the serial number a few words on after a word
for it (probe BB: `født 3. marts 2015 og har løbenummer 4496` reached the reports)."""

from __future__ import annotations

import pytest

from ledelsestilsyn.core.cpr import find_cpr, mask_cpr


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Barnet er født 3. marts 2015 og har løbenummer 4496.",
         "Barnet er født X. marts XXXX og har løbenummer XXXX."),
        ("født 3. marts 2015, hun har lbnr. 4496", "født X. marts XXXX, hun har lbnr. XXXX"),
        ("3. marts 15 - det fulde cpr-nummer 4496", "X. marts XX - det fulde cpr-nummer XXXX"),
        ("født 1. feb. 2003 med de sidste fire cifre 1234",
         "født X. feb. XXXX med de sidste fire cifre XXXX"),
    ],
)  # fmt: skip
def test_a_word_for_the_serial_number_a_few_words_after_the_date(text: str, masked: str) -> None:
    assert mask_cpr(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "Mødet 3. marts 2026 og de 4 andre møder.",
        "Født 3. marts 2015 og har været anbragt siden 2019.",
        "3. marts 2015 var der møde, og nr. 12 blev drøftet.",
        "Den 1. februar 2026 blev lovens nummer 1234 nævnt.",  # `nummer` alone: of anything
        "Født 3. marts 2015; i alt har vi haft mange samtaler, og løbenummer 4496 er sagens.",
    ],
)
def test_no_number_where_no_word_for_it_or_too_far(text: str) -> None:
    assert find_cpr(text) == [], text


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Født 1/2-03, cpr slutter på 1234", "Født X/X-XX, cpr slutter på XXXX"),
        ("født 1 feb 03, cpr-nr. slutter på 1234", "født X feb XX, cpr-nr. slutter på XXXX"),
        ("Født 01.02.2003 - løbenummer er 1234.", "Født XX.XX.XXXX - løbenummer er XXXX."),
        ("010203 og cpr slutter med 1234", "XXXXXX og cpr slutter med XXXX"),
    ],
)
def test_a_date_of_birth_and_then_a_word_for_the_serial_number_and_words(
    text: str, masked: str
) -> None:
    """Probe BD: the word for the serial number came before the words, not after them."""
    assert mask_cpr(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "cpr slutter på 1234",  # no date
        "Møde 1/2-26 om skolen og hjemmet og meget mere. CPR-nummer 1234 er forkert.",  # far
        "Født 31/2-03, cpr slutter på 1234",  # no such day
        "Mødet 1/2 med skolen; cpr mangler, ring 1234",  # no year
    ],
)
def test_no_number_without_a_date_of_birth_before_the_word(text: str) -> None:
    assert find_cpr(text) == [], text

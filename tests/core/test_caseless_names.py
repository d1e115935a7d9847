"""`core.initials.caseless_in`: a name in a script without capitals is found as a name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledelsestilsyn.core.initials import caseless_in


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Moren (فاطمة الزهراء) ønsker tolk; barnet hedder محمد.", ["فاطمة الزهراء", "محمد"]),
        ("Mor hedder 李小龙, far स्वाति.", ["李小龙", "स्वाति"]),  # a vowel sign is part of it
        ("שרה כהן kom ikke", ["שרה כהן"]),
        ("Søren, Åse og Ærø; Ольга and Ζωή have capitals", []),  # found by their capitals
        ("§ 32 stk. 1 – 12.500 kr. · “citat” € 5", []),
    ],
)
def test_runs_of_a_caseless_script_are_names(text: str, names: list[str]) -> None:
    assert [text[a:b] for a, b in caseless_in(text)] == names


@given(st.text(alphabet=st.characters(max_codepoint=0x24F)))
def test_latin_text_has_none(text: str) -> None:
    assert caseless_in(text) == []

"""`core.names_found`: a name written with capitals in one text is found in lower
case in another (probe AW, F2)."""

from __future__ import annotations

import pytest

from ledelsestilsyn.core.names_found import names_in, written_as_found

TITLE = "Opfølgning efter sagen om Mathias Skov"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Drøftet med mathias skov og moren.", "Drøftet med Mathias Skov og moren."),
        ("Drøftet med MATHIAS  skov.", "Drøftet med Mathias Skov."),
        ("mathias' mor og mathias's far", "Mathias' mor og Mathias's far"),
        # a word of the name that is a word too stays as written alone
        ("Fortsæt i skov og mark.", "Fortsæt i skov og mark."),
        ("Ingen navne her.", "Ingen navne her."),
    ],
)
def test_a_name_found_with_capitals_is_written_so_elsewhere(text: str, written: str) -> None:
    assert written_as_found(text, names_in([TITLE, text])) == written


def test_nothing_found_changes_nothing() -> None:
    text = "drøftet med mathias"
    assert written_as_found(text, names_in([text, "Partshøring i teamet"])) == text

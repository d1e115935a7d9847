"""pydantic errors mapped back to file:line:col, in Danish, with did-you-mean."""

from __future__ import annotations

import pytest

from ledelsestilsyn.core.diagnostics import SHOWN_PER_FILE, TilsynError
from ledelsestilsyn.io.yaml import parse_text
from ledelsestilsyn.models.base import Model, OptionalDate
from ledelsestilsyn.models.concept import Concept
from ledelsestilsyn.models.located import validate_document


class Dated(Model):
    dato: OptionalDate = None
    antal: int = 0


def messages(model: type[Model], text: str) -> list[str]:
    with pytest.raises(TilsynError) as info:
        validate_document(model, parse_text(text, "f.yaml"))
    return [d.format() for d in info.value.diagnostics]


@pytest.mark.parametrize("bad", ["2024-02-30", "0000-00-00", "30-02-2024", "i går"])
def test_bad_date_is_located(bad: str) -> None:
    [message] = messages(Dated, f"antal: 3\ndato: {bad}\n")
    assert message.startswith("f.yaml:2:7: fejl M003: 'dato': skal være en gyldig dato")
    assert bad not in message


def test_good_and_empty_dates() -> None:
    assert validate_document(Dated, parse_text("dato: 2024-02-29\n", "f")).dato is not None
    assert validate_document(Dated, parse_text('dato: ""\n', "f")).dato is None


def test_number_and_list_where_mapping_belongs() -> None:
    assert messages(Dated, "antal: mange\n")[0].startswith(
        "f.yaml:1:8: fejl M003: 'antal': skal være et heltal"
    )
    [message] = messages(Dated, "- a\n- b\n")
    assert "M003" in message and "ikke en liste" in message


def test_a_mapping_is_called_keys_with_values_not_mapping() -> None:
    """'mapping' is a programmer's word (found by a probe in M003, G018 and the cadence)."""
    found = messages(Concept, "kommune: {a: 1}\ntilsyn:\n  a:\n    kadence: hver tredje\n")
    assert any(
        "'kommune': skal være en tekst, ikke en liste eller nøgler med værdier." in m for m in found
    ), found
    assert any("eller nøglerne 'hver' og 'start' eller 'måneder'" in m for m in found), found
    assert not any("mapping" in m for m in found)


def test_all_concept_errors_at_once() -> None:
    text = (
        "kommune: X\n"
        "tilsyn:\n"
        "  a:\n"
        "    skabelon: overordnet\n"
        "    antal: ti\n"
        "    kadense: månedlig\n"
        "eksport:\n"
        "  kolonner: {sag: S}\n"
    )
    found = messages(Concept, text)
    assert any(m.startswith("f.yaml:5:12: fejl M003: 'antal'") for m in found)
    assert any(
        "f.yaml:6:5: fejl M002: ukendt nøgle 'kadense'. Tip: mente du 'kadence'?" in m
        for m in found
    )
    assert any("kolonner mangler: rådgiver, paragraf, afgørelsesdato" in m for m in found)


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("maanedligt", "månedlig"),
        ("månedligt", "månedlig"),
        ("halvaarligt", "halvårlig"),
        ("aarlig", "årlig"),
        ("kvartalvis", "kvartalsvis"),
    ],
)
def test_a_cadence_spelled_in_ascii_or_with_t_gets_a_did_you_mean(written: str, meant: str) -> None:
    text = (
        "kommune: X\ntilsyn:\n  a:\n    skabelon: overordnet\n    antal: 10\n"
        f"    kadence: {written}\neksport:\n"
        "  kolonner: {sag: S, rådgiver: R, paragraf: P, afgørelsesdato: D}\n"
    )
    [message] = messages(Concept, text)
    assert message.startswith(f"f.yaml:6:14: fejl M003: 'kadence': ukendt kadence '{written}'")
    assert message.endswith(f"Tip: mente du '{meant}'?"), message


def test_kvartalsvis_is_a_cadence() -> None:
    text = (
        "kommune: X\ntilsyn:\n  a:\n    skabelon: overordnet\n    antal: 10\n"
        "    kadence: Kvartalsvis\neksport:\n"
        "  kolonner: {sag: S, rådgiver: R, paragraf: P, afgørelsesdato: D}\n"
    )
    concept = validate_document(Concept, parse_text(text, "f.yaml"))
    assert concept.series["a"].cadence.period == "kvartal"


def test_only_the_first_lines_of_a_file_get_a_did_you_mean() -> None:
    """Found by probe V: each of 100,000 unknown keys was compared with every key allowed
    (20 s), for lines no one is shown (`print_diagnostics` shows the first 25 of a file)."""
    keys = "".join(f"datoo{n}: x\n" for n in range(40))
    found = messages(Dated, "antal: mange\n" + keys)
    assert found[0].startswith("f.yaml:1:8: fejl M003: 'antal'")
    guessed = [m for m in found if "mente du 'dato'?" in m]
    assert guessed == found[1:SHOWN_PER_FILE]
    assert all(
        "ukendt nøgle (en tekst på" in m and "tilladte nøgler her: dato, antal." in m
        for m in found[SHOWN_PER_FILE:]
    )
    assert len(found) == 41

"""`review.edit`: values spliced into a review's own text; everything else stays byte for byte."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.io.document import Path_
from ledelsestilsyn.io.yaml import parse_text
from ledelsestilsyn.review.edit import Value, clean, fill

REVIEW = """# Gennemgang (kommentarer og rækkefølge skal blive stående)
tilsyn: "månedligt-overordnet"
gennemført_af: ""
dato: ""
udgangspunkt: ''
svar:
  # ── Underretning ──
  underretning:
    # svar: ja | nej | ikke relevant (kommentar kræves ved: nej)
    underretning-1:
      svar: ""
      kommentar: ''
    # underretning-2: næste spørgsmål
    underretning-2:
      svar: ja   # skrevet i hånden
      kommentar: |-
        første linje
        anden linje
    underretning-3:
      svar:
      kommentar: "tidligere"
      rettelse:
    underretning-4: {svar: ja}
# slut
"""
Q1: Path_ = ("svar", "underretning", "underretning-1")
Q2: Path_ = ("svar", "underretning", "underretning-2")
Q3: Path_ = ("svar", "underretning", "underretning-3")


def _data(text: str) -> Any:
    return parse_text(text, "f.yaml").data


def _get(data: Any, path: Path_) -> Any:
    for key in path:
        data = data[key]
    return data


def test_a_value_replaces_only_its_own_quotes() -> None:
    new = fill(REVIEW, [((*Q1, "svar"), "nej"), ((*Q1, "kommentar"), "mangler dato")], "f.yaml")
    assert new == REVIEW.replace(
        "      svar: \"\"\n      kommentar: ''\n    # underretning-2",
        "      svar: \"nej\"\n      kommentar: 'mangler dato'\n    # underretning-2",
    )


def test_double_quotes_stay_where_nothing_needs_escaping() -> None:
    new = fill(REVIEW, [(("gennemført_af",), "Mette Holm"), (("dato",), 'sagt "ja"')], "f.yaml")
    assert 'gennemført_af: "Mette Holm"\n' in new
    assert "dato: 'sagt \"ja\"'\n" in new


def test_quotes_backslashes_and_hashes_read_back_as_typed() -> None:
    value = "S:\\nyt\\fil.docx # ikke en kommentar, 'citat' og \"citat\""
    new = fill(REVIEW, [((*Q1, "kommentar"), value)], "f.yaml")
    assert _get(_data(new), (*Q1, "kommentar")) == value
    assert "kommentar: 'S:\\nyt\\fil.docx # ikke en kommentar, ''citat'' og \"citat\"'" in new


def test_line_breaks_become_a_literal_block_and_back() -> None:
    new = fill(REVIEW, [((*Q1, "kommentar"), "linje 1\n\n  linje 3")], "f.yaml")
    assert "      kommentar: |-\n        linje 1\n\n          linje 3\n    # underretning-2" in new
    back = fill(new, [((*Q1, "kommentar"), "kort")], "f.yaml")
    assert back == REVIEW.replace(
        "      kommentar: ''\n    # u", "      kommentar: 'kort'\n    # u"
    )


def test_a_block_replaced_by_a_block_keeps_the_next_lines() -> None:
    new = fill(REVIEW, [((*Q2, "kommentar"), "ny\ntekst"), ((*Q2, "svar"), "nej")], "f.yaml")
    assert "      svar: 'nej'   # skrevet i hånden\n" in new
    assert "      kommentar: |-\n        ny\n        tekst\n    underretning-3:" in new


def test_a_first_line_starting_with_a_space_gets_an_indentation_indicator() -> None:
    new = fill(REVIEW, [((*Q2, "kommentar"), "  indrykket\nnæste")], "f.yaml")
    assert _get(_data(new), (*Q2, "kommentar")) == "  indrykket\nnæste"
    assert "kommentar: |2-\n" in new


def test_an_empty_value_gets_its_text_after_the_colon() -> None:
    new = fill(REVIEW, [((*Q3, "svar"), "ja")], "f.yaml")
    assert "      svar: 'ja'\n      kommentar: \"tidligere\"" in new


def test_a_blank_correction_is_filled_with_its_keys() -> None:
    correction = {"handling": "plan udarbejdes", "ansvarlig": "", "frist": "2026-12-15"}
    new = fill(REVIEW, [((*Q3, "rettelse"), correction)], "f.yaml")
    assert (
        "      rettelse:\n        handling: 'plan udarbejdes'\n        ansvarlig: ''\n"
        "        frist: '2026-12-15'\n    underretning-4:"
    ) in new
    assert _get(_data(new), (*Q3, "rettelse")) == correction


def test_a_missing_correction_is_added_under_the_answer() -> None:
    new = fill(REVIEW, [((*Q1, "rettelse", "handling"), "ring til skolen")], "f.yaml")
    assert (
        "      kommentar: ''\n      rettelse:\n        handling: 'ring til skolen'\n"
        "    # underretning-2"
    ) in new
    again = fill(new, [((*Q1, "rettelse", "frist"), "2026-12-01")], "f.yaml")
    assert "        handling: 'ring til skolen'\n        frist: '2026-12-01'\n    #" in again


def test_a_missing_key_after_a_block_goes_after_the_block() -> None:
    new = fill(REVIEW, [((*Q2, "rettelse"), {"handling": "x"})], "f.yaml")
    assert "        anden linje\n      rettelse:\n        handling: 'x'\n    underretning-3:" in new


def test_a_one_line_mapping_is_refused_with_a_location() -> None:
    with pytest.raises(TilsynError) as caught:
        fill(REVIEW, [(("svar", "underretning", "underretning-4", "kommentar"), "x")], "f.yaml")
    found = caught.value.diagnostics[0]
    assert (found.code, found.file, found.line) == ("F001", "f.yaml", 23)


def test_a_mapping_where_a_text_belongs_is_refused() -> None:
    with pytest.raises(TilsynError) as caught:
        fill(REVIEW, [(("svar",), "x")], "f.yaml")
    assert caught.value.diagnostics[0].code == "F001"


def test_windows_line_breaks_stay() -> None:
    crlf = REVIEW.replace("\n", "\r\n")
    new = fill(crlf, [((*Q1, "kommentar"), "a\nb"), ((*Q1, "rettelse", "handling"), "c")], "f")
    assert "\n" not in new.replace("\r\n", "")
    assert _get(_data(new), Q1) == {"svar": "", "kommentar": "a\nb", "rettelse": {"handling": "c"}}


def test_a_file_without_a_final_line_break() -> None:
    text = 'a: ""\nb:\n  c: x'
    assert fill(text, [(("b", "c"), "y\nz")], "f") == 'a: ""\nb:\n  c: |-\n    y\n    z'
    assert fill(text, [(("b", "d"), "w")], "f") == "a: \"\"\nb:\n  c: x\n  d: 'w'"


def test_clean_keeps_only_what_yaml_can_hold() -> None:
    assert clean("a\r\nb\rc\u2028d\te\x00f\ufeff  \n\n") == "a\nb\nc\nd ef"
    assert clean("\u00a0x\n\u00a0 y") == " x\n  y"
    assert clean("\u00a0x") == "\u00a0x"


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=300)
@given(comment=TEXT, answer=TEXT, header=TEXT)
def test_any_text_reads_back_and_the_rest_stays_byte_for_byte(
    comment: str, answer: str, header: str
) -> None:
    edits: list[tuple[Path_, Value]] = [
        ((*Q1, "kommentar"), comment),
        ((*Q2, "svar"), answer),
        (("dato",), header),
    ]
    new = fill(REVIEW, edits, "f.yaml")
    data = _data(new)
    assert _get(data, (*Q1, "kommentar")) == clean(comment)
    assert _get(data, (*Q2, "svar")) == clean(answer)
    assert data["dato"] == clean(header)
    kept = [line for line in REVIEW.splitlines() if line.lstrip().startswith("#")]
    # Every comment is kept, in order; a line of a new block value may start with '#' too
    # (header '#\x850' becomes the block '#', '0'), so the rest need not be comments.
    found = iter(line for line in new.splitlines() if line.lstrip().startswith("#"))
    assert all(any(line == comment for line in found) for comment in kept)
    assert new.startswith(REVIEW[: REVIEW.index('dato: ""')])
    assert new.endswith(REVIEW[REVIEW.index("    underretning-3:") :])


@settings(max_examples=100)
@given(values=st.lists(st.tuples(st.sampled_from(["kommentar", "svar", "handling"]), TEXT)))
def test_edits_one_after_another_keep_every_earlier_value(values: list[tuple[str, str]]) -> None:
    text = REVIEW
    expected = _data(REVIEW)
    for key, value in values:
        path: Path_ = (*Q1, "rettelse", key) if key == "handling" else (*Q1, key)
        text = fill(text, [(path, value)], "f.yaml")
        target = _get(expected, Q1)
        if key == "handling":
            target.setdefault("rettelse", {})["handling"] = clean(value)
        else:
            target[key] = clean(value)
        assert _data(text) == expected


def test_a_plain_text_over_two_lines_is_replaced_whole() -> None:
    text = "a:\n  kommentar: en lang\n    tekst over to linjer\n  næste: ''\n"
    new = fill(text, [(("a", "kommentar"), "kort")], "f")
    assert new == "a:\n  kommentar: 'kort'\n  næste: ''\n"


def test_a_question_left_blank_gets_its_keys() -> None:
    text = "svar:\n  trin:\n    q-1:\n    q-2:\n      svar: ''\n"
    new = fill(text, [(("svar", "trin", "q-1", "svar"), "ja")], "f")
    assert new == "svar:\n  trin:\n    q-1:\n      svar: 'ja'\n    q-2:\n      svar: ''\n"

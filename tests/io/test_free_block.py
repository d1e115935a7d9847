"""`io.yaml_quote.free_block`: a text over several lines is written as a literal block, as a
reviewer writes a comment, and always reads back as exactly that text (or is quoted)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ledelsestilsyn.io.yaml import parse_text
from ledelsestilsyn.io.yaml_quote import free_block


def _read(written: str, indent: int) -> object:
    data = parse_text(" " * indent + "k: " + written + "\n", "t").data
    assert isinstance(data, dict)
    return data["k"]


def test_lines_are_a_block_with_the_chomping_they_need() -> None:
    assert free_block("a\nb", 6) == "|-\n        a\n        b"
    assert free_block("a\nb\n", 6) == "|\n        a\n        b"
    assert free_block("a\n\nb\n\n", 0) == "|+\n  a\n\n  b\n"
    assert free_block("  indrykket\nb", 0) == "|2-\n    indrykket\n  b"
    assert free_block("én linje", 6) == "'én linje'"


@given(st.text(alphabet=st.sampled_from("ab #:'\"\\\n\t \u00a0æ\x07-|>"), max_size=30))
def test_every_text_reads_back_as_written(value: str) -> None:
    for indent in (0, 6):
        assert _read(free_block(value, indent), indent) == value

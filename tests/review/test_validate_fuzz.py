"""Fuzzing loader + validator: random bytes and mutated valid reviews give diagnostics only."""

from __future__ import annotations

import re
from functools import cache

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import TESTS
from ledelsestilsyn.core.diagnostics import Diagnostic
from ledelsestilsyn.review.analyse_files import Templates
from ledelsestilsyn.review.check import analyse
from ledelsestilsyn.templates.catalog import Catalog

KORPUS = TESTS / "eksempler" / "gennemgange"
VALID = (KORPUS / "gyldige" / "komplet.yaml").read_bytes()
TEMATISERET = (KORPUS / "gyldige" / "tematiseret_synonym.yaml").read_bytes()
# Pieces people (and editors) put into review files.
PIECES = [
    b"\t",
    b"\r\n",
    b"\xef\xbb\xbf",
    b"\xe6\xf8\xe5",
    b"\xc2\xa0",
    b": ",
    b"- ",
    b'"',
    b"'",
    b"#",
    b"&a ",
    b"*a",
    b"!!python/object ",
    b"[",
    b"{",
    b"no",
    b"Ja",
    b"010190-1234",
    b"\n  ",
    b"---\n",
    b"\x00",
]


@cache
def templates() -> Templates:
    return Templates(Catalog.load(None))


def check(raw: bytes) -> None:
    analysis = analyse(raw, "f.yaml", templates().index, None)
    # Every YAML line break counts (a lone CR too), and one line more for the end of the file.
    lines = len(re.split(rb"\r\n|[\r\n]|\xc2\x85|\xe2\x80[\xa8\xa9]", raw)) + 1
    for diagnostic in analysis.diagnostics:
        assert isinstance(diagnostic, Diagnostic)
        assert diagnostic.message and diagnostic.code[0] in "GYM"
        assert diagnostic.line is None or 1 <= diagnostic.line <= lines
        assert "010190-1234" not in diagnostic.format()
    if analysis.is_review and not analysis.diagnostics:
        assert analysis.answers


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
@example(b"\r[")  # found by hypothesis: the end of the file was put on a line of its own
def test_random_bytes_give_only_diagnostics(raw: bytes) -> None:
    check(raw)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from([VALID, TEMATISERET])))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "replace"]))
        if kind == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        else:
            piece = draw(st.sampled_from(PIECES) | st.binary(min_size=1, max_size=4))
            data[at : at + (len(piece) if kind == "replace" else 0)] = piece
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_valid_reviews_give_only_diagnostics(raw: bytes) -> None:
    check(raw)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["svar", "kommentar", "gennemført_af", "dato", "periode", "skabelon"]),
    st.text(max_size=40),
)
def test_any_text_in_any_field_gives_only_diagnostics(key: str, value: str) -> None:
    text = VALID.decode("utf-8")
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    index = text.index(f"{key}: ")
    end = text.index("\n", index)
    check((text[:index] + f"{key}: {quoted}" + text[end:]).encode("utf-8", "surrogatepass"))


def test_an_error_at_the_end_of_the_file_points_at_its_last_line() -> None:
    for raw, where in [(b"[", (1, 2)), (b"a: 1\r\rb: [", (3, 5)), (b"a: 1\r\nb: [", (2, 5))]:
        (diagnostic,) = analyse(raw, "f.yaml", templates().index, None).diagnostics
        assert (diagnostic.line, diagnostic.column) == where, raw

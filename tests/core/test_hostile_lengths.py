"""Long hostile texts are searched once, not once from every character (found by probe V).

Each pattern here was tried again from every position of a long run (back-to-back CPR
numbers, spaces in a name, `§` or digits in an export cell, `#` in a concept comment):
32 kB took from 13 s to over a minute, in `valider`, `rapport`, the daily `påmind` and
`udtræk`. The results are checked on inputs that size, and for the CPR numbers, how many
times the whole text is searched; the suite holds no timing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.core import cpr
from ledelsestilsyn.core.lines import one_line
from ledelsestilsyn.export.values import normalise_paragraph, stated_rows


def test_numbers_written_back_to_back_are_found_in_two_searches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each number found was masked and the whole text searched again, so a chain of k
    numbers took k searches: the one after a number has a digit before it."""
    searches = 0
    real = cpr._candidates

    def counted(text: str) -> list[tuple[int, int]]:
        nonlocal searches
        searches += 1
        return real(text)

    monkeypatch.setattr(cpr, "_candidates", counted)
    for number in ("010203-1234", "1.2.03-1234", "0102031234-"):
        searches = 0
        text = number * 3000
        masked = cpr.mask_cpr(text)
        assert masked == "".join("X" if c.isdigit() else c for c in text), number
        assert searches <= 2, (number, searches)
    assert cpr.mask_cpr("010203-12340102031234 og 15") == "XXXXXX-XXXXXXXXXXXXXX og 15"


def test_long_runs_in_names_paragraphs_and_summary_rows_are_read_as_before() -> None:
    assert one_line("Anna" + " " * 64_000 + "Berg") == "Anna" + " " * 64_000 + "Berg"
    assert one_line("Anna" + " " * 64_000 + "\n  Berg") == "Anna Berg"
    assert one_line("a  b \n  c\n\nd\t") == "a  b c d\t"
    assert normalise_paragraph("§" * 64_000 + "x 32") is None
    assert normalise_paragraph("§§ 32 stk. 1") == "32"
    assert stated_rows(["I alt", "1" * 64_000]) is None
    assert stated_rows(["I alt: 1.776 rækker"]) == 1776


def test_a_concept_line_of_hashes_is_read_once(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`tjek` looks for the preset's `RET:` markers in every comment line."""
    monkeypatch.chdir(tmp_path)
    assert cli("init", "ws", "--forlæg", "kk").exit_code == 0
    monkeypatch.chdir(tmp_path / "ws")
    concept = tmp_path / "ws" / "koncept.yaml"

    def markers() -> list[tuple[int, str]]:
        said = " ".join(cli("tjek").output.split())
        return [
            (int(n), m)
            for n, m in re.findall(r"koncept\.yaml:(\d+):\d+: advarsel A011: (.*?)\. Tip", said)
        ]

    before = markers()
    assert len(before) >= 2, before
    text = concept.read_text(encoding="utf-8")
    concept.write_text("#" * 64_000 + "\n" + text, encoding="utf-8")
    assert markers() == [(line + 1, message) for line, message in before]

"""Counts in the reports agree with their nouns ("1 sag", "5 sager", "< 5 sager")."""

from __future__ import annotations

import re

from conftest import ROOT
from ledelsestilsyn.report.render import environment

TEMPLATES = ROOT / "src" / "ledelsestilsyn" / "report" / "templates"


def test_the_count_filter() -> None:
    antal = environment().filters["antal"]
    assert antal(1, "sag", "sager") == "1 sag"
    assert antal(5, "sag", "sager") == "5 sager"
    assert antal("< 5", "sag", "sager") == "< 5 sager"


def test_no_template_puts_a_bare_number_before_a_plural_noun() -> None:
    bare = re.compile(r"\}\} (sager|gennemgange|rådgivere|teams|spørgsmål|rettelser)\b")
    for template in sorted(TEMPLATES.glob("*.j2")):
        text = template.read_text(encoding="utf-8")
        assert not bare.findall(text), template.name

"""The feedback letter's "Det gik godt": template order, and what is left out is said."""

from __future__ import annotations

import re

from test_letter_corrections import letter_of, review

from ledelsestilsyn.followup.feedback import render_letter
from ledelsestilsyn.followup.letters import Letter


def _letter(good: list[int]) -> Letter:
    """One case where intentioner-N is answered `høj grad` for each N in `good`."""
    return letter_of([review(dict.fromkeys(good, "høj grad"))])


def _went_well(text: str) -> str:
    return text.split("## Det gik godt")[1].split("## Til sammenligning")[0]


def test_went_well_follows_the_template_order() -> None:
    letter = _letter([10, 2, 1])
    assert [qid for qid, _ in letter.went_well] == [
        "intentioner-1",
        "intentioner-2",
        "intentioner-10",
    ]


def test_went_well_says_how_many_more_when_cut() -> None:
    eleven = _letter(list(range(1, 12)))
    assert len(eleven.went_well) == 8
    md = render_letter(eleven, "md")
    assert "- og 3 flere\n" in _went_well(md)
    assert "<li>og 3 flere</li>" in render_letter(eleven, "html")
    nine = render_letter(_letter(list(range(1, 10))), "md")
    assert "- og 1 mere\n" in _went_well(nine)
    eight = render_letter(_letter(list(range(1, 9))), "md")
    assert not re.search(r"^- og ", _went_well(eight), re.MULTILINE)

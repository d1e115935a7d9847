"""The feedback letter's "Det gik godt": template order, and what is left out is said."""

from __future__ import annotations

import re
from datetime import date

from ledelsestilsyn.core.cpr import mask_cpr
from ledelsestilsyn.core.periods import parse_period
from ledelsestilsyn.followup.feedback import render_letter
from ledelsestilsyn.followup.letters import Letter, build_letters
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.templates.catalog import Catalog

REF = "tematiseret@2025.1"


def _letter(good: list[int]) -> Letter:
    """One case where intentioner-N is answered `høj grad` for each N in `good`."""
    record = ReviewRecord(
        series="s",
        template=REF,
        period="2026-11",
        period_start=date(2026, 11, 1),
        case_id="S-1",
        caseworker="Anna Holm",
        team="Team Nord",
        answers={("intentioner", f"intentioner-{n}"): ("høj grad", "") for n in good},
    )
    [letter] = build_letters(
        [record],
        {REF: Catalog.load(None).resolve(REF)},
        parse_period("2026-11"),
        municipality="K",
        generated="30. november 2026",
        mask=mask_cpr,
    )
    return letter


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

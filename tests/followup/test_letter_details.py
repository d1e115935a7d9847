"""The feedback letter's "Det gik godt": template order, and what is left out is said."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from test_letter_corrections import letter_of, review

from ledelsestilsyn.core.cpr import mask_cpr
from ledelsestilsyn.core.periods import parse_period
from ledelsestilsyn.followup.feedback import render_letter
from ledelsestilsyn.followup.letters import Letter, build_letters
from ledelsestilsyn.templates.catalog import Catalog


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


def test_a_question_of_the_other_template_with_the_same_id_does_not_spoil_it() -> None:
    """`underretning-1` is one question in the overordnet template and another in the
    tematiseret. Before, a `nogen grad` to the tematiseret one took the overordnet one, answered
    `ja` in every case, out of "Det gik godt" (a probe of the letters' figures)."""
    catalog = Catalog.load(None)
    overordnet = catalog.resolve("overordnet")
    tematiseret = catalog.resolve("tematiseret")
    first = overordnet.steps[0]
    assert first.id == "underretning" and tematiseret.steps[0].id == first.id
    ids = [q.id for q in first.questions]
    yes = review({}, period="2026-11")
    records = [
        replace(
            yes,
            series="månedligt-overordnet",
            template=overordnet.ref,
            answers={(first.id, qid): ("ja", "") for qid in ids},
        ),
        replace(
            yes,
            case_id="S-2",
            template=tematiseret.ref,
            answers={(first.id, qid): ("nogen grad", "") for qid in ids},
        ),
    ]
    [letter] = build_letters(
        records,
        {overordnet.ref: overordnet, tematiseret.ref: tematiseret},
        parse_period("2026-11"),
        municipality="K",
        generated="30. november 2026",
        mask=mask_cpr,
        today=date(2026, 11, 30),
    )
    assert [qid for qid, _ in letter.went_well] == ids[:8]
    assert len(ids) == 8 and not letter.went_well_more

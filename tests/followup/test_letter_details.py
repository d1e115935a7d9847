"""The feedback letter's "Det gik godt": template order, and what is left out is said."""

from __future__ import annotations

from datetime import date

from ledelsestilsyn.core.cpr import mask_cpr
from ledelsestilsyn.core.periods import parse_period
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


def test_went_well_follows_the_template_order() -> None:
    letter = _letter([10, 2, 1])
    assert [qid for qid, _ in letter.went_well] == [
        "intentioner-1",
        "intentioner-2",
        "intentioner-10",
    ]

"""Every correction on the caseworker's case reaches their letter, not only a finding's."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ledelsestilsyn.core.cpr import mask_cpr
from ledelsestilsyn.core.periods import parse_period
from ledelsestilsyn.followup.feedback import render_letter
from ledelsestilsyn.followup.letters import Letter, build_letters
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.review.analysis import CorrectionEntry
from ledelsestilsyn.templates.catalog import Catalog

REF = "tematiseret@2025.1"
STEP = "intentioner"


def review(
    answers: dict[int, str],
    corrections: dict[int, str] | None = None,
    *,
    period: str = "2026-11",
    no: int = 1,
) -> ReviewRecord:
    """Review `no` of Anna's case S-1 in `period` (two: a calibration pair): intentioner-N
    answered `answers[N]`, a correction under each N in `corrections` (its action)."""
    year, month = (int(p) for p in period.split("-"))
    return ReviewRecord(
        series="tematiseret",
        template=REF,
        period=period,
        period_start=date(year, month, 1),
        case_id="S-1",
        caseworker="Anna Holm",
        team="Team Nord",
        reviewer=("Leder Lund", "Leder Juul")[no - 1],
        review_no=no,
        answers={(STEP, f"{STEP}-{n}"): (a, "") for n, a in answers.items()},
        corrections=tuple(
            CorrectionEntry(STEP, f"{STEP}-{n}", action, deadline=date(2026, 12, 15))
            for n, action in (corrections or {}).items()
        ),
    )


def letter_of(records: list[ReviewRecord], period: str = "2026-11") -> Letter:
    """Anna's one letter for `period`, dated 30 November 2026."""
    [letter] = build_letters(
        records,
        {REF: Catalog.load(None).resolve(REF)},
        parse_period(period),
        municipality="K",
        generated="30. november 2026",
        mask=mask_cpr,
        today=date(2026, 11, 30),
    )
    return letter


def test_a_correction_under_an_answer_that_is_no_finding_is_in_the_letter() -> None:
    """Only the scale's lowest answer (nej, lav grad) is a finding, and only a finding's
    correction was in the letter: a correction under 'nogen grad' (or under 'ja', G053)
    reached påmind and the leader's report, but the caseworker, who is to do it, never heard
    of it in this round's letter."""
    letter = letter_of(
        [
            review(
                {1: "lav grad", 2: "nogen grad", 3: "høj grad"},
                {1: "planen revideres", 2: "samtalen med barnet noteres", 3: "journalen dateres"},
            )
        ]
    )
    md = render_letter(letter, "md")
    for action in ("planen revideres", "samtalen med barnet noteres", "journalen dateres"):
        assert action in md
        assert action in render_letter(letter, "html")
    [case] = letter.cases
    assert len(case.findings) == 1  # still one finding: the others are corrections only
    assert "1 fund i 3 relevante spørgsmål." in md
    row = next(line for line in md.splitlines() if "samtalen med barnet noteres" in line)
    assert f"**{STEP}-2**" in row and "nogen grad" in row and "15. december 2026" in row


def test_a_correction_from_the_second_review_of_a_calibration_pair_is_in_the_letter() -> None:
    """Two leaders read a calibration case each on their own; the letter shows the first
    review, and a correction only the second leader asked for was in no letter, this
    round's or a later one's, though påmind and the report follow it."""
    pair = [
        review({1: "lav grad", 2: "lav grad"}, {1: "planen revideres"}, period="2026-10"),
        review({1: "lav grad", 2: "lav grad"}, {2: "barnet høres"}, period="2026-10", no=2),
    ]
    november = replace(review({1: "lav grad"}), case_id="S-2")  # the next round's case
    for period, records in (("2026-10", pair), ("2026-11", [*pair, november])):
        md = render_letter(letter_of(records, period), "md")
        assert "planen revideres" in md and "barnet høres" in md, period
        assert md.count("### S-1") == (1 if period == "2026-10" else 0)  # the case once

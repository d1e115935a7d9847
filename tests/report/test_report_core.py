"""The report core without files: suppression, shares, calibration pairing, CSV safety, formats."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from ledelsestilsyn.report.aggregate import first_reviews, section
from ledelsestilsyn.report.calibration import calibrate
from ledelsestilsyn.report.formats import long_date, number, percent, points
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.report.suppress import Disclosure
from ledelsestilsyn.report.tidy import neutralise, to_csv
from ledelsestilsyn.templates.catalog import Catalog

COMMITTEE = Disclosure(5, active=True)
OVERORDNET = Catalog.load(None).resolve("overordnet")


def record(case: str, answers: dict[str, str], *, no: int = 1, series: str = "m") -> ReviewRecord:
    return ReviewRecord(
        series=series,
        template=OVERORDNET.ref,
        period="2026-11",
        period_start=date(2026, 11, 1),
        case_id=case,
        review_no=no,
        answers={("underretning", q): (a, "") for q, a in answers.items()},
    )


def test_danish_formats() -> None:
    assert percent(0.875) == "87,5 %"
    assert number(10000) == "10.000"
    assert long_date(date(2026, 11, 25)) == "25. november 2026"
    assert points(-0.03) == "−3,0 pp"


def test_primary_and_secondary_suppression() -> None:
    assert COMMITTEE.hidden([10, 3, 7]) == [False, True, True]  # 3 alone could be 20 - 10 - 7
    assert COMMITTEE.hidden([10, 3, 2]) == [False, True, True]
    assert COMMITTEE.hidden([10, 0, 7]) == [False, False, False]
    assert COMMITTEE.hidden([3, 0, 0]) == [True, False, False]  # total 3 is itself "< 5"
    assert COMMITTEE.column([12, 4, 6]) == ["12", "< 5", "x"]  # 6 hidden, not small
    assert Disclosure(5).hidden([1, 2, 3]) == [False, False, False]  # leaders see everything


@given(st.lists(st.integers(min_value=0, max_value=40), min_size=2, max_size=6))
def test_no_hidden_cell_can_be_computed_from_the_total(counts: list[int]) -> None:
    hidden = COMMITTEE.hidden(counts)
    assert all(h for c, h in zip(counts, hidden, strict=True) if 0 < c < 5)
    if sum(counts) >= 5:
        assert sum(hidden) != 1  # one hidden cell alone = total - the visible ones


def test_share_is_suppressed_when_a_part_is_small_or_hidden() -> None:
    assert COMMITTEE.share_allowed(20, [20, 0])
    assert not COMMITTEE.share_allowed(20, [17, 3])  # 85 % of 20 gives the 3 back
    assert not COMMITTEE.share_allowed(4, [4, 0])
    assert not COMMITTEE.share_allowed(20, [10, 10], [False, True])
    assert Disclosure(5).share_allowed(3, [2, 1])


def test_share_leaves_out_ikke_relevant() -> None:
    records = [
        record(f"S-{i}", {"underretning-1": a})
        for i, a in enumerate(["ja", "ja", "nej", "ikke relevant", "ikke relevant"])
    ]
    stat = section(OVERORDNET, records).question("underretning-1")
    assert stat is not None
    assert (stat.tally.positive, stat.tally.answered, stat.tally.total) == (2, 3, 5)
    assert stat.tally.share == 2 / 3


def test_calibration_reviews_count_once_but_feed_agreement() -> None:
    first = record("S-1", {"underretning-1": "ja", "underretning-2": "nej"})
    second = record("S-1", {"underretning-1": "ja", "underretning-2": "ja"}, no=2)
    other = record("S-2", {"underretning-1": "nej", "underretning-2": "nej"})
    assert first_reviews([second, first, other]) == [first, other]
    result = calibrate(OVERORDNET, [first, second, other])
    assert result is not None and result.cases == 1
    assert result.overall.items == 2 and result.overall.agreement == 0.5
    assert [a.label for a in result.most_disagreement()] == ["underretning-2"]
    assert calibrate(OVERORDNET, [first, other]) is None


def test_csv_neutralises_formulas_and_suppresses_for_committee() -> None:
    assert neutralise("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert neutralise("-1") == "'-1" and neutralise("@a") == "'@a" and neutralise("a=b") == "a=b"
    records = [record(f"S-{i}", {"underretning-1": "ja"}, series="=1+1") for i in range(6)]
    records.append(record("S-9", {"underretning-1": "nej"}, series="=1+1"))
    text = to_csv(records, {OVERORDNET.ref: OVERORDNET}, COMMITTEE)
    assert ";=1+1;" not in text and ";'=1+1;" in text
    assert "underretning-1;nej;< 5" in text and "underretning-1;ja;x" in text


def test_a_single_small_cell_hides_the_total_not_a_shown_cell() -> None:
    """Series counts also appear in the sections, so the total is what must go."""
    assert COMMITTEE.column_with_total([12, 4, 6]) == (["12", "< 5", "6"], True)
    assert COMMITTEE.column_with_total([12, 4, 3]) == (["12", "< 5", "< 5"], False)
    assert COMMITTEE.total_text(22, True) == "x"

"""The report core without files: suppression, shares, calibration pairing, CSV safety, formats."""

from __future__ import annotations

from datetime import date

from hypothesis import assume, given
from hypothesis import strategies as st

from ledelsestilsyn.core.words import number
from ledelsestilsyn.report.aggregate import first_reviews, section
from ledelsestilsyn.report.calibration import calibrate
from ledelsestilsyn.report.formats import long_date, percent, points
from ledelsestilsyn.report.reader import revealed
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.report.suppress import Ledger, decide
from ledelsestilsyn.report.tidy import neutralise
from ledelsestilsyn.templates.catalog import Catalog

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


def _row(counts: list[int]) -> tuple[Ledger, list[tuple[str, ...]]]:
    """One table row with its total: cells a, b, … and `total`."""
    ledger = Ledger(5)
    cells = [ledger.count(("cell", str(i)), n) for i, n in enumerate(counts)]
    ledger.count(("total",), sum(counts))
    ledger.total(("total",), cells)
    return ledger, cells


def _texts(counts: list[int]) -> list[str]:
    ledger, cells = _row(counts)
    rules = decide(ledger, active=True)
    return [rules.count(c, n) for c, n in zip(cells, counts, strict=True)]


def test_primary_and_secondary_suppression() -> None:
    assert _texts([10, 3, 7]) == ["10", "< 5", "x"]  # 3 alone would be 20 - 10 - 7
    assert _texts([10, 0, 7]) == ["10", "0", "7"]  # zero reveals no one
    assert _texts([10, 2, 2]) == ["10", "< 5", "< 5"]  # 2 + 2 = 4: each could be 1-3
    assert _texts([10, 1, 1]) != ["10", "< 5", "< 5"]  # 1 + 1 = 2 gives both back
    ledger, cells = _row([1, 2, 3])
    assert decide(ledger, active=False).count(cells[0], 1) == "1"  # leaders see everything


@given(st.lists(st.integers(min_value=0, max_value=40), min_size=2, max_size=6))
def test_no_hidden_cell_can_be_computed_from_the_total(counts: list[int]) -> None:
    # With the total small too, nothing is left to hide: four `< 5` adding up to `< 5` say
    # 1 each whatever is done (the report leaves such a team table out as a whole).
    assume(not 0 < sum(counts) < 5)
    ledger, cells = _row(counts)
    rules = decide(ledger, active=True)
    assert all(not rules.shows(c) for c, n in zip(cells, counts, strict=True) if 0 < n < 5)
    assert revealed(ledger, set(rules.hidden)) == []


def test_share_is_suppressed_when_a_part_is_small_or_its_count_hidden() -> None:
    ledger = Ledger(5)
    ledger.share(("ok",), 20, 20, [20, 0])
    ledger.share(("part",), 17, 20, [17, 3])  # 85 % of 20 gives the 3 back
    ledger.share(("few",), 4, 4, [4, 0])
    ledger.count(("team",), 3)
    ledger.share(("team share",), 10, 12, [10, 12])
    ledger.hide_with(("team",), [("team share",)])
    rules = decide(ledger, active=True)
    assert rules.shows(("ok",))
    assert not any(rules.shows(k) for k in [("part",), ("few",), ("team share",)])
    assert not rules.shows(("unknown",))  # what the ledger does not know is not shown


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


def test_csv_neutralises_formulas() -> None:
    assert neutralise("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert neutralise("-1") == "'-1" and neutralise("@a") == "'@a" and neutralise("a=b") == "a=b"

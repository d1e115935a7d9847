"""▲/▼ against an earlier period says when the change may be chance (its interval holds 0)."""

from __future__ import annotations

from pathlib import Path

from conftest import Cli
from ledelsestilsyn.report.cells import ShareCell, change, share_of
from ledelsestilsyn.report.stats import wilson


def _share(positive: int, total: int) -> ShareCell:
    return share_of(positive / total, wilson(positive, total), 0.8)


def test_a_change_on_few_cases_is_marked_uncertain() -> None:
    # 4 of 5 against 3 of 5: 20 pp, but the intervals overlap widely.
    assert change(_share(4, 5), _share(3, 5)) == "▲ +20,0 pp (usikker)"


def test_a_change_the_intervals_bear_out_is_not_marked() -> None:
    # 190 of 200 against 100 of 200: the intervals lie far apart.
    assert change(_share(100, 200), _share(190, 200)) == "▼ −45,0 pp"


def test_no_change_and_no_earlier_share_are_as_before() -> None:
    assert change(_share(3, 5), _share(3, 5)) == "= ±0,0 pp"
    assert change(_share(3, 5), ShareCell()) == "–"


def test_the_report_marks_and_explains_it(cli: Cli, rapport_ws: Path) -> None:
    args = ("--dato", "2026-11-25", "-o", "-", "--periode", "2026-11", "--format", "md")
    result = cli("rapport", *args)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "(usikker) = ændringens eget 95 %-interval rummer 0" in text
    assert "pp (usikker)" in text

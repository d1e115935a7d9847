"""Shares as a leader checks them by hand: a half is rounded up, as Excel does.

Python's formatting rounds 81.25 to the even digit (`81,2 %`); 13 of 16 reviews is `81,3 %` on
a calculator and in Excel's ROUND, and a leader who recomputes a share would find the report
wrong (an independent check of the figures found it)."""

from __future__ import annotations

import pytest

from ledelsestilsyn.report.formats import decimal, percent, points, share_text


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (13 / 16, "81,3 %"),
        (1 / 16, "6,3 %"),
        (9 / 16, "56,3 %"),
        (0.2845, "28,5 %"),
        (2 / 3, "66,7 %"),
        (0.875, "87,5 %"),
        (1.0, "100,0 %"),
        (0.0, "0,0 %"),
    ],
)
def test_a_half_is_rounded_up(value: float, shown: str) -> None:
    assert percent(value) == shown


def test_points_levels_and_decimals_round_the_same_way() -> None:
    assert points(1 / 16) == "+6,3 pp" and points(-1 / 16) == "−6,3 pp"
    assert share_text(0.9) == "90 %" and share_text(0.8125) == "81,3 %"
    assert decimal(12345.25) == "12.345,3" and decimal(0.125, 2) == "0,13"

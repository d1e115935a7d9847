"""The HTML report's charts draw a share as the text shows it (`formats.as_shown`): probe AZ
read 84,2 % to ±0.02 points from a dot's `cx="442.6"` in the committee's report, more than
the text's ±0.05, which narrows the hidden counts a share stands on."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ledelsestilsyn.report.charts import ShareRow, share_chart, trend_chart
from ledelsestilsyn.report.formats import percent


@given(st.integers(1, 60), st.integers(0, 60))
def test_a_share_the_text_shows_alike_is_drawn_alike(n: int, k: int) -> None:
    """Two shares the text shows as the same percentage give the same chart."""
    share = min(k, n) / n
    nudged = share + 0.0004 if share < 0.9995 else share - 0.0004
    if percent(share) != percent(nudged):
        return  # the text tells them apart
    row, other = ShareRow("a", share, 0.5, 0.9), ShareRow("a", nudged, 0.5, 0.9)
    assert share_chart([row], 0.9) == share_chart([other], 0.9)
    assert trend_chart([("2026-K1", share)], 0.9) == trend_chart([("2026-K1", nudged)], 0.9)

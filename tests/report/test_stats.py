"""Statistics against hand-computed and published values, plus properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledelsestilsyn.report.stats import (
    cohen_kappa,
    difference,
    gwet_ac1,
    percent_agreement,
    share,
    wilson,
)


@pytest.mark.parametrize(
    ("positive", "total", "low", "high"),
    [
        # Newcombe (1998), Statistics in Medicine 17:857-872, table I, method 3 (Wilson).
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0000, 0.1611),
        (1, 29, 0.0061, 0.1718),
        # By hand: 2 of 3 is not "67 %" but 20,8 %-93,9 %.
        (2, 3, 0.2077, 0.9385),
    ],
)
def test_wilson_matches_published_values(
    positive: int, total: int, low: float, high: float
) -> None:
    interval = wilson(positive, total)
    assert interval is not None
    assert interval.low == pytest.approx(low, abs=5e-5)
    assert interval.high == pytest.approx(high, abs=5e-5)


def test_wilson_and_share_without_answers() -> None:
    assert wilson(0, 0) is None
    assert share(0, 0) is None
    with pytest.raises(ValueError):
        wilson(4, 3)


@given(
    st.integers(min_value=1, max_value=5000).flatmap(
        lambda n: st.tuples(st.integers(0, n), st.just(n))
    )
)
def test_wilson_contains_the_share_and_stays_in_unit_interval(case: tuple[int, int]) -> None:
    positive, total = case
    interval = wilson(positive, total)
    assert interval is not None
    assert 0.0 <= interval.low <= positive / total <= interval.high <= 1.0


def _change(before: tuple[int, int], after: tuple[int, int]) -> tuple[float, float]:
    (b, n), (a, m) = before, after
    low_b, low_a = wilson(b, n), wilson(a, m)
    assert low_b is not None and low_a is not None
    found = difference(b / n, low_b, a / m, low_a)
    return round(found.low, 4), round(found.high, 4)


def test_difference_matches_newcombes_published_example() -> None:
    """Newcombe (1998), table II, method 10: 56/70 against 48/80 gives 0,0524 to 0,3339."""
    assert _change((48, 80), (56, 70)) == (0.0524, 0.3339)
    assert _change((56, 70), (48, 80)) == (-0.3339, -0.0524)


def test_a_change_can_be_certain_though_the_two_intervals_overlap() -> None:
    """10 of 20 against 17 of 20: the intervals overlap (29,9–70,1 % and 64,0–94,8 %), so
    the old rule said 'no certain change'; the change's own interval is 5,9–57,3 pp."""
    before, after = wilson(10, 20), wilson(17, 20)
    assert before is not None and after is not None and before.high > after.low
    assert _change((10, 20), (17, 20)) == (0.0592, 0.5732)
    low, high = _change((3, 5), (4, 5))  # the README's 4 of 5 against 3 of 5: chance
    assert low < 0 < high


@given(
    st.integers(1, 300).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))),
    st.integers(1, 300).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))),
)
def test_the_change_interval_holds_the_change_and_stays_within_one(
    before: tuple[int, int], after: tuple[int, int]
) -> None:
    low, high = _change(before, after)
    change = after[0] / after[1] - before[0] / before[1]
    assert -1.0 <= low <= round(change, 4) <= high <= 1.0


def _pairs(yy: int, yn: int, ny: int, nn: int) -> list[tuple[str, str]]:
    return [("ja", "ja")] * yy + [("ja", "nej")] * yn + [("nej", "ja")] * ny + [("nej", "nej")] * nn


def test_cohen_kappa_worked_example() -> None:
    # The worked example in Wikipedia's "Cohen's kappa": 20/5/10/15 of 50, p_o 0,7, p_e 0,5.
    pairs = _pairs(20, 5, 10, 15)
    assert cohen_kappa(pairs) == pytest.approx(0.4)
    assert percent_agreement([list(p) for p in pairs]) == pytest.approx(0.7)
    # AC1 by hand: pi_ja = (25/50 + 30/50) / 2 = 0,55; p_e = 2·0,55·0,45 = 0,495.
    assert gwet_ac1([list(p) for p in pairs], ["ja", "nej"]) == pytest.approx(0.205 / 0.505)


def test_kappa_paradox_where_ac1_stays_high() -> None:
    # Feinstein & Cicchetti (1990) paradox table 118/5/2/0: 94,4 % agreement, kappa ≈ -0,02,
    # AC1 ≈ 0,94 (Wongpakaran et al. 2013 discuss the same table).
    pairs = _pairs(118, 5, 2, 0)
    items = [list(p) for p in pairs]
    assert percent_agreement(items) == pytest.approx(0.944)
    kappa = cohen_kappa(pairs)
    assert kappa is not None
    assert kappa == pytest.approx((0.944 - 0.94528) / (1 - 0.94528), abs=1e-4)
    ac1 = gwet_ac1(items, ["ja", "nej"])
    assert ac1 == pytest.approx((0.944 - 0.054432) / (1 - 0.054432), abs=1e-4)


def test_ac1_with_three_raters_by_hand() -> None:
    items = [["a", "a", "a"], ["a", "a", "b"], ["b", "b", "b"]]
    # p_a = (1 + 1/3 + 1) / 3 = 7/9; pi_a = 5/9, pi_b = 4/9; p_e = 40/81; AC1 = 23/41.
    assert percent_agreement(items) == pytest.approx(7 / 9)
    assert gwet_ac1(items, ["a", "b"]) == pytest.approx(23 / 41)


def test_ac1_counts_unused_categories_of_the_scale() -> None:
    items = [["ja", "ja"], ["ja", "nej"]]
    two = gwet_ac1(items, ["ja", "nej"])
    three = gwet_ac1(items, ["ja", "nej", "ikke relevant"])
    assert two is not None and three is not None
    assert three > two  # more categories, less chance agreement


def test_undefined_coefficients() -> None:
    assert cohen_kappa([]) is None
    assert cohen_kappa([("ja", "ja"), ("ja", "ja")]) is None  # chance agreement is 1
    assert gwet_ac1([["ja"]], ["ja", "nej"]) is None
    assert percent_agreement([["ja"]]) is None
    assert gwet_ac1([["ja", "ja"]], ["ja"]) is None


@given(
    st.lists(
        st.lists(st.sampled_from(["ja", "nej", "ikke relevant"]), min_size=2, max_size=4),
        min_size=1,
        max_size=30,
    )
)
def test_agreement_bounds(items: list[list[str]]) -> None:
    agreement = percent_agreement(items)
    assert agreement is not None and 0.0 <= agreement <= 1.0
    ac1 = gwet_ac1(items, ["ja", "nej", "ikke relevant"])
    assert ac1 is not None and ac1 <= 1.0 + 1e-12
    if all(len(set(item)) == 1 for item in items):
        assert math.isclose(ac1, 1.0)
    pairs = [(item[0], item[1]) for item in items]
    kappa = cohen_kappa(pairs)
    assert kappa is None or -1.0 - 1e-12 <= kappa <= 1.0 + 1e-12

"""CPR-like numbers: found with their position, masked completely, dates checked."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ledelsestilsyn.core.cpr import find_cpr, mask_cpr


def test_both_forms_are_found_with_spans() -> None:
    text = "Mor 010190-1234 og barn 2802151234."
    assert find_cpr(text) == [(4, 15), (24, 34)]
    assert mask_cpr(text) == "Mor XXXXXX-XXXX og barn XXXXXXXXXX."


def test_invalid_dates_and_other_numbers_are_not_cpr() -> None:
    for text in (
        "320190-1234",  # day 32
        "011390-1234",  # month 13
        "300290-1234",  # 30 February
        "290219-1234",  # 29 February in a year not divisible by four
        "01019012345",  # eleven digits
        "+4512345678",  # phone number
        "2026-11-03",  # an ISO date
        "sag 12345",
    ):
        assert find_cpr(text) == [], text
        assert mask_cpr(text) == text


def test_leap_day_and_modulus_11_failures_are_still_cpr() -> None:
    assert find_cpr("290220-0000") == [(0, 11)]  # modulus 11 is never a reason to reject


@st.composite
def cpr_numbers(draw: st.DrawFn) -> str:
    day = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
    serial = draw(st.integers(0, 9999))
    dash = draw(st.sampled_from(["-", ""]))
    return f"{day:%d%m%y}{dash}{serial:04d}"


@given(
    st.text(alphabet=st.characters(blacklist_categories=["Nd"]), max_size=30),
    cpr_numbers(),
    st.text(alphabet=st.characters(blacklist_categories=["Nd"]), max_size=30),
)
def test_any_real_date_cpr_in_any_text_is_found_and_masked(
    before: str, number: str, after: str
) -> None:
    text = before + number + after
    assert (len(before), len(before) + len(number)) in find_cpr(text)
    masked = mask_cpr(text)
    assert number not in masked
    assert find_cpr(masked) == []
    assert len(masked) == len(text)


@given(st.text(max_size=200))
def test_masking_leaves_no_cpr_behind(text: str) -> None:
    masked = mask_cpr(text)
    assert find_cpr(masked) == []
    assert len(masked) == len(text)


def test_every_day_of_a_leap_year_is_a_valid_date_part() -> None:
    day = date(2024, 1, 1)
    while day.year == 2024:
        assert find_cpr(f"{day:%d%m%y}-1234"), day
        day += timedelta(days=1)


def test_dashed_number_is_found_even_with_digits_after_it() -> None:
    """Found by fuzzing: a CPR number pasted in front of other digits must still be masked."""
    assert mask_cpr("t010190-12342024.1") == "tXXXXXX-XXXX2024.1"
    assert mask_cpr("01019012345") == "01019012345"  # 11 digits without a dash: not a CPR

"""Phone numbers in typed text (probe BD: `tlf. 22 33 44 55` reached the reports and letters)."""

from __future__ import annotations

import pytest

from ledelsestilsyn.core.phones import mask_phones


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Kontakt mor på tlf. 22 33 44 55.", "Kontakt mor på tlf. XX XX XX XX."),
        ("Far: +45 22334455, mor 0045 22-33-44-55", "Far: +XX XXXXXXXX, mor XXXX XX-XX-XX-XX"),
        ("Mobil: 22334455. Ring til 2233 4455.", "Mobil: XXXXXXXX. Ring til XXXX XXXX."),
        ("tlf 22.33.44.55", "tlf XX.XX.XX.XX"),
    ],
)
def test_a_phone_number_is_masked(text: str, masked: str) -> None:
    assert mask_phones(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "Sag 20261130 er lukket; beløb 12.345.678 kr.",  # eight digits without a word
        "Mødet 30-11-2026 kl. 10.30; årene 2025 og 2026.",
        "Fundet i 12 af 34 sager, 56 % og 78 svar.",
        "S-2025-00122 og 2026-K4.",
        "XXXXXX-XXXX",
    ],
)
def test_other_numbers_stay(text: str) -> None:
    assert mask_phones(text) == text

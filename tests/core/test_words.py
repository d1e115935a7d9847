from __future__ import annotations

from ledelsestilsyn.core.words import count


def test_one_is_singular_every_other_number_plural() -> None:
    assert count(1, "advarsel", "advarsler") == "1 advarsel"
    assert count(0, "advarsel", "advarsler") == "0 advarsler"
    assert count(2, "ny gennemgangsfil", "nye gennemgangsfiler") == "2 nye gennemgangsfiler"

"""A series' cadence (`kadence`): the months its rounds begin in, and what a round covers.

Written as a word (`månedlig`, `kvartalsvis`, `halvårlig`, `årlig`), or with the keys `hver`
and `start`, or `måneder`; never both, and never an empty `måneder` (found by probe X: one was
ignored, the other a series without rounds, both without a word).
"""

import re
from typing import Any, Literal, Self

from pydantic import Field, field_validator, model_validator

from ledelsestilsyn.core.quote import quote
from ledelsestilsyn.models.base import HintedValueError, Model
from ledelsestilsyn.models.located import did_you_mean

_CADENCE_WORDS: dict[str, dict[str, Any]] = {
    "månedlig": {"hver": 1},
    "kvartalsvis": {"hver": 3, "periode": "kvartal"},
    "halvårlig": {"hver": 6, "periode": "halvår"},
    "årlig": {"hver": 12, "periode": "år"},
}


def cadence_word(value: Any) -> Any:
    """A cadence word as the keys it stands for; any other text is an error with a hint."""
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _CADENCE_WORDS:
            return dict(_CADENCE_WORDS[word])
        nth = re.fullmatch(r"hver (\w+) måned", " ".join(word.split()))
        if nth and nth[1] in _EVERY_NTH:
            raise HintedValueError(
                "en kadence som 'hver anden måned' skrives med nøglerne 'hver' og 'start'.",
                f"skriv kadence: {{hver: {_EVERY_NTH[nth[1]]}, start: 1}} (start: måneden med "
                "den første runde).",
            )
        guess = _cadence_guess(word)
        raise HintedValueError(
            f"ukendt kadence {quote(value)}; brug {', '.join(_CADENCE_WORDS)} eller nøglerne "
            "'hver' og 'start' eller 'måneder'.",
            f"mente du '{guess}'?" if guess else None,
        )
    return value


_EVERY_NTH = {"anden": 2, "tredje": 3, "fjerde": 4, "sjette": 6}
"""'hver anden måned' and the like, as a concept's own words say it (found by probe X)."""


def _cadence_guess(word: str) -> str | None:
    """The cadence word meant by one typed without æ/ø/å ('halvaarlig') or with the t of
    the series names ('månedligt')."""
    folded = word.replace("aa", "å").replace("ae", "æ").replace("oe", "ø")
    if folded.removesuffix("t") in _CADENCE_WORDS:
        return folded.removesuffix("t")
    return did_you_mean(folded, list(_CADENCE_WORDS))


class Cadence(Model):
    every: int = Field(1, alias="hver", ge=1, le=12, description="hver n. måned")
    start: int = Field(1, alias="start", ge=1, le=12, description="første måned (1-12)")
    months: list[int] | None = Field(None, alias="måneder", description="navngivne måneder (1-12)")
    period: Literal["måned", "kvartal", "halvår", "år"] = Field(
        "måned", alias="periode", description="hvad en runde dækker"
    )

    @field_validator("months")
    @classmethod
    def _valid_months(cls, months: list[int] | None) -> list[int] | None:
        if months is not None and any(not 1 <= m <= 12 for m in months):
            raise ValueError("måneder skal være tal fra 1 til 12")
        return sorted(set(months)) if months is not None else None

    @model_validator(mode="after")
    def _one_way(self) -> Self:
        """`måneder` names the rounds itself: with `hver` or `start` beside it, one of them was
        ignored without a word, and an empty list was a series that never has a round."""
        if self.months is not None and not self.months:
            raise HintedValueError(
                "'måneder' er tom, så serien har ingen runder.",
                "skriv de måneder, runderne begynder i, fx måneder: [3, 9].",
            )
        if self.months is not None and self.model_fields_set & {"every", "start"}:
            raise HintedValueError(
                "'måneder' nævner runderne selv, så 'hver' og 'start' ved siden af ville ikke "
                "gælde.",
                "skriv enten 'måneder' eller 'hver' og 'start', ikke begge.",
            )
        return self

    def round_months(self) -> list[int]:
        """The months (1-12) in which a round starts."""
        if self.months is not None:
            return list(self.months)
        return [m for m in range(1, 13) if (m - self.start) % self.every == 0]

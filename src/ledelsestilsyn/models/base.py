"""Shared building blocks for the file-format models.

Every model uses Danish keys (aliases) and forbids unknown keys, so a
misspelt key is an error with a did-you-mean instead of a silently ignored
setting. Values arrive as text from the loader; the types here convert them.

The model modules have no `from __future__ import annotations`: pydantic would
compile and evaluate every field's annotation text at every start (a fifth of
the time it takes to build the models); a model naming itself quotes its name.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict

_TRUE = {"ja", "j", "true", "sand", "1", "yes", "on"}
_FALSE = {"nej", "n", "false", "falsk", "0", "no", "off"}


class HintedValueError(ValueError):
    """A validator's error with a hint (`validate_document` shows it as the diagnostic's)."""

    def __init__(self, message: str, hint: str | None) -> None:
        super().__init__(message)
        self.hint = hint


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        frozen=True,
        str_strip_whitespace=True,
    )


def _bool(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    return value


def is_yes(value: Any) -> bool:
    """True for `ja` (also `true`, `1` …) and YAML's true; everything else is no."""
    return _bool(value) is True


def _optional_bool(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else _bool(value)


def _empty_as_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value


_NOT_A_SHARE = "ikke en andel; skriv den som fx 90 % eller 0,9"


def _share(value: Any) -> Any:
    """A share as people write it: `90 %`, `90%`, `90`, `87,5 %`, `0,9` or `0.9`; a number
    above 1 is a percentage. Empty is none."""
    wrong = ValueError(_NOT_A_SHARE)
    if isinstance(value, bool):
        raise wrong
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        number = text.removesuffix("%").strip().replace(",", ".")
        try:
            found = float(number)
        except ValueError:
            raise wrong from None
        return found / 100 if text.endswith("%") or found > 1 else found
    if isinstance(value, int | float) and value > 1:
        return value / 100
    return value


def _in_unit(value: float | None) -> float | None:
    if value is not None and not 0 < value <= 1:
        raise HintedValueError(
            "en andel skal være over 0 % og højst 100 %.", "skriv den som fx 90 % eller 0,9."
        )
    return value


def share_value(text: str) -> float:
    """A share typed on the command line (`--niveau 90`), read as `niveau` in a file is;
    ValueError with a Danish message when it is none."""
    found = _in_unit(_share(text))
    if found is None:
        raise ValueError(_NOT_A_SHARE)
    return float(found)


def _list_of_text(value: Any) -> Any:
    """Let a single text stand for a one-element list (`fokus: underretning`)."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    return value


Bool = Annotated[bool, BeforeValidator(_bool)]
"""A yes/no setting: `ja`/`nej` (also `true`/`false`)."""

OptionalBool = Annotated[bool | None, BeforeValidator(_optional_bool)]
"""`ja`/`nej`, or empty."""


def _in_years(value: date | None) -> date | None:
    from ledelsestilsyn.core.periods import OUTSIDE_YEARS, in_years

    if value is not None and not in_years(value):
        raise ValueError(f"datoen {OUTSIDE_YEARS}")
    return value


Day = Annotated[date, AfterValidator(_in_years)]
"""A day in a file (ÅÅÅÅ-MM-DD), in the years tilsyn reckons with (`core.periods`)."""
OptionalDate = Annotated[date | None, BeforeValidator(_empty_as_none), AfterValidator(_in_years)]
OptionalInt = Annotated[int | None, BeforeValidator(_empty_as_none)]
OptionalText = Annotated[str | None, BeforeValidator(_empty_as_none)]
OptionalShare = Annotated[
    float | None,
    BeforeValidator(_share, json_schema_input_type=str | float),
    AfterValidator(_in_unit),
]
"""A share in (0, 1] written as `90 %`, `90`, `0,9` or `0.9`, or empty."""
TextList = Annotated[
    list[str], BeforeValidator(_list_of_text, json_schema_input_type=str | list[str])
]
"""A list of texts, or one text for a one-element list; the editor schema allows both."""


def _email(value: str) -> str:
    """One address: it goes into a mail header, which is one line, and which the output gate
    cannot mask (the mail would go astray): an address with a CPR-like number is refused."""
    from ledelsestilsyn.core.cpr import find_cpr

    name, at, domain = value.partition("@")
    if len(value.split()) != 1 or not (name and at and domain) or "@" in domain:
        raise ValueError("ikke én e-mailadresse; skriv den som navn@kommune.dk uden mellemrum")
    if find_cpr(value):
        raise HintedValueError(
            "adressen indeholder noget, der ligner et CPR-nummer, og en adresse står i mailens "
            "hoved, hvor intet kan maskeres.",
            "brug en adresse uden et sådant nummer, fx fornavn.efternavn@kommune.dk.",
        )
    if any(c.isalpha() and not unicodedata.name(c, "").startswith("LATIN") for c in value):
        # probe BK: `mekа@…` with a Cyrillic а passed `tjek`; its mail would go nowhere
        raise HintedValueError(
            "adressen har et bogstav fra et andet alfabet (fx et kyrillisk 'а', der ligner 'a').",
            "skriv adressen igen på et dansk tastatur.",
        )
    return value


Email = Annotated[str, AfterValidator(_email)]
EmailList = Annotated[
    list[Email], BeforeValidator(_list_of_text, json_schema_input_type=str | list[str])
]
"""E-mail addresses, or one address for a one-element list."""

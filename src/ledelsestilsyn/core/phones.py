"""Phone numbers in text a leader typed (`tlf. 22 33 44 55`, `+45 22334455`): a parent's
number points at the family as a name does (a probe found them in the reports and letters).
Masked as CPR numbers are, each digit an `X`, so the sentence still says a number stood there.

A Danish number has eight digits. Written in four pairs with one mark between them, or after
`+45`, it is a phone number; eight digits together or in two fours only after a word for one
(`tlf`, `mobil`, `ring på`), as a case number or a date (`20261130`) may be written so too."""

from __future__ import annotations

import re

from ledelsestilsyn.core.cpr_spans import mask_spans

_AROUND = r"(?<![\w.,+])(?:{})(?!\w|[.,]\d)"
_PAIRS = r"\d{2}(?P<mark>[ \u00a0.-])\d{2}(?P=mark)\d{2}(?P=mark)\d{2}"
_COUNTRY = r"(?:\+|00)45[ \u00a0-]?\d{2}(?:[ \u00a0.-]?\d{2}){3}"
_WORD = (
    r"(?i:tlf|telefon|telefonnummer|telefonnr|mobil|mobilnummer|mobilnr|mob|ring(?:e|er|et)?"
    r"[ \u00a0]+(?:på|til)|sms)\.?:?[ \u00a0]*(?:nr\.?[ \u00a0]*)?"
)
_PHONE = re.compile(_AROUND.format(f"{_PAIRS}|{_COUNTRY}"))
_AFTER_WORD = re.compile(rf"(?<![\w]){_WORD}(?P<number>\d{{4}}[ \u00a0]?\d{{4}})(?!\w|[.,]\d)")


def phone_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the phone numbers in `text`, in order."""
    spans = [m.span() for m in _PHONE.finditer(text)]
    spans += [m.span("number") for m in _AFTER_WORD.finditer(text)]
    return sorted(set(spans))


def mask_phones(text: str) -> str:
    """`text` with each digit of each phone number as `X`."""
    spans = phone_spans(text) if any(c.isdigit() for c in text) else []
    return mask_spans(text, spans) if spans else text

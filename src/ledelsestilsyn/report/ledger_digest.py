"""A report's ledger as the decision cache keeps it (`decision_memo`): a digest of all it
holds, and a set of its units or cells as a bit mask over them in sorted order, written in the
letters a to p (hexadecimal moved up the alphabet), which the output gate never reads as a
number."""

from __future__ import annotations

import hashlib
from typing import Any

from ledelsestilsyn.report.suppress import Key, Ledger

_LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")
_HEX = str.maketrans("abcdefghijklmnop", "0123456789abcdef")


def digest(ledger: Ledger, start: set[Key]) -> str:
    """A digest of everything `suppress.decide` reads: the ledger, in the order it was built
    (the order may decide a tie), and the units hidden from the start; sets sorted."""
    digest = hashlib.sha256()
    for part in (
        ledger.min_count,
        ledger.values,
        ledger.units,
        ledger.relations,
        ledger.depends,
        sorted(ledger.exempt),
        sorted(ledger.given),
        sorted(start),
    ):
        digest.update(repr(part).encode())
        digest.update(b"\0")
    return digest.hexdigest().translate(_LETTERS)


def positions(ordered: list[Key], chosen: set[Key]) -> str:
    """The members of `chosen` as a bit mask over `ordered`, in the letters a to p."""
    mask = sum(1 << i for i, key in enumerate(ordered) if key in chosen)
    return format(mask, "x").translate(_LETTERS)


def members(ordered: list[Key], written: Any) -> set[Key]:
    """The keys of `ordered` whose bits `written` (`positions`) sets; ValueError or
    TypeError when it is no such mask, IndexError when a bit is past the end."""
    if not isinstance(written, str) or not written.isalpha() or not written.islower():
        raise ValueError(written)
    mask = int(written.translate(_HEX), 16)
    if mask >> len(ordered):
        raise IndexError(written)
    return {key for i, key in enumerate(ordered) if mask >> i & 1}

"""Free text from a review made safe to pass on: CPR-like numbers masked, known names replaced."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# Between two parts of a name: any run of spaces, NBSP, tabs, line breaks (a comment wrapped
# in a block scalar) and the invisible characters Word and Outlook copy along.
_GAP = "[\\s\u00a0\u2007\u2009\u202f\u00ad\u200b-\u200f\u2060\ufeff]+"


def _name_pattern(name: str) -> str:
    return _GAP.join(re.escape(part) for part in name.split())


def scrubber(
    names: Iterable[str], mask: Callable[[str], str], replacement: str
) -> Callable[[str], str]:
    """Masks CPR-like numbers and replaces each of `names` (longest first, any case, however
    the parts are spaced: `Bo  Lind`, `Bo Lind` with NBSP, or over a line break)."""
    ordered = sorted({" ".join(n.split()) for n in names if n and n.strip()}, key=len, reverse=True)
    pattern = (
        re.compile("|".join(_name_pattern(n) for n in ordered), re.IGNORECASE) if ordered else None
    )

    done: dict[str, str] = {}  # the same comment recurs across a caseworker's cases

    def scrub(text: str) -> str:
        found = done.get(text)
        if found is None:
            masked = mask(text.strip())
            found = done[text] = pattern.sub(replacement, masked) if pattern else masked
        return found

    return scrub

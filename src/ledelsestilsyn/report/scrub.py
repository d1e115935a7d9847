"""Free text from a review made safe to pass on: CPR-like numbers masked, known names replaced."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def scrubber(
    names: Iterable[str], mask: Callable[[str], str], replacement: str
) -> Callable[[str], str]:
    """Masks CPR-like numbers and replaces each of `names` (longest first, any case)."""
    ordered = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    pattern = (
        re.compile("|".join(re.escape(n) for n in ordered), re.IGNORECASE) if ordered else None
    )

    done: dict[str, str] = {}  # the same comment recurs across a caseworker's cases

    def scrub(text: str) -> str:
        found = done.get(text)
        if found is None:
            masked = mask(text.strip())
            found = done[text] = pattern.sub(replacement, masked) if pattern else masked
        return found

    return scrub

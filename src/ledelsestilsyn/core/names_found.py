"""A name the leaders wrote with capitals in one text and in lower case in another: the
scrubbers find names by their capitals (`core.unknown_names`), so the lower-case one is
written as it was found, and they find it too (a probe: a tiltag's title had `Mathias Skov`,
shown as `[navn]`, its conclusion `mathias skov`, shown as written everywhere)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ledelsestilsyn.core.names import as_read
from ledelsestilsyn.core.unknown_names import common_first_name, likely_names, words_of


def as_found(text: str, others: Iterable[str]) -> str:
    """`text` with each name `likely_names` finds in `others` (or in `text` itself) written
    as found, where `text` has it in another case: the whole name, and a common first name
    of it alone (`mathias`; not `skov`, a word too)."""
    names: dict[str, str] = {}  # folded, one space between words → as found
    for other in [text, *others]:
        read = as_read(other)
        for a, b in likely_names(read):
            words = words_of(read[a:b])
            names.setdefault(" ".join(words).casefold(), " ".join(words))
            names.update({w.casefold(): w for w in words if common_first_name(w)})
    names.pop("", None)
    if not names:
        return text
    shapes = [r"\s+".join(map(re.escape, n.split(" "))) for n in sorted(names, key=len)[::-1]]
    # a possessive s stays after it (`emils mor`)
    pattern = re.compile(rf"(?<![^\W_])(?:{'|'.join(shapes)})(?=s?(?![^\W_]))", re.IGNORECASE)

    def written(match: re.Match[str]) -> str:
        return names.get(" ".join(match[0].split()).casefold(), match[0])

    return pattern.sub(written, text)

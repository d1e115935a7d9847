"""A name the leaders wrote with capitals in one text and in lower case in another: the
scrubbers find names by their capitals (`core.unknown_names`), so the lower-case one is
written as it was found, and they find it too (a probe: a tiltag's title had `Mathias Skov`,
shown as `[navn]`, its conclusion `mathias skov`, shown as written everywhere)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ledelsestilsyn.core.danish_words import first_name
from ledelsestilsyn.core.names import as_read
from ledelsestilsyn.core.unknown_names import likely_names, words_of


@dataclass(frozen=True)
class FoundNames:
    """The names found, folded with one space between words → as found, and the pattern
    that finds them in any case and spacing (`None`: nothing found)."""

    written: dict[str, str]
    pattern: re.Pattern[str] | None


def names_in(texts: Iterable[str]) -> FoundNames:
    """Each name `likely_names` finds in `texts`: the whole name, and a common first name of
    it alone (`mathias`; not `skov`, a word too)."""
    names: dict[str, str] = {}
    for text in texts:
        read = as_read(text)
        for a, b in likely_names(read):
            words = words_of(read[a:b])
            for name in (" ".join(words), *filter(first_name, words)):
                if not name.islower():  # `mathias` is found so already (`likely_names`)
                    names.setdefault(name.casefold(), name)
    names.pop("", None)
    if not names:
        return FoundNames({}, None)
    shapes = [r"\s+".join(map(re.escape, n.split(" "))) for n in sorted(names, key=len)[::-1]]
    # a possessive s stays after it (`emils mor`)
    pattern = re.compile(rf"(?<![^\W_])(?:{'|'.join(shapes)})(?=s?(?![^\W_]))", re.IGNORECASE)
    return FoundNames(names, pattern)


def written_as_found(text: str, found: FoundNames) -> str:
    """`text` with each of the `found` names written as found, where `text` has it in
    another case or spacing."""
    if found.pattern is None:
        return text

    def written(match: re.Match[str]) -> str:
        return found.written.get(" ".join(match[0].split()).casefold(), match[0])

    return found.pattern.sub(written, text)

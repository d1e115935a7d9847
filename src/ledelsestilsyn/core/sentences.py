"""Where a sentence begins: a word there has a capital whatever it is, so `core.unknown_names`
reads a capital there as saying nothing of a name."""

from __future__ import annotations

import re

# The abbreviations a Danish sentence goes on after (`f.eks. Emil`, `bl.a. Tina`), and an
# initial (`E. Karimi`).
_ABBREVIATION = re.compile(
    r"(?<![^\W\d_])(?:f\.eks|bl\.a|jf|ca|evt|dvs|mht|ifm|iht|inkl|ekskl|vedr|kl|nr|pga|hhv|"
    r"fx|sml|ift|mv|osv|mfl|m\.fl|m\.v|o\.l|t\.o\.m|hr|fru|frk|dr|m|d|ang|iflg|nb|tlf|pt|st|"
    r"obs|ca|el|mht|[^\W\d_])\.$",
    re.IGNORECASE,
)
# What ends a sentence, or begins a list item; a line ending in one of them ends one too.
_SENTENCE_END = ".!?…•*"
_BULLET = re.compile(r"\n[ \t]*(?:[-–•*]|\d+[.)])")
_OPENING = " \t\u00a0\"'“”„«»‘’([{-–—•*"


def starts_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` begins a sentence or a list item (not after an
    abbreviation or an initial: `f.eks. Emil`, `E. Karimi`; not on a wrapped line)."""
    window = text[max(0, start - 60) : start]
    before = window.rstrip(_OPENING)
    if not before:
        return True
    if before[-1] == "\n":
        line_start = window.rfind("\n")
        if _BULLET.match(window, line_start):
            return True
        previous = before.rstrip()
        return not previous or previous[-1] in _SENTENCE_END + ":"
    if before[-1] == ".":
        return _ABBREVIATION.search(before) is None
    return before[-1] in _SENTENCE_END

"""The spans of the CPR numbers `core.cpr` finds: joined, masked, and where to look again."""

from __future__ import annotations

from ledelsestilsyn.core.cpr_lookalike import masked

REACH = 1_000
"""How far from a number masking it can uncover another: more than the longest spelling of one
(ten digits, each pair with spaces and a line break with its indent between them)."""


def joined(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with the overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def mask_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Every digit inside the (sorted) spans as `X`; the text between is copied in slices,
    so masking one number in a large file costs little more than finding it."""
    parts: list[str] = []
    last = 0
    for start, end in spans:
        start = max(start, last)
        parts += [text[last:start], masked(text[start:end])]
        last = max(last, end)
    parts.append(text[last:])
    return "".join(parts)


def around(spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """The stretches of a text of `size` characters within `REACH` of the (sorted) spans,
    overlapping ones joined."""
    return joined([(max(0, start - REACH), min(size, end + REACH)) for start, end in spans])

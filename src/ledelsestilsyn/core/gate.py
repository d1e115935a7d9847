"""The output gate: every byte tilsyn prints, writes or mails passes `gate` first.

The terminal (`cli.console`), every file (`io.yaml.write_atomic`) and every
mail (`schedule.notify`) call it, and `tests/core/test_gate.py` checks that
no module writes any other way; every name of a file or folder tilsyn makes
passes it too (`name_passes`). It masks CPR-like numbers with the one
detector, `cpr.mask_cpr`, whatever the text came from: a review filled in by
hand, an export, a template, a message.

Two kinds of numbers tilsyn makes itself pass unmasked, because masking them
would break the files tilsyn reads back and neither is personal data: hex
digests (a SHA-256 of 64 hex digits, or the 24 of a template index, with a letter among
them; no other length, so `0102031234cafebabe0102031234` is not one), and
the tokens a writer names in `keep` (a sample's seed).

After masking, every direction override, embedding, isolate and mark (U+202A–U+202E,
U+2066–U+2069, U+200E, U+200F, U+061C) is `�`: each makes what a reader sees differ from the
text (`‮4321-302010` shows as `010203-1234`). So is a lone surrogate (a file name's byte that
is not UTF-8), which would stop any writer. The order is the gate's, never a writer's: the
detector reads the number mirrored only while the override is still there.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from ledelsestilsyn.core.cpr import find_cpr, mask_cpr
from ledelsestilsyn.core.cpr_spans import mask_spans

_DIGEST = r"(?<![0-9A-Za-z])(?=[0-9]*[a-f])(?:[0-9a-f]{64}|[0-9a-f]{24})(?![0-9A-Za-z])"
_DIGESTS = re.compile(_DIGEST)


# Every character that changes the order or direction in which a text is shown, and every
# lone surrogate: a byte of a file name that is not UTF-8 (`M\xe6tte` from an old Samba share
# or a zip made on Windows) is read as one, and no file, terminal or mail can write it.
DIRECTION = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def gate(text: str, *, keep: Collection[str] = ()) -> str:
    """`text` with every CPR-like number masked, except digests and the `keep` tokens, and
    then each direction character as `�`. A NUL, which the detector reads as the end of a
    text, is read here as `�`, which it reads past as it reads every control character (the
    NUL itself is kept: a review's text reads back as it was written)."""
    if "\x00" in text:  # masking keeps the length, so the NULs go back where they were
        seen = _masked(text.replace("\x00", "\ufffd"), keep)
        masked = "".join(c if c == "\x00" else m for c, m in zip(text, seen, strict=True))
    else:
        masked = _masked(text, keep)
    return DIRECTION.sub("\ufffd", masked)


def _masked(text: str, keep: Collection[str]) -> str:
    spans = find_cpr(text)
    if not spans:  # the usual case: nothing to mask, so nothing to protect
        return text
    kept = "|".join(rf"(?<!\d){re.escape(token)}(?!\d)" for token in keep if token)
    pattern = re.compile(f"{_DIGEST}|{kept}") if kept else _DIGESTS
    parts: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        parts += [mask_cpr(text[last : match.start()]), match[0]]
        last = match.end()
    if not parts:
        return mask_spans(text, spans)
    parts.append(mask_cpr(text[last:]))
    return "".join(parts)


# What JSON writes as an escape (`\\n`) but the CPR detector reads as a gap inside a number.
_BREAKS = re.compile("[\n\r\t\x0b\x0c]")
_ESCAPED_BREAK = re.compile(r"\\(?:[nrtf]|u000[bc])")


def gated_json(content: Any, *, keep: Collection[str] = (), **options: Any) -> str:
    """`json.dumps(content, ensure_ascii=False, **options)`, gated. JSON writes a line break
    as `\\n`, and `010203\\n1234` is no number to the gate: a text with a break is gated
    before it is escaped (looked for only when the JSON has such an escape at all)."""
    text = json.dumps(content, ensure_ascii=False, **options)
    if _ESCAPED_BREAK.search(text):
        text = json.dumps(_gate_breaks(content, keep), ensure_ascii=False, **options)
    return gate(text, keep=keep)


def _gate_breaks(value: Any, keep: Collection[str]) -> Any:
    if isinstance(value, str):
        return gate(value, keep=keep) if _BREAKS.search(value) else value
    if isinstance(value, dict):
        return {_gate_breaks(k, keep): _gate_breaks(v, keep) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_gate_breaks(v, keep) for v in value]
    return value


def name_passes(name: str) -> bool:
    """Whether a file or folder name may be created: the gate would leave it as it is.

    A name cannot be masked (the files that point at it would lose it), and it is
    output all the same: every listing, backup and attachment shows it. So a
    name with a CPR-like number in it is refused instead (`io.atomic.check_name`).
    """
    return gate(name) == name


@dataclass(frozen=True)
class Gated:
    """The bytes of a binary file whose every text passed `gate` while it was built.

    A workbook is compressed, so its bytes cannot be masked afterwards; its
    builder (`report.xlsx`) gates each cell and sheet name instead, and only
    this wrapper, not bare bytes, is accepted by `io.atomic.write_atomic`.
    """

    data: bytes

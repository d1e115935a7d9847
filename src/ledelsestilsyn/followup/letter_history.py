"""A letter tilsyn wrote before is kept when it is replaced or taken away, never lost.

The letter is what a caseworker was told, and when: a complaint or a personnel matter may
ask for it months later. A second run of `tilbagemelding` (a late review finished, a
correction now overdue) rewrote the letters in place, with a new date and no copy (found by
probe W), and a caseworker with no finished review now had the old letter deleted. Now the
earlier letter is moved to the period's `tidligere/` folder, named with the day it was
written; a run that changes nothing but the letter's date (`dannet …`) leaves it as it is.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ledelsestilsyn.core.gate import Gated
from ledelsestilsyn.io.atomic import writable_folder, write_atomic

EARLIER_DIR = "tidligere"
_MADE = re.compile(rb" \xc2\xb7 dannet [^<\n]*")
"""The letter's `· dannet 23. januar 2026` (UTF-8), in the Markdown and the HTML."""


def same_but_date(old: bytes, new: bytes) -> bool:
    """Whether two versions of a letter differ at most in the day it was made."""
    return _MADE.sub(b"", old) == _MADE.sub(b"", new)


def dated_as(new: bytes, old: bytes) -> bytes | None:
    """`new` with the day `old` was made (None: `old` names no day, as a person may have
    edited it away)."""
    made = _MADE.search(old)
    if made is None or _MADE.search(new) is None:
        return None
    day = made[0]
    return _MADE.sub(lambda _: day, new, count=1)


def keep_earlier(path: Path, data: bytes | None = None) -> Path:
    """Put the letter at `path` (its bytes: `data`, when read already) in `tidligere/` as
    `<name> <the day it was written>.<md|html>`, and take it away from `path`; the new
    name. The copy is written before the letter is taken away."""
    old = data if data is not None else path.read_bytes()
    written = date.fromtimestamp(path.stat().st_mtime).isoformat()
    folder = path.parent / EARLIER_DIR
    shown = f"{path.parent.parent.name}/{path.parent.name}/{EARLIER_DIR}"
    writable_folder(folder, display=shown)  # never a link to outside the workspace (W002)
    target = _free(folder, f"{path.stem} {written}", path.suffix)
    write_atomic(target, Gated(old))
    path.unlink()
    return target


def _free(folder: Path, stem: str, suffix: str) -> Path:
    """`stem + suffix` in `folder`, or `stem (2) + suffix` … when that is taken."""
    target, n = folder / f"{stem}{suffix}", 1
    while target.exists():
        n += 1
        target = folder / f"{stem} ({n}){suffix}"
    return target

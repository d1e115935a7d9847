"""A tiltag's id as it is shown and as a message names it: the leaders type the id as they
type the title, so it may name a child (`yrsa-qvist`), and then it is shown by its place."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ledelsestilsyn.core.unknown_names import all_danish


def shown_id(tiltag_id: str, number: int, colleagues: Iterable[str] = ()) -> str:
    """A tiltag's id as it is shown: as written where it is Danish words (`tiltag-2`), else
    its place in tiltag.yaml (`tiltag 2`), for it may name a child (`yrsa-qvist`, a probe:
    `påmind` showed `tiltag 1`, the leader's report the id beside the title's `[navn]`).
    `colleagues`: the leaders see them, and case ids: an id whose other words are parts of
    their names or have a digit stays (`anna-holm`, `s-2026-11-000`)."""
    if all_danish(tiltag_id):
        return tiltag_id
    parts = name_parts(colleagues)
    words = id_words(tiltag_id)
    if parts and all(
        all_danish(w) or w.casefold() in parts or any(c.isdigit() for c in w) for w in words
    ):
        return tiltag_id
    return f"tiltag {number}"


def name_parts(names: Iterable[str], fold: Callable[[str], str] = str.casefold) -> set[str]:
    """The parts of `names` longer than one letter, folded: what an id's words are held to."""
    return {fold(p) for n in names for p in _SPLIT.split(n) if len(p) > 1}


def id_words(tiltag_id: str) -> list[str]:
    """The words of a tiltag's id (`anna-holm`: `anna`, `holm`)."""
    return [w for w in _SPLIT.split(tiltag_id) if w]


_SPLIT = re.compile(r"[\s,._-]+")


def in_message(tiltag_id: str, index: int) -> str:
    """A tiltag as a message names it (`index`: its place in tiltag.yaml from 0): `tiltaget
    'partshøring'`, or `tiltag 2` where its id may name someone (`shown_id`)."""
    shown = shown_id(tiltag_id, index + 1)
    return f"tiltaget '{shown}'" if shown == tiltag_id else shown

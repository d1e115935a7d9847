"""The garbage collector over one run of `tilsyn`: off at start-up, on while a command works.

Start-up (typer, pydantic, the models and their schemas) makes some 50,000
objects that live until exit. With the collector on, it scans them again and
again while they are made, and all of them once more at exit: about a seventh
of a small `udtræk`. So `entry.main` turns it off (`start`); the command
(`errors.handled`) freezes what exists (never scanned, never collected) and
turns it on before it works (`begin_work`); and `entry.main` freezes again
before exit (`end`), so the exit skips the full scan.

A command's own imports (made inside it, so that `--help` and the other commands never
pay for them) are start-up as well: `importing` makes them with the collector off and
freezes them. While a command works, the collector runs after every `YOUNG` new objects
rather than Python's 700: a run makes its objects in bursts that live until exit (a YAML
document's nodes, a sample's cases), which were scanned dozens of times in a small
`udtræk`; the cycles it does make are still collected.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG = 10_000
"""New objects between two collections of the youngest generation, while a command works."""

_started = False
"""`start` was called: this is a run of `entry.main` (the tests call the app instead)."""


def start() -> None:
    global _started
    _started = True
    gc.disable()


def begin_work() -> None:
    """Freeze what start-up made and turn the collector on; a no-op when it is on
    (the tests call the app, never `entry.main`)."""
    if not gc.isenabled():
        gc.freeze()
        gc.set_threshold(YOUNG, *gc.get_threshold()[1:])
        gc.enable()


@contextmanager
def importing() -> Iterator[None]:
    """The command's own imports, made with the collector off and then frozen, as start-up
    is; a no-op outside a run of `entry.main`. Only before the command has made anything
    else: freezing keeps whatever exists, garbage too, until exit."""
    was_on = gc.isenabled()
    if not _started or not was_on:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def end() -> None:
    gc.freeze()

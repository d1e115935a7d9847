"""The garbage collector over one run of `tilsyn`: off at start-up, on while a command works.

Start-up (typer, pydantic, the models and their schemas) makes some 50,000
objects that live until exit. With the collector on, it scans them again and
again while they are made, and all of them once more at exit: about a seventh
of a small `udtræk`. So `entry.main` turns it off (`start`); the command
(`errors.handled`) freezes what exists (never scanned, never collected) and
turns it on before it works (`begin_work`); and `entry.main` freezes again
before exit (`end`), so the exit skips the full scan.
"""

from __future__ import annotations

import gc


def start() -> None:
    gc.disable()


def begin_work() -> None:
    """Freeze what start-up made and turn the collector on; a no-op when it is on
    (the tests call the app, never `entry.main`)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def end() -> None:
    gc.freeze()

"""One `tiltag ny` and one `tilbagemelding` at a time in a workspace.

Two `tiltag ny` at once each read tiltag.yaml, added their entry and renamed their file over
it: the last one won, and a tiltag reported as added was gone (ids were handed out twice).
Two `tilbagemelding` at once each saved the record of the letters they wrote from their own
reading of it: the other's letters then counted as edited by a person (O028) and were never
written again. So such a run holds a lock in `.tilsyn/` for its whole read and write, and
another run of the same command waits for it (`io.lock`: the kernel lets go when its holder
dies, so no stale lock is left behind).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ledelsestilsyn.workspace.layout import CACHE_DIR

PATIENCE_SECONDS = 600.0
"""How long a run waits for another to finish."""

LOCKS = {"tiltag ny": ("tiltag.lock", "O035"), "tilbagemelding": ("tilbagemelding.lock", "O036")}
"""Per command: its lock file in `.tilsyn/`, and the code when the other run never lets go."""


@contextmanager
def one_run(root: Path, command: str, waiting: Callable[[], None]) -> Iterator[None]:
    """Hold `command`'s lock in the workspace at `root` for the block, waiting for another run
    (`waiting` is called once, when it must); its code (exit 75) if that run is not done
    within `PATIENCE_SECONDS`."""
    from ledelsestilsyn.io.lock import one_at_a_time

    lock, code = LOCKS[command]
    with one_at_a_time(
        root / CACHE_DIR / lock,
        waiting,
        display=CACHE_DIR,
        patience=PATIENCE_SECONDS,
        code=code,
        run=f"'tilsyn {command}' i arbejdsmappen",
        undone="intet er skrevet",
    ):
        yield

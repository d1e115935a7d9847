"""One `udtræk` at a time in a workspace.

Two runs extending the same sample at once (two consultants on a shared drive, `--antal 13`
and `--antal 10`) each read the manifest, wrote their files and wrote the manifest last: the
last one won, and the folder held reviews the manifest did not name. So a run that writes
holds `udtræk/.udtræk.lock` from reading the earlier samples to writing the manifest, and
another run waits for it. A dry run (`--tør`) writes nothing and takes no lock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ledelsestilsyn.workspace.layout import DRAW_LOCK
from ledelsestilsyn.workspace.open import Workspace

PATIENCE_SECONDS = 600.0
"""How long a run waits for another to finish (a large export takes seconds, a level's
sources some more)."""


@contextmanager
def drawing(workspace: Workspace, waiting: Callable[[], None], *, dry_run: bool) -> Iterator[None]:
    """Hold the workspace's draw lock for the block (none for a dry run); U023 (exit 75) if
    another run holds it longer than `PATIENCE_SECONDS`."""
    if dry_run or not workspace.samples_dir.is_dir():
        # Without udtræk/ there is no sample to extend: two first runs make their folder
        # atomically, and one is refused (`sampling.write`); a run that draws nothing
        # leaves no folder behind.
        yield
        return
    from ledelsestilsyn.io.lock import one_at_a_time

    with one_at_a_time(
        workspace.samples_dir / DRAW_LOCK,
        waiting,
        display=workspace.display(workspace.samples_dir),
        patience=PATIENCE_SECONDS,
        code="U023",
        run="'tilsyn udtræk' i arbejdsmappen",
        undone="intet er trukket eller skrevet",
    ):
        yield

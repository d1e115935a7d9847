"""Progress bars on stderr, only when stderr is a terminal (`core.progress` does the rest)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID


class _Bar:
    """A transient rich progress bar: gone from the terminal when the step ends.

    Drawn without rich's refresh thread: the core forks worker processes during
    long steps, and forking a process that runs threads can deadlock.
    """

    def __init__(self, console: Console) -> None:
        self.console = console
        self.progress: Progress | None = None
        self.task: TaskID | None = None
        self.drawn = 0.0

    def start(self, label: str, total: int) -> None:
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            console=self.console,
            transient=True,
            auto_refresh=False,
            # The gated console writes to sys.stderr itself: no redirection loop.
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self.progress.start()
        self.task = self.progress.add_task(label, total=total)

    def done(self, completed: int) -> None:
        if self.progress is not None and self.task is not None:
            now = time.monotonic()
            self.progress.update(self.task, completed=completed, refresh=now - self.drawn > 0.1)
            self.drawn = now if now - self.drawn > 0.1 else self.drawn

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
        self.progress = self.task = None


@contextmanager
def on_terminal() -> Iterator[None]:
    """Show the core's long steps as progress bars on stderr, if it is a terminal.

    Rich (some 10 ms to import) is not loaded to learn that stderr is no terminal:
    a report or letters made from cron or a script never import it for this.
    """
    from ledelsestilsyn.cli.console import console, may_be_terminal
    from ledelsestilsyn.core.progress import reporting

    if not may_be_terminal(err=True):
        yield
        return
    err = console(err=True)
    if not err.is_terminal:
        yield
        return
    with reporting(_Bar(err)):
        yield

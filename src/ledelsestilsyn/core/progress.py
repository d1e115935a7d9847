"""Progress of a long step, for the command line to show; the core never prints.

A long loop in the core runs inside `step(label, total)` and reports how far
it has come with the function it gets (`done(n)`, n of `total`). Nothing
happens unless the CLI has installed a reporter with `reporting()`; it does so
only when stderr is a terminal, so pipes, files and cron see no extra output.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol


class Reporter(Protocol):
    def start(self, label: str, total: int) -> None: ...

    def done(self, completed: int) -> None: ...

    def stop(self) -> None: ...


_REPORTER: ContextVar[Reporter | None] = ContextVar("tilsyn_progress", default=None)


def _ignore(completed: int) -> None:
    """No reporter installed: progress goes nowhere."""


@contextmanager
def step(label: str, total: int) -> Iterator[Callable[[int], None]]:
    """A long step of `total` units; yields `done(completed)` to report progress."""
    reporter = _REPORTER.get()
    if reporter is None:
        yield _ignore
        return
    reporter.start(label, total)
    try:
        yield reporter.done
    finally:
        reporter.stop()


@contextmanager
def reporting(reporter: Reporter) -> Iterator[None]:
    """Show every `step` inside this block with `reporter`."""
    token = _REPORTER.set(reporter)
    try:
        yield
    finally:
        _REPORTER.reset(token)

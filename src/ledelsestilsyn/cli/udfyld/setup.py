"""What `udfyld` runs with, and the one way it checks a file (the same as `valider`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ledelsestilsyn.review.validate import ReviewResult, run_checks
from ledelsestilsyn.workspace.open import Workspace


@dataclass(frozen=True)
class Setup:
    """What the command line decided: where to look, who fills in, which day it is."""

    workspace: Workspace
    target: Path
    reviewer: str | None
    today: date


def check(setup: Setup, path: Path) -> ReviewResult | None:
    """The file's result from the same checks as `valider` (None: not a review)."""
    results = run_checks(setup.workspace, [path], today=setup.today, use_cache=False).results
    return results[0] if results else None

"""One module per `tilsyn` command; each exposes `register(app)`.

A command module imports only typer at module level; the core is imported
inside the command function, so start-up stays fast. For the same reason a
command module has no `from __future__ import annotations`: typer would
compile and evaluate every parameter's annotation text on every run (a third
of the time it takes to build the commands); a name imported only for type
checking is quoted instead.
"""

from pathlib import Path
from typing import Annotated

import typer

EMPTY_PATH = "stien er tom; skriv mappen eller filen"
"""Why an empty path is refused (`cli.danish` says it as it is)."""


def given_path(text: str | Path) -> Path:
    """A path as typed, for `parser=`: an empty one (a script's unset variable) is a usage
    error, not the current folder, which is what `Path('')` would make of it. A default
    (`Path()` for `init`'s folder) comes through here too, already a path."""
    if isinstance(text, Path):
        return text
    if not text.strip():
        raise typer.BadParameter(EMPTY_PATH)
    return Path(text)


ConceptOption = Annotated[
    Path | None,
    typer.Option(
        "--koncept",
        help="Konceptfilen. Standard: koncept.yaml i denne mappe eller en mappe over den.",
        dir_okay=False,
    ),
]

TodayOption = Annotated[
    str | None,
    typer.Option("--dato", help="Dagens dato (ÅÅÅÅ-MM-DD). Standard: i dag."),
]
"""`--dato` where it stands for today (to check or report as of another day)."""

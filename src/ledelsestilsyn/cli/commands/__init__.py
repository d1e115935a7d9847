"""One module per `tilsyn` command; each exposes `register(app)`.

A command module imports only typer at module level; the core is imported
inside the command function, so start-up stays fast.
"""

from pathlib import Path
from typing import Annotated

import typer

ConceptOption = Annotated[
    Path | None,
    typer.Option(
        "--koncept",
        help="Konceptfilen. Standard: koncept.yaml i denne mappe eller en mappe over den.",
        dir_okay=False,
    ),
]

"""A report or a calendar written to the file the user named (`-o`), keeping what was there."""

from __future__ import annotations

from pathlib import Path

from ledelsestilsyn.core.gate import Gated


def write_named(target: Path, content: str | Gated, *, root: Path, mode: int, what: str) -> None:
    """Write `content` to the file the user named: a file there that tilsyn did not write
    as it stands (a new export, someone's notes) is kept first as `<navn>.bak`, and L013
    says so; the workspace at `root` remembers what was written where (`io.written_named`).
    `what` is the new file's kind, as in "og rapporten står i dens sted"."""
    from ledelsestilsyn.cli.console import print_diagnostics
    from ledelsestilsyn.core.diagnostics import warning
    from ledelsestilsyn.core.gate import gate
    from ledelsestilsyn.io.written_named import write_keeping_others
    from ledelsestilsyn.workspace.layout import CACHE_DIR, WRITTEN_ELSEWHERE

    data = content.data if isinstance(content, Gated) else gate(content).encode("utf-8")
    record = root / CACHE_DIR / WRITTEN_ELSEWHERE
    backup = write_keeping_others(target, data, record, mode=mode)
    if backup is not None:
        note = warning(
            str(target),
            "L013",
            "filen fandtes i forvejen og er ikke den, tilsyn skrev sidst; den er gemt som "
            f"{backup}, og {what} står i dens sted.",
            hint="skal filen blive, som den var, så vælg et andet navn med -o næste gang.",
        )
        print_diagnostics([note], err=True)

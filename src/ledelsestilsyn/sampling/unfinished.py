"""An extension of a sample that stops half-way gives back the review files it wrote."""

from __future__ import annotations

from pathlib import Path

from ledelsestilsyn.core.diagnostics import TilsynError, fail


def undone(exc: TilsynError, written: list[tuple[Path, bytes]], manifest: str) -> TilsynError:
    """An extension that could not write all its files (a full disk, the manifest open in
    another program on Windows) takes back the review files it wrote: none of them is in the
    manifest, and left behind they were reviews of cases outside the sample (G033). A file
    changed since (someone began filling it in) is kept."""
    left = [path.name for path, data in written if not _taken_back(path, data)]
    count = len(written) - len(left)
    if left:
        shown = ", ".join(left[:3]) + (", …" if len(left) > 3 else "")
        done = f"{len(left)} nye filer kunne ikke fjernes igen ({shown}); de står ikke i manifestet"
    elif count == 1:
        done = "1 ny gennemgangsfil er fjernet igen, og stikprøven er, som den var"
    else:
        done = f"{count} nye gennemgangsfiler er fjernet igen, og stikprøven er, som den var"
    note = fail(
        manifest,
        "U026",
        f"udvidelsen er ikke gennemført: {done}.",
        hint="ret årsagen ovenfor, og kør samme udtræk igen.",
    )
    return TilsynError([*exc.diagnostics, *note.diagnostics], exc.kind)


def _taken_back(path: Path, data: bytes) -> bool:
    try:
        if path.read_bytes() == data:
            path.unlink()
            return True
    except OSError:
        pass
    return False

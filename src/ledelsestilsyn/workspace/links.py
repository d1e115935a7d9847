"""`udtræk/`, or a sample folder in it, as a symbolic link: refused by every command.

`udtræk` never wrote through such a link, but the other commands each did something of their
own: `migrer` rewrote the reviews where it pointed, `valider` passed the folder over without
a word, `rapport` showed its series as drawn but not reviewed, and `påmind` read through it.
A review outside the workspace is outside its backups and its access rights, so each of them
now says the same as `udtræk`: replace the link with a folder.
"""

from __future__ import annotations

from pathlib import Path

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity
from ledelsestilsyn.workspace.layout import SAMPLES_DIR


def linked_samples(root: Path) -> list[Diagnostic]:
    """W002 for `udtræk/` if it is a symbolic link, else for each link to a folder in it."""
    samples = root / SAMPLES_DIR
    if samples.is_symlink():
        links = [samples]
    elif samples.is_dir():
        links = sorted(p for p in samples.iterdir() if p.is_symlink() and p.is_dir())
    else:
        links = []
    return [
        Diagnostic(
            link.relative_to(root).as_posix(),
            None,
            None,
            "W002",
            "mappen er et symbolsk link; tilsyn læser og skriver ikke gennem links, så "
            "gennemgangene i den tæller ikke.",
            "erstat linket med en almindelig mappe (flyt den, linket peger på, ind i "
            "arbejdsmappen).",
            Severity.ERROR,
        )
        for link in links
    ]

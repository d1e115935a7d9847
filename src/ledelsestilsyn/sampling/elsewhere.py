"""The round's sample found under another folder name: never draw it a second time.

`udtræk` knows a round by its folder, `udtræk/<periode>-<tilsyn>`. When that folder is not
there but the round's sample is, under a name spelt otherwise or renamed, moved one folder
down or only a copy left, a new draw would give the leaders a second sample of the same
round: the same cases again (the quarantine leaves out the round's own sample, which it
takes for the one being extended), each counted twice once filled in (found by probe Q).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ledelsestilsyn.core.diagnostics import TilsynError, fail
from ledelsestilsyn.sampling.sources import load_manifest
from ledelsestilsyn.workspace.layout import MANIFEST_NAME
from ledelsestilsyn.workspace.open import Workspace

_HEAD = 4096
"""Bytes of a manifest that hold its header: `tilsyn` and `periode` stand in its first lines."""


def not_drawn_elsewhere(workspace: Workspace, folder: Path, name: str, period: str) -> None:
    """U024 when the round's folder is there with its letters spelt otherwise (`å` as `a` and a
    ring, as a Mac copies a name); U028 when a folder of another name under `udtræk/` (or one
    folder down) holds the round's sample."""
    samples = workspace.samples_dir
    if folder.exists() or not samples.is_dir():
        return
    wanted = unicodedata.normalize("NFC", folder.name)
    for other in samples.iterdir():
        if other.name != folder.name and unicodedata.normalize("NFC", other.name) == wanted:
            raise fail(
                workspace.display(other),
                "U024",
                "stikprøven til runden findes allerede, men mappens navn er skrevet med andre "
                "tegn for æ, ø og å (fx kopieret fra en Mac); intet er trukket.",
                hint=f"omdøb mappen til '{folder.name}' (skriv navnet på ny), og kør igen.",
            )
    found = [*samples.glob(f"*/{MANIFEST_NAME}"), *samples.glob(f"*/*/{MANIFEST_NAME}")]
    for path in sorted(found):
        hidden = any(part.startswith(".") for part in path.relative_to(samples).parts)
        if not hidden and _is_round(path, workspace, name, period):  # not a draw's temp folder
            raise fail(
                workspace.display(path.parent),
                "U028",
                f"stikprøven til {name} {period} er trukket og ligger i denne mappe, der har et "
                "andet navn; intet er trukket, for en runde trækkes kun én gang.",
                hint=f"giv mappen navnet '{folder.name}' igen, direkte i mappen udtræk, og kør "
                "igen; er den en kopi, og er stikprøvens egen mappe slettet, så hent den tilbage.",
            )


def _is_round(path: Path, workspace: Workspace, name: str, period: str) -> bool:
    """Whether the manifest at `path` is the round's. Its head names the series and the period
    (as `udtræk` writes it): a manifest whose first lines do not is not read (a 2,000-case
    manifest takes 0.1 s to read, on every first draw of a round)."""
    try:
        with path.open("rb") as stream:
            head = stream.read(_HEAD).decode("utf-8", "replace")
    except OSError:
        return False
    if name not in head or period not in head:
        return False
    try:
        manifest = load_manifest(path, workspace)
    except TilsynError:  # `valider` says what is wrong with it
        return False
    return manifest is not None and (manifest.series, manifest.period) == (name, period)

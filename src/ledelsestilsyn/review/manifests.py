"""The sample manifests behind the reviews checked: each folder's `udtræk.yaml`, read once.

A folder under the paths given that holds a manifest is read even when its reviews are
all gone, so a review the manifest lists whose file is missing is reported (G034); a
manifest that cannot be read is a warning (G031), and the reviews are then checked on
their own.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity, TilsynError
from ledelsestilsyn.io.document import YamlDocument
from ledelsestilsyn.io.yaml import read_document
from ledelsestilsyn.models.located import validate_document
from ledelsestilsyn.models.manifest import Manifest
from ledelsestilsyn.workspace.layout import MANIFEST_NAME


def sample_manifests(
    files: Iterable[Path],
    sample_folders: Iterable[Path],
    display: Callable[[Path], str],
    notes: list[Diagnostic],
) -> dict[Path, Manifest | None]:
    """The manifest of each folder holding `files` or in `sample_folders` (the folders with a
    manifest under the paths checked; None: no readable manifest); problems are added to
    `notes`."""
    folders = {f.parent for f in files} | set(sample_folders)
    elsewhere = _Elsewhere()
    return {folder: _manifest(folder, display, notes, elsewhere) for folder in folders}


class _Elsewhere:
    """The files in `udtræk/` and one folder down, listed once, when a missing review is first
    looked for there: looked for in every folder for each missing review, 500 rounds' folders
    took `valider` 11 s (found by probe V)."""

    def __init__(self) -> None:
        self._listed: dict[Path, dict[str, list[Path]]] = {}

    def named(self, samples: Path, name: str) -> list[Path]:
        """The files called `name` in `samples` and in the folders in it, sorted."""
        if samples not in self._listed:
            found: dict[str, list[Path]] = {}
            tops = sorted(samples.iterdir()) if samples.is_dir() else []
            for top in tops:  # `udtræk/` itself first, then its folders
                found.setdefault(top.name, []).append(top)
            for top in (t for t in tops if t.is_dir() and not t.is_symlink()):
                for inner in sorted(top.iterdir()):
                    found.setdefault(inner.name, []).append(inner)
            self._listed[samples] = found
        return self._listed[samples].get(name, [])


def owners(manifests: dict[Path, Manifest | None]) -> dict[str, Path]:
    """The sample folder whose manifest lists each review file (by name, case-folded)."""
    return {
        name.casefold(): folder
        for folder, manifest in sorted(manifests.items())
        if manifest is not None
        for case in manifest.cases
        for name in case.files
    }


def home(folder: Path, manifest: Manifest | None, samples: Path) -> Path | None:
    """The folder `udtræk/<periode>-<tilsyn>` a sample in `folder` under `samples` belongs in,
    when `folder` is another (a copy, or the folder renamed or moved); else None."""
    if manifest is None or samples not in folder.parents:
        return None
    own = samples / f"{manifest.period}-{manifest.series}"
    same = unicodedata.normalize("NFC", folder.name) == unicodedata.normalize("NFC", own.name)
    return None if same and folder.parent == samples else own


def _manifest(
    folder: Path, display: Callable[[Path], str], notes: list[Diagnostic], elsewhere: _Elsewhere
) -> Manifest | None:
    manifest = folder / MANIFEST_NAME
    if not manifest.is_file():
        return None
    try:
        document = read_document(manifest, display=display(manifest))
        found = validate_document(Manifest, document)
    except TilsynError as exc:
        first = exc.diagnostics[0]
        notes.append(
            replace(
                first,
                code="G031",
                message=f"manifestet kan ikke læses ({first.code}: {first.message}); "
                "fokus tages fra sagsskridtene i hver fil.",
                hint="tjek manifestet med 'tilsyn valider' efter rettelse.",
                severity=Severity.WARNING,
            )
        )
        return None
    notes += _missing_files(folder, found, document, elsewhere)
    return found


def _missing_files(
    folder: Path, manifest: Manifest, document: YamlDocument, elsewhere: _Elsewhere
) -> list[Diagnostic]:
    """G034: a review the manifest lists whose file is gone (deleted or moved), or is a
    folder now (a sync client's or Explorer's accident). The case is still drawn and nothing
    else would show its review is missing."""
    listed = {name.casefold() for case in manifest.cases for name in case.files}
    return [
        document.diagnostic(("sager", i, "filer", j), "G034", message, hint=hint)
        for i, case in enumerate(manifest.cases)
        for j, name in enumerate(case.files)
        if not (folder / name).is_file()
        for message, hint in [_why_missing(folder / name, listed, elsewhere)]
    ]


def _why_missing(path: Path, listed: set[str], elsewhere: _Elsewhere) -> tuple[str, str]:
    """The message and the hint for a listed review that is not a file at `path`."""
    kept = (
        "eller en sikkerhedskopi; en trukket sag tages ikke ud af stikprøven, og udtræk skriver "
        "den ikke igen."
    )
    if path.is_dir():
        message = f"gennemgangen {path.name} står i udtrækket, men er en mappe, ikke en fil."
        return message, f"flyt mappen ud af udtrækket, og hent filen tilbage fra papirkurven {kept}"
    message = (
        f"gennemgangen {path.name} står i udtrækket, men filen findes ikke (slettet eller flyttet)."
    )
    for near in _near(path, listed):
        if near.name.endswith(".txt"):  # saved by Notepad as a text document
            return message, f"filen {near.name} står i mappen: omdøb den til {path.name}."
        # `S-1.yml` for `S-1.yaml`: the entry was edited, or the file renamed
        return message, (
            f"filen {near.name} står i mappen: er navnet i udtræk.yaml rettet ved en fejl, så "
            f"ret det tilbage; ellers omdøb filen til {path.name}."
        )
    moved = _moved(path, elsewhere)
    if moved is not None:
        return message, (
            f"filen står i mappen {moved.parent.name}: flyt den tilbage til mappen "
            f"{path.parent.name}."
        )
    return message, f"hent filen tilbage fra papirkurven {kept}"


def _moved(path: Path, elsewhere: _Elsewhere) -> Path | None:
    """The review dragged into `udtræk/` itself or into another round's folder."""
    for other in elsewhere.named(path.parent.parent, path.name):
        if other.parent != path.parent and other.is_file():
            return other
    return None


def _near(path: Path, listed: set[str]) -> list[Path]:
    """Files beside `path` that are the review under a name a person gave it: another YAML
    ending (`S-1.yml`, `S-1.YAML`), Notepad's `.txt` after it (`S-1.yaml.txt`, shown as
    `S-1.yaml` in Explorer), or a copy's name (`S-1 - Kopi.yaml`, `S-1 (2).yaml`); never a file
    the manifest lists (`S-1.2.yaml`, the case's second review)."""
    stem = path.stem.casefold()
    found = []
    for other in sorted(path.parent.iterdir()):
        name = other.name.casefold()
        if name in listed or not name.startswith(stem) or not other.is_file():
            continue
        rest = name[len(stem) :]
        if rest[:1] in (".", " ", "(") and rest.endswith((".yaml", ".yml", ".txt")):
            found.append(other)
    return found

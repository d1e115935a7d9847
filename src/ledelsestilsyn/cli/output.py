"""Where a command's result goes: a file the user named, standard output (`-`), or a folder.

`-` means standard output wherever a command writes one text (a report, a
calendar); where it writes a folder of files (`skema`, `init`) it is refused.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from ledelsestilsyn.core.diagnostics import Argument, ErrorKind, fail
from ledelsestilsyn.core.words import listing

F = TypeVar("F", bound=StrEnum)
_SUFFIX_ALIASES = {"htm": "html"}
_FOREIGN_ENDINGS = {
    "ics": "en kalenderfil",
    "html": "en webside",
    "md": "Markdown",
    "pdf": "en PDF-fil",
    "csv": "en CSV-fil",
    "xlsx": "en Excel-projektmappe",
    "xls": "en Excel-projektmappe",
    "docx": "et Word-dokument",
    "doc": "et Word-dokument",
    "json": "JSON",
}
"""Endings that tell a program how to open a file: a report named `.ics`, or a calendar
named `.html`, would be opened as something it is not."""

STDOUT = "-"


def is_stdout(path: Path | None) -> bool:
    return path is not None and str(path) == STDOUT


def refuse_stdout(path: Path | None, flag: str) -> None:
    """A command that writes a folder cannot write it to standard output."""
    if is_stdout(path):
        raise fail(
            flag,
            "W004",
            "'-' (standardoutput) kan ikke bruges her: kommandoen skriver flere filer i en mappe.",
            hint="angiv en mappe.",
            kind=ErrorKind.USAGE,
        )


def prepare_output_file(path: Path, example: str, root: Path | None = None) -> Path:
    """A file the user named: not a YAML file (a filled review, its backup from `migrer`,
    tiltag.yaml or the concept would be written over), not the export a sample of
    the workspace at `root` was drawn from, not a folder, and its folder must exist; temp files of
    killed writers go. `example` is a good name for the hint."""
    from ledelsestilsyn.io.atomic import cannot_write, clean_stale_temps, missing_folder
    from ledelsestilsyn.workspace.layout import YAML_SUFFIXES

    if any(suffix.lower() in YAML_SUFFIXES for suffix in path.suffixes):
        raise fail(
            str(path),
            "L008",
            "der skrives ikke over en YAML-fil (det kunne være en udfyldt gennemgang, "
            "tiltag.yaml eller koncept.yaml).",
            hint=f"brug fx -o {example}.",
            kind=ErrorKind.USAGE,
        )
    if path.is_dir():
        raise cannot_write(path, "stien er en mappe, ikke en fil.", "angiv et filnavn i mappen.")
    if path.exists() and not path.is_file():  # a new file in its place would break it
        raise cannot_write(
            path,
            "stien er ikke en almindelig fil (men en enhed, et rør eller en sokkel), og tilsyn "
            "lægger ikke en fil i dens sted.",
            "angiv en almindelig fil, eller -o - for standardoutput.",
        )
    if root is not None:
        _not_a_drawn_export(path, example, root)
    if not path.parent.is_dir():
        raise missing_folder(path.parent)
    clean_stale_temps(path.parent)
    return path


def _not_a_drawn_export(path: Path, example: str, root: Path) -> None:
    """L012: the case system's export a sample was drawn from is its audit trail (the
    manifest holds its size and SHA-256); a report or a calendar is never written over it."""
    from ledelsestilsyn.sampling.sources import drawn_from

    manifest = drawn_from(root, path)
    if manifest is not None:
        sample = manifest.parent.relative_to(root).as_posix()
        raise fail(
            str(path),
            "L012",
            "filen er eksporten, stikprøven i "
            f"{sample} er trukket fra (samme størrelse og SHA-256 "
            "som i manifestet), og der skrives ikke over den.",
            hint=f"brug fx -o {example}.",
            kind=ErrorKind.USAGE,
        )


def chosen_format(given: F | None, output: Path | None, formats: type[F], default: F) -> F:
    """The format asked for, else the one the file's ending names (`-o udvalg.md` is
    Markdown), else `default`. An ending that names another format than the one asked for
    is a usage error: the file would hold something else than its name says."""
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    named = next((f for f in formats if f.value == _SUFFIX_ALIASES.get(suffix, suffix)), None)
    if output is not None and named is None:
        refuse_foreign_ending(output, [f.value for f in formats], (given or default).value)
    if given is None:
        return named or default
    if named is not None and named is not given and output is not None:
        raise fail(
            Argument.FORMAT,
            "L011",
            f"filen {output.name} ender på .{suffix}, men formatet er {given.value}.",
            hint=f"udelad --format, så følger formatet filens endelse, eller kald filen "
            f"{output.stem}.{given.value}.",
            kind=ErrorKind.USAGE,
        )
    return given


def refuse_foreign_ending(output: Path, written: list[str], usual: str) -> None:
    """L011: a file whose ending names a kind of file the command does not write (`rapport
    -o x.ics`, `årshjul -o x.html`), where the program that opens it would fail."""
    suffix = output.suffix.lower().lstrip(".")
    kind = _FOREIGN_ENDINGS.get(suffix)
    if kind is None or is_stdout(output) or _SUFFIX_ALIASES.get(suffix, suffix) in written:
        return
    endings = listing([f".{ending}" for ending in written], "eller")
    word = "; Word kan åbne den" if kind == "et Word-dokument" and usual in ("html", "md") else ""
    raise fail(
        str(output),
        "L011",
        f"filen ender på .{suffix} ({kind}), men kommandoen skriver {endings}.",
        hint=f"kald filen {output.stem}.{usual}{word}.",
        kind=ErrorKind.USAGE,
    )

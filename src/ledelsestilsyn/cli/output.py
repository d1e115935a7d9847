"""Where a command's result goes: a file the user named, standard output (`-`), or a folder.

`-` means standard output wherever a command writes one text (a report, a
calendar); where it writes a folder of files (`skema`, `init`) it is refused.
"""

from __future__ import annotations

from pathlib import Path

from ledelsestilsyn.core.diagnostics import ErrorKind, fail

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


def prepare_output_file(path: Path, example: str) -> Path:
    """A file the user named: not a YAML file (a filled review, its backup from `migrer`,
    tiltag.yaml or the concept would be written over), not a folder, and its folder must
    exist; temp files of killed writers go. `example` is a good name for the hint."""
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
    if not path.parent.is_dir():
        raise missing_folder(path.parent)
    clean_stale_temps(path.parent)
    return path

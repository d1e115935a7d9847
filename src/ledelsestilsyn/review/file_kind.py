"""What a file given as a review is, when its name says it is none: the export given to
`valider` was told to be saved as UTF-8, the Excel export that it was damaged (a probe), and a
leader sent to re-save a file with CPR numbers, or to restore one that was whole."""

from __future__ import annotations

from pathlib import Path

from ledelsestilsyn.core.diagnostics import ErrorKind, TilsynError, fail

_KINDS = {
    ".csv": "en CSV-fil",
    ".xlsx": "et Excel-regneark",
    ".xlsm": "et Excel-regneark",
    ".xls": "et Excel-regneark",
    ".pdf": "en PDF-fil",
    ".html": "en HTML-side",
    ".htm": "en HTML-side",
    ".md": "en Markdown-fil",
    ".ics": "en kalenderfil",
    ".docx": "et Word-dokument",
    ".json": "en JSON-fil",
    ".txt": "en tekstfil",
}
_REVIEW = (".yaml", ".yml")


def not_a_review(path: Path, display: str, code: str) -> TilsynError | None:
    """A wrong call (exit 2) for a file whose ending is not a review's (`.yaml`), else None."""
    suffix = path.suffix.casefold()
    if suffix in _REVIEW:
        return None
    kind = _KINDS.get(suffix, f"en {suffix}-fil" if suffix else "en fil uden endelsen .yaml")
    if path.name.casefold().endswith((".yaml.txt", ".yml.txt")):
        hint = (
            "Notesblok har vist gemt gennemgangen med .txt til sidst; omdøb den, så den ender "
            "på .yaml."
        )
    else:
        hint = (
            "angiv en gennemgangsfil (.yaml) fra udtræk/ eller en mappe med dem; eksporten "
            "læses af 'tilsyn udtræk'."
        )
    return fail(
        display, code, f"filen er ikke en gennemgang ({kind}).", hint=hint, kind=ErrorKind.USAGE
    )

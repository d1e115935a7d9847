"""`tilsyn init`: a new workspace from a preset (forlæg)."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ledelsestilsyn.core.diagnostics import Argument, ErrorKind, fail
from ledelsestilsyn.io.atomic import current_mode, writable_folder, write_atomic
from ledelsestilsyn.models.located import did_you_mean
from ledelsestilsyn.templates.catalog import Catalog
from ledelsestilsyn.workspace.layout import (
    CACHE_DIR,
    CONCEPT_FILE,
    GITIGNORE,
    SAMPLES_DIR,
    SCHEMA_DIR,
    TEMPLATES_DIR,
    TEMPLATES_README,
)
from ledelsestilsyn.workspace.schemas import write_schemas

_GITIGNORE = (
    f"# tilsyn: cache (kan slettes)\n{CACHE_DIR}/\n"
    "# Eksporten fra sagssystemet (CSV, Excel) har en CPR-kolonne: hold den uden for git.\n"
    "/*.csv\n/*.xlsx\n/*.xlsm\n"
)
_TEMPLATES_README = (
    "Læg kommunens egne skabeloner her (*.yaml). De bruges før de indbyggede.\n"
    "En lokal skabelon kan udvide en indbygget uden at kopiere den:\n\n"
    '  id: vores-overordnet\n  titel: "Vores overordnede tilsyn"\n  version: "1"\n'
    "  type: overordnet\n  udvider: overordnet\n  udelad: [screening-5]\n"
    '  sagsskridt:\n    - id: skolefravær\n      titel: "Skolefravær"\n      spørgsmål:\n'
    "        - id: skolefravær-1\n"
    '          tekst: "Er der taget stilling til barnets skolefravær?"\n'
    '          hjemmel: "barnets lov § 2, stk. 2, nr. 3"\n'
)
"""With a question: a step without one is left out of the template (probe BK copied the
example, and its step was gone without a word)."""


def presets() -> list[str]:
    folder = resources.files("ledelsestilsyn") / "forlæg"
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


def preset_name(name: str) -> str:
    """The preset `name` names, in any case (`KK` is `kk`); exit 2 with a suggestion if none."""
    known = presets()
    wanted = name.strip().casefold()
    if wanted in known:
        return wanted
    guess = did_you_mean(wanted, known)
    raise fail(
        Argument.PRESET,
        "I002",
        f"forlægget '{name}' findes ikke.",
        hint=f"mente du '{guess}'?" if guess else f"vælg et af: {', '.join(known)}.",
        kind=ErrorKind.USAGE,
    )


def preset_text(name: str) -> str:
    name = preset_name(name)
    return (resources.files("ledelsestilsyn") / "forlæg" / f"{name}.yaml").read_text("utf-8")


@dataclass
class Made:
    """What `init` wrote, and the files it found already there and left as they were (a
    user may have edited them: init never overwrites one)."""

    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def create_workspace(folder: Path, preset: str) -> Made:
    """Create the workspace; refuse if `folder` already holds one."""
    text = preset_text(preset)
    concept = folder / CONCEPT_FILE
    if concept.is_file():
        raise fail(
            str(concept),
            "I001",
            "mappen er allerede en arbejdsmappe; intet er ændret.",
            hint="brug en ny mappe, eller ret den eksisterende koncept.yaml.",
            kind=ErrorKind.USAGE,
        )
    _check_in_the_way(folder)
    # The folder's own templates (skabeloner/ may be there already) are read before anything
    # is made: one in error stops init with nothing made, not half a workspace.
    catalog = Catalog.load(folder if folder.is_dir() else None)
    writable_folder(folder, mode=0o755, chosen=True)
    for sub in (SAMPLES_DIR, TEMPLATES_DIR):
        writable_folder(folder / sub)
    made = Made(written=[concept])
    write_atomic(concept, text, mode=0o644)
    if _keep_out_of_git(folder / GITIGNORE):
        made.written.append(folder / GITIGNORE)
    readme = folder / TEMPLATES_DIR / TEMPLATES_README
    if not readme.exists() and not readme.is_symlink():
        write_atomic(readme, _TEMPLATES_README, mode=0o644)
        made.written.append(readme)
    elif not readme.is_file() or readme.read_bytes() != _TEMPLATES_README.encode("utf-8"):
        made.kept.append(readme)
    written, kept = write_schemas(folder / SCHEMA_DIR, catalog)
    made.written.extend(written)
    made.kept.extend(kept)
    return made


def _keep_out_of_git(path: Path) -> bool:
    """Write the workspace's .gitignore, or add to the folder's own the lines it lacks (after
    its own, never removing one): without them the export's CPR column goes into git with
    `git add .`. Whether the file was written; one that is no regular file is left alone."""
    if not path.exists() and not path.is_symlink():
        write_atomic(path, _GITIGNORE, mode=0o644)
        return True
    if path.is_symlink() or not path.is_file():
        return False
    old = path.read_bytes().decode("utf-8", errors="replace")
    have = {line.strip().lstrip("/") for line in old.splitlines()}
    missing = [
        line
        for line in _GITIGNORE.splitlines()
        if line.startswith("#") or line.lstrip("/") not in have
    ]
    if all(line.startswith("#") for line in missing):
        return False
    lines = [line for i, line in enumerate(missing) if not _bare_comment(missing, i)]
    text = old + ("" if not old or old.endswith("\n") else "\n") + "\n".join(lines) + "\n"
    write_atomic(path, text, overwrite=True, mode=current_mode(path, 0o644))
    return True


def _bare_comment(lines: list[str], i: int) -> bool:
    """A comment line whose pattern lines are all there already (nothing follows it)."""
    return lines[i].startswith("#") and (i + 1 == len(lines) or lines[i + 1].startswith("#"))


def _check_in_the_way(folder: Path) -> None:
    """Refuse, before anything is made, what stands where the workspace's files and folders
    go: a link (tilsyn never writes through one), or a folder, file or pipe in the wrong
    place. Without this, `init` made `udtræk/` and then stopped at a linked `skabeloner`."""
    for name, want_folder in (
        (CONCEPT_FILE, False),
        (SAMPLES_DIR, True),
        (TEMPLATES_DIR, True),
        (SCHEMA_DIR, True),
    ):
        path = folder / name
        if path.is_symlink():
            what = "et symbolsk link"
        elif not path.exists() or path.is_dir() == want_folder:
            continue
        else:
            what = "en mappe" if path.is_dir() else "en fil" if path.is_file() else "ikke en mappe"
        wanted = "en almindelig mappe" if want_folder else "konceptets fil"
        raise fail(
            str(path),
            "I003",
            f"{path.name} er {what}, men skal være {wanted} i arbejdsmappen; intet er oprettet.",
            hint=f"flyt eller omdøb {path.name}, og kør 'tilsyn init' igen.",
            kind=ErrorKind.USAGE,
        )

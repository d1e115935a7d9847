"""Writing a drawn sample: a new folder appears whole, an existing one only grows.

A new sample is written into a temporary folder that is renamed into place
at the end, so a killed run leaves no half-written sample; temporary folders
of killed runs are removed at the next run. Extending a sample adds only the
new review files and rewrites the manifest, never a review file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ledelsestilsyn.core.diagnostics import ErrorKind, TilsynError, fail
from ledelsestilsyn.core.gate import Gated, gate
from ledelsestilsyn.io.atomic import check_name, fsync_dir, temp_path, writable_folder, write_atomic
from ledelsestilsyn.io.new_folder import write_into_new_folder
from ledelsestilsyn.models.concept import Series
from ledelsestilsyn.models.manifest import Manifest
from ledelsestilsyn.sampling.files import manifest_text, render_files
from ledelsestilsyn.sampling.unfinished import undone
from ledelsestilsyn.workspace.layout import MANIFEST_NAME
from ledelsestilsyn.workspace.open import Workspace


def write_sample(
    workspace: Workspace, folder: Path, series: Series, manifest: Manifest, earlier: Manifest | None
) -> list[Path]:
    """Write a new sample folder whole, or add the new files of an extension of `earlier`."""
    template = workspace.catalog.resolve(series.template)
    rendered = render_files(template, manifest)
    if earlier is not None:
        return _extend(workspace, folder, manifest, earlier, rendered)
    writable_folder(workspace.samples_dir, display=workspace.display(workspace.samples_dir))
    check_name(folder, workspace.display(folder))
    tmp = temp_path(workspace.samples_dir, folder.name)
    tmp.mkdir(mode=0o700)
    try:
        manifest_file = Gated(gate(manifest_text(manifest), keep=manifest.own_numbers()).encode())
        write_into_new_folder(tmp, [*rendered.items(), (MANIFEST_NAME, manifest_file)])
        try:
            tmp.rename(folder)
        except OSError:
            raise _taken(workspace, folder) from None
        fsync_dir(workspace.samples_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return [folder / n for n in [*rendered, MANIFEST_NAME]]


def _taken(workspace: Workspace, folder: Path) -> TilsynError:
    """The folder came into being while this run drew: another run's sample (two first draws
    at once; a probe was told to delete its colleague's new sample), or a folder without
    a manifest."""
    if (folder / MANIFEST_NAME).is_file():
        return fail(
            workspace.display(folder),
            "U009",
            "en anden kørsel har netop trukket denne stikprøve; intet er skrevet.",
            hint="kør udtræk igen om lidt: så udvider den stikprøven, hvis der skal flere sager.",
            kind=ErrorKind.BUSY,
        )
    return fail(
        workspace.display(folder),
        "U009",
        "mappen findes allerede (uden manifest); intet er skrevet.",
        hint="flyt eller slet mappen, og kør udtræk igen.",
    )


def _extend(
    workspace: Workspace,
    folder: Path,
    manifest: Manifest,
    earlier: Manifest,
    files: dict[str, Gated],
) -> list[Path]:
    """Add the new review files, then the manifest; a file already there is never replaced.

    A file with exactly the text this run would write is one a killed extension
    left behind, and is taken back. Any other file at a new case's path is not
    the case's review: the run stops before writing anything, rather than
    claiming it in the manifest.
    """
    writable_folder(workspace.samples_dir, display=workspace.display(workspace.samples_dir))
    writable_folder(folder, display=workspace.display(folder))
    listed = {name for case in earlier.cases for name in case.files}
    new = {name: file for name, file in files.items() if name not in listed}
    for name, file in new.items():
        path = folder / name
        if path.exists() and (path.is_symlink() or path.read_bytes() != file.data):
            raise fail(
                workspace.display(path),
                "W001",
                "filen findes allerede, men er ikke en af stikprøvens gennemgange; "
                "intet er skrevet.",
                hint="flyt filen ud af mappen (den bliver ikke overskrevet), og kør udtræk igen.",
            )
    written: list[tuple[Path, bytes]] = []  # taken back if the extension stops half-way
    try:
        for name, file in new.items():
            if not (folder / name).exists():
                write_atomic(folder / name, file)
                written.append((folder / name, file.data))
        text = manifest_text(manifest)
        write_atomic(folder / MANIFEST_NAME, text, overwrite=True, keep=manifest.own_numbers())
    except TilsynError as exc:
        raise undone(exc, written, workspace.display(folder / MANIFEST_NAME)) from None
    return [*(folder / name for name in new), folder / MANIFEST_NAME]

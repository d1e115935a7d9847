"""Atomic writing: never a torn file, never an overwrite unless asked, stale temps cleaned."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.io.atomic import (
    STALE_AFTER_SECONDS,
    TEMP_PREFIX,
    clean_stale_temps,
    writable_folder,
    write_atomic,
)
from ledelsestilsyn.io.new_folder import fsync_all, write_into_new_folder


def test_atomic_write_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "gennemgang.yaml"
    write_atomic(path, "svar: ja\n")
    assert (path.stat().st_mode & 0o777) == 0o600
    with pytest.raises(TilsynError, match="W001"):
        write_atomic(path, "svar: nej\n")
    assert path.read_text() == "svar: ja\n"
    write_atomic(path, "svar: nej\n", overwrite=True)
    assert path.read_text() == "svar: nej\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_a_replaced_file_keeps_the_group_access_it_was_given_and_nothing_more(
    tmp_path: Path,
) -> None:
    """A workspace shared by a group (`chmod g+rw`) stays shared when a manifest or a report
    is written again; read access for others is never kept."""
    path = tmp_path / "udtræk.yaml"
    write_atomic(path, "a: 1\n")
    path.chmod(0o660)
    write_atomic(path, "a: 2\n", overwrite=True)
    assert (path.stat().st_mode & 0o777) == 0o660
    path.chmod(0o644)
    write_atomic(path, "a: 3\n", overwrite=True)
    assert (path.stat().st_mode & 0o777) == 0o640
    path.chmod(0o604)
    write_atomic(path, "a: 4\n", overwrite=True)
    assert (path.stat().st_mode & 0o777) == 0o600


def test_files_in_a_new_folder_pass_the_gate_and_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "ny"
    folder.mkdir()
    files = [(f"S-{n}.yaml", f"sag: S-{n}\n") for n in range(20)]
    write_into_new_folder(folder, [*files, ("cpr.yaml", "note: 010203-1234\n")])
    assert sorted(p.name for p in folder.iterdir()) == sorted([*(n for n, _ in files), "cpr.yaml"])
    assert all((p.stat().st_mode & 0o777) == 0o600 for p in folder.iterdir())
    assert (folder / "S-7.yaml").read_text() == "sag: S-7\n"
    assert (folder / "cpr.yaml").read_text() == "note: XXXXXX-XXXX\n"


def test_a_new_folder_never_gets_two_files_of_one_name(tmp_path: Path) -> None:
    with pytest.raises(TilsynError, match="W001"):
        write_into_new_folder(tmp_path, [("a.yaml", "første\n"), ("a.yaml", "anden\n")])
    assert (tmp_path / "a.yaml").read_text() == "første\n"


def test_fsync_all_reports_a_failed_file(tmp_path: Path) -> None:
    good = os.open(tmp_path / "a", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        assert fsync_all([good]) is None
        failed = fsync_all([good, 987654])  # not an open file
        assert isinstance(failed, OSError)
    finally:
        os.close(good)


def test_atomic_write_refuses_symlinks(tmp_path: Path) -> None:
    target = tmp_path / "mål.yaml"
    target.write_text("x\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    with pytest.raises(TilsynError, match="W002"):
        write_atomic(link, "y\n", overwrite=True)
    assert target.read_text() == "x\n"


def test_stale_temp_files_are_cleaned(tmp_path: Path) -> None:
    old = time.time() - 2 * STALE_AFTER_SECONDS
    dead = tmp_path / f"{TEMP_PREFIX}999999999-abcd-x.yaml"
    dead.write_text("halv")
    young = tmp_path / f"{TEMP_PREFIX}999999999-abcd-z.yaml"
    young.write_text("skrives måske fra en anden maskine")
    alive = tmp_path / f"{TEMP_PREFIX}{os.getpid()}-abcd-y.yaml"
    alive.write_text("i gang")
    dead_folder = tmp_path / f"{TEMP_PREFIX}999999999-udtræk"
    dead_folder.mkdir()
    (dead_folder / "S-1.yaml").write_text("halv")
    for path in (dead, alive, dead_folder):
        os.utime(path, (old, old))
    assert clean_stale_temps(tmp_path) == 2
    assert alive.exists() and young.exists() and not dead.exists() and not dead_folder.exists()
    assert clean_stale_temps(tmp_path / "findes-ikke") == 0


@pytest.mark.parametrize(
    "name",
    ["0102031234.md", "Emil 010203-1234.yaml", "x-010203\u00a01234", "rapport\u202egpj.md"],
)
def test_no_file_or_folder_gets_a_name_with_a_cpr_number(tmp_path: Path, name: str) -> None:
    """Nor with a direction override ('rapport‮gpj.md' is shown 'rapportdm.jpg')."""
    folder = tmp_path / "ud"
    folder.mkdir()
    with pytest.raises(TilsynError, match="W006"):
        write_atomic(folder / name, "x\n")
    with pytest.raises(TilsynError, match="W006"):
        write_into_new_folder(folder, [("a.yaml", "x\n"), (name, "x\n")])
    with pytest.raises(TilsynError, match="W006"):
        writable_folder(folder / name / "under")
    assert list(folder.iterdir()) == []


def test_a_digest_or_a_temp_name_is_no_cpr_number(tmp_path: Path) -> None:
    """Only the name a file keeps counts: tilsyn's own hex digests (a SHA-256, 64 digits, and
    a template index, 24) pass, as in the gate; a run of another length is no digest."""
    for digest in ("0102031234" + "ab" * 27, "0102031234" + "ab" * 7):
        name = f"rapport-{digest}.md"
        write_atomic(tmp_path / name, "x\n")
        assert (tmp_path / name).exists()
    with pytest.raises(TilsynError):
        write_atomic(tmp_path / ("rapport-0102031234" + "ab" * 12 + ".md"), "x\n")


def test_a_backup_copy_killed_half_way_leaves_no_half_backup(tmp_path: Path) -> None:
    """Where there are no hard links (FAT, some network drives), `migrer`'s backup is a copy;
    killed half-way, it left a `.bak` with half the leader's review under the name a leader
    would restore from. Now the copy is made under a temp name and named when whole."""
    import subprocess
    import sys
    import textwrap

    review = tmp_path / "S-1.yaml"
    review.write_bytes(b"svar: ja\n" * 100_000)
    script = textwrap.dedent(
        f"""
        import os, shutil
        from pathlib import Path
        from ledelsestilsyn.io import portable

        def no_link(*args, **kwargs):
            raise OSError(1, "no hard links here")

        def half(into, out, *args):
            out.write(into.read(1000))
            out.flush()
            os._exit(9)  # killed

        os.link = no_link
        shutil.copyfileobj = half
        tmp = Path({str(tmp_path)!r}) / ".tilsyn-tmp-1-S-1.yaml.bak"
        portable.copy_new(Path({str(review)!r}), Path({str(review)!r} + ".bak"), tmp)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True)
    assert done.returncode == 9, done.stderr
    assert not (tmp_path / "S-1.yaml.bak").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".bak") and p.name[0] != "."]

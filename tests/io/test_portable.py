"""tilsyn on Windows, and on a file system without hard links (`io.portable`).

No Windows machine runs these tests. `uden_posix/sitecustomize.py` takes from a Python what
Windows lacks and tilsyn could use (`fcntl`, `os.O_NONBLOCK`, `os.O_NOFOLLOW`, `os.fork`,
hard links), and the whole cycle runs in it; output in Windows-1252, as Windows gives a
program whose output goes to a file, is a second run.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.io import portable
from ledelsestilsyn.io.atomic import TEMP_PREFIX, keep_backup, write_atomic

WITHOUT_POSIX = Path(__file__).parent / "uden_posix"
DRAW = ("udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-11")
SAMPLE = Path("udtræk") / "2026-11-månedligt-overordnet"


def tilsyn(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ledelsestilsyn", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=300,
        check=False,
    )


def without_posix() -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(WITHOUT_POSIX), os.environ.get("PYTHONPATH")) if p)
    return {"PYTHONPATH": path}


def fill_in(workspace: Path) -> None:
    for path in (workspace / SAMPLE).glob("S-*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = text.replace('gennemført_af: ""', 'gennemført_af: "Jakob Bæk"')
        text = text.replace('dato: ""', 'dato: "2026-11-12"').replace('svar: ""', 'svar: "ja"')
        path.write_text(text, encoding="utf-8")


def test_the_whole_cycle_runs_where_windows_lacks_what_linux_has(
    example_workspace: Path,
) -> None:
    """On Windows every file read stopped with an internal error (`os.O_NONBLOCK` is not
    there), and påmind and tilbagemelding could not even start (`import fcntl`)."""
    env = without_posix()
    probe = tilsyn("--version", env=env)
    assert probe.returncode == 0, probe.stderr
    drawn = tilsyn(*DRAW, env=env)
    assert drawn.returncode == 0, drawn.stderr
    assert "8 nye gennemgangsfiler" in drawn.stdout
    fill_in(example_workspace)
    filled = {p.name: p.read_bytes() for p in (example_workspace / SAMPLE).glob("S-*.yaml")}
    for args in (
        ("valider",),
        ("rapport", "--periode", "2026-11", "--format", "md"),
        ("påmind", "--altid", "--dato", "2026-11-25"),
        ("tilbagemelding", "--periode", "2026-11", "--dato", "2026-11-30"),
        (*DRAW, "--antal", "10"),
    ):
        result = tilsyn(*args, env=env)
        assert result.returncode == 0, (args, result.stdout, result.stderr)
        assert "intern fejl" not in result.stderr
    assert (example_workspace / "rapporter" / "2026-11-leder.md").is_file()
    assert list((example_workspace / "tilbagemeldinger" / "2026-11").glob("*.md"))
    after = {p.name: p.read_bytes() for p in (example_workspace / SAMPLE).glob("S-*.yaml")}
    assert len(after) == 10
    assert all(after[name] == text for name, text in filled.items())
    (example_workspace / "rapporter" / "2026-11-leder.md").chmod(0o660)  # the group's too
    again = tilsyn("rapport", "--periode", "2026-11", "--format", "md", env=env)
    assert again.returncode == 0, again.stderr


def test_a_second_run_is_locked_out_without_fcntl(example_workspace: Path) -> None:
    """The lock that keeps two mail runs from sending twice, taken the Windows way."""
    script = (
        "from pathlib import Path\n"
        "from ledelsestilsyn.core.diagnostics import TilsynError\n"
        "from ledelsestilsyn.schedule.sent_log import run_lock\n"
        "with run_lock(Path('.tilsyn')):\n"
        "    try:\n"
        "        with run_lock(Path('.tilsyn')):\n"
        "            print('to på én gang')\n"
        "    except TilsynError as exc:\n"
        "        print(exc.diagnostics[0].code)\n"
        "with run_lock(Path('.tilsyn')):\n"
        "    print('fri igen')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, **without_posix()},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["R030", "fri", "igen"]


def test_output_to_a_file_in_windows_1252_is_utf8_and_complete(filled_example: Path) -> None:
    """Windows writes a program's output to a file or a pipe in Windows-1252, which has no
    ⚠ or box drawing: `tilsyn rapport -o - > rapport.md` and `tilsyn årshjul` stopped
    halfway with 'intern fejl (UnicodeEncodeError)'. Now such output is UTF-8, as every file
    tilsyn writes is."""
    windows = {"PYTHONIOENCODING": "cp1252"}
    report = tilsyn("rapport", "--periode", "2026-11", "--format", "md", "-o", "-", env=windows)
    assert report.returncode == 0, report.stderr
    written = tilsyn("rapport", "--periode", "2026-11", "--format", "md", "-o", "r.md")
    assert written.returncode == 0, written.stderr
    assert report.stdout == (filled_example / "r.md").read_text(encoding="utf-8")
    calendar = tilsyn("årshjul", "2026", env=windows)
    assert calendar.returncode == 0, calendar.stderr
    assert "┏" in calendar.stdout and "januar" in calendar.stdout


@pytest.fixture
def no_hard_links(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", refuse)


@pytest.mark.usefixtures("no_hard_links")
def test_without_hard_links_a_new_file_is_written_but_never_over_another(tmp_path: Path) -> None:
    path = tmp_path / "gennemgang.yaml"
    write_atomic(path, "svar: ja\n")
    assert path.read_text() == "svar: ja\n"
    assert (path.stat().st_mode & 0o777) == 0o600
    with pytest.raises(TilsynError, match="W001"):
        write_atomic(path, "svar: nej\n")
    assert path.read_text() == "svar: ja\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]


@pytest.mark.usefixtures("no_hard_links")
def test_without_hard_links_a_backup_is_a_copy_and_never_replaces_one(tmp_path: Path) -> None:
    path = tmp_path / "gennemgang.yaml"
    path.write_text("svar: ja\n")
    path.chmod(0o640)
    first = keep_backup(path)
    write_atomic(path, "svar: nej\n", overwrite=True)
    second = keep_backup(path)
    assert (first.name, second.name) == ("gennemgang.yaml.bak", "gennemgang.yaml.2.bak")
    assert first.read_text() == "svar: ja\n"
    assert second.read_text() == "svar: nej\n"
    assert (first.stat().st_mode & 0o777) == 0o640


def test_a_name_taken_between_the_failed_link_and_the_claim_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process writes the file just after this one's link failed: the claim fails,
    and the other file stays."""
    path = tmp_path / "gennemgang.yaml"
    tmp = tmp_path / "tmp"
    tmp.write_text("min\n")

    def link_fails_and_another_writes(*args: object, **kwargs: object) -> None:
        path.write_text("den andens\n")
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", link_fails_and_another_writes)
    with pytest.raises(FileExistsError):
        portable.place_new(tmp, path)
    assert path.read_text() == "den andens\n"


class Killed(BaseException):
    """The run stops here, as if killed: nothing in tilsyn catches it."""


def _killed(*args: object, **kwargs: object) -> None:
    raise Killed


@pytest.mark.skipif(sys.platform not in ("linux", "darwin"), reason="renameat2, renamex_np")
@pytest.mark.usefixtures("no_hard_links")
def test_without_hard_links_a_killed_run_leaves_no_empty_file_under_the_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without hard links the name was claimed with an empty file and the finished file
    renamed over it: a run killed between the two left an empty gennemgang.yaml, and every
    later run refused it (W001). Where the system renames without replacing in one step,
    there is no claim: the name holds the whole file or nothing."""
    path = tmp_path / "gennemgang.yaml"
    monkeypatch.setattr(Path, "replace", _killed)  # killed between a claim and its rename
    write_atomic(path, "svar: ja\n")
    assert path.read_text() == "svar: ja\n"
    monkeypatch.setattr(portable, "_rename_noreplace", _killed)
    with pytest.raises(Killed):
        write_atomic(tmp_path / "andet.yaml", "svar: nej\n")
    assert not (tmp_path / "andet.yaml").exists()


@pytest.fixture
def only_a_claim(no_hard_links: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing renames without replacing (neither the C library nor the file system)."""
    monkeypatch.setattr(portable, "_rename_noreplace", lambda tmp, path: False, raising=False)


@pytest.mark.usefixtures("only_a_claim")
def test_an_empty_claim_a_killed_run_left_is_taken_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the name must be claimed first, a run killed between the claim and the rename
    leaves an empty file: no one wrote in it, so the next run writes the file in its place."""
    path = tmp_path / "gennemgang.yaml"
    with monkeypatch.context() as killed:
        killed.setattr(Path, "replace", _killed)
        with pytest.raises(Killed):
            write_atomic(path, "svar: ja\n")
    assert path.read_bytes() == b""  # the claim: the window there is no closing here
    write_atomic(path, "svar: ja\n")
    assert path.read_text() == "svar: ja\n"
    with pytest.raises(TilsynError, match="W001"):
        write_atomic(path, "svar: nej\n")  # a file with something in it: never
    assert path.read_text() == "svar: ja\n"


@pytest.mark.usefixtures("only_a_claim")
def test_an_empty_claim_is_left_while_its_writer_may_still_rename(tmp_path: Path) -> None:
    """An empty file beside another writer's temp for the same name is that writer's claim
    (between its claim and its rename); it is taken back only when the temp is gone."""
    path = tmp_path / "gennemgang.yaml"
    path.write_bytes(b"")
    other = tmp_path / f"{TEMP_PREFIX}{os.getpid()}-abcd-gennemgang.yaml"
    other.write_text("den andens\n")
    with pytest.raises(TilsynError, match="W001"):
        write_atomic(path, "min\n")
    assert path.read_bytes() == b""
    other.unlink()  # renamed into place, or cleaned up once its writer is gone
    write_atomic(path, "min\n")
    assert path.read_text() == "min\n"

"""`io.written`: which files in a folder tilsyn wrote as they stand, also after a run that was
killed while it wrote (probe AX, H1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledelsestilsyn.io import written
from ledelsestilsyn.io.written import Record, write_keeping_edits


def test_a_file_a_killed_write_left_is_tilsyn_s_either_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed after the record is saved and before the file is written, or after both: the
    file holds the old bytes or the new, and neither is taken for a person's edit."""
    path = tmp_path / "rapport.md"
    write_keeping_edits(path, b"gammel\n", ".rapporter", (".md",))

    real, calls = written.write_atomic, []

    def killed(*args: object, **kwargs: object) -> None:
        if calls:  # the record is saved; the file is not written
            raise SystemExit(137)
        calls.append(args)
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(written, "write_atomic", killed)
    with pytest.raises(SystemExit):
        write_keeping_edits(path, b"ny\n", ".rapporter", (".md",))
    monkeypatch.undo()
    record = Record.read(tmp_path, ".rapporter", (".md",))
    assert not record.edited(path.name)  # the old bytes, still tilsyn's
    path.write_bytes(b"ny\n")  # as if the write had come through
    assert not record.edited(path.name)
    path.write_bytes(b"ny\nPS: en hilsen\n")
    assert record.edited(path.name)  # a person's edit is one still
    assert write_keeping_edits(path, b"tredje\n", ".rapporter", (".md",)) is not None


def test_expect_keeps_a_file_with_no_digest_known_as_tilsyn_s(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"hvad som helst\n")
    record = Record(tmp_path, ".breve", {"a.md": written.UNKNOWN})
    record.expect("a.md", b"nyt\n")
    assert record.files == {"a.md": written.UNKNOWN}
    assert not record.edited("a.md")


def test_a_private_folder_keeps_the_group_s_access_and_drops_others(tmp_path: Path) -> None:
    """Probe AY, M2: `.tilsyn/` went back to 0700 at every cache write, undoing the shared
    server's `chmod 2770`, and the second leader's commands were refused."""
    import stat

    from ledelsestilsyn.io.atomic import private_folder

    shared, open_ = tmp_path / "delt", tmp_path / "åben"
    shared.mkdir()
    shared.chmod(0o2770)
    open_.mkdir()
    open_.chmod(0o2775)
    assert stat.S_IMODE(private_folder(shared).stat().st_mode) == 0o2770
    assert stat.S_IMODE(private_folder(open_).stat().st_mode) == 0o2770
    assert stat.S_IMODE(private_folder(tmp_path / "ny").stat().st_mode) & 0o077 == 0

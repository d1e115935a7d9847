"""`tiltag ny` beside what tiltag.yaml already holds: other templates' tiltag, Windows line ends."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.followup.tiltag import load_tiltag
from ledelsestilsyn.workspace.open import open_workspace

NEW = ("tiltag", "ny", "--skabelon", "overordnet", "--spørgsmål", "underretning-1")

THEMED = """\
tiltag:
  - id: "perspektiv"
    titel: "Barnets perspektiv"
    besluttet: "2026-06-15"
    skabelon: "tematiseret"
    mål:
      spørgsmål: [intentioner-1]
      pejlemærker: [inddragelse]
"""


@pytest.fixture(autouse=True)
def _inside(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workspace)


def test_new_adds_a_tiltag_beside_one_for_another_template(workspace: Path, cli: Cli) -> None:
    """A tiltag for the tematiseret template (a pejlemærke, a question only it has) made
    every 'tiltag ny --skabelon overordnet' fail with O012 and a hint about '[...]': the new
    file was checked as if every tiltag were about overordnet."""
    path = workspace / "tiltag.yaml"
    path.write_text(THEMED, encoding="utf-8")
    result = cli(*NEW, "--dato", "2026-11-25")
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8").startswith(THEMED)
    [old, new] = load_tiltag(open_workspace(workspace))
    assert (old.id, new.id, new.template) == ("perspektiv", "tiltag-2", "overordnet")


def test_new_keeps_windows_line_ends(workspace: Path, cli: Cli) -> None:
    """A tiltag.yaml saved on Windows (CR LF) was written back with LF on every line, so the
    other tiltag were changed after all (every line differs in git and in a diff)."""
    path = workspace / "tiltag.yaml"
    old = THEMED.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(old)
    assert cli(*NEW, "--dato", "2026-11-25").exit_code == 0
    written = path.read_bytes()
    assert written.startswith(old)
    assert b"\n" not in written.replace(b"\r\n", b"")  # the new entry has the file's line ends
    assert [t.id for t in load_tiltag(open_workspace(workspace))] == ["perspektiv", "tiltag-2"]

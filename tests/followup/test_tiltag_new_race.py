"""`tiltag ny` while someone else saves `tiltag.yaml`: their edit is never written over."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import ledelsestilsyn.followup.new as new
from conftest import Cli
from ledelsestilsyn.models.located import validate_document

NEW = ("tiltag", "ny", "--skabelon", "overordnet", "--spørgsmål", "anbringelse-7")

ONE = """\
tiltag:
  - id: "partshøring"
    titel: "Partshøring før anbringelse"
    besluttet: "2026-06-15"
    mål:
      spørgsmål: [anbringelse-7]
    skabelon: "overordnet"
"""

# What the leader saved in an editor while `tiltag ny` ran: a conclusion and a second tiltag.
EDITED = (
    ONE.replace('besluttet: "2026-06-15"', 'besluttet: "2026-06-15"\n    konklusion: "Fortsæt"')
    + """\
  - id: "samtaler"
    titel: "Samtaler med barnet"
    besluttet: "2026-07-01"
    mål:
      spørgsmål: [anbringelse-8]
    skabelon: "overordnet"
"""
)


@pytest.fixture(autouse=True)
def _inside(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workspace)


def _saving(path: Path, real: Callable[..., Any], *, after: bool = False) -> Callable[..., Any]:
    """`real`, and the file at `path` saved with EDITED (an editor, another run) before it
    runs, or `after` it."""

    def call(*args: Any, **kwargs: Any) -> Any:
        if not after:
            path.write_text(EDITED, encoding="utf-8")
        result = real(*args, **kwargs)
        if after:
            path.write_text(EDITED, encoding="utf-8")
        return result

    return call


def _refused(cli: Cli, path: Path) -> None:
    result = cli(*NEW, "--dato", "2026-11-25")
    assert result.exit_code == 1, result.output
    assert "tiltag.yaml: fejl O029: filen blev ændret" in result.stderr, result.stderr
    assert "Tip: kør 'tilsyn tiltag ny' igen" in result.stderr
    assert "O012" not in result.stderr
    assert path.read_text(encoding="utf-8") == EDITED


@pytest.mark.parametrize(
    ("step", "after"),
    [("load_tiltag", True), ("parse_text", False), ("validate_document", False), ("check", True)],
)
def test_an_edit_saved_while_new_runs_is_kept_and_the_run_refused(
    workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, step: str, after: bool
) -> None:
    """'tiltag ny' read tiltag.yaml, added the entry and wrote the file: a conclusion the
    leader saved in an editor in between (or a second 'tiltag ny') was gone without a word.
    Now the file must still hold the bytes that were read, else nothing is written (O029);
    saved just after the tiltag were read, it was O012 with a hint about '[...]'."""
    path = workspace / "tiltag.yaml"
    path.write_text(ONE, encoding="utf-8")
    monkeypatch.setattr(new, step, _saving(path, getattr(new, step), after=after))
    _refused(cli, path)


def test_a_file_made_while_new_runs_is_kept(
    workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No tiltag.yaml when 'tiltag ny' read it, one made before it wrote: kept, not replaced."""
    path = workspace / "tiltag.yaml"
    assert not path.exists()
    monkeypatch.setattr(new, "validate_document", _saving(path, validate_document))
    _refused(cli, path)


def test_an_unchanged_file_is_still_appended_to(workspace: Path, cli: Cli) -> None:
    path = workspace / "tiltag.yaml"
    path.write_text(ONE, encoding="utf-8")
    assert cli(*NEW, "--dato", "2026-11-25").exit_code == 0
    assert path.read_text(encoding="utf-8").startswith(ONE)
    assert path.read_text(encoding="utf-8").count("- id:") == 2

"""Two `tiltag ny` or two `tilbagemelding` at once in one workspace (`followup.one_at_a_time`).

Found by a probe: twelve `tiltag ny` at once said ten times that their tiltag was added, and
seven were in the file; two `tilbagemelding` at once left the record of the written letters
empty, and from then on every letter counted as edited by hand (O028) and was never renewed.
Now a run holds a lock in `.tilsyn/` and another waits for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli, let_go_when_waited, lock_holder
from ledelsestilsyn.followup import one_at_a_time
from ledelsestilsyn.followup.tiltag import load_tiltag
from ledelsestilsyn.workspace.open import open_workspace

HOLDER = """
import sys
from pathlib import Path
from ledelsestilsyn.io.lock import holding

with holding(Path(sys.argv[1]), 0, lambda: None, lambda: RuntimeError()):
    print("låst", flush=True)
    sys.stdin.readline()  # the test says when
"""
"""Another run: holds the lock until the test lets go."""

NEW = ("tiltag", "ny", "--skabelon", "overordnet", "--spørgsmål", "underretning-1")
LETTERS = ("tilbagemelding", "--periode", "2026-11", "--dato", "2026-12-02")


def _lock(workspace: Path, name: str) -> Path:
    (workspace / ".tilsyn").mkdir(exist_ok=True)
    return workspace / ".tilsyn" / name


def test_tiltag_ny_waits_for_another_run_and_then_adds_its_tiltag(
    cli: Cli, filled_example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with lock_holder(HOLDER, _lock(filled_example, "tiltag.lock")) as holder:
        waited = let_go_when_waited(monkeypatch, holder)
        result = cli(*NEW, "--dato", "2026-11-25")
    assert result.exit_code == 0, result.output
    assert waited == ["venter"]
    assert "Venter på en anden kørsel af 'tilsyn tiltag ny'" in str(result.stderr)
    assert [t.id for t in load_tiltag(open_workspace(filled_example))][-1:] == ["tiltag-1"]


@pytest.mark.parametrize(
    ("args", "lock", "code"),
    [(NEW, "tiltag.lock", "O035"), (LETTERS, "tilbagemelding.lock", "O036")],
)
def test_a_run_that_never_gets_the_lock_writes_nothing(
    cli: Cli,
    filled_example: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    lock: str,
    code: str,
) -> None:
    monkeypatch.setattr(one_at_a_time, "PATIENCE_SECONDS", 0.2)
    before = sorted(p for p in filled_example.rglob("*") if ".tilsyn" not in p.parts)
    with lock_holder(HOLDER, _lock(filled_example, lock)):
        result = cli(*args)
    said = " ".join(str(result.stderr).split())
    assert result.exit_code == 75, said
    assert f".tilsyn/{lock}: fejl {code}" in said and "intet er skrevet" in said
    assert sorted(p for p in filled_example.rglob("*") if ".tilsyn" not in p.parts) == before

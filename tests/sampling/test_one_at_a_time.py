"""Two `udtræk` runs at once in one workspace (`sampling.one_at_a_time`).

Two consultants extending the same sample on a shared drive (`--antal 13` and `--antal 10`)
each read the manifest, wrote their review files and wrote the manifest last: the last one
won, both said they had succeeded, and the folder held reviews the manifest did not name.
Now a run holds `udtræk/.udtræk.lock` and the other waits.
"""

from __future__ import annotations

import subprocess
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from conftest import Cli, let_go_when_waited, lock_holder
from ledelsestilsyn.sampling import one_at_a_time

HOLDER = """
import sys
from contextlib import AbstractContextManager
from pathlib import Path
from ledelsestilsyn.io.lock import holding

with holding(Path(sys.argv[1]), 0, lambda: None, lambda: RuntimeError()):
    print("låst", flush=True)
    sys.stdin.readline()  # the test says when
"""
"""Another run of `udtræk`: holds the lock until the test lets go."""

DRAW = ("udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-11")
SAMPLE = Path("udtræk") / "2026-11-månedligt-overordnet"


def _holder(workspace: Path) -> AbstractContextManager[subprocess.Popen[str]]:
    (workspace / "udtræk").mkdir(exist_ok=True)
    return lock_holder(HOLDER, workspace / "udtræk" / ".udtræk.lock")


def test_a_run_waits_for_another_and_then_draws(
    cli: Cli, example_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _holder(example_workspace) as holder:
        waited = let_go_when_waited(monkeypatch, holder)
        result = cli(*DRAW)
    assert result.exit_code == 0, result.output
    assert waited == ["venter"]
    assert "Venter på en anden kørsel af 'tilsyn udtræk' i arbejdsmappen" in str(result.stderr)
    assert (example_workspace / SAMPLE / "udtræk.yaml").is_file()


def test_a_run_that_never_gets_the_lock_writes_nothing(
    cli: Cli, example_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(one_at_a_time, "PATIENCE_SECONDS", 0.2)
    with _holder(example_workspace):
        result = cli(*DRAW)
        said = " ".join(str(result.stderr).split())
        assert result.exit_code == 75, said
        assert "udtræk/.udtræk.lock" in said and "U023" in said
        assert "intet er trukket eller skrevet" in said
        assert not (example_workspace / SAMPLE).exists()
        # A dry run writes nothing, and does not wait.
        dry = cli(*DRAW, "--tør")
        assert dry.exit_code == 0, dry.output
        assert not (example_workspace / SAMPLE).exists()

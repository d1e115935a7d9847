"""Two committee reports made at the same time (`issued.issuing`).

Each run reads `rapporter/.udgivet`, decides its report with it and adds its version. Without
a lock, a run that read the record before another added to it wrote it back without the
other's version: a later date range was then decided without it, and L015 never came.
"""

from __future__ import annotations

import json
import os
import subprocess
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from test_ranges_and_baseline_disclosure import _months

from conftest import Cli, let_go_when_waited, lock_holder
from ledelsestilsyn.report import issued

HOLDER = """
import sys, time
from contextlib import AbstractContextManager
from pathlib import Path
from ledelsestilsyn.report.issued import Version, issuing, record_version

root = Path(sys.argv[1])
with issuing(root, "rapporter", lambda: None):
    print("låst", flush=True)
    sys.stdin.readline()  # the test says when
    record_version(root, Version("afdeling", "2026-10", {"svar|nej": 3}), "rapporter")
"""
"""Another run: holds the lock, and adds its version only when the test says so."""


def _holder(root: Path) -> AbstractContextManager[subprocess.Popen[str]]:
    return lock_holder(HOLDER, root)


def _committee(cli: Cli) -> tuple[int, str]:
    result = cli("rapport", "--dato", "2026-12-05", "--modtager", "udvalg", "--periode", "2026-11")
    return result.exit_code, " ".join(str(result.stderr).split())


def test_a_run_waits_for_another_and_keeps_its_version(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _months(workspace, {"2026-11": 6})
    os.chdir(workspace)
    with _holder(workspace) as holder:
        waited = let_go_when_waited(monkeypatch, holder)
        code, said = _committee(cli)
    assert code == 0, said
    assert waited == ["venter"]
    assert "Venter på en anden kørsel af 'tilsyn rapport' til udvalget eller afdelingen" in said
    record = json.loads((workspace / "rapporter" / ".udgivet").read_text(encoding="utf-8"))
    assert [(r["modtager"], r["periode"]) for r in record["rapporter"]] == [
        ("afdeling", "2026-10"),  # the other run's version is kept
        ("udvalg", "2026-11"),
    ]


def test_a_run_that_is_never_let_in_makes_nothing(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _months(workspace, {"2026-11": 6})
    os.chdir(workspace)
    monkeypatch.setattr(issued, "PATIENCE_SECONDS", 0.3)
    with _holder(workspace):
        code, said = _committee(cli)
    assert code == 75
    assert "rapporter/.udgivet.lock: fejl L016: en anden kørsel af 'tilsyn rapport'" in said
    assert "Tip: prøv igen, når den anden kørsel er færdig." in said
    assert not (workspace / "rapporter" / ".udgivet").exists()
    assert not list((workspace / "rapporter").glob("*udvalg*"))


def test_the_leaders_report_takes_no_lock(cli: Cli, workspace: Path) -> None:
    """The leader's reports are not recorded: one is made while another run holds the lock."""
    _months(workspace, {"2026-11": 6})
    os.chdir(workspace)
    with _holder(workspace):
        result = cli("rapport", "--dato", "2026-12-05", "--periode", "2026-11")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("args", "code"),
    [(("--rådgivere",), "L003"), (("--tilsyn", "månedligt-overordnet"), "L017")],
)
def test_a_wrong_call_is_said_at_once_while_another_run_holds_the_lock(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], code: str
) -> None:
    """A probe: a wrong call waited five minutes for the lock, then exited 75, not 2."""
    _months(workspace, {"2026-11": 6})
    os.chdir(workspace)
    monkeypatch.setattr(issued, "PATIENCE_SECONDS", 30)
    with _holder(workspace):
        result = cli(
            "rapport", "--dato", "2026-12-05", "--modtager", "udvalg", "--periode", "2026-11",
            *args,
        )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert code in result.output
    assert "Venter" not in str(result.stderr)

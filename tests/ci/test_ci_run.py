"""`.ci/run` on machines without Chromium: install it when we may, else one Danish line.

The script runs with a PATH of stubs, so no real package manager or test run
is touched: `make` records that the tests would have started.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT


def _stub(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


@pytest.fixture
def machine(tmp_path: Path) -> Path:
    """A copy of the repo's .ci/run and a bin folder with only what the script needs."""
    (tmp_path / "repo" / ".ci").mkdir(parents=True)
    shutil.copy(ROOT / ".ci" / "run", tmp_path / "repo" / ".ci" / "run")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("dirname", "sh"):
        found = shutil.which(tool)
        assert found is not None
        (bin_dir / tool).symlink_to(found)
    log = tmp_path / "log"
    _stub(bin_dir, "make", f'echo "make $*" >> {log}')
    _stub(bin_dir, "apt-get", f'echo "apt-get $*" >> {log}')
    return tmp_path


def _run(machine: Path) -> subprocess.CompletedProcess[str]:
    bash = shutil.which("bash")
    assert bash is not None
    return subprocess.run(
        [bash, str(machine / "repo" / ".ci" / "run")],
        env={"PATH": str(machine / "bin"), "HOME": str(machine)},
        capture_output=True,
        text=True,
        check=False,
    )


def _log(machine: Path) -> str:
    log = machine / "log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def test_without_root_or_sudo_says_what_is_missing_in_one_danish_line(machine: Path) -> None:
    _stub(machine / "bin", "id", "echo 1000")
    result = _run(machine)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Chromium mangler" in lines[0]
    assert "apt-get install chromium" in lines[0]
    assert "command not found" not in result.stderr
    assert "apt-get" not in _log(machine)  # nothing was tried without rights


def test_as_root_installs_chromium_with_apt_get_and_runs_the_tests(machine: Path) -> None:
    _stub(machine / "bin", "id", "echo 0")
    result = _run(machine)
    assert result.returncode == 0, result.stderr
    log = _log(machine)
    assert "apt-get install -y -qq chromium" in log
    assert "make test" in log and "make lint" in log


def test_with_sudo_installs_through_sudo(machine: Path) -> None:
    _stub(machine / "bin", "id", "echo 1000")
    _stub(machine / "bin", "sudo", f'echo "sudo $*" >> {machine / "log"}; shift; "$@"')
    result = _run(machine)
    assert result.returncode == 0, result.stderr
    assert "sudo -n" in _log(machine)
    assert "make test" in _log(machine)


def test_with_chromium_present_installs_nothing(machine: Path) -> None:
    _stub(machine / "bin", "id", "echo 1000")
    _stub(machine / "bin", "chromium", "exit 0")
    result = _run(machine)
    assert result.returncode == 0, result.stderr
    assert "apt-get" not in _log(machine)
    assert "make test" in _log(machine)


def test_script_is_executable() -> None:
    assert os.access(ROOT / ".ci" / "run", os.X_OK)

"""Shared fixtures: isolation from the home folder and the clock, a loud CLI runner."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

from ledelsestilsyn.cli.app import app

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
EKSEMPLER = ROOT / "eksempler"


def corpus(name: str) -> Path:
    """A public corpus from `../shared/korpus/`; in CI a missing corpus fails the run.

    Looked for in `$TILSYN_KORPUS`, next to the checkout, and in the workplace's
    shared folder (`/work/shared`, where a clone in a temporary folder finds it).
    Outside CI the corpus tests are skipped when none is there (a clone on its
    own), but CI must never pass by collecting nothing.
    """
    places = [ROOT.parent / "shared" / "korpus", Path("/work/shared/korpus")]
    if os.environ.get("TILSYN_KORPUS"):
        places.insert(0, Path(os.environ["TILSYN_KORPUS"]))
    folder = next((p / name for p in places if (p / name).is_dir()), places[0] / name)
    if not folder.is_dir() and os.environ.get("CI"):
        where = ", ".join(str(p) for p in places)
        pytest.fail(f"korpusset {name} findes ikke i {where}", pytrace=False)
    return folder


# The seven case steps of both official templates, written out by hand (the expectation).
OFFICIAL_STEPS: tuple[str, ...] = (
    "underretning",
    "screening",
    "afdækning",
    "børnefaglig-undersøgelse",
    "støttende-indsatser",
    "anbringelse",
    "opfølgning",
)

# CI runs every property test with the same examples (no flaky red builds, and no
# deadline on a loaded machine); locally hypothesis keeps exploring new ones.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests out of the real home folder and the caller's working directory."""
    home = tmp_path / "hjem"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("TILSYN_DEBUG", raising=False)
    monkeypatch.chdir(tmp_path)


class Cli:
    """Runs `tilsyn` in-process; every result carries its output for assertions."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None) -> Result:
        result = self.runner.invoke(app, list(args), input=input, catch_exceptions=False)
        assert "Traceback" not in result.output, result.output
        assert "Traceback" not in (result.stderr or ""), result.stderr
        return result


def concept_line(workspace: Path, needle: str) -> int:
    """The number of the first line of the workspace's koncept.yaml that holds `needle`."""
    lines = (workspace / "koncept.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def edit_concept(workspace: Path, old: str, new: str) -> str:
    """Replace the first `old` in the workspace's koncept.yaml with `new`; the new text."""
    path = workspace / "koncept.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture
def workspace(tmp_path: Path, cli: Cli) -> Iterator[Path]:
    """A fresh workspace made by `tilsyn init` from the sbst preset, as the cwd."""
    folder = tmp_path / "arbejdsmappe"
    result = cli("init", str(folder), "--forlæg", "sbst")
    assert result.exit_code == 0, result.output
    yield folder


@pytest.fixture
def example_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of eksempler/ (the shipped example workspace), as the cwd."""
    folder = tmp_path / "eksempler"
    shutil.copytree(EKSEMPLER, folder)
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def filled_example(cli: Cli, example_workspace: Path) -> Path:
    """The example workspace with one complete sample (månedligt-overordnet, 2026-11, every
    answer ja), so `rapport` has something to say."""
    drawn = ("udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-11")
    result = cli(*drawn)
    assert result.exit_code == 0, result.output
    for path in (example_workspace / "udtræk" / "2026-11-månedligt-overordnet").glob("S-*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = text.replace('gennemført_af: ""', 'gennemført_af: "Jakob Bæk"')
        text = text.replace('dato: ""', 'dato: "2026-11-12"').replace('svar: ""', 'svar: "ja"')
        path.write_text(text, encoding="utf-8")
    return example_workspace


@pytest.fixture
def rapport_ws(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixed report workspace of tests/report/report_data.py, as the cwd."""
    from report_data import build_workspace  # tests/report is on the path for its tests

    build_workspace(workspace)
    monkeypatch.chdir(workspace)
    return workspace


@contextmanager
def lock_holder(script: str, argument: Path) -> Iterator[subprocess.Popen[str]]:
    """Another run, as a process running `script` with `argument`: it prints "låst" when it
    holds its lock, and lets go when a line is written to it (or it is killed)."""
    with subprocess.Popen(
        [sys.executable, "-c", script, str(argument)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "låst\n"
            yield holder
        finally:
            holder.kill()


def let_go_when_waited(monkeypatch: pytest.MonkeyPatch, holder: subprocess.Popen[str]) -> list[str]:
    """Make the lock's wait, once it has said that it waits, let `holder` (`lock_holder`) go,
    as the other run finishing would, and then take the lock. The list grows by one entry
    per wait."""
    from ledelsestilsyn.io import lock

    real = lock.wait_for_lock
    waited: list[str] = []

    def let_go() -> None:
        waited.append("venter")
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=60)

    def waiting_for(fd: int, patience: float, waiting: Callable[[], None]) -> bool:
        def both() -> None:
            waiting()
            let_go()

        return real(fd, patience, both)

    monkeypatch.setattr(lock, "wait_for_lock", waiting_for)
    return waited

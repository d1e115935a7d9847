"""Progress bars on stderr for long steps, only when stderr is a terminal.

Under the test runner stderr is not a terminal, as in a pipe, a file or cron:
then not one byte more may appear. With a terminal (forced) the
steps show their labels.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.cli import console

LABELS = ("Læser eksporten", "Tjekker gennemgange")
ARGS = ("udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-11")


def _run_all(cli: Cli) -> str:
    out = [cli(*ARGS, "--antal", "40").output, cli("valider", "--dato", "2026-11-30").output]
    out.append(cli("rapport", "--periode", "2026-11", "--dato", "2026-11-30", "-o", "-").output)
    out.append(cli("tilbagemelding", "--periode", "2026-11", "--dato", "2026-11-30").output)
    return "".join(out)


def test_no_progress_when_stderr_is_not_a_terminal(cli: Cli, example_workspace: Path) -> None:
    text = _run_all(cli)
    assert not any(label in text for label in LABELS)
    assert "\x1b" not in text and "\r" not in text


def test_progress_on_a_terminal(
    cli: Cli, example_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(console._GatedStream, "isatty", lambda self: True)
    draw = cli(*ARGS, "--antal", "40")
    assert "Læser eksporten" in draw.stderr, draw.stderr
    assert "Læser eksporten" not in draw.stdout
    letters = cli("tilbagemelding", "--periode", "2026-11", "--dato", "2026-11-30")
    assert "Tjekker gennemgange" in letters.stderr, letters.stderr
    check = cli("valider", "--dato", "2026-11-30")
    assert "Tjekker gennemgange" in check.stderr, check.stderr


@pytest.mark.parametrize(
    "env", [{}, {"FORCE_COLOR": "1"}, {"FORCE_COLOR": ""}, {"TTY_COMPATIBLE": "1"}]
)
@pytest.mark.parametrize("tty", [True, False])
def test_rich_is_asked_wherever_it_could_see_a_terminal(
    env: dict[str, str], tty: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`may_be_terminal` lets the progress bars skip rich only where rich would say no."""
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(console._GatedStream, "isatty", lambda self: tty)
    if console.console(err=True).is_terminal:
        assert console.may_be_terminal(err=True)


def test_no_rich_import_to_learn_that_stderr_is_no_terminal(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from ledelsestilsyn.cli.progress import on_terminal\n"
        "with on_terminal():\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    with (tmp_path / "fejl.txt").open("w") as stderr:
        done = subprocess.run(
            [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=stderr, env=env, check=True
        )
    assert done.stdout.decode().strip() == "[]"

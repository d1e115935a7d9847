"""The garbage collector at start-up: off while tilsyn starts, on while a command works."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.cli.collector import begin_work


@pytest.fixture
def collector_off() -> Iterator[None]:
    """As `collector.start` leaves it; the test process gets its collector back afterwards."""
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.enable()


def test_begin_work_freezes_start_up_and_turns_the_collector_on(collector_off: None) -> None:
    begin_work()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0


def test_begin_work_leaves_a_running_collector_alone() -> None:
    frozen = gc.get_freeze_count()
    begin_work()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_a_command_works_with_the_collector_on(
    collector_off: None, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every command passes `errors.handled`, which turns it on, also one that fails."""
    monkeypatch.chdir(tmp_path)
    result = cli("tjek")
    assert result.exit_code == 2  # no koncept.yaml here
    assert gc.isenabled()

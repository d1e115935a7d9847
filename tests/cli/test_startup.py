"""Start-up: the garbage collector is off while tilsyn starts (a command's own imports too)
and on, collecting less often, while a command works; typer finds the commands' annotations
evaluated."""

from __future__ import annotations

import gc
import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.cli import collector
from ledelsestilsyn.cli.app import app
from ledelsestilsyn.cli.collector import begin_work
from ledelsestilsyn.cli.errors import EXIT_INTERRUPTED


@pytest.fixture
def collector_off() -> Iterator[None]:
    """As `collector.start` leaves it; the test process gets its collector back afterwards."""
    threshold = gc.get_threshold()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
        gc.enable()


def test_begin_work_freezes_start_up_and_turns_the_collector_on(collector_off: None) -> None:
    begin_work()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] == collector.YOUNG


def test_a_commands_own_imports_are_start_up_too(
    collector_off: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Made with the collector off, then frozen; the collector is on again after them."""
    monkeypatch.setattr(collector, "_started", True)
    begin_work()
    frozen = gc.get_freeze_count()
    with collector.importing():
        assert not gc.isenabled()
        made = [[n] for n in range(100)]
    assert gc.isenabled() and gc.get_freeze_count() >= frozen + len(made)


def test_imports_in_a_test_leave_the_collector_alone() -> None:
    """The tests call the app, never `entry.main`: nothing is frozen in the test process."""
    frozen = gc.get_freeze_count()
    with collector.importing():
        assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


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


def test_no_command_leaves_typer_an_annotation_to_evaluate() -> None:
    """A string annotation (`from __future__ import annotations`) is compiled and
    evaluated by typer on every run, for every command: see `cli/commands/__init__.py`."""
    assert app.registered_callback is not None
    callbacks = [app.registered_callback.callback, *(c.callback for c in app.registered_commands)]
    callbacks += [g.typer_instance.registered_callback.callback for g in app.registered_groups]
    callbacks += [
        c.callback for g in app.registered_groups for c in g.typer_instance.registered_commands
    ]
    assert len(callbacks) > 10
    for callback in callbacks:
        function = inspect.unwrap(callback)
        texts = {name for name, kind in function.__annotations__.items() if isinstance(kind, str)}
        assert texts == set(), f"{function.__module__}.{function.__name__}: {sorted(texts)}"


def test_no_model_leaves_pydantic_an_annotation_to_evaluate() -> None:
    """Evaluated annotations, as for the commands: see `models/base.py`."""
    import ledelsestilsyn.models.concept
    import ledelsestilsyn.models.manifest
    import ledelsestilsyn.models.review
    import ledelsestilsyn.models.template
    import ledelsestilsyn.models.tiltag  # noqa: F401
    from ledelsestilsyn.models.base import Model

    models: list[type[Model]] = []
    waiting = [Model]
    while waiting:
        found = waiting.pop().__subclasses__()
        models += [m for m in found if m.__module__.startswith("ledelsestilsyn.")]
        waiting += found
    assert len(models) > 20
    for model in models:
        texts = {name for name, kind in model.__annotations__.items() if isinstance(kind, str)}
        assert texts == set(), f"{model.__module__}.{model.__name__}: {sorted(texts)}"


def test_ctrl_c_while_tilsyn_starts_says_afbrudt_and_no_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], collector_off: None
) -> None:
    """Probe AX, L1: Ctrl+C just after the start (`timeout -s INT 0.15 tilsyn valider`) gave
    20–50 lines of traceback: the app's own handler was not running yet."""
    from ledelsestilsyn.cli import app as app_module
    from ledelsestilsyn.cli import entry

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(app_module, "main", interrupted)
    monkeypatch.setattr("sys.argv", ["tilsyn", "valider"])
    with pytest.raises(SystemExit) as stopped:
        entry.main()
    assert stopped.value.code == EXIT_INTERRUPTED == entry.INTERRUPTED
    assert capsys.readouterr().err == "Afbrudt.\n"


def test_a_command_in_a_deleted_folder_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], collector_off: None
) -> None:
    """Probe AY, L4: in a folder deleted meanwhile, every command ended in 'intern fejl i
    tilsyn (FileNotFoundError)' with exit 3."""
    from ledelsestilsyn.cli import entry

    def gone() -> Path:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(entry.Path, "cwd", gone)
    monkeypatch.setattr("sys.argv", ["tilsyn", "påmind", "--koncept", "/tmp/koncept.yaml"])
    with pytest.raises(SystemExit) as stopped:
        entry.main()
    assert stopped.value.code == 2
    said = capsys.readouterr().err
    assert (
        said.startswith("fejl W003: mappen, du står i, findes ikke længere")
        and "intern" not in said
    )

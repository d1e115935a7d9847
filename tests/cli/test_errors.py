"""The one edge to the command line: only `cli/` knows flags and exit codes."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest
import typer

from conftest import ROOT
from ledelsestilsyn.cli import app as cli_app
from ledelsestilsyn.cli.errors import EXIT_CODES
from ledelsestilsyn.cli.flags import FLAGS, shown
from ledelsestilsyn.cli.formats import FORMATS, Recipient, ReportFormat
from ledelsestilsyn.core.diagnostics import Argument, Diagnostic, ErrorKind

SRC = ROOT / "src" / "ledelsestilsyn"
CORE_FILES = sorted(p for p in SRC.rglob("*.py") if "cli" not in p.relative_to(SRC).parts)


def run_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str):  # type: ignore[no-untyped-def]
    """The console script in-process: exit code and stderr."""
    monkeypatch.setattr(sys, "argv", ["tilsyn", *args])
    with pytest.raises(SystemExit) as done:
        cli_app.main()
    return done.value.code, capsys.readouterr().err


@pytest.mark.parametrize("command", sorted(FORMATS))
def test_a_wrong_format_is_a_danish_usage_error_listing_the_choices(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run_main(monkeypatch, capsys, command, "--format", "pdfx")
    allowed = ", ".join(f"'{choice.value}'" for choice in FORMATS[command])
    assert code == 2
    assert f"fejl: ugyldig værdi for '--format': 'pdfx' er ikke en af {allowed}." in err
    assert "Value error" not in err and "Traceback" not in err


def test_a_wrong_recipient_lists_the_recipients(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run_main(monkeypatch, capsys, "rapport", "--modtager", "byråd")
    assert code == 2 and "'byråd' er ikke en af 'leder', 'udvalg', 'afdeling'." in err


def test_a_near_miss_among_the_recipients_is_suggested(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Probe BK: `--modtager Udvalget` was told only its length."""
    code, err = run_main(monkeypatch, capsys, "rapport", "--modtager", "Udvalget")
    said = " ".join(err.split())
    assert code == 2 and "er ikke en af 'leder', 'udvalg', 'afdeling'. Mente du 'udvalg'?" in said
    assert "Udvalget" not in said  # a capital: perhaps a name, so its length only


def test_the_report_choices_are_what_the_core_renders() -> None:
    from ledelsestilsyn.report.render import FORMATS as RENDERED
    from ledelsestilsyn.report.view import AUDIENCES

    assert [f.value for f in ReportFormat] == list(RENDERED)
    assert [r.value for r in Recipient] == list(AUDIENCES)


def test_every_kind_has_an_exit_code_and_every_argument_a_real_flag() -> None:
    assert set(EXIT_CODES) == set(ErrorKind)
    assert (EXIT_CODES[ErrorKind.DATA], EXIT_CODES[ErrorKind.USAGE]) == (1, 2)
    assert set(FLAGS) == set(Argument)
    command = typer.main.get_command(cli_app.app)
    assert isinstance(command, typer.core.TyperGroup)
    commands = list(command.commands.values())
    for sub in list(commands):  # a command group (tiltag) has its own subcommands
        if isinstance(sub, typer.core.TyperGroup):
            commands += sub.commands.values()
    options = {flag for sub in commands for param in sub.params for flag in param.opts}
    assert not set(FLAGS.values()) - options


def test_a_problem_with_a_passed_value_is_shown_at_its_flag() -> None:
    problem = Diagnostic(Argument.COUNT, None, None, "U004", "kvoterne kræver 9 sager.")
    assert shown(problem).format() == "--antal: fejl U004: kvoterne kræver 9 sager."
    located = Diagnostic("koncept.yaml", 3, 1, "K001", "x.")
    assert shown(located) is located


def _strings(tree: ast.AST) -> list[ast.Constant]:
    """String constants that are not docstrings."""
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_the_core_names_no_flag_and_picks_no_exit_code(path) -> None:  # type: ignore[no-untyped-def]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    flags = [
        s.value
        for s in _strings(tree)
        if any(word.startswith("--") and word[2:3].isalpha() for word in s.value.split())
    ]
    assert not flags, f"{path.name} nævner tilvalg: {flags}"
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    names |= {k.arg for k in ast.walk(tree) if isinstance(k, ast.keyword) and k.arg}
    assert not names & {"exit_code", "exit", "Exit"}, f"{path.name} vælger en slutkode"
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in (node.names if isinstance(node, ast.Import) else [])
    } | {
        (node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    }
    assert "typer" not in imported and "click" not in imported


def test_every_command_runs_inside_the_error_boundary() -> None:
    """A command without `handled` would show a traceback or an English error."""
    from ledelsestilsyn.cli.errors import handled

    boundary = handled(lambda: None).__code__

    def callbacks(app: typer.Typer) -> list[tuple[str, object]]:
        found = [(c.name or "?", c.callback) for c in app.registered_commands]
        for group in app.registered_groups:
            sub = group.typer_instance
            assert sub is not None
            if sub.registered_callback is not None:
                found.append((group.name or "?", sub.registered_callback.callback))
            found += callbacks(sub)
        return found

    found = callbacks(cli_app.app)
    assert len(found) > 10
    for name, callback in found:
        assert getattr(callback, "__code__", None) is boundary, f"{name} er ikke @handled"


def test_init_without_a_folder_makes_the_workspace_here(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`tilsyn init` with no folder, as the README says: its default folder went through the
    check for an empty path, which took it for text, and a new user's first command ended in
    an English traceback (found by following the README)."""
    monkeypatch.chdir(tmp_path)
    code, err = run_main(monkeypatch, capsys, "init")
    assert code == 0, err
    assert (tmp_path / "koncept.yaml").is_file()


def test_a_bug_while_the_call_is_read_is_one_line_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from typer._click.core import Command

    def broken(*_: object) -> list[str]:
        raise AttributeError("'PosixPath' object has no attribute 'strip'")

    monkeypatch.setattr(Command, "parse_args", broken)
    monkeypatch.chdir(tmp_path)
    code, err = run_main(monkeypatch, capsys, "udtræk", "eksport.csv")
    assert code == 3
    assert "intern fejl i tilsyn (AttributeError)" in err
    assert "Traceback" not in err and "PosixPath" not in err

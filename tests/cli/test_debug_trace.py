"""`tilsyn --debug`: the traceback of an internal error, through the output gate.

Before, `--debug` re-raised the exception, and Python printed it as it was: an exception's
text may hold a value from a file (a CPR number), and the message asks the user to send the
text to the developers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import Cli
from ledelsestilsyn.cli.app import app
from ledelsestilsyn.workspace import open as workspace_open


def test_the_debug_trace_is_gated(
    cli: Cli, example_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("sagen 010203-1234 kunne ikke læses")

    monkeypatch.setattr(workspace_open, "open_workspace", broken)
    result = CliRunner().invoke(app, ["--debug", "valider"], catch_exceptions=False)
    assert result.exit_code == 3
    said = str(result.stderr)
    assert "Traceback" in said and "RuntimeError: sagen XXXXXX-XXXX kunne ikke læses" in said
    assert "1234" not in said
    assert "se den igennem for navne, før du sender den." in said
    monkeypatch.delenv("TILSYN_DEBUG")  # set by --debug for the rest of the process
    plain = cli("valider")
    assert plain.exit_code == 3 and "Traceback" not in str(plain.stderr)
    assert "intern fejl i tilsyn (RuntimeError)" in str(plain.stderr)

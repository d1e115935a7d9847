"""`påmind`, `årshjul` and `cron` read the concept for their cache's key with a plain read
(probe BC): a `koncept.yaml` that cannot be read was W003 with the absolute path and "get
access to the folder", where every other command says Y001 ("filen kan ikke læses")."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pytest

import ledelsestilsyn.io.files as files
from conftest import Cli

READ, READ_BYTES = files.open_regular, Path.read_bytes


def _refused(path: Path) -> BinaryIO:
    if path.name == "koncept.yaml":
        raise PermissionError(13, "Permission denied", str(path))
    return READ(path)


def _bytes_refused(path: Path) -> bytes:
    if path.name == "koncept.yaml":
        raise PermissionError(13, "Permission denied", str(path))
    return READ_BYTES(path)


@pytest.mark.parametrize(
    "command", [["tjek"], ["påmind", "--altid"], ["årshjul", "2026"], ["cron"]]
)
def test_a_concept_that_cannot_be_read_is_said_alike_by_every_command(
    example_workspace: Path, cli: Cli, command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "open_regular", _refused)  # as the system refuses every read
    monkeypatch.setattr(Path, "read_bytes", _bytes_refused)
    result = cli(*command)
    assert result.exit_code in (1, 2), result.output
    said = " ".join(result.output.split())
    assert "koncept.yaml: fejl Y001: filen kan ikke læses (der er ikke adgang)" in said, said
    assert "W003" not in said

"""A file that is no review given to `valider` or `udfyld` (probe BC): the export was told to
be saved as UTF-8 (Y002), the Excel export that it was damaged (Y014), both exit 1; a leader
was sent to re-save the file with the CPR numbers, or to restore a file that was whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("eksport.csv", "en CSV-fil"),
        ("eksport.xlsx", "et Excel-regneark"),
        ("2026-11-leder.pdf", "en PDF-fil"),
        ("årshjul.ics", "en kalenderfil"),
        ("S-2025-00122.yaml.txt", "en tekstfil"),
    ],
)
@pytest.mark.parametrize("command", ["valider", "udfyld"])
def test_a_file_that_is_no_review_is_a_wrong_call(
    cli: Cli, example_workspace: Path, name: str, kind: str, command: str
) -> None:
    path = example_workspace / name
    if not path.exists():
        path.write_bytes(b"\xd0\xcf\x11\xe0 binary \x00\x00\x00")
    result = cli(command, name)
    assert result.exit_code == 2, result.output
    said = " ".join(result.stderr.split())
    assert f"{name}: fejl" in said and f"filen er ikke en gennemgang ({kind})" in said, said
    assert "UTF-8" not in said and "beskadiget" not in said
    if name.endswith(".txt"):
        assert "omdøb" in said

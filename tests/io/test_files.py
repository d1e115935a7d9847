"""The one mapping from OS errors to Danish messages, for every file the user names."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledelsestilsyn.core.diagnostics import ErrorKind, TilsynError
from ledelsestilsyn.io.files import open_error, read_limited


def raised(path: Path, limit: int = 1024 * 1024) -> TilsynError:
    with pytest.raises(TilsynError) as info:
        read_limited(path, "x.yaml", limit=limit, hint="tip")
    return info.value


def test_missing_file_and_folder_are_wrong_calls(tmp_path: Path) -> None:
    missing = raised(tmp_path / "ingen.yaml")
    assert missing.kind is ErrorKind.USAGE
    assert missing.diagnostics[0].format() == "x.yaml: fejl Y001: filen findes ikke."
    folder = raised(tmp_path)
    assert folder.kind is ErrorKind.USAGE
    assert "er en mappe, ikke en fil." in folder.diagnostics[0].format()


def test_other_os_errors_are_data_errors_with_the_reason() -> None:
    error = open_error(
        PermissionError(13, "Permission denied"), "eksport.csv", "E001", noun="eksportfilen"
    )
    assert error.kind is ErrorKind.DATA
    assert "eksportfilen kan ikke læses (der er ikke adgang)" in error.diagnostics[0].format()


def test_too_large_file_is_refused_with_the_hint(tmp_path: Path) -> None:
    path = tmp_path / "stor.yaml"
    path.write_bytes(b"x" * (3 * 1024 * 1024))
    error = raised(path, limit=1024 * 1024)
    text = error.diagnostics[0].format()
    assert "Y010: filen er for stor (3 MB); grænsen er 1 MB." in text and "tip" in text
    assert read_limited(path, "x", limit=4 * 1024 * 1024, hint="") == b"x" * (3 * 1024 * 1024)

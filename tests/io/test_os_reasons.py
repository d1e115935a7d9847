"""What the operating system says goes to the user in Danish, never as its own English text.

`OSError.strerror` is English ("Too many levels of symbolic links", "Permission denied"):
an export that is a link to itself gave "eksportfilen kan ikke læses (Too many levels of
symbolic links)". One table (`io.os_reasons`) says it in Danish.
"""

from __future__ import annotations

import errno
import re
import shutil
from pathlib import Path

import pytest

from conftest import EKSEMPLER, ROOT, Cli
from ledelsestilsyn.io.os_reasons import reason


def test_an_export_that_links_to_itself_is_said_in_danish(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(EKSEMPLER / "koncept.yaml", tmp_path / "koncept.yaml")
    (tmp_path / "eksport.csv").symlink_to("eksport.csv")
    monkeypatch.chdir(tmp_path)
    result = cli(
        "udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-11"
    )
    assert result.exit_code == 1, result.output
    assert "E001" in result.stderr and "symbolske links" in result.stderr, result.stderr
    assert "Too many" not in result.output + result.stderr


@pytest.mark.parametrize(
    "code", [errno.EACCES, errno.EPERM, errno.ELOOP, errno.EIO, errno.EBUSY, errno.ENOSPC]
)
def test_common_os_errors_have_a_danish_reason(code: int) -> None:
    text = reason(OSError(code, "English text"))
    assert "English" not in text and not re.search(r"[A-Z]{3,}", text), text


def test_an_unknown_os_error_names_its_code_not_its_english_text() -> None:
    assert reason(OSError(errno.EXDEV, "Invalid cross-device link")) == (
        "styresystemet svarer EXDEV"
    )


def test_no_message_quotes_the_english_strerror() -> None:
    """The structural rule: `.strerror` is read nowhere but in the table."""
    src = ROOT / "src" / "ledelsestilsyn"
    users = [
        p.relative_to(src).as_posix()
        for p in src.rglob("*.py")
        if ".strerror" in p.read_text(encoding="utf-8")
    ]
    assert users == [], users


def test_a_file_open_in_excel_on_windows_is_named_as_such() -> None:
    """Windows refuses to replace a report Excel has open with EACCES, which read 'der er
    ikke adgang' and sent the leader looking for a permissions problem."""
    held = PermissionError(errno.EACCES, "The process cannot access the file")
    held.winerror = 32  # type: ignore[attr-defined]
    assert reason(held) == "filen er åben i et andet program, fx Excel; luk den dér"
    assert reason(PermissionError(errno.EACCES, "Permission denied")) == "der er ikke adgang"

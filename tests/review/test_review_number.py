"""`gennemgang_nr` typed by hand: a digit that is not a decimal digit is a data error, not a crash.

`"²"` and `"①"` are digits to Python's `str.isdigit`, but not numbers `int` reads: `valider`,
`påmind`, `rapport` and `tilbagemelding` all stopped with "intern fejl (ValueError)", exit 3,
and one typo stopped the daily reminder (a probe of the calibration pairs).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_corrections import FOLDER, write

from conftest import Cli
from ledelsestilsyn.workspace.open import open_workspace


@pytest.mark.parametrize("number", ["²", "①", "٣"])
def test_a_review_number_that_is_no_plain_number_is_an_error_in_the_file(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch, number: str
) -> None:
    monkeypatch.chdir(workspace)
    (workspace / FOLDER).mkdir(parents=True)
    path = write(open_workspace(workspace), "ja", "")
    text = path.read_text(encoding="utf-8")
    path.write_text(f'gennemgang_nr: "{number}"\n{text}', encoding="utf-8")
    for args in (("valider", str(path)), ("påmind", "--altid", "--dato", "2026-11-25")):
        result = cli(*args)
        said = result.output + str(result.stderr or "")
        assert result.exit_code in (0, 1), said
        assert "intern fejl" not in said and "Traceback" not in said
    said = cli("valider", str(path))
    if number != "٣":  # an Arabic-Indic three is a decimal digit: gennemgang 3
        assert said.exit_code == 1 and "gennemgang_nr" in said.output + str(said.stderr)

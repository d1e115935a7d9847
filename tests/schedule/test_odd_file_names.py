"""A file whose name is not UTF-8 (found by probe Q: a copy named `M\\xe6tte` by an old Samba
share or a zip made on Windows) ended the daily `påmind` in an internal error (exit 3), so no
round was reminded of, and the other commands printed the byte as it was. Now `påmind` reads
past it, and every command shows the byte as `�`."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import Cli

FOLDER = "udtræk/2026-11-månedligt-overordnet"


def test_a_file_name_that_is_not_utf8_stops_no_command(filled_example: Path, cli: Cli) -> None:
    first = os.fsencode(sorted((filled_example / FOLDER).glob("S-*.yaml"))[0])
    shutil.copy(first, first[:-5] + b" kopi fra M\xe6tte.yaml")

    reminded = cli("påmind", "--altid", "--dato", "2026-11-25")
    assert reminded.exit_code == 0, reminded.output
    assert "8 af 8 gennemgange færdige" in reminded.output, reminded.output

    for args in (("valider",), ("tilbagemelding", "--periode", "2026-11", "--dato", "2026-11-30")):
        result = cli(*args)
        said = result.output + (result.stderr or "")
        assert "kopi fra M\ufffdtte.yaml" in said, (args, said)
        assert not any("\ud800" <= c <= "\udfff" for c in said), args
        assert "intern fejl" not in said


def test_a_local_template_whose_name_is_not_utf8_stops_no_command(
    filled_example: Path, cli: Cli
) -> None:
    """Probe BH: the same copy in `skabeloner/` ended `påmind` in an internal error, because the
    cron cache's stamp of the folder encoded the name as UTF-8."""
    shipped = Path(__file__).parents[2] / "skabeloner" / "handicap-2025.1.yaml"
    (filled_example / "skabeloner").mkdir(exist_ok=True)
    shutil.copy(shipped, os.fsencode(filled_example / "skabeloner") + b"/M\xe6tte.yaml")

    for args in (("påmind", "--altid", "--dato", "2026-11-25"), ("påmind", "--dato", "2026-11-25")):
        result = cli(*args)
        said = result.output + (result.stderr or "")
        assert result.exit_code == 0, (args, said)
        assert "intern fejl" not in said, args

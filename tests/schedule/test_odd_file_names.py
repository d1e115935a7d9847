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

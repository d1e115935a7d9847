"""An old export (U008) with one bad row (probe BC): the second reading, of every row for the
export's newest decision, counted the bad row against no relevant rows and refused the draw
(E011 `1 af 1 relevante rækker er ugyldige`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli

SERIES = "månedligt-overordnet"


@pytest.mark.parametrize(
    "row",
    [
        b"S-2026-99999;;Jens Hansen;Team Nord;\xa7 32;x;01-10-2026\r\n",  # too few fields
        b"S-2026-99999;x;Jens Hansen;Team Nord;\xa7 32;x;01-10-2026;a;b;c;d\r\n",  # too many
    ],
)
def test_an_old_export_with_one_bad_row_is_drawn_and_the_row_said(
    cli: Cli, example_workspace: Path, row: bytes
) -> None:
    export = example_workspace / "eksport.csv"
    export.write_bytes(export.read_bytes() + row)
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2027-02")
    assert result.exit_code == 0, result.output
    assert "E011" not in result.output and "E005" in result.output and "U008" in result.output
    assert (example_workspace / "udtræk" / f"2027-02-{SERIES}" / "udtræk.yaml").is_file()

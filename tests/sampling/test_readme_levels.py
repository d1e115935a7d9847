"""The README's level examples (forlægget kk) run as shown, on this module's kk workspace.

One quarter is built once: niveau 1 and Døgnvagten drawn each month and filled in (niveau 1
with some reviews left unfinished or wrong), then niveau 2 as the README shows it, niveau 3
from both niveau-2 series, and niveau 4 with nothing in niveau 3 finished yet.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_levels import MONTHS, QUARTER, TODAY, complete, folder, setup_kk
from typer.testing import Result

from conftest import Cli
from readme_examples import argv, assert_in_order, assert_shown, block_after

LEVEL_2 = "udtræk --tilsyn niveau-2 --periode 2026-K4"
LEVEL_4 = "udtræk --tilsyn niveau-4 --periode 2026-K4"


def _run(cli: Cli, command: str) -> Result:
    """The README's command on a day after the quarter (the README leaves out `--dato`)."""
    return cli(*argv(command), "--dato", TODAY)


@pytest.fixture(scope="module")
def quarter(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What the README's commands print, and niveau 3's manifest, keyed by command."""
    cli, out = Cli(), {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COLUMNS", "200")  # the README shows the quota table unwrapped
        setup_kk(cli, tmp_path_factory.mktemp("kk"), patch)
        for month in MONTHS:
            complete("niveau-1", month, f"{month}-20")
            complete("døgnvagten", month, f"{month}-20", unfinished=False)
        for command in (LEVEL_2, "udtræk --tilsyn døgnvagten-niveau-2 --periode 2026-K4"):
            result = _run(cli, command)
            assert result.exit_code == 0, result.output
            out[command] = result.output
        complete("niveau-2", QUARTER, "2026-12-28")
        complete("døgnvagten-niveau-2", QUARTER, "2026-12-28", unfinished=False)
        assert _run(cli, "udtræk --tilsyn niveau-3 --periode 2026-K4").exit_code == 0
        manifest = folder("niveau-3", QUARTER) / "udtræk.yaml"
        out["niveau-3"] = manifest.read_text(encoding="utf-8")
        result = _run(cli, LEVEL_4)
        assert result.exit_code == 1, result.output
        out[LEVEL_4] = result.output
        assert not Path(folder("niveau-4", QUARTER)).exists()
    return out


def test_level_2_draws_as_shown(quarter: dict[str, str]) -> None:
    assert_shown(quarter[LEVEL_2], LEVEL_2)


def test_level_3_manifest_shows_each_source(quarter: dict[str, str]) -> None:
    excerpt = block_after("manifestet viser hver kilde for sig:")
    assert_in_order(quarter["niveau-3"], excerpt)


def test_level_4_without_finished_sources_writes_nothing(quarter: dict[str, str]) -> None:
    assert_shown(quarter[LEVEL_4], LEVEL_4)

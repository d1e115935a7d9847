"""eksempler/udfyld_eksempel.py fills drawn reviews so that `valider` shows each kind of mistake."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, Cli
from ledelsestilsyn.sampling.fillin import render_review
from ledelsestilsyn.templates.catalog import Catalog

SCRIPT = ROOT / "eksempler" / "udfyld_eksempel.py"


def _draw(folder: Path, count: int) -> None:
    template = Catalog.load(None).resolve("overordnet")
    folder.mkdir(parents=True)
    for number in range(count):
        text = render_review(
            template,
            series="månedligt-overordnet",
            period="2026-11",
            case_id=f"S-{number}",
            caseworker="Rådgiver",
            team="Team",
            focus=["underretning", "screening", "afdækning"],
        )
        (folder / f"S-{number}.yaml").write_text(text, encoding="utf-8")


def _fill(workspace: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(workspace), "--senest", "2026-11-30"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_filled_example_shows_every_deliberate_mistake(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _draw(workspace / "udtræk" / "2026-11-månedligt-overordnet", 8)
    _fill(workspace)
    monkeypatch.chdir(workspace)
    result = cli("valider", "--dato", "2026-11-30", "--format", "json")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    counts = payload["opsummering"]
    assert (counts["ugyldig"], counts["ikke påbegyndt"]) == (1, 1)
    assert counts["delvist udfyldt"] == 2 and counts["færdig"] == 4
    codes = {p["kode"] for r in payload["gennemgange"] for p in r["problemer"]}
    assert {"G016", "G017", "G021", "G023", "G030"} <= codes


def test_filling_is_deterministic_and_never_touches_started_files(
    workspace: Path, tmp_path: Path
) -> None:
    _draw(workspace / "udtræk" / "a", 3)
    other = tmp_path / "kopi"
    _draw(other / "udtræk" / "a", 3)
    _fill(workspace)
    _fill(other)
    files = sorted((workspace / "udtræk" / "a").iterdir())
    assert [f.read_bytes() for f in files] == [
        (other / "udtræk" / "a" / f.name).read_bytes() for f in files
    ]
    before = [f.read_bytes() for f in files]
    _fill(workspace)
    assert [f.read_bytes() for f in files] == before

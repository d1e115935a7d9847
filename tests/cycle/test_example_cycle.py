"""The whole cycle on the shipped example workspace, as `make demo` runs it.

udtræk → (leaders fill in, some deliberately wrong) → valider → rapport, with
golden files for the example's Markdown and HTML reports. Regenerate on purpose
with `TILSYN_OPDATER_GOLDEN=1`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EKSEMPLER, TESTS, Cli
from ledelsestilsyn.io.yaml import read_document
from ledelsestilsyn.models.located import validate_document
from ledelsestilsyn.models.manifest import Manifest

GOLDEN = TESTS / "golden"
DAY = "2026-11-30"


@pytest.fixture(scope="module")
def cycle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example workspace after udtræk and fill-in (built once for this module)."""
    folder = tmp_path_factory.mktemp("eksempel")
    for name in ("koncept.yaml", "eksport.csv"):
        shutil.copy(EKSEMPLER / name, folder / name)
    tilsyn = str(Path(sys.executable).parent / "tilsyn")
    for series in ("månedligt-overordnet", "tematiseret"):
        subprocess.run(
            [tilsyn, "udtræk", "eksport.csv", "--tilsyn", series, "--periode", "2026-11"],
            cwd=folder,
            check=True,
            capture_output=True,
        )
    subprocess.run(
        [sys.executable, str(EKSEMPLER / "udfyld_eksempel.py"), ".", "--senest", DAY],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    return folder


def _golden(name: str, text: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("TILSYN_OPDATER_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"{name} har ændret sig"


def test_valider_shows_the_planted_mistakes(
    cli: Cli, cycle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(cycle)
    result = cli("valider", "--dato", DAY)
    assert result.exit_code == 1
    assert "'jaa'" in result.output and "Mente du 'ja'?" in result.output
    assert "CPR" in result.output


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("eksempel-leder.md", ("--format", "md")),
        ("eksempel-udvalg.md", ("--format", "md", "--modtager", "udvalg")),
        ("eksempel-leder.html", ("--format", "html")),
        ("eksempel-afdeling.md", ("--format", "md", "--modtager", "afdeling")),
        ("eksempel-afdeling.html", ("--format", "html", "--modtager", "afdeling")),
    ],
)
def test_example_reports_match_golden_files(
    cli: Cli, cycle: Path, monkeypatch: pytest.MonkeyPatch, name: str, args: tuple[str, ...]
) -> None:
    monkeypatch.chdir(cycle)
    result = cli("rapport", "--periode", "2026-11", "--dato", DAY, *args, "-o", "-")
    assert result.exit_code == 0, result.output
    _golden(name, result.stdout)


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
def test_committee_report_names_no_case_and_no_caseworker(
    cli: Cli, cycle: Path, monkeypatch: pytest.MonkeyPatch, audience: str
) -> None:
    monkeypatch.chdir(cycle)
    text = cli(
        "rapport",
        "--periode",
        "2026-11",
        "--dato",
        DAY,
        "--modtager",
        audience,
        "--format",
        "md",
        "-o",
        "-",
    ).stdout
    for manifest_path in cycle.glob("udtræk/*/udtræk.yaml"):
        manifest = validate_document(Manifest, read_document(manifest_path))
        for case in manifest.cases:
            assert case.id not in text
            assert case.caseworker and case.caseworker not in text


def test_a_team_with_no_reviewed_case_yet_stands_in_the_leaders_team_table(
    cli: Cli, cycle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Team Nord's 3 drawn cases are not reviewed: the leader sees 'Team Nord | 3 | 0',
    where before the team was missing; the committee's team table is as it was."""
    folder = tmp_path / "eksempel"
    shutil.copytree(cycle, folder)
    for manifest_path in folder.glob("udtræk/*/udtræk.yaml"):
        manifest = validate_document(Manifest, read_document(manifest_path))
        for case in manifest.cases:
            if case.team == "Team Nord":
                for name in case.files:
                    (manifest_path.parent / name).unlink()
    monkeypatch.chdir(folder)
    leader = cli("rapport", "--dato", DAY, "--format", "md", "-o", "-")
    assert leader.exit_code == 0, leader.output
    assert "| team | trukne sager | gennemgåede sager |" in leader.stdout
    assert "| Team Nord | 3 | 0 |" in leader.stdout
    assert "| **i alt** | 12 | 6 |" in leader.stdout
    committee = cli("rapport", "--dato", DAY, "--format", "md", "-o", "-", "--modtager", "udvalg")
    assert committee.exit_code == 0, committee.output
    assert "trukne sager | gennemgåede sager |\n|---|---:|---:|\n| Team" not in committee.stdout
    assert "Team Nord" not in committee.stdout

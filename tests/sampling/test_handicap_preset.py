"""The handicap preset end to end: `init --forlæg handicap`, a handicap export from
`eksempler/generer_eksport.py --handicap`, and `udtræk` writing handicap review files."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EKSEMPLER, Cli
from ledelsestilsyn.export.read import normalise_paragraph, parse_date

KAP_8 = {str(n) for n in range(80, 91)}
PERIOD = "2026-09"
WINDOW = (date(2025, 9, 1), date(2026, 8, 31))


def _handicap_export(path: Path) -> list[dict[str, str]]:
    subprocess.run(
        [sys.executable, str(EKSEMPLER / "generer_eksport.py"), "--handicap", "--ud", str(path)],
        check=True,
        capture_output=True,
    )
    with path.open(encoding="cp1252", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def _paragraphs_in_window(rows: list[dict[str, str]]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for row in rows:
        decided = parse_date(row["Afgørelsesdato"])
        if decided is not None and WINDOW[0] <= decided <= WINDOW[1]:
            paragraph = normalise_paragraph(row["Paragraf"]) or ""
            found.setdefault(row["Sagsnr."], set()).add(paragraph)
    return found


@pytest.fixture
def handicap(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, str]]:
    """A workspace from `init --forlæg handicap` (the cwd) with its export; the export's rows."""
    work = tmp_path / "handicap"
    assert cli("init", str(work), "--forlæg", "handicap").exit_code == 0
    monkeypatch.chdir(work)
    return _handicap_export(work / "eksport.csv")


def _drawn(cli: Cli, series: str) -> tuple[Path, dict[str, Any]]:
    """`udtræk` of `series` for PERIOD: its folder and manifest."""
    result = cli("udtræk", "eksport.csv", "--tilsyn", series, "--periode", PERIOD)
    assert result.exit_code == 0, result.output
    folder = Path("udtræk") / f"{PERIOD}-{series}"
    return folder, yaml.safe_load((folder / "udtræk.yaml").read_text(encoding="utf-8"))


def test_the_generator_writes_the_same_handicap_export_every_time(tmp_path: Path) -> None:
    first = _handicap_export(tmp_path / "a.csv")
    assert first == _handicap_export(tmp_path / "b.csv")
    paragraphs = {normalise_paragraph(r["Paragraf"]) for r in first}
    assert {"81", "85", "86", "87", "89", "90"} <= paragraphs
    kap_8 = sum(normalise_paragraph(r["Paragraf"]) in KAP_8 for r in first)
    assert kap_8 / len(first) > 0.6


def test_the_handicap_preset_draws_kap_8_cases_into_handicap_reviews(
    cli: Cli, handicap: list[dict[str, str]]
) -> None:
    tjek = cli("tjek")
    assert tjek.exit_code == 0, tjek.output
    folder, manifest = _drawn(cli, "overordnet")
    assert manifest["skabelon"] == "handicap@2025.1"
    drawn = [c["id"] for c in manifest["sager"]]
    assert len(drawn) == 30
    in_window = _paragraphs_in_window(handicap)
    assert all(in_window[case] & KAP_8 for case in drawn)
    reviews = [p for p in folder.iterdir() if p.name != "udtræk.yaml"]
    assert len(reviews) == 30
    text = reviews[0].read_text(encoding="utf-8")
    assert "handicap@2025.1" in text and "vurdering-3" in text and "afgørelse-4" in text
    valid = cli("valider", str(folder))
    assert valid.exit_code == 0, valid.output


def test_the_uddybende_series_draws_support_cases_for_the_themed_template(
    cli: Cli, handicap: list[dict[str, str]]
) -> None:
    _, manifest = _drawn(cli, "uddybende")
    assert manifest["skabelon"].startswith("tematiseret@")
    in_window = _paragraphs_in_window(handicap)
    assert len(manifest["sager"]) == 20
    assert all(in_window[c["id"]] & {"32", "46", "85"} for c in manifest["sager"])

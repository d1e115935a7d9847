"""The bad-input corpus of issue 4, run through the real CLI: right code, line, column, state."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import TESTS, Cli

KORPUS = TESTS / "eksempler" / "gennemgange"
TODAY = "2026-11-25"

# file -> (state, code of the first problem shown or None, line, column)
EXPECTED: dict[str, tuple[str, str | None, int | None, int | None]] = {
    "gyldige/komplet.yaml": ("færdig", None, None, None),
    "gyldige/bom.yaml": ("færdig", None, None, None),
    "gyldige/crlf.yaml": ("færdig", None, None, None),
    "gyldige/nej_med_kommentar.yaml": ("færdig", None, None, None),
    "gyldige/svar_Ja.yaml": ("færdig", "G017", 29, 13),
    "gyldige/tematiseret_synonym.yaml": ("færdig", "G017", 28, 13),
    "gyldige/delvis.yaml": ("delvist udfyldt", "G021", 29, 13),
    "gyldige/ikke_paabegyndt.yaml": ("ikke påbegyndt", None, None, None),
    "ugyldige/tab_indrykning.yaml": ("ugyldig", "Y005", 30, 1),
    "ugyldige/dobbelt_noegle.yaml": ("ugyldig", "Y009", 37, 5),
    "ugyldige/uafsluttet_citat.yaml": ("ugyldig", "Y003", 30, 18),
    "ugyldige/windows_1252.yaml": ("ugyldig", "Y002", 30, 20),
    "ugyldige/tom.yaml": ("ugyldig", "Y011", 1, 1),
    "ugyldige/kun_kommentarer.yaml": ("ugyldig", "Y011", 1, 1),
    "ugyldige/svar_no.yaml": ("ugyldig", "G016", 29, 13),
    "ugyldige/svar_jaa.yaml": ("ugyldig", "G016", 29, 13),
    "ugyldige/svar_kyrillisk.yaml": ("ugyldig", "G016", 29, 13),
    "ugyldige/svar_1.yaml": ("ugyldig", "G016", 29, 13),
    "ugyldige/liste_i_stedet_for_mapping.yaml": ("ugyldig", "G008", 29, 7),
    "ugyldige/ukendt_spoergsmaal.yaml": ("ugyldig", "G013", 48, 5),
    "ugyldige/ukendt_version.yaml": ("ugyldig", "G002", 7, 11),
    "ugyldige/aliasbombe.yaml": ("ugyldig", "Y004", 3, 4),
    "ugyldige/manglende_sagsskridt/S-1001.yaml": ("ugyldig", "G012", 17, 1),
}


@pytest.fixture
def korpus(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = workspace / "udtræk" / "korpus"
    shutil.copytree(KORPUS, target)
    monkeypatch.chdir(workspace)
    return target


def _run_json(cli: Cli, *args: str) -> tuple[int, dict[str, Any]]:
    result = cli("valider", "--format", "json", "--dato", TODAY, *args)
    return result.exit_code, json.loads(result.stdout)


def test_every_corpus_file_has_a_case() -> None:
    files = {str(p.relative_to(KORPUS)) for p in KORPUS.rglob("*.yaml") if p.name != "udtræk.yaml"}
    assert files == set(EXPECTED)


def test_corpus_states_codes_and_positions(cli: Cli, korpus: Path) -> None:
    code, payload = _run_json(cli)
    assert code == 1
    by_file = {r["fil"].removeprefix("udtræk/korpus/"): r for r in payload["gennemgange"]}
    assert set(by_file) == set(EXPECTED)
    for name, (state, first_code, line, column) in EXPECTED.items():
        review = by_file[name]
        assert review["tilstand"] == state, (name, review)
        problems = review["problemer"]
        if first_code is None:
            assert problems == [], (name, problems)
            continue
        first = next(p for p in problems if p["kode"] == first_code)
        assert (first["linje"], first["kolonne"]) == (line, column), (name, first)
        assert first["besked"] and "Traceback" not in first["besked"]


def test_text_output_is_compiler_style_and_danish(cli: Cli, korpus: Path) -> None:
    result = cli("valider", "--dato", TODAY)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert (
        "udtræk/korpus/ugyldige/svar_jaa.yaml:29:13: fejl G016: 'jaa' er ikke et gyldigt svar på "
        "underretning-1 (gyldige: ja, nej, ikke relevant). Mente du 'ja'?"
    ) in lines
    assert any("svar_no.yaml:29:13: fejl G016: 'no'" in x and "'nej'" in x for x in lines)
    cyrillic = next(x for x in lines if "svar_kyrillisk.yaml:29:13: fejl G016:" in x)
    assert "Mente du 'ja'?" in cyrillic and "et andet alfabet (fx kyrillisk)" in cyrillic
    assert any("svar_Ja.yaml:29:13: advarsel G017: 'Ja' læses som 'ja'." in x for x in lines)
    assert "Gennemgange" in result.stdout and "ugyldig" in result.stdout


def test_valid_files_alone_pass(cli: Cli, korpus: Path) -> None:
    code, payload = _run_json(cli, "udtræk/korpus/gyldige")
    assert code == 0
    assert payload["opsummering"]["ugyldig"] == 0


def test_faerdige_fails_on_partial_and_not_started(cli: Cli, korpus: Path) -> None:
    gyldige = "udtræk/korpus/gyldige"
    assert _run_json(cli, "--færdige", f"{gyldige}/komplet.yaml")[0] == 0
    code, payload = _run_json(cli, "--færdige", f"{gyldige}/delvis.yaml")
    assert code == 1
    assert {p["alvor"] for p in payload["gennemgange"][0]["problemer"]} == {"fejl"}
    code, payload = _run_json(cli, "--faerdige", f"{gyldige}/ikke_paabegyndt.yaml")
    assert code == 1
    assert [p["kode"] for p in payload["gennemgange"][0]["problemer"]] == ["G020"]


def test_a_manifest_given_explicitly_is_skipped_not_broken(cli: Cli, korpus: Path) -> None:
    manifest = "udtræk/korpus/ugyldige/manglende_sagsskridt/udtræk.yaml"
    code, payload = _run_json(cli, manifest)
    assert code == 0
    assert payload["gennemgange"] == []
    assert payload["sprunget_over"] == [{"fil": manifest, "grund": "udtræksmanifest"}]


def test_a_50_mb_file_is_refused_without_reading_it(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    big = workspace / "udtræk" / "stor.yaml"
    big.parent.mkdir(parents=True, exist_ok=True)
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = cli("valider", "--dato", TODAY, str(big))
    assert result.exit_code == 1
    assert "fejl Y010: filen er for stor (50 MB)" in result.stdout


def test_missing_path_is_a_bad_call(cli: Cli, korpus: Path) -> None:
    result = cli("valider", "findes-ikke.yaml")
    assert result.exit_code == 2
    assert "findes-ikke.yaml: fejl G040: stien findes ikke." in result.stderr
    assert "Tip: tjek stavemåden" in result.stderr  # a probe: no hint was given


def test_bad_format_and_date_are_bad_calls(cli: Cli, korpus: Path) -> None:
    assert cli("valider", "--format", "xml").exit_code == 2
    assert cli("valider", "--dato", "25-11-2026").exit_code == 2


def test_corpus_files_are_never_modified(cli: Cli, korpus: Path) -> None:
    before = {p: p.read_bytes() for p in korpus.rglob("*") if p.is_file()}
    cli("valider", "--dato", TODAY)
    cli("valider", "--dato", TODAY, "--færdige")
    assert {p: p.read_bytes() for p in korpus.rglob("*") if p.is_file()} == before

"""End to end: a CPR number typed into a review or the concept reaches no output.

A review is untrusted text, and so is the concept. The number is put in the
review's header (`tilsyn`, `sag.id`, `gennemført_af`) and a comment, and in the
concept's municipality and a series title, in three ways of writing it; then
every reading command runs in every format. Nothing printed and no file
written may hold it: the output gate (`core.gate`) masks what the commands
themselves do not (the concept's texts are printed as they are).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EKSEMPLER, Cli
from ledelsestilsyn.core.cpr import find_cpr

DAY = "2026-11-30"
WRITTEN = ("010203-1234", "0102031234", "010203 1234")


def _digits_of_cpr(text: str) -> set[str]:
    return {re.sub(r"\D", "", text[start:end]) for start, end in find_cpr(text)}


@pytest.fixture
def filled(tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example workspace, sampled and filled in, with CPR numbers in one review."""
    folder = tmp_path / "eksempel"
    folder.mkdir()
    for name in ("koncept.yaml", "eksport.csv"):
        shutil.copy(EKSEMPLER / name, folder / name)
    concept = folder / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    text = text.replace('kommune: "Eksempelby Kommune"', f'kommune: "Eksempelby {WRITTEN[2]}"')
    text = text.replace('titel: "Tematiseret ledelsestilsyn"', f'titel: "Tema {WRITTEN[0]}"')
    concept.write_text(text, encoding="utf-8")
    monkeypatch.chdir(folder)
    args = ("eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-11")
    assert cli("udtræk", *args).exit_code == 0
    subprocess.run(
        [sys.executable, str(EKSEMPLER / "udfyld_eksempel.py"), ".", "--senest", DAY],
        check=True,
        capture_output=True,
    )
    review = sorted(folder.glob("udtræk/*/S-*.yaml"))[0]
    text = review.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^tilsyn: .*$", f'tilsyn: "Emil {WRITTEN[0]}"', text, count=1)
    text = re.sub(r"(?m)^  id: .*$", f'  id: "{WRITTEN[1]}"', text, count=1)
    text = re.sub(r"(?m)^gennemført_af: .*$", f'gennemført_af: "Emil {WRITTEN[2]}"', text, count=1)
    text = re.sub(
        r'(?m)^(\s+kommentar: )"[^"]+"', rf'\1"Se {WRITTEN[0]} og {WRITTEN[1]}"', text, count=1
    )
    review.write_text(text, encoding="utf-8")
    assert sum(w in text for w in WRITTEN) == 3
    return folder


def test_no_command_prints_or_writes_the_number(cli: Cli, filled: Path) -> None:
    review = sorted(filled.glob("udtræk/*/S-*.yaml"))[0]
    before = {p: p.stat().st_mtime_ns for p in filled.rglob("*") if p.is_file()}
    calls = [
        ("valider", "--dato", DAY),
        ("valider", "--dato", DAY, "--format", "json"),
        ("påmind", "--dato", "2026-12-20", "--altid"),
        ("årshjul", "2026", "--dato", DAY),
        ("årshjul", "2026", "--dato", DAY, "--format", "ics"),
    ]
    for audience in ("leder", "udvalg"):
        for fmt in ("md", "html", "csv"):
            report = ("rapport", "--periode", "2026-11", "--dato", DAY)
            calls.append((*report, "--modtager", audience, "--format", fmt))
            calls.append((*report, "--modtager", audience, "--format", fmt, "-o", "-"))
    outputs = []
    for call in calls:
        result = cli(*call)
        assert result.exit_code in (0, 1), (call, result.output)
        outputs.append((" ".join(call), result.stdout + (result.stderr or "")))
    written = [
        p
        for p in filled.rglob("*")
        if p.is_file() and p != review and before.get(p) != p.stat().st_mtime_ns
    ]
    assert any(p.suffix == ".csv" for p in written) and any(".tilsyn" in p.parts for p in written)
    outputs += [(str(p), p.read_text(encoding="utf-8", errors="replace")) for p in written]
    for where, text in outputs:
        assert "0102031234" not in _digits_of_cpr(text), where


def test_a_number_over_a_line_break_is_masked_in_the_caches_json(
    cli: Cli, example_workspace: Path
) -> None:
    """JSON writes a line break as '\\n': a tiltag title 'Emil 030405⏎1234' stood in
    .tilsyn/påmind.json as 'Emil 030405\\n1234', a number the gate did not see."""
    (example_workspace / "tiltag.yaml").write_text(
        'tiltag:\n  - id: "t1"\n    titel: "Emil 030405\\n1234 og 040506\\t1234"\n'
        '    besluttet: "2026-10-01"\n    frist: "2026-12-01"\n    status: "i gang"\n'
        '    skabelon: "overordnet"\n    mål:\n      spørgsmål: [anbringelse-7]\n',
        encoding="utf-8",
    )
    result = cli("påmind", "--altid", "--dato", "2026-11-28")
    assert result.exit_code == 0, result.output
    cache = (example_workspace / ".tilsyn" / "påmind.json").read_text(encoding="utf-8")
    assert "[navn] XXXXXX\\nXXXX og XXXXXX\\tXXXX" in cache  # and the child's name gone
    assert "030405" not in cache and "040506" not in cache


def test_a_number_over_a_line_break_in_a_template_is_masked_in_the_schemas(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`skema` writes the questions' texts into the editor's JSON schemas, where a line break
    is '\\n': 'Emil 010203-⏎1234' in a local template stood there unmasked (and 0644)."""
    monkeypatch.chdir(workspace)
    (workspace / "skabeloner" / "lokal.yaml").write_text(
        'id: lokal\ntitel: "Lokal"\nversion: "1"\ntype: overordnet\n'
        "skala:\n  - svar: ja\n  - svar: nej\n"
        "sagsskridt:\n  - id: a\n    titel: A\n    spørgsmål:\n"
        '      - {id: a-1, tekst: "Har Emil 010203-\\n1234 en plan?", hjemmel: "§ 1"}\n',
        encoding="utf-8",
    )
    result = cli("skema")
    assert result.exit_code == 0, result.output
    schema = (workspace / "skema" / "gennemgang-lokal-1.json").read_text(encoding="utf-8")
    assert "Emil XXXXXX-\\nXXXX" in schema and "010203" not in schema

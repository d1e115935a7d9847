"""An answer of the template's other scale is the tool's own word, and G016 quotes it (probe
BK: `ja` on a question taken from the thematic template, whose scale is `lav grad` … `høj
grad`, was told as '(en tekst på 2 tegn)'; the README says the tool's words are repeated)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.sampling.fillin import render_review
from ledelsestilsyn.workspace.open import open_workspace

LOCAL = (
    'id: lokal\ntitel: "Lokal"\nversion: "1"\ntype: overordnet\nudvider: overordnet\n'
    "hent:\n  - skabelon: tematiseret\n    spørgsmål: [intentioner-1]\n"
)


def test_an_answer_of_the_other_scale_is_quoted(
    workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    (workspace / "skabeloner" / "lokal.yaml").write_text(LOCAL, encoding="utf-8")
    template = open_workspace(workspace).catalog.resolve("lokal@1")
    text = render_review(
        template,
        series="månedligt-overordnet",
        period="2026-11",
        case_id="S-1",
        caseworker="Anna Holm",
        team="Team A",
        focus=["intentioner"],
    )
    at = text.index("intentioner-1:")
    answer = text.index('svar: ""', at)
    text = text[:answer] + 'svar: "ja"' + text[answer + len('svar: ""') :]
    path = workspace / "udtræk" / "2026-11-månedligt-overordnet" / "S-1.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    said = " ".join(cli("valider", str(path)).output.split())
    assert "fejl G016: 'ja' er ikke et gyldigt svar på intentioner-1" in said, said

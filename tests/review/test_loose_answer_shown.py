"""G017 shows an answer that is only spelled otherwise ('Lav grad') as it is written.

Such a text is one of the scale's answers, not free text, so there is nothing to hide;
before, a loose answer with a space in it was only counted ("(en tekst på 8 tegn) læses som
'lav grad'"), and the user could not see what was wrong with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.sampling.fillin import render_review
from ledelsestilsyn.templates.catalog import Catalog


def _review(workspace: Path, answer: str) -> None:
    text = render_review(
        Catalog.load(None).resolve("tematiseret"),
        series="tematiseret",
        period="2026-11",
        case_id="S-1",
        caseworker="Rådgiver",
        team="Team",
        focus=["anbringelse"],
    )
    text = text.replace('gennemført_af: ""', 'gennemført_af: "Leder"')
    text = text.replace('dato: ""', 'dato: "2026-11-20"')
    text = text.replace('svar: ""', f'svar: "{answer}"', 1).replace('svar: ""', 'svar: "høj grad"')
    (workspace / "S-1.yaml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        ("Lav grad", "'Lav grad' læses som 'lav grad'"),
        ("NOGEN  GRAD", "'NOGEN GRAD' læses som 'nogen grad'"),
        ("Ikke relevant", "'Ikke relevant' læses som 'ikke relevant'"),
        ("høj  grad", "svaret med ekstra mellemrum læses som 'høj grad'"),
        ("høj", "'høj' læses som 'høj grad'"),
    ],
)
def test_an_answer_spelled_otherwise_is_shown_as_written(
    workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, answer: str, said: str
) -> None:
    _review(workspace, answer)
    monkeypatch.chdir(workspace)
    result = cli("valider", "S-1.yaml", "--dato", "2026-11-30")
    assert result.exit_code == 0, result.output
    [line] = [x for x in result.stdout.splitlines() if "G017" in x]
    assert f"advarsel G017: {said}. Tip: skriv '" in line
    assert "en tekst på" not in line


def test_a_wrong_answer_with_a_space_is_still_not_quoted(
    workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    _review(workspace, "Jens Hansen")
    monkeypatch.chdir(workspace)
    result = cli("valider", "S-1.yaml", "--dato", "2026-11-30")
    assert result.exit_code == 1
    assert "Jens Hansen" not in result.output
    assert "(en tekst på 11 tegn) er ikke et gyldigt svar" in result.output

"""G017 shows an answer that is only spelled otherwise ('Ikke relevant') as it is written.

Such a text is one of the scale's answers, not free text, so there is nothing to hide;
before, a loose answer with a space in it was only counted ("(en tekst på 13 tegn) læses
som 'ikke relevant'", and in the tematiseret template 'Lav grad' the same), so the user
could not see what was wrong with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_quotes import fill_in

from conftest import Cli


@pytest.fixture(autouse=True)
def _inside(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workspace)


def _validate(workspace: Path, cli: Cli, answer: str) -> list[str]:
    text = fill_in().replace('svar: ""', f'svar: "{answer}"', 1)
    (workspace / "S-1.yaml").write_text(text, encoding="utf-8")
    result = cli("valider", "S-1.yaml", "--dato", "2026-11-30")
    assert result.exit_code == (1 if "G016" in result.stdout else 0), result.output
    return result.stdout.splitlines()


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        ("Ikke relevant", "'Ikke relevant' læses som 'ikke relevant'"),
        ("IKKE  RELEVANT", "'IKKE RELEVANT' læses som 'ikke relevant'"),
        ("Ja", "'Ja' læses som 'ja'"),
        ("ikke  relevant", "svaret med ekstra mellemrum læses som 'ikke relevant'"),
    ],
)
def test_an_answer_spelled_otherwise_is_shown_as_written(
    workspace: Path, cli: Cli, answer: str, said: str
) -> None:
    [line] = [x for x in _validate(workspace, cli, answer) if "G017" in x]
    assert f"advarsel G017: {said}. Tip: skriv '" in line
    assert "en tekst på" not in line


def test_a_wrong_answer_with_a_space_is_still_not_quoted(workspace: Path, cli: Cli) -> None:
    lines = _validate(workspace, cli, "Jens Hansen")
    assert not [x for x in lines if "Jens Hansen" in x]
    assert [x for x in lines if "(en tekst på 11 tegn) er ikke et gyldigt svar" in x]

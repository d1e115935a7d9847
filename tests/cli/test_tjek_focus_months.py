"""`tjek`: an årshjul month in which the series starts no round is never used.

A municipality that takes the sbst preset and changes the themed series to
`kadence: kvartalsvis` (rounds in January, April, July and October) but keeps the
preset's årshjul (February, May, August, November) got no word: every round then
silently used `fokus` (empty: every step of the template), not the chosen themes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli, concept_line, edit_concept


def test_an_annual_plan_month_without_a_round_is_said(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    assert "A013" not in cli("tjek").output  # the preset's months are its rounds' months
    edit_concept(workspace, "kadence: {hver: 3, start: 2}", "kadence: kvartalsvis")
    line = concept_line(workspace, "2: [underretning, screening, intentioner]")
    result = cli("tjek")
    assert result.exit_code == 0, result.output
    warnings = [x for x in result.output.splitlines() if "A013" in x]
    assert len(warnings) == 4, result.output
    assert warnings[0] == (
        f"koncept.yaml:{line}:10: advarsel A013: årshjulets måned 2 (februar) bruges aldrig: "
        "'tematiseret' begynder kun runder i januar, april, juli og oktober (kadence), og en "
        "runde tager fokus fra sin første måned; runderne uden en måned i årshjulet får "
        "'fokus' (tom: alle sagsskridt). Tip: skriv fokus ved måned 1, 4, 7 eller 10, eller "
        "ret kadencen."
    )
    wheel = cli("årshjul", "2027", "--dato", "2027-01-05").output
    assert "fokus: alle sagsskridt" in wheel  # what the warning is about

"""A missing answer (G021) says which answers the question takes, as a wrong one (G016) does."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.sampling.fillin import render_review
from ledelsestilsyn.templates.catalog import Catalog


def _review(workspace: Path, template: str, blank: str) -> None:
    """A review with every answer given but `blank`'s (the first answer given is the first
    value of its scale, so the file is otherwise complete)."""
    text = render_review(
        Catalog.load(None).resolve(template),
        series="månedligt-overordnet",
        period="2026-11",
        case_id="S-1",
        caseworker="Rådgiver",
        team="Team",
        focus=["underretning"],
    )
    first = "høj grad" if template == "tematiseret" else "ja"
    text = text.replace('gennemført_af: ""', 'gennemført_af: "Leder"')
    text = text.replace('dato: ""', 'dato: "2026-11-20"')
    head, rest = text.split(f"    {blank}:\n", 1)
    head = head.replace('svar: ""', f'svar: "{first}"')
    rest = rest.replace('svar: ""', f'svar: "{first}"').replace(f'svar: "{first}"', 'svar: ""', 1)
    (workspace / "S-1.yaml").write_text(f"{head}    {blank}:\n{rest}", encoding="utf-8")


@pytest.mark.parametrize(
    ("template", "values"),
    [
        ("overordnet", "ja, nej eller ikke relevant"),
        ("tematiseret", "lav grad, nogen grad, høj grad eller ikke relevant"),
    ],
)
def test_a_missing_answer_names_the_answers_to_choose_from(
    workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, template: str, values: str
) -> None:
    _review(workspace, template, "underretning-2")
    monkeypatch.chdir(workspace)
    result = cli("valider", "S-1.yaml", "--dato", "2026-11-30")
    assert result.exit_code == 0, result.output
    [line] = [x for x in result.stdout.splitlines() if "G021" in x]
    assert line.startswith("S-1.yaml:")
    assert line.endswith(f"advarsel G021: 'underretning-2' er ikke besvaret. Tip: svar {values}.")

"""G055: a review carried out by the case's own caseworker is a warning.

The handicap preset's working group has caseworkers in it, and says a caseworker does
not review their own cases; `valider` never said so when one did.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli

FOLDER = Path("udtræk") / "2026-11-månedligt-overordnet"


def _first_review(cli: Cli) -> tuple[Path, str]:
    args = ("udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-11")
    assert cli(*args).exit_code == 0
    review = sorted(p for p in FOLDER.glob("*.yaml") if p.name != "udtræk.yaml")[0]
    line = next(x for x in review.read_text(encoding="utf-8").splitlines() if "rådgiver:" in x)
    return review, line.split(":", 1)[1].strip().strip("'\"")


@pytest.mark.parametrize("written", ["{name}", "Teamleder {name}", "{upper}", "{surname}, {first}"])
def test_the_cases_own_caseworker_as_reviewer_is_a_warning(
    cli: Cli, example_workspace: Path, written: str
) -> None:
    review, caseworker = _first_review(cli)
    first, surname = caseworker.rsplit(" ", 1)
    name = written.format(name=caseworker, upper=caseworker.upper(), first=first, surname=surname)
    text = review.read_text(encoding="utf-8").replace(
        'gennemført_af: ""', f'gennemført_af: "{name}"'
    )
    review.write_text(text, encoding="utf-8")
    result = cli("valider", str(review))
    assert result.exit_code == 0, result.output
    assert (
        f"{review}:24:16: advarsel G055: 'gennemført_af' er sagens egen rådgiver; "
        "ledelsestilsynet er en leders blik på en andens sag."
    ) in result.output, result.output


def test_another_person_with_a_longer_name_is_no_warning(cli: Cli, example_workspace: Path) -> None:
    review, caseworker = _first_review(cli)
    text = review.read_text(encoding="utf-8").replace(
        'gennemført_af: ""', f'gennemført_af: "{caseworker}sen"'
    )
    review.write_text(text, encoding="utf-8")
    result = cli("valider", str(review))
    assert "G055" not in result.output, result.output

"""`tjek` warns about settings that work, but hardly as meant (a probe found both accepted
without a word): a baseline that has not begun, and more calibrated cases than a round draws."""

from __future__ import annotations

from pathlib import Path

from conftest import Cli, edit_concept


def test_a_baseline_that_has_not_begun_is_warned_about(cli: Cli, example_workspace: Path) -> None:
    edit_concept(
        example_workspace, "  mindste_antal: 5\n", '  mindste_antal: 5\n  baseline: "2999-01"\n'
    )
    result = cli("tjek")
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "koncept.yaml:127:13: advarsel A015: baseline 2999-01 er ikke begyndt endnu" in text
    assert "Tip: skriv den periode, tilsynet begyndte med" in text
    edit_concept(example_workspace, '"2999-01"', '"2026-01"')
    assert "A015" not in cli("tjek").output


def test_more_calibrated_cases_than_a_round_draws_is_warned_about(
    cli: Cli, example_workspace: Path
) -> None:
    edit_concept(example_workspace, "      antal: 2\n", "      antal: 20\n")
    result = cli("tjek")
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert (
        "koncept.yaml:81:14: advarsel A016: kalibrering.antal er 20, men runden trækker kun 4 "
        "sager, så højst 4 får en ekstra gennemgang." in text
    )
    edit_concept(example_workspace, "      antal: 20\n", "      antal: 4\n")
    assert "A016" not in cli("tjek").output

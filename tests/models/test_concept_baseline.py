"""`rapport.baseline` is a calendar period, checked with the concept (`tjek` says so).

Before, `2026-13` passed `tjek` and stopped only the report, and a date range as baseline
made the committee's report run for many minutes (each report it is compared with decided
against every range of its years)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli, edit_concept


@pytest.mark.parametrize(
    ("baseline", "said"),
    [
        ("2026-13", "baseline er ikke en periode (skriv fx 2026-K1 eller 2026-01)"),
        ("2026-08-01..2026-10-31", "baseline er en måned, et kvartal, et halvår eller et år"),
    ],
)
def test_a_baseline_that_is_no_calendar_period_is_a_concept_error(
    cli: Cli, example_workspace: Path, baseline: str, said: str
) -> None:
    edit_concept(
        example_workspace, "  mindste_antal: 5\n", f'  mindste_antal: 5\n  baseline: "{baseline}"\n'
    )
    for args in (("tjek",), ("rapport", "--modtager", "udvalg", "-o", "-")):
        result = cli(*args)
        assert result.exit_code == 1, result.output
        text = " ".join(result.output.split())
        assert "koncept.yaml:127:" in text and said in text, text


@pytest.mark.parametrize("baseline", ["2026-K1", "2026-01", "2026-H2", "2026"])
def test_a_calendar_period_is_a_baseline(cli: Cli, example_workspace: Path, baseline: str) -> None:
    edit_concept(
        example_workspace, "  mindste_antal: 5\n", f'  mindste_antal: 5\n  baseline: "{baseline}"\n'
    )
    assert cli("tjek").exit_code == 0


@pytest.mark.parametrize(("count", "said"), [(1, "intet skjules"), (2, "kun tal på 1 skjules")])
def test_a_minimum_count_that_hides_nothing_small_is_said(
    cli: Cli, example_workspace: Path, count: int, said: str
) -> None:
    """`mindste_antal: 1` turned the committee's suppression off without a word (a probe)."""
    edit_concept(example_workspace, "  mindste_antal: 5\n", f"  mindste_antal: {count}\n")
    result = cli("tjek")
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert (
        "koncept.yaml:126:" in text
        and f"advarsel A014: mindste_antal er {count}, så {said}" in text
    )
    edit_concept(example_workspace, f"  mindste_antal: {count}\n", "  mindste_antal: 3\n")
    assert "A014" not in cli("tjek").output


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
def test_a_committee_report_that_hides_nothing_small_says_so(
    cli: Cli, filled_example: Path, audience: str
) -> None:
    """Probe BF F4: with `mindste_antal: 1` the committee's report gave every exact count, and
    its legend read 'Tal under 1 vises som < 1'; only `tjek` warned."""
    edit_concept(filled_example, "  mindste_antal: 5\n", "  mindste_antal: 1\n")
    result = cli("rapport", "--modtager", audience, "--format", "md", "-o", "-")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stderr.split())
    assert "advarsel L021: mindste_antal er 1, så intet skjules" in text, text
    assert "koncept.yaml" in text
    leader = cli("rapport", "--modtager", "leder", "--format", "md", "-o", "-")
    assert "L021" not in leader.stderr

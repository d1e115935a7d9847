"""`tilsyn skabelon forskel A B` through the CLI."""

from __future__ import annotations

from conftest import Cli


def test_forskel_lists_changed_and_declared_questions(cli: Cli) -> None:
    result = cli("skabelon", "forskel", "overordnet@2024.1", "overordnet@2025.1")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "Forskel mellem overordnet@2024.1 og overordnet@2025.1" in out
    assert "afdækning-2" in out and "opfølgning-14" in out
    assert "8 ændrede" in out and "11 rettede, der måler det samme" in out
    assert "70 uændrede" in out
    assert "screening-1 " not in out  # unchanged questions are only counted


def test_forskel_as_markdown_has_one_row_per_changed_field(cli: Cli) -> None:
    result = cli("skabelon", "forskel", "overordnet@2024.1", "overordnet@2025.1", "--format", "md")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "# Forskel mellem overordnet@2024.1 og overordnet@2025.1"
    assert "| spørgsmål | ændring | felt | overordnet@2024.1 | overordnet@2025.1 |" in lines
    row = next(line for line in lines if line.startswith("| opfølgning-14 |"))
    assert "| ændret: nyt spørgsmål | tekst |" in row
    frist = lines[lines.index(row) + 2]
    assert frist == (
        "|  |  | frist | efter mindst 3 års anbringelse | "
        "som udgangspunkt efter mindst 3 års anbringelse |"
    )
    declared = next(line for line in lines if line.startswith("| anbringelse-12 |"))
    assert "rettet: måler det samme | hjemmel | barnets lov § 52, stk. 2 |" in declared


def test_forskel_the_same_version_has_no_rows(cli: Cli) -> None:
    result = cli("skabelon", "forskel", "overordnet@2025.1", "overordnet", "--format", "md")
    assert result.exit_code == 0
    assert "Ingen forskel i spørgsmålene." in result.output
    assert "89 uændrede" in result.output


def test_forskel_bad_ids_are_usage_errors_with_did_you_mean(cli: Cli) -> None:
    unknown = cli("skabelon", "forskel", "overordnt@2024.1", "overordnet@2025.1")
    assert unknown.exit_code == 2
    assert "skabelonen 'overordnt' findes ikke. Tip: mente du 'overordnet'?" in unknown.output
    version = cli("skabelon", "forskel", "overordnet@2024.1", "overordnet@2025.2")
    assert version.exit_code == 2
    assert "mente du 'overordnet@2025.1'?" in version.output
    assert cli("skabelon", "forskel", "overordnet@2024.1").exit_code == 2
    assert cli("skabelon", "overordnet", "tematiseret").exit_code == 2


def test_one_unknown_template_is_a_usage_error_as_in_forskel(cli: Cli) -> None:
    """`tilsyn skabelon overordnt` gave exit 1 (wrong data), `forskel overordnt …` exit 2: a
    name typed on the command line is a wrong call in both."""
    unknown = cli("skabelon", "overordnt")
    assert unknown.exit_code == 2
    assert "skabelonen 'overordnt' findes ikke. Tip: mente du 'overordnet'?" in unknown.output
    assert cli("skabelon", "overordnet@2023.1").exit_code == 2
    assert cli("skabelon", "overordnet@2024.1").exit_code == 0

"""Quotes and backslashes in a filled-in review: a Windows path survives, mistakes are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.io.yaml import parse_text
from ledelsestilsyn.sampling.fillin import render_review
from ledelsestilsyn.templates.catalog import Catalog

PATH = r"Notat ligger i S:\nyt\barn\test.docx"


def fill_in() -> str:
    return render_review(
        Catalog.load(None).resolve("overordnet"),
        series="månedligt-overordnet",
        period="2026-11",
        case_id="S-1",
        caseworker="Rådgiver A",
        team="Team Nord",
        focus=["underretning"],
    )


def error(text: str) -> str:
    with pytest.raises(TilsynError) as caught:
        parse_text(text, "S-1.yaml")
    (problem,) = caught.value.diagnostics
    return problem.format()


def test_a_windows_path_typed_between_the_quotes_survives() -> None:
    text = fill_in()
    assert "kommentar: ''" in text and "udgangspunkt: ''" in text
    filled = text.replace("kommentar: ''", f"kommentar: '{PATH}'", 1)
    filled = filled.replace("udgangspunkt: ''", f"udgangspunkt: '{PATH}'")
    doc = parse_text(filled, "S-1.yaml")
    assert doc.data["udgangspunkt"] == PATH and not doc.warnings
    first = next(iter(doc.data["svar"]["underretning"].values()))
    assert first["kommentar"] == PATH


def test_escapes_in_double_quotes_are_a_warning_with_the_place() -> None:
    doc = parse_text(f'a:\n  kommentar: "{PATH}"\n  b: "sagde \\"nej\\" \\\\ ok"\n', "S-1.yaml")
    (warning,) = doc.warnings
    assert (warning.code, warning.line, warning.column) == ("Y013", 2, 14)
    assert r"\n, \b, \t" in warning.message and "enkelte anførselstegn" in (warning.hint or "")


def test_valider_shows_the_escape_warning(cli: Cli, example_workspace: Path) -> None:
    drawn = cli("udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-11")
    assert drawn.exit_code == 0, drawn.output
    review = sorted(Path("udtræk/2026-11-månedligt-overordnet").glob("S-*.yaml"))[0]
    text = review.read_text(encoding="utf-8").replace("kommentar: ''", f'kommentar: "{PATH}"', 1)
    review.write_text(text, encoding="utf-8")
    result = cli("valider", str(review))
    assert result.exit_code == 0, result.output
    assert "advarsel Y013" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('"mor sagde "nej" til mødet"', 'har et " inde i teksten'),
        ("'Jens' mor var med'", "har en apostrof (') inde i teksten"),
    ],
)
def test_a_quote_inside_a_quoted_comment_is_named(value: str, expected: str) -> None:
    message = error(f"svar:\n  s:\n    q:\n      kommentar: {value}\n      svar: ja\n")
    assert "S-1.yaml:4:" in message and "Y012" in message and expected in message
    assert "'kommentar'" in message and "indrykning" not in message


def test_an_unknown_escape_names_the_backslash() -> None:
    message = error('a:\n  kommentar: "S:\\dokumenter\\x"\n')
    assert "S-1.yaml:2:17" in message and "'\\d'" in message and "enkelte" in message

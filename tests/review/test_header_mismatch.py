"""G032: a header field changed by hand names the manifest's value only where it is no name."""

from __future__ import annotations

from pathlib import Path

from conftest import Cli

FOLDER = Path("udtræk") / "2026-11-månedligt-overordnet"


def _first_review(cli: Cli) -> Path:
    args = ("udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-11")
    assert cli(*args).exit_code == 0
    return sorted(p for p in FOLDER.glob("*.yaml") if p.name != "udtræk.yaml")[0]


def test_a_changed_period_names_the_drawn_one(cli: Cli, example_workspace: Path) -> None:
    review = _first_review(cli)
    text = review.read_text(encoding="utf-8")
    review.write_text(text.replace('periode: "2026-11"', 'periode: "2026-12"'), encoding="utf-8")
    result = cli("valider", str(review))
    assert "fejl G032: 'periode' passer ikke med udtrækket (udtræk.yaml: '2026-11')." in (
        result.output
    ), result.output
    assert "skal stå som i udtræk.yaml" in result.output


def test_a_changed_caseworker_does_not_show_the_drawn_name(
    cli: Cli, example_workspace: Path
) -> None:
    review = _first_review(cli)
    text = review.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.strip().startswith("rådgiver:"))
    drawn = line.split(":", 1)[1].strip().strip("'\"")
    review.write_text(text.replace(line, '  rådgiver: "En Anden"'), encoding="utf-8")
    result = cli("valider", str(review))
    assert "fejl G032: 'sag.rådgiver' passer ikke med udtrækket (udtræk.yaml)." in result.output
    assert drawn not in result.output, result.output

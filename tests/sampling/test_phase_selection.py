"""`udvælgelse.faser`: cases in a phase (underretning, undersøgelse) are drawn without a
§ 32/§ 46 decision; a phase column or value that is wrong is named with a did-you-mean."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from conftest import EKSEMPLER, Cli
from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.export.read import ReadOptions, read_export
from ledelsestilsyn.models.concept import ExportSpec

SERIES = "månedligt-overordnet"
ARGS = ("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-11")
WINDOW = (date(2025, 11, 1), date(2026, 10, 31))
PHASES = ["underretning", "undersøgelse"]


def _spec() -> ExportSpec:
    concept = yaml.safe_load((EKSEMPLER / "koncept.yaml").read_text(encoding="utf-8"))
    return ExportSpec.model_validate(concept["eksport"])


def _read(**phases: object) -> dict[str, str]:
    options = ReadOptions(["32", "46"], WINDOW, **phases)  # type: ignore[arg-type]
    export = read_export(EKSEMPLER / "eksport.csv", _spec(), options, "eksport.csv")
    return {c.id: c.value("fase") for c in export.cases}


def _rules(folder: Path, lines: str) -> None:
    path = folder / "koncept.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = '  paragraffer: ["32", "46"]\n'
    assert anchor in text
    path.write_text(text.replace(anchor, lines, 1), encoding="utf-8")


def test_phase_selection_adds_the_cases_in_those_phases() -> None:
    by_paragraph = _read()
    with_phases = _read(phases=PHASES)
    added = set(with_phases) - set(by_paragraph)
    assert set(by_paragraph) <= set(with_phases)
    assert added, "the example export has underretning and undersøgelse cases without § 32/46"
    assert {with_phases[c] for c in added} <= set(PHASES)


def test_phase_values_are_compared_without_case_or_spacing() -> None:
    assert _read(phases=["  UNDERRETNING "]) == _read(phases=["underretning"])


def test_phase_selection_alone_draws_only_from_those_phases() -> None:
    options = ReadOptions([], WINDOW, phases=["underretning"])
    export = read_export(EKSEMPLER / "eksport.csv", _spec(), options, "eksport.csv")
    assert export.cases
    assert {c.value("fase") for c in export.cases} == {"underretning"}
    assert any("fase underretning" in s.name for s in export.steps)


def test_an_unmapped_phase_column_is_refused_before_reading() -> None:
    options = ReadOptions(["32"], WINDOW, phases=PHASES, phase_column="fsae")
    try:
        read_export(EKSEMPLER / "eksport.csv", _spec(), options, "eksport.csv")
    except TilsynError as exc:
        (problem,) = exc.diagnostics
        assert problem.code == "E016" and "'fsae'" in problem.message
        assert problem.hint is not None and "mente du 'fase'?" in problem.hint
    else:
        raise AssertionError("an unmapped phase column must be refused")


def test_udtraek_draws_underretning_cases_with_phase_selection(
    cli: Cli, example_workspace: Path
) -> None:
    _rules(example_workspace, '  paragraffer: ["32", "46"]\n  faser: ["underretning"]\n')
    concept = example_workspace / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    anchor = "    rotation: rådgiver\n"
    quota = '    kvoter:\n      - navn: "underretning"\n        hvor: {fase: ["underretning"]}\n'
    concept.write_text(text.replace(anchor, anchor + quota + "        antal: 4\n", 1), "utf-8")
    result = cli(*ARGS)
    assert result.exit_code == 0, result.output
    folder = example_workspace / "udtræk" / f"2026-11-{SERIES}"
    manifest = yaml.safe_load((folder / "udtræk.yaml").read_text(encoding="utf-8"))
    rules = manifest["indstillinger"]["udvælgelse"]
    assert rules["faser"] == ["underretning"] and rules["fasekolonne"] == "fase"
    quotas = {q["stratum"]: q for q in manifest["kvoter"]}
    assert quotas["underretning"]["opnået"] == 4, manifest["kvoter"]


def test_without_phase_selection_the_manifest_is_unchanged(
    cli: Cli, example_workspace: Path
) -> None:
    assert cli(*ARGS).exit_code == 0
    folder = example_workspace / "udtræk" / f"2026-11-{SERIES}"
    manifest = yaml.safe_load((folder / "udtræk.yaml").read_text(encoding="utf-8"))
    assert "faser" not in manifest["indstillinger"]["udvælgelse"]


def test_a_misspelt_phase_is_named_with_the_nearest_one(cli: Cli, example_workspace: Path) -> None:
    _rules(example_workspace, '  paragraffer: ["32", "46"]\n  faser: ["undersøgelsee"]\n')
    result = cli(*ARGS)
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "E015" in flat
    assert "ingen rækker har fase 'undersøgelsee' (mente du 'undersøgelse'?)" in flat, flat


def test_udtraek_refuses_an_unmapped_phase_column(cli: Cli, example_workspace: Path) -> None:
    _rules(
        example_workspace,
        '  paragraffer: ["32", "46"]\n  faser: ["underretning"]\n  fasekolonne: "fsae"\n',
    )
    result = cli(*ARGS)
    assert result.exit_code == 1, result.output
    flat = " ".join(result.output.split())
    assert "koncept.yaml:98:16: fejl K017" in flat and "mente du 'fase'?" in flat, flat
    assert "U027: konceptet har 1 fejl (ovenfor), så intet er trukket" in flat, flat
    assert not (example_workspace / "udtræk" / f"2026-11-{SERIES}").exists()


def test_tjek_names_an_unmapped_phase_column_with_its_line(
    cli: Cli, example_workspace: Path
) -> None:
    _rules(
        example_workspace,
        '  paragraffer: ["32", "46"]\n  faser: ["underretning"]\n  fasekolonne: "fsae"\n',
    )
    result = cli("tjek")
    assert result.exit_code == 1, result.output
    line = next(x for x in result.output.splitlines() if "K017" in x)
    text = (example_workspace / "koncept.yaml").read_text(encoding="utf-8").splitlines()
    number = next(i for i, x in enumerate(text, start=1) if "fasekolonne" in x)
    assert line.startswith(f"koncept.yaml:{number}:"), line
    assert "mente du 'fase'?" in result.output


def test_tjek_refuses_a_selection_that_can_draw_nothing(cli: Cli, example_workspace: Path) -> None:
    _rules(example_workspace, "  paragraffer: []\n")
    result = cli("tjek")
    assert result.exit_code == 1, result.output
    assert "K018" in result.output and "ingen sager kan trækkes" in result.output


def test_udtraek_draws_nothing_from_a_concept_tjek_finds_errors_in(
    cli: Cli, example_workspace: Path
) -> None:
    """Found by a probe: a slip in the årshjul's step (`støttende-indsats`) was an error in
    `tjek` (K011), but `udtræk` wrote twelve reviews without a question and said 'Trak'; a
    drawn sample is never drawn again, so the round was lost. Now nothing is written."""
    concept = example_workspace / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    slip = "      11: [underretning, screening, afdækning, børnefaglig-undersøgelse, " + (
        "støttende-indsats,"
    )
    concept.write_text(text.replace(slip.replace("indsats,", "indsatser,"), slip), "utf-8")
    result = cli(*ARGS)
    assert result.exit_code == 1, result.output
    flat = " ".join(result.output.split())
    assert "fejl K011: sagsskridtet 'støttende-indsats'" in flat, flat
    assert "U027: konceptet har 1 fejl (ovenfor), så intet er trukket" in flat, flat
    assert not (example_workspace / "udtræk" / f"2026-11-{SERIES}").exists()
    concept.write_text(text, "utf-8")
    assert cli(*ARGS).exit_code == 0

"""Review file names: unique by construction, safe on a shared Windows drive, Danish kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.io.yaml import read_document
from ledelsestilsyn.models.located import validate_document
from ledelsestilsyn.models.manifest import Manifest
from ledelsestilsyn.sampling.draw import Case, Pick
from ledelsestilsyn.sampling.files import files_for
from ledelsestilsyn.sampling.fillin import case_filename

HEADER = (
    "Sagsnr.;CPR-nr.;Sagsbehandler;Team;Paragraf;Afgørelse;Afgørelsesdato;Sagsfase;Risikoområde"
)


def export(*ids: str) -> str:
    rows = [
        f"{case};;Rådgiver {n};Team Nord;§ 32;Kontaktperson;0{n + 1}-06-2026;anbringelse;"
        for n, case in enumerate(ids)
    ]
    return "\n".join([HEADER, *rows]) + "\n"


def pick(case_id: str) -> Pick:
    return Pick(Case(case_id, "R", "T", {}), None, "tilfældig")


def test_calibration_file_and_a_dotted_case_id_do_not_collide(
    cli: Cli, example_workspace: Path
) -> None:
    Path("kal.csv").write_text(export("S-1", "S-1.2", "S-9"), encoding="cp1252")
    result = cli(
        "udtræk", "kal.csv", "--tilsyn", "tematiseret", "--periode", "2026-11", "--seed", "2"
    )
    assert result.exit_code == 0, result.output
    folder = Path("udtræk") / "2026-11-tematiseret"
    manifest = validate_document(Manifest, read_document(folder / "udtræk.yaml"))
    names = [name for case in manifest.cases for name in case.files]
    assert len(names) == 5 and len(set(names)) == 5
    on_disk = {p.name for p in folder.iterdir()} - {"udtræk.yaml"}
    assert on_disk == set(names)
    for case in manifest.cases:
        for number, name in enumerate(case.files, start=1):
            text = (folder / name).read_text(encoding="utf-8")
            assert f'id: "{case.id}"' in text
            assert (f"gennemgang_nr: {number}" in text) == (number > 1)


@pytest.mark.parametrize(
    ("case_id", "review_no"), [("S-1.2", None), ("S-1", 2), ("s-1.2", None), ("S-1-2", None)]
)
def test_names_are_distinct(case_id: str, review_no: int | None) -> None:
    others = [("S-1.2", None), ("S-1", 2), ("s-1.2", None), ("S-1-2", None), ("S-1", None)]
    mine = case_filename(case_id, review_no).casefold()
    clashes = [o for o in others if o != (case_id, review_no)]
    assert all(case_filename(*o).casefold() != mine for o in clashes)


@pytest.mark.parametrize(
    "case_id", ["CON", "NUL", "nul.txt", "aux.txt", "Com1", "LPT9.x", "prn", "udtræk", "UDTRÆK"]
)
def test_windows_device_names_and_the_manifest_name_are_avoided(case_id: str) -> None:
    name = case_filename(case_id)
    stem = name.split(".", 1)[0].casefold()
    assert stem not in {"con", "prn", "aux", "nul", "com1", "lpt9"}
    assert name.casefold() != "udtræk.yaml"


@pytest.mark.parametrize(
    ("case_id", "expected"),
    [("ÆØÅ-1", "ÆØÅ-1.yaml"), ("SØ-2026-00017", "SØ-2026-00017.yaml"), ("S-1", "S-1.yaml")],
)
def test_danish_letters_are_kept(case_id: str, expected: str) -> None:
    assert case_filename(case_id) == expected


def test_danish_letters_in_decomposed_form_still_get_a_name_of_their_own() -> None:
    decomposed = "A\u030aSE-1"  # Å written as A + combining ring
    assert case_filename(decomposed).startswith("ÅSE-1-")
    assert case_filename(decomposed) != case_filename("ÅSE-1")


def test_a_run_refuses_two_reviews_on_one_path() -> None:
    earlier = {"A": ["fælles.yaml"], "B": ["FÆLLES.yaml"]}
    with pytest.raises(TilsynError) as caught:
        files_for([pick("A"), pick("B")], set(), 1, earlier)
    (problem,) = caught.value.diagnostics
    assert problem.code == "U010" and "'A'" in problem.message and "'B'" in problem.message


def test_an_extension_keeps_the_names_of_earlier_files() -> None:
    earlier = {"ÆØÅ-1": ["1-b89a4457.yaml"]}
    files = files_for([pick("ÆØÅ-1"), pick("S-2")], {"ÆØÅ-1"}, 2, earlier)
    assert files == {"ÆØÅ-1": ["1-b89a4457.yaml", "ÆØÅ-1.2.yaml"], "S-2": ["S-2.yaml"]}


@pytest.mark.parametrize(
    "name",
    [
        "../../../evil/serA",
        "a/b",
        "a\\b",
        ".skjult",
        "serie:2",
        "to ord",
        "",
        " ",
        "a" * 61,
        "tema-0102031234",
        "barn_010203-1234",
    ],
)
def test_a_series_name_that_is_no_folder_name_is_refused(
    cli: Cli, example_workspace: Path, name: str
) -> None:
    concept = Path("koncept.yaml")
    text = concept.read_text(encoding="utf-8")
    text = text.replace("  tematiseret:", f'  "{name}":')
    concept.write_text(text, encoding="utf-8")
    line = text[: text.index(f'  "{name}":')].count("\n") + 1
    for args in (["tjek"], ["udtræk", "eksport.csv", "--tilsyn", name, "--periode", "2026-11"]):
        result = cli(*args)
        assert result.exit_code == 1, result.output
        assert "K016" in result.output and "serienavnet" in result.output
        assert "1234" not in result.output
        assert f"koncept.yaml:{line}:3:" in result.output and "U009" not in result.output
    assert not Path("udtræk").exists() and not (example_workspace.parent / "evil").exists()


def test_a_name_typed_as_a_series_name_is_not_quoted(cli: Cli, example_workspace: Path) -> None:
    """Probe BH: K016 quoted it whole, in every command that read the concept."""
    concept = Path("koncept.yaml")
    text = concept.read_text(encoding="utf-8")
    concept.write_text(text.replace("  tematiseret:", '  "Kirsten Ågesen":'), encoding="utf-8")
    said = " ".join(cli("tjek").output.split())
    assert "fejl K016: serienavnet (en tekst på 14 tegn) kan ikke bruges" in said, said
    assert "Kirsten" not in said


def test_danish_series_names_are_fine(cli: Cli, example_workspace: Path) -> None:
    concept = Path("koncept.yaml")
    text = concept.read_text(encoding="utf-8")
    concept.write_text(text.replace("  tematiseret:", "  tema_2027.børn:"), encoding="utf-8")
    assert "K016" not in cli("tjek").output

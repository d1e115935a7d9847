"""`tjek` warns about what `init` left for the municipality to fill in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import EKSEMPLER, Cli
from ledelsestilsyn.workspace.init import presets
from ledelsestilsyn.workspace.leftovers import PLACEHOLDER_MUNICIPALITY, marked_key


def _tjek(cli: Cli, folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(folder)
    result = cli("tjek")
    assert result.exit_code == 0, result.output  # warnings only: the concept can be used
    return result.output.splitlines()


@pytest.mark.parametrize("preset", presets())
def test_a_fresh_workspace_is_warned_about_every_marker(
    cli: Cli, tmp_path: Path, preset: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / preset
    cli("init", str(folder), "--forlæg", preset)
    text = (folder / "koncept.yaml").read_text(encoding="utf-8")
    lines = _tjek(cli, folder, monkeypatch)
    municipality = [x for x in lines if "A010" in x]
    assert len(municipality) == 1, lines
    assert f"'kommune' er stadig forlæggets '{PLACEHOLDER_MUNICIPALITY}'" in municipality[0]
    markers = [x for x in lines if "A011" in x]
    marked = [n for n, line in enumerate(text.splitlines(), 1) if re.search(r'#.*(?<!")RET:', line)]
    # the marker on `kommune` is not warned about twice: A010 already says it
    on_name = [n for n in marked if marked_key(text.splitlines(), n - 1) == "'kommune'"]
    assert len(on_name) == 1
    marked.remove(on_name[0])
    assert len(markers) == len(marked) > 0
    assert all(x.startswith(f"koncept.yaml:{n}:") for x, n in zip(markers, marked, strict=True))
    assert "slet 'RET:' på linje" in markers[0], markers[0]


def test_a_finished_concept_has_no_such_warnings(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "eksempel"
    folder.mkdir()
    (folder / "koncept.yaml").write_bytes((EKSEMPLER / "koncept.yaml").read_bytes())
    lines = _tjek(cli, folder, monkeypatch)
    assert not [x for x in lines if "A010" in x or "A011" in x], lines


def test_fixing_the_name_and_deleting_the_marker_silences_both(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workspace / "koncept.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("# RET: kommunens navn.", "# Kommunens navn.")
    path.write_text(text, "utf-8")
    before = _tjek(cli, workspace, monkeypatch)
    path.write_text(text.replace(PLACEHOLDER_MUNICIPALITY, "Eksempelby Kommune"), "utf-8")
    lines = _tjek(cli, workspace, monkeypatch)
    assert [x for x in before if "A010" in x] and not [x for x in lines if "A010" in x], lines
    number = text.splitlines().index("# Kommunens navn. Det står øverst i alle rapporter.") + 1
    assert not [x for x in lines if x.startswith(f"koncept.yaml:{number}:")], lines
    assert len([x for x in lines if "A011" in x]) == len([x for x in before if "A011" in x])


def test_the_placeholder_name_is_one_warning_and_its_marker_goes_once_the_name_is_fixed(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ws"
    cli("init", str(folder), "--forlæg", "sbst")
    path = folder / "koncept.yaml"
    name_line = next(
        n
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.startswith("kommune:")
    )
    lines = _tjek(cli, folder, monkeypatch)
    about_name = [x for x in lines if x.startswith(f"koncept.yaml:{name_line - 1}:")]
    assert not about_name, about_name  # A010 at the name says it; no A011 at its marker
    text = path.read_text(encoding="utf-8").replace(PLACEHOLDER_MUNICIPALITY, "Egebjerg Kommune")
    path.write_text(text, encoding="utf-8")
    lines = _tjek(cli, folder, monkeypatch)
    # the name is changed: its marker is done with, whether or not the comment is deleted
    assert not [x for x in lines if x.startswith(f"koncept.yaml:{name_line - 1}:")], lines


def test_each_marker_names_the_key_it_is_about(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "sbst"
    cli("init", str(folder), "--forlæg", "sbst")
    markers = [x for x in _tjek(cli, folder, monkeypatch) if "A011" in x]
    assert any("'antal' (under 'månedligt-overordnet') er markeret" in x for x in markers)
    assert any("den udkommenterede 'baseline' er markeret" in x for x in markers)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("serier:\n  a:\n    antal: 4  # RET: jeres tal\n", "'antal' (under 'a')"),
        (
            "a:\n  # RET: fx\n  #   filtre:\n  #     team: [x]\n  filtre: {}\n",
            "den udkommenterede 'filtre'",
        ),
        (
            "a:\n  # RET: tallet.\n  # Her 6 enheder: 6 × 8 = 48.\n  antal: 48\n",
            "'antal' (under 'a')",
        ),
        ("# RET: kommunens navn.\nkommune: x\n", "'kommune'"),
        ("a:\n  # RET: sidst i filen\n", ""),
        ('r:\n  "Anna Holm": "a@b.dk"  # RET: navne\n', ""),
        ('"Team Nord":\n  leder: x  # RET: navn\n', "'leder'"),
    ],
)
def test_the_key_of_a_marker(text: str, key: str) -> None:
    lines = text.splitlines()
    index = next(n for n, line in enumerate(lines) if "RET:" in line)
    assert marked_key(lines, index) == key


def test_a_marked_value_that_was_changed_is_no_longer_warned_about(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A011 stayed until the comment was deleted, even after the value was adapted; a user
    who had set 'antal' read the warning as if the new number had not been taken."""
    path = workspace / "koncept.yaml"
    text = path.read_text(encoding="utf-8")
    before = [x for x in _tjek(cli, workspace, monkeypatch) if "A011" in x]
    about = [x for x in before if "'antal' (under 'månedligt-overordnet')" in x]
    assert len(about) == 1, before
    marker = int(about[0].split(":")[1])
    # an unchanged value: the hint says what to do either way, naming the marker's line
    assert "når den er ændret, forsvinder advarslen" in about[0], about[0]
    assert f"slet 'RET:' på linje {marker}" in about[0], about[0]
    head, tail = text.split("    antal: 10\n", 1)
    path.write_text(head + "    antal: 6\n" + tail, encoding="utf-8")
    after = [x for x in _tjek(cli, workspace, monkeypatch) if "A011" in x]
    assert not [x for x in after if "'antal' (under 'månedligt-overordnet')" in x], after
    assert len(after) == len(before) - 1, after
    # a list of names filled in where the preset had none
    path.write_text(
        (head + "    antal: 6\n" + tail).replace(
            "    bedømmere: []\n", '    bedømmere: ["Leder A"]\n', 1
        ),
        encoding="utf-8",
    )
    last = [x for x in _tjek(cli, workspace, monkeypatch) if "A011" in x]
    assert len(last) == len(after) - 1, last

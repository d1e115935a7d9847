"""`init`, `tjek`, `skabelon`, `skema` through the real CLI, good and bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, Cli, concept_line, edit_concept
from ledelsestilsyn.workspace.init import presets

BOMB = (
    'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
)


def test_presets_exist() -> None:
    assert presets() == ["handicap", "kk", "sbst"]


@pytest.mark.parametrize("preset", ["sbst", "kk", "handicap"])
def test_init_then_tjek_is_clean(
    cli: Cli, tmp_path: Path, preset: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / preset
    result = cli("init", str(folder), "--forlæg", preset)
    assert result.exit_code == 0, result.output
    assert (folder / "koncept.yaml").is_file() and (folder / "udtræk").is_dir()
    assert (folder / "skema" / "gennemgang-overordnet-2024.1.json").is_file()
    monkeypatch.chdir(folder)
    result = cli("tjek")
    assert result.exit_code == 0, result.output
    assert "0 fejl" in result.output


def test_init_never_overwrites(cli: Cli, workspace: Path) -> None:
    concept = workspace / "koncept.yaml"
    concept.write_text(concept.read_text() + "# min rettelse\n")
    before = concept.read_bytes()
    result = cli("init", str(workspace), "--forlæg", "kk")
    assert result.exit_code == 2
    assert "I001" in result.output
    assert concept.read_bytes() == before


def _link(path: Path, target: Path) -> None:
    path.symlink_to(target, target_is_directory=True)


def _file(path: Path, target: Path) -> None:
    path.write_text("", encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "make", "said"),
    [
        ("koncept.yaml", Path.mkdir, "koncept.yaml er en mappe, men skal være konceptets fil"),
        ("skabeloner", _link, "skabeloner er et symbolsk link, men skal være en almindelig mappe"),
        ("udtræk", _file, "udtræk er en fil, men skal være en almindelig mappe"),
        ("skema", _link, "skema er et symbolsk link"),
    ],
)
def test_init_makes_nothing_when_something_stands_in_the_way(
    cli: Cli, tmp_path: Path, name: str, make: Any, said: str
) -> None:
    """A folder named koncept.yaml was called 'allerede en arbejdsmappe', and a linked
    `skabeloner` stopped `init` only after it had made `udtræk/`."""
    folder = tmp_path / "ny"
    folder.mkdir()
    outside = tmp_path / "udenfor"
    outside.mkdir()
    if make is Path.mkdir:
        (folder / name).mkdir()
    else:
        make(folder / name, outside)
    before = sorted(p.name for p in folder.iterdir())
    result = cli("init", str(folder))
    assert result.exit_code == 2, result.output
    assert f"fejl I003: {said}" in result.stderr
    assert "intet er oprettet" in result.stderr and "allerede en arbejdsmappe" not in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == before
    assert list(outside.iterdir()) == []


def test_init_unknown_preset(cli: Cli, tmp_path: Path) -> None:
    result = cli("init", str(tmp_path / "x"), "--forlæg", "aarhus")
    assert result.exit_code == 2
    assert "vælg et af: handicap, kk, sbst" in result.output
    assert not (tmp_path / "x").exists()


def test_tjek_without_concept_says_where_it_looked(cli: Cli, tmp_path: Path) -> None:
    result = cli("tjek")
    assert result.exit_code == 2
    assert "fandt ingen koncept.yaml" in result.output and str(tmp_path) in result.output
    assert "tilsyn init" in result.output


def test_tjek_finds_concept_in_a_parent_folder(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace / "udtræk")
    assert cli("tjek").exit_code == 0


def test_tjek_misspelt_key(cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workspace)
    edit_concept(workspace, "kommune:", "kommnue:")
    result = cli("tjek")
    assert result.exit_code == 1
    line = concept_line(workspace, "kommnue:")
    assert (
        f"koncept.yaml:{line}:1: fejl M002: ukendt nøgle 'kommnue'. Tip: mente du 'kommune'?"
        in result.output
    )


def test_tjek_unknown_template_and_step(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    edit_concept(workspace, "skabelon: overordnet", "skabelon: overordnt")
    result = cli("tjek")
    assert result.exit_code == 1
    assert "T010" in result.output and "mente du 'overordnet'?" in result.output
    line = concept_line(workspace, "skabelon: overordnt")
    assert f"koncept.yaml:{line}:" in result.output


def test_tjek_unknown_focus_step(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    text = (workspace / "koncept.yaml").read_text(encoding="utf-8")
    text = text.replace("1: [underretning, screening]", "1: [underretning, screenning]", 1)
    (workspace / "koncept.yaml").write_text(text, encoding="utf-8")
    result = cli("tjek")
    assert result.exit_code == 1
    line = concept_line(workspace, "screenning")
    assert f"koncept.yaml:{line}:" in result.output
    assert "K011" in result.output and "mente du 'screening'?" in result.output


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"kommune: X\ntilsyn:\n\ta: 1\n", "Y005"),
        ("kommune: Søby\n".encode("cp1252"), "Y002"),
        (b"", "Y011"),
        (b"# kun kommentarer\n", "Y011"),
        (BOMB.encode(), "Y004"),
        (b"kommune: X\nkommune: Y\n", "Y009"),
        (b"- en liste\n- ikke et koncept\n", "M003"),
    ],
)
def test_tjek_bad_concept_files(cli: Cli, tmp_path: Path, content: bytes, code: str) -> None:
    (tmp_path / "koncept.yaml").write_bytes(content)
    result = cli("tjek")
    assert result.exit_code == 1, result.output
    assert "koncept.yaml:" in result.output and code in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_template_given_as_concept(cli: Cli, tmp_path: Path) -> None:
    from ledelsestilsyn.templates.catalog import shipped_dir

    (tmp_path / "koncept.yaml").write_bytes((shipped_dir() / "overordnet.yaml").read_bytes())
    result = cli("tjek")
    assert result.exit_code == 1 and "K002" in result.output


def test_tjek_warns_about_recommendations(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    path = workspace / "koncept.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("RET:", "Ret").replace("Kommunens navn", "Eksempelby Kommune")  # A010/7
    path.write_text(
        text.replace("kadence: {hver: 3, start: 2}", "kadence: månedlig"), encoding="utf-8"
    )
    result = cli("tjek")
    assert result.exit_code == 0
    assert result.output.count("advarsel A001") == 1
    assert result.output.rstrip().endswith("0 fejl, 1 advarsel."), (
        result.output
    )  # not "1 advarsler"


def a005_after(cli: Cli, workspace: Path, old: str, new: str) -> tuple[list[str], str]:
    """The A005 lines of `tjek` once `old` is `new` in the concept, and the concept."""
    text = edit_concept(workspace, old, new)
    return [x for x in cli("tjek").output.splitlines() if "A005" in x], text


@pytest.mark.parametrize(("window", "said"), [(1, "1 måned tilbage"), (24, "24 måneder tilbage")])
def test_a_window_other_than_a_year_is_warned_with_its_length(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch, window: int, said: str
) -> None:
    monkeypatch.chdir(workspace)
    warned, _ = a005_after(cli, workspace, "vindue_måneder: 12", f"vindue_måneder: {window}")
    assert len(warned) == 1 and f"sagerne udvælges {said};" in warned[0], warned


def test_a_series_own_window_is_warned_at_its_line(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    own = "    udvælgelse: {vindue_måneder: 6}"
    warned, text = a005_after(cli, workspace, "\n  tematiseret:\n", f"\n  tematiseret:\n{own}\n")
    line = text.splitlines().index(own) + 1
    assert len(warned) == 1 and warned[0].startswith(f"koncept.yaml:{line}:"), warned
    assert "sagerne udvælges 6 måneder tilbage;" in warned[0]


def test_handicap_warnings(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "h"
    cli("init", str(folder), "--forlæg", "handicap")
    monkeypatch.chdir(folder)
    path = folder / "koncept.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("antal: 30", "antal: 25", 1)
    text = text.replace(
        "fokus: [børnefaglig-undersøgelse, opfølgning]",
        "fokus: [børnefaglig-undersøgelse, opfølgning, anbringelse]",
    )
    path.write_text(text, encoding="utf-8")
    result = cli("tjek")
    assert result.exit_code == 0, result.output
    assert "A002" in result.output and "A004" in result.output


def test_skabelon_list_show_and_markdown(cli: Cli) -> None:
    listing = cli("skabelon")
    assert (
        listing.exit_code == 0
        and "overordnet" in listing.output
        and "tematiseret" in listing.output
    )
    shown = cli("skabelon", "overordnet")
    assert shown.exit_code == 0 and "underretning-1" in shown.output and "hjemmel" in shown.output
    md = cli("skabelon", "tematiseret", "--format", "md")
    assert md.exit_code == 0 and md.output.startswith("# ") and "| Nr. | Spørgsmål |" in md.output
    assert cli("skabelon", "findes-ikke").exit_code == 2  # a wrong call, as in forskel


def test_the_template_list_cuts_nothing_in_80_columns(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Probe BJ: through a pipe (80 columns) titles and sources were cut with `…`."""
    monkeypatch.setenv("COLUMNS", "80")
    listing = cli("skabelon")
    assert listing.exit_code == 0 and "…" not in listing.output, listing.output
    cells = " ".join(" ".join(line.strip("│ ").split()) for line in listing.output.splitlines())
    assert "ledelsestilsyn" in cells and "indbygget " in cells, listing.output


def test_skema_has_answers_as_enum(cli: Cli, tmp_path: Path) -> None:
    result = cli("skema", "--mappe", str(tmp_path / "s"))
    assert result.exit_code == 0
    schema = json.loads((tmp_path / "s" / "gennemgang-overordnet-2024.1.json").read_text())
    question = schema["properties"]["svar"]["properties"]["underretning"]["properties"][
        "underretning-1"
    ]
    assert question["properties"]["svar"]["enum"] == ["", "ja", "nej", "ikke relevant"]
    assert (tmp_path / "s" / "koncept.json").is_file()


def test_entry_point_usage_error_is_danish() -> None:
    tilsyn = Path(sys.executable).parent / "tilsyn"
    done = subprocess.run(
        [str(tilsyn), "tjek", "--ukendt"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "fejl: ukendt tilvalg" in done.stderr and "Traceback" not in done.stderr
    version = subprocess.run([str(tilsyn), "--version"], capture_output=True, text=True, check=True)
    assert "libyaml (C)" in version.stdout


def test_shipped_data_works_after_a_plain_install(tmp_path: Path) -> None:
    """`pip install .` (not editable) must carry the templates and presets."""
    root = ROOT
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(root),
        ],
        check=True,
        capture_output=True,
    )
    code = (
        "import ledelsestilsyn, sys\n"
        "from ledelsestilsyn.templates.catalog import Catalog\n"
        "from ledelsestilsyn.workspace.init import presets\n"
        f"assert ledelsestilsyn.__file__.startswith({str(target)!r}), ledelsestilsyn.__file__\n"
        "c = Catalog.load(None)\n"
        "print(sorted(c.ids()), presets())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
    )
    assert "['handicap', 'overordnet', 'tematiseret'] ['handicap', 'kk', 'sbst']" in done.stdout
    # The top-level skabeloner/ is the one source; the wheel carries real copies of it.
    shipped = target / "ledelsestilsyn" / "skabeloner"
    assert not shipped.is_symlink()
    source = sorted(p.name for p in (root / "skabeloner").glob("*.yaml"))
    assert sorted(p.name for p in shipped.glob("*.yaml")) == source
    for name in source:
        assert (shipped / name).read_bytes() == (root / "skabeloner" / name).read_bytes()


def test_tjek_warns_when_a_series_is_pinned_to_an_older_version(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    edit_concept(workspace, "skabelon: overordnet ", "skabelon: overordnet@2024.1 ")
    line = concept_line(workspace, "skabelon: overordnet@2024.1")
    result = cli("tjek")
    assert result.exit_code == 0, result.output
    (warning,) = [x for x in result.output.splitlines() if "A012" in x]
    assert warning.startswith(f"koncept.yaml:{line}:15: advarsel A012: tilsynet bruger ")
    assert "overordnet@2024.1, men der findes en nyere version: overordnet@2025.1." in warning
    assert "tilsyn migrer" in warning
    edit_concept(workspace, "skabelon: overordnet@2024.1 ", "skabelon: overordnet@2025.1 ")
    assert "A012" not in cli("tjek").output


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_init_keeps_the_case_systems_export_out_of_git(cli: Cli, tmp_path: Path) -> None:
    """The README says a workspace may live in git, and the export from the case system lies
    in its root (eksport.csv, with a CPR column): the .gitignore from 'init' left it to
    'git add .', and every child's CPR number went into the history for good."""
    folder = tmp_path / "ws"
    assert cli("init", str(folder)).exit_code == 0
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    names = ["eksport.csv", "DUBU udtræk.xlsx", "eksport.xlsm", "koncept.yaml", "rapporter/a.csv"]
    (folder / "rapporter").mkdir()
    for name in names[:3] + names[4:]:
        (folder / name).write_text("x", encoding="utf-8")
    found = subprocess.run(
        ["git", "-C", str(folder), "-c", "core.quotePath=false", "check-ignore", *names],
        capture_output=True,
        text=True,
    )
    assert found.stdout.split("\n")[:-1] == names[:3], found.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_init_in_a_folder_with_its_own_gitignore_still_keeps_the_export_out(
    cli: Cli, tmp_path: Path
) -> None:
    """A folder already in git has its own .gitignore; init left it as it was and said
    nothing, so the export with its CPR column went into git with 'git add .'. Now init adds
    the lines that are missing, after the folder's own (never removing one), and names the
    file; a second init adds nothing more."""
    folder = tmp_path / "ws"
    folder.mkdir()
    own = "node_modules/\n*.xlsx\n"
    (folder / ".gitignore").write_text(own, encoding="utf-8")
    result = cli("init", str(folder))
    assert result.exit_code == 0, result.output
    text = (folder / ".gitignore").read_text(encoding="utf-8")
    assert text.startswith(own) and "/*.csv\n" in text and ".tilsyn/\n" in text
    assert "/*.xlsx" not in text  # the folder's own '*.xlsx' already keeps it out
    assert f"{folder / '.gitignore'}" in result.output
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    (folder / "eksport.csv").write_text("x", encoding="utf-8")
    found = subprocess.run(
        ["git", "-C", str(folder), "check-ignore", "eksport.csv"], capture_output=True, text=True
    )
    assert found.stdout == "eksport.csv\n"


def test_init_with_a_template_in_error_makes_nothing(cli: Cli, tmp_path: Path) -> None:
    """A folder with the municipality's own skabeloner/ where one template has an error:
    init wrote koncept.yaml, .gitignore and udtræk/ and then stopped at the template, so
    the next init said 'already a workspace' and the schemas were never made. Now the
    templates are read first: the error with file and line, and nothing is made."""
    folder = tmp_path / "ws"
    (folder / "skabeloner").mkdir(parents=True)
    (folder / "skabeloner" / "vores.yaml").write_text("id: vores\n", encoding="utf-8")
    result = cli("init", str(folder))
    assert result.exit_code == 1, result.output
    assert "vores.yaml:1:1: fejl M001" in result.output
    assert sorted(p.name for p in folder.iterdir()) == ["skabeloner"]


def test_a_template_whose_extension_names_nothing_is_an_error_where_it_is_written(
    cli: Cli, tmp_path: Path
) -> None:
    """`udelad: [screening-55]` (no such question) in the municipality's own template was found
    only when the template was first resolved: init had written koncept.yaml, .gitignore and
    udtræk/ by then and could not be run again; tjek said "0 fejl"; and T014 named no file
    and line (found by a probe). The extensions are resolved when the templates are read."""
    folder = tmp_path / "ws"
    (folder / "skabeloner").mkdir(parents=True)
    own = folder / "skabeloner" / "vores.yaml"
    own.write_text(
        'id: vores\ntitel: "Vores"\nversion: "1"\ntype: overordnet\nudvider: overordnet\n'
        "udelad: [screening-55]\n",
        encoding="utf-8",
    )
    result = cli("init", str(folder))
    assert result.exit_code == 1, result.output
    assert "skabeloner/vores.yaml:6:" in result.output and "fejl T014" in result.output
    assert "screening-55" in result.output
    assert sorted(p.name for p in folder.iterdir()) == ["skabeloner"]
    own.write_text(own.read_text("utf-8").replace("screening-55", "screening-5"), "utf-8")
    assert cli("init", str(folder)).exit_code == 0
    own.write_text(own.read_text("utf-8").replace("screening-5", "screening-55"), "utf-8")
    checked = cli("tjek", "--koncept", str(folder / "koncept.yaml"))
    assert checked.exit_code == 1 and "vores.yaml:6:" in checked.output, checked.output


def test_init_keeps_a_schema_a_user_has_edited(cli: Cli, tmp_path: Path) -> None:
    """A folder with skema/ from an earlier 'tilsyn skema' (koncept.yaml moved away to start
    over): init wrote every schema again, so a user's own enum in one was gone without a word.
    Now a file that is there with other text is kept, init names it and says how to get a
    fresh copy; a schema that is missing is still written."""
    folder = Path("ws")  # the cwd is tmp_path: short paths, one to a line
    edited = folder / "skema" / "gennemgang.json"
    edited.parent.mkdir(parents=True)
    edited.write_text('{"title": "vores egen"}\n', encoding="utf-8")
    readme = folder / "skabeloner" / "LÆS-MIG.txt"
    readme.parent.mkdir()
    readme.write_text("Vores egne skabeloner.\n", encoding="utf-8")
    result = cli("init", str(folder))
    assert result.exit_code == 0, result.output
    assert edited.read_text(encoding="utf-8") == '{"title": "vores egen"}\n'
    assert readme.read_text(encoding="utf-8") == "Vores egne skabeloner.\n"
    assert "er beholdt, som de var" in result.output
    assert f"  {edited}\n" in result.output and f"  {readme}\n" in result.output
    assert "tilsyn skema --mappe skema-ny" in result.output
    assert (folder / "skema" / "koncept.json").is_file()
    again = cli("init", "ny")
    assert "beholdt" not in again.output


def test_the_example_in_tiltag_ny_help_works(cli: Cli, example_workspace: Path) -> None:
    """The help's example stopped with O014 in every workspace with two templates (found by
    following the README): it left out `--skabelon`."""
    import shlex

    from ledelsestilsyn.cli.commands.tiltag import ny

    example = (ny.__doc__ or "").split("Eksempel: tilsyn ")[1].splitlines()[0]
    result = cli(*shlex.split(example), "--dato", "2026-11-25")
    assert result.exit_code == 0, result.output


def test_init_here_says_this_folder_not_a_dot(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'Oprettede arbejdsmappen . ud fra …' (found by a probe): a dot is no name to a user."""
    monkeypatch.chdir(tmp_path)
    result = cli("init")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Oprettede arbejdsmappen i denne mappe ud fra forlægget")


def test_the_example_in_the_templates_folder_s_readme_is_a_template(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Probe BK saved the example of `skabeloner/LÆS-MIG.txt` as a template: its step had no
    question, so it was left out of the template, and nothing said so."""
    assert cli("init", "ws").exit_code == 0
    monkeypatch.chdir(tmp_path / "ws")
    readme = Path("skabeloner/LÆS-MIG.txt").read_text(encoding="utf-8")
    example = "\n".join(line[2:] for line in readme.split("\n\n", 1)[1].splitlines())
    Path("skabeloner/vores.yaml").write_text(example + "\n", encoding="utf-8")
    checked = cli("tjek")
    assert "vores.yaml" not in checked.output, checked.output
    shown = cli("skabelon", "vores-overordnet")
    assert shown.exit_code == 0 and "skolefravær-1" in shown.output, shown.output

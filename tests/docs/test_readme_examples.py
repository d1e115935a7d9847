"""The README's examples on the example workspace run as the manual says, with the shown output.

Two workspaces are built once: `drawn` is a copy of eksempler/ after the README's
`tilsyn udtræk` for 2026-11 (the state of `påmind`, `årshjul` and `tiltag`); `filled` has
both series drawn and the reviews filled in by eksempler/udfyld_eksempel.py, some wrong on
purpose (the state of `valider`, `rapport` and `tilbagemelding`). Each test runs in its own
copy, since commands write caches and files. Only absolute paths are normalized.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import EKSEMPLER, TESTS, Cli
from readme_examples import README, argv, assert_in_order, assert_shown, block_after, shown

UDTRAEK = "udtræk eksport.csv --tilsyn månedligt-overordnet --periode 2026-11"


def _in(folder: Path, cli: Cli, command: str, code: int = 0) -> str:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        result = cli(*argv(command))
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """eksempler/ after the README's udtræk, and what that udtræk printed."""
    folder = tmp_path_factory.mktemp("tegnet")
    for name in ("koncept.yaml", "eksport.csv"):
        shutil.copy(EKSEMPLER / name, folder / name)
    yield folder, _in(folder, Cli(), UDTRAEK)


@pytest.fixture(scope="module")
def filled(drawn: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("udfyldt") / "ws"
    shutil.copytree(drawn[0], folder)
    _in(folder, Cli(), "udtræk eksport.csv --tilsyn tematiseret --periode 2026-11")
    script = EKSEMPLER / "udfyld_eksempel.py"
    fill = [sys.executable, str(script), ".", "--senest", "2026-11-30"]
    subprocess.run(fill, cwd=folder, check=True, capture_output=True)
    return folder


def _copy(source: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "kopi"
    shutil.copytree(source, folder)
    return folder


def test_init_kk(cli: Cli, tmp_path: Path) -> None:
    command = "init tilsyn-2027 --forlæg kk"
    assert_shown(_in(tmp_path, cli, command), command)


def test_tjek_warns_about_a_monthly_themed_review(cli: Cli, tmp_path: Path) -> None:
    """The README's warning is the example concept with `kadence: månedlig` under tematiseret."""
    shutil.copy(EKSEMPLER / "koncept.yaml", tmp_path / "koncept.yaml")
    text = (tmp_path / "koncept.yaml").read_text(encoding="utf-8")
    tematiseret = text.index("\n  tematiseret:\n")
    old = "kadence: {hver: 3, start: 2}"
    assert text.index(old, tematiseret) > tematiseret
    text = text[:tematiseret] + text[tematiseret:].replace(old, "kadence: månedlig", 1)
    (tmp_path / "koncept.yaml").write_text(text, encoding="utf-8")
    assert_shown(_in(tmp_path, cli, "tjek"), "tjek")


def test_skabelon_forskel_counts_as_shown(cli: Cli, tmp_path: Path) -> None:
    command = "skabelon forskel overordnet@2024.1 overordnet@2025.1"
    assert shown(command) == []
    output = " ".join(_in(tmp_path, cli, command).split())
    summary = " ".join(block_after("Sidste linje tæller efter:"))
    assert " ".join(summary.split()) in output


def test_udtraek_draws_the_shown_sample(drawn: tuple[Path, str]) -> None:
    assert_shown(drawn[1], UDTRAEK)


def test_the_manifest_excerpt_is_in_the_manifest(drawn: tuple[Path, str]) -> None:
    """Every line of the excerpt but the time and user of the draw, in the same order."""
    manifest = drawn[0] / "udtræk" / "2026-11-månedligt-overordnet" / "udtræk.yaml"
    excerpt = block_after("Uddrag af manifestet")
    assert_in_order(manifest.read_text(encoding="utf-8"), excerpt, ("oprettet:", "oprettet_af:"))


def test_paamind_says_it_once_a_day(drawn: tuple[Path, str], cli: Cli, tmp_path: Path) -> None:
    folder = _copy(drawn[0], tmp_path)
    first = "påmind --dato 2026-11-10"
    assert_shown(_in(folder, cli, first), first)
    again = shown(first + "     # samme dag igen: allerede sagt, så intet") == []
    assert again and _in(folder, cli, first) == ""
    always = "påmind --dato 2026-11-10 --altid"
    assert shown(always + "   # vis status alligevel") == []
    assert _in(folder, cli, always).startswith("Ledelsestilsyn i Eksempelby Kommune, status 10.")


def test_aarshjul(drawn: tuple[Path, str], cli: Cli, tmp_path: Path) -> None:
    folder = _copy(drawn[0], tmp_path)
    for command in (
        "årshjul 2026 --dato 2026-11-10",
        "årshjul 2027 --format ics -o årshjul-2027.ics",
    ):
        assert_shown(_in(folder, cli, command), command)
    assert (folder / "årshjul-2027.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_tiltag_ny_and_tiltag(drawn: tuple[Path, str], cli: Cli, tmp_path: Path) -> None:
    folder = _copy(drawn[0], tmp_path)
    new = (
        'tiltag ny --skabelon overordnet --spørgsmål anbringelse-7 --titel "Partshøring før '
        'anbringelse" --frist 2027-01-31 --dato 2026-11-25 --evaluer-efter 9'
    )
    for command in (new, "tiltag --dato 2027-02-02"):
        assert_shown(_in(folder, cli, command), command)


def test_tiltag_ny_says_when_the_focus_leaves_nothing_to_evaluate(
    drawn: tuple[Path, str], cli: Cli, tmp_path: Path
) -> None:
    folder = _copy(drawn[0], tmp_path)
    command = (
        'tiltag ny --skabelon overordnet --spørgsmål underretning-2 --titel "Akutte indsatser" '
        "--dato 2027-03-05"
    )
    assert_shown(_in(folder, cli, command), command)


def test_cron_with_this_machines_paths(drawn: tuple[Path, str], cli: Cli) -> None:
    command = "cron --tid 06:30"
    output = _in(drawn[0], cli, command)
    output = output.replace(
        str(Path(sys.executable).parent / "tilsyn"), "/opt/tilsyn/.venv/bin/tilsyn"
    )
    output = output.replace(str(drawn[0].resolve() / "koncept.yaml"), "/srv/tilsyn/koncept.yaml")
    assert_shown(output, command)


def test_valider_finds_the_planted_mistakes(filled: Path, cli: Cli, tmp_path: Path) -> None:
    command = "valider udtræk/2026-11-månedligt-overordnet"
    assert_shown(_in(_copy(filled, tmp_path), cli, command, code=1), command)


@pytest.mark.parametrize(
    "command",
    [
        "rapport --periode 2026-11",
        "rapport --periode 2026-K4 --modtager udvalg --format md -o udvalg.md",
        "rapport --periode 2026 --format csv -o tal.csv",
        "rapport --periode 2026-11 --modtager udvalg --format xlsx",
        "rapport --periode 2026-11 --modtager udvalg --format pdf",
        "rapport --periode 2026-K4 --modtager afdeling",
    ],
)
def test_rapport(filled: Path, cli: Cli, tmp_path: Path, command: str) -> None:
    folder = _copy(filled, tmp_path)
    output = _in(folder, cli, command)
    assert_shown(output, command)
    written = output.splitlines()[-1].rsplit(" til ", 1)[1]
    assert (folder / written).stat().st_size > 0


@pytest.mark.parametrize(
    "command",
    [
        "skabelon",
        "skabelon overordnet",
        "skabelon tematiseret@2025.1 --format md > tjekliste.md",
        "skabelon forskel overordnet@2024.1 overordnet@2025.1 --format md > forskel.md",
        "skema",
    ],
)
def test_examples_without_shown_output_run(cli: Cli, tmp_path: Path, command: str) -> None:
    assert shown(command) == []
    shutil.copy(EKSEMPLER / "koncept.yaml", tmp_path / "koncept.yaml")
    assert _in(tmp_path, cli, command.split(" > ", 1)[0]).strip()


def test_tilbagemelding_to_one_caseworker(filled: Path, cli: Cli, tmp_path: Path) -> None:
    folder = _copy(filled, tmp_path)
    command = 'tilbagemelding --periode 2026-11 --rådgiver "Jens Østergaard"'
    assert_shown(_in(folder, cli, command), command)
    *files, summary = shown(command)
    for line in files:
        assert (folder / line).is_file(), line
    assert summary.startswith("Skrev 1 brev for 2026-11 ")


def test_the_versions_table_is_from_the_versions_golden_report() -> None:
    """The excerpt is the golden report test_version_cycle checks against the tool."""
    golden = (TESTS / "golden" / "versioner-leder.md").read_text(encoding="utf-8")
    assert_in_order(golden, block_after("med 2026-10 på 2024.1):"))


def _yaml_block(start: str) -> str:
    """The README's ```yaml block that begins with the line `start`."""
    return start + "\n" + README.split(f"```yaml\n{start}\n", 1)[1].split("```", 1)[0]


def test_the_tiltag_example_is_a_valid_tiltag_file(
    drawn: tuple[Path, str], cli: Cli, tmp_path: Path
) -> None:
    folder = _copy(drawn[0], tmp_path)
    (folder / "tiltag.yaml").write_text(_yaml_block("tiltag:"), encoding="utf-8")
    output = _in(folder, cli, "tiltag --dato 2026-11-30")
    assert "partshøring · Partshøring før anbringelse" in output
    assert "mål: anbringelse-7 (overordnet)" in output  # no pejlemærke: overordnet has none


def test_the_local_template_example_extends_the_builtin_one(cli: Cli, tmp_path: Path) -> None:
    shutil.copy(EKSEMPLER / "koncept.yaml", tmp_path / "koncept.yaml")
    (tmp_path / "skabeloner").mkdir()
    local = tmp_path / "skabeloner" / "vores-overordnet.yaml"
    local.write_text(_yaml_block("id: vores-overordnet"), encoding="utf-8")
    assert "0 fejl" in _in(tmp_path, cli, "tjek")
    tree = _in(tmp_path, cli, "skabelon vores-overordnet")
    assert "skolefravær-1" in tree and "screening-5" not in tree

"""Every command that writes a file or a folder, pointed at a place it cannot write.

Each case must end in one Danish line with a code, exit 1 or 2, and no
traceback; `-` is standard output where one text is written, refused elsewhere.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import Cli

SERIES = "månedligt-overordnet"
ENGLISH = re.compile(
    r"\b(Error|Invalid|directory|Permission|No such|denied|exists|Read-only|file system)\b"
)


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write in (root may write anywhere: use /sys there)."""
    if os.geteuid() == 0:
        if not Path("/sys").is_dir() or (os.access("/sys", os.W_OK) and _writable("/sys")):
            pytest.skip("ingen mappe, som root ikke kan skrive i")
        yield Path("/sys")
        return
    folder = tmp_path / "skrivebeskyttet"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    yield folder
    folder.chmod(0o700)


def _writable(folder: str) -> bool:
    try:
        Path(folder, ".tilsyn-prøve").touch()
    except OSError:
        return False
    Path(folder, ".tilsyn-prøve").unlink()
    return True


def commands(target: str) -> dict[str, list[str]]:
    return {
        "årshjul": ["årshjul", "2027", "--format", "ics", "-o", target],
        "rapport": ["rapport", "--periode", "2026-11", "--format", "md", "-o", target],
        "skema": ["skema", "--mappe", target],
        "init": ["init", target],
    }


CASES = ("mappe", "manglende-mappe", "skrivebeskyttet", "fil", "under-en-fil", "proc", "for-langt")
FOLDER_COMMANDS = ("skema", "init")


def target_for(case: str, command: str, tmp_path: Path, read_only: Path | None) -> str:
    if case == "mappe":
        folder = tmp_path / "en-mappe"
        folder.mkdir(exist_ok=True)
        return str(folder)
    if case == "manglende-mappe":
        return str(Path("/proc/findes-ikke/rapport.md"))
    if case in ("fil", "under-en-fil"):
        file = tmp_path / "en-fil.txt"
        file.write_text("x", encoding="utf-8")
        if case == "under-en-fil":
            return str(file / ("ny" if command in FOLDER_COMMANDS else "rapport.md"))
        return str(file)
    if case == "for-langt":  # a name longer than a file system takes (a probe: exit 3)
        return str(tmp_path / ("a" * 300))
    if case == "proc":  # a folder that exists, where no file can be made
        return str(Path("/proc") / ("ny" if command in FOLDER_COMMANDS else "rapport.md"))
    assert read_only is not None
    return str(read_only / ("ny" if command in FOLDER_COMMANDS else "rapport.md"))


@pytest.mark.parametrize("command", ["årshjul", "rapport", "skema", "init"])
@pytest.mark.parametrize("case", CASES)
def test_a_place_that_cannot_be_written_is_a_danish_error(
    cli: Cli,
    filled_example: Path,
    tmp_path: Path,
    command: str,
    case: str,
    request: pytest.FixtureRequest,
) -> None:
    if (command, case) in {("skema", "mappe"), ("init", "mappe")}:
        pytest.skip("en mappe er det, kommandoen skriver i")
    if case == "fil" and command not in FOLDER_COMMANDS:
        pytest.skip("en fil er det, kommandoen skriver")
    read_only = request.getfixturevalue("read_only") if case == "skrivebeskyttet" else None
    target = target_for(case, command, tmp_path, read_only)
    result = cli(*commands(target)[command])
    output = result.output + (result.stderr or "")
    assert result.exit_code in (1, 2), output
    assert re.search(r"fejl [A-Z]\d{3}: ", output), output
    assert "Tip: " in output, output
    assert not ENGLISH.search(output), output
    if case in ("under-en-fil", "proc"):
        assert "findes ikke" not in output, output
    if case == "for-langt":
        assert "et navn i stien er for langt (300 byte" in output, output
        assert "a" * 61 not in output, output
    assert "intern fejl" not in output and "Traceback" not in output


@pytest.mark.parametrize("command", ["årshjul", "rapport"])
def test_a_dash_means_standard_output(cli: Cli, filled_example: Path, command: str) -> None:
    result = cli(*commands("-")[command])
    assert result.exit_code == 0, result.output
    assert not Path("-").exists()
    expected = "BEGIN:VCALENDAR" if command == "årshjul" else "# "
    assert expected in result.stdout


@pytest.mark.parametrize("command", ["årshjul", "rapport"])
def test_a_named_pipe_is_not_replaced_by_a_file(
    cli: Cli, filled_example: Path, command: str
) -> None:
    """Before, `-o` at a named pipe (or a device: `-o /dev/null` as root) put a regular file
    in its place, and the next run kept that as `.bak`."""
    pipe = filled_example.parent / "rør"
    os.mkfifo(pipe)
    result = cli(*commands(str(pipe))[command])
    assert result.exit_code == 2, result.output
    assert "stien er ikke en almindelig fil (men en enhed, et rør eller en sokkel)" in " ".join(
        result.output.split()
    )
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert not list(filled_example.parent.glob("rør*.bak"))


@pytest.mark.parametrize("command", FOLDER_COMMANDS)
def test_a_dash_is_refused_where_a_folder_is_written(
    cli: Cli, filled_example: Path, command: str
) -> None:
    result = cli(*commands("-")[command])
    assert result.exit_code == 2, result.output
    assert "fejl " in result.output and "standardoutput" in result.output
    assert not Path("-").exists()


@pytest.mark.parametrize("command", ["årshjul", "rapport", "skema", "init"])
@pytest.mark.parametrize("name", ["0102031234", "Emil 010203-1234", "sag_010203 1234"])
def test_no_file_or_folder_is_named_with_a_cpr_number(
    cli: Cli, filled_example: Path, tmp_path: Path, command: str, name: str
) -> None:
    """A name is output too (every listing, backup and attachment shows it): a CPR-like number
    typed into `-o` or `--mappe` makes no file and no folder, whatever the command."""
    (tmp_path / "ud").mkdir()
    target = tmp_path / "ud" / (name if command in FOLDER_COMMANDS else f"{name}.txt")
    result = cli(*commands(str(target))[command])
    output = result.output + (result.stderr or "")
    assert result.exit_code == 2, output
    assert "fejl W006: " in output and "Tip: " in output, output
    assert "1234" not in output, output
    assert not target.exists() and not any((tmp_path / "ud").glob("*")), output


@pytest.mark.parametrize("command", ["årshjul", "rapport"])
@pytest.mark.parametrize("name", ["review", "review.yaml.bak", "tiltag.yaml", "koncept.YML"])
def test_a_filled_review_or_a_workspace_file_is_never_written_over(
    cli: Cli, filled_example: Path, command: str, name: str
) -> None:
    """`-o` at a filled review (or its backup from `migrer`, tiltag.yaml, the concept) wrote the
    calendar over it: `rapport` refused a YAML file (L008), `årshjul --format ics` did not."""
    [review, *_] = sorted((filled_example / "udtræk" / f"2026-11-{SERIES}").glob("S-*.yaml"))
    target = {"review": review, "review.yaml.bak": review.with_name(review.name + ".bak")}.get(
        name, filled_example / name
    )
    if not target.exists():
        target.write_text("tiltag: []\n", encoding="utf-8")
    before = target.read_bytes()
    result = cli(*commands(str(target))[command])
    assert result.exit_code == 2, result.output
    assert "fejl L008: " in result.output and "Tip: " in result.output, result.output
    assert target.read_bytes() == before


@pytest.mark.parametrize("command", ["årshjul", "rapport"])
def test_the_export_a_sample_was_drawn_from_is_never_written_over(
    cli: Cli, filled_example: Path, command: str
) -> None:
    """`rapport --format csv -o eksport.csv` (the README calls the table an export, and the
    case system's file is eksport.csv) wrote the report over the case system's export: the
    manifest's size and SHA-256 could no longer be checked, and the export of that day cannot
    be made again. Now L012, naming the sample drawn from it, and the file is untouched."""
    export = filled_example / "eksport.csv"
    before = export.read_bytes()
    args = commands(str(export))[command]
    if command == "rapport":
        args[args.index("md")] = "csv"
    result = cli(*args)
    assert result.exit_code == 2, result.output
    assert "eksport.csv: fejl L012: " in result.output, result.output
    assert f"udtræk/2026-11-{SERIES}" in result.output and "Tip: " in result.output
    assert export.read_bytes() == before
    copy = filled_example / "kopi.csv"  # a copy with other bytes is no one's audit trail
    copy.write_bytes(before + b"\n")
    args[args.index(str(export))] = str(copy)
    copied = cli(*args)
    if command == "rapport":
        assert copied.exit_code == 0, copied.output
    else:  # a calendar is not written under a .csv name either (L011), but it is not L012
        assert copied.exit_code == 2 and "fejl L011: " in copied.output, copied.output


def test_a_report_is_never_written_among_the_letters(cli: Cli, filled_example: Path) -> None:
    """A probe: `rapport -o tilbagemeldinger/2026-06/<rådgiver>.md` put the leader's report,
    with colleagues' cases, in a letter's place (the letter kept as `.bak`); `tilbagemelding`
    then kept it as a letter edited by hand, and `--mail` would send it to the caseworker."""
    folder = filled_example / "tilbagemeldinger" / "2026-11"
    folder.mkdir(parents=True)
    letter = folder / "Anna_Holm-12345678.md"
    letter.write_text("Kære Anna\n", encoding="utf-8")
    result = cli("rapport", "--dato", "2026-11-30", "--format", "md", "-o", str(letter))
    assert result.exit_code == 2, result.output
    assert "fejl L020: " in result.output and "Tip: " in result.output, result.output
    assert letter.read_text(encoding="utf-8") == "Kære Anna\n"
    assert list(folder.iterdir()) == [letter]

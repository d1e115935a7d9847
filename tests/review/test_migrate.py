"""`tilsyn migrer`: a 2024.1 sample with reviews in every state, moved to overordnet@2025.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from migrate_support import DAY, FOLDER, OLD, drawn_folder, read_review, render

from conftest import Cli

FOCUS = ["underretning", "screening", "afdækning"]
CASES = ("S-1", "S-2", "S-3", "S-4")
PARTIAL = {
    "underretning-1": ('"ja"', "'Vurderet samme dag; se S:\\notater\\u-1.docx, ''akut''.'"),
    "screening-1": ('"nej"', '"Screeningen mangler.\\nDrøftet med teamlederen."'),
    "afdækning-2": ('"nej"', "'Fagpersoner ikke inddraget.'"),
}
CORRECTION = (
    "      rettelse:\n"
    '        handling: "screeningen laves og noteres"\n'
    '        frist: "2026-11-15"\n'
)


def _render(ref: str, case: str, review_no: int | None = None) -> str:
    return render(ref, case, FOCUS, review_no)


def _answered(text: str, answers: dict[str, tuple[str, str]], default: str | None) -> str:
    """Fill in the given answers, and every other one with `default` (None: leave empty)."""
    lines = text.split("\n")
    text = text.replace('gennemført_af: ""', 'gennemført_af: "Leder Lund"')
    lines = text.replace('dato: ""', f'dato: "{DAY}"').split("\n")
    current = ""
    for i, line in enumerate(lines):
        if line.startswith("    ") and line.strip().endswith(":") and not line.startswith("     "):
            current = line.strip()[:-1]
        if line == '      svar: ""':
            if current in answers:
                lines[i] = f"      svar: {answers[current][0]}"
                lines[i + 1] = f"      kommentar: {answers[current][1]}"
                if current == "screening-1":
                    lines[i + 1] += "\n" + CORRECTION.rstrip("\n")
            elif default is not None:
                lines[i] = f'      svar: "{default}"'
    return "\n".join(lines)


@pytest.fixture
def sample(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """udtræk/2026-10-…: not started, partly filled, finished and invalid, all on 2024.1."""
    monkeypatch.chdir(workspace)
    folder = drawn_folder(workspace, FOCUS, CASES)
    files = {
        "S-1": _render(OLD, "S-1"),
        "S-2": _answered(_render(OLD, "S-2"), PARTIAL, None),
        "S-3": _answered(_render(OLD, "S-3"), PARTIAL, "ja"),
        "S-4": _answered(_render(OLD, "S-4"), {"screening-1": ('"jaa"', "''")}, None),
    }
    for case, text in files.items():
        (folder / f"{case}.yaml").write_text(text, encoding="utf-8")
    return folder


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_migrer_moves_unfinished_reviews_and_carries_answers(cli: Cli, sample: Path) -> None:
    before = _bytes(sample)
    old_partial = read_review(sample / "S-2.yaml")
    result = cli("migrer", FOLDER, "--til", "overordnet@2025.1", "--dato", DAY)
    assert result.exit_code == 1, result.output  # S-4 is invalid: a person must mend it
    out = result.output
    assert f"{FOLDER}/S-1.yaml (ikke påbegyndt): overordnet@2024.1 → overordnet@2025.1" in out
    assert "S-2.yaml (delvist udfyldt)" in out and "2 svar flyttet med" in out
    assert "besvares på ny: afdækning-2" in out
    assert f"den gamle fil er gemt som {FOLDER}/S-2.yaml.bak" in out
    assert "S-3.yaml: er færdig og røres ikke (brug --også-færdige)." in out
    assert "S-4.yaml: er ugyldig" in out
    assert "2 gennemgange flyttet til overordnet@2025.1; 2 ikke rørt." in out
    assert "1 gennemgang skal rettes, før den kan flyttes (se ovenfor)." in str(result.stderr)
    after = _bytes(sample)
    for name in ("S-3.yaml", "S-4.yaml", "udtræk.yaml"):
        assert after[name] == before[name], name
    assert after["S-1.yaml.bak"] == before["S-1.yaml"]
    assert after["S-2.yaml.bak"] == before["S-2.yaml"]
    # A not-started review is exactly the file udtræk would write for the new version.
    assert after["S-1.yaml"].decode() == _render("overordnet@2025.1", "S-1")
    moved = read_review(sample / "S-2.yaml")
    assert moved.template == "overordnet@2025.1"
    assert (moved.reviewer, moved.date) == (old_partial.reviewer, old_partial.date)
    for step, question in (("underretning", "underretning-1"), ("screening", "screening-1")):
        assert moved.answers[step][question] == old_partial.answers[step][question]
    assert moved.answers["screening"]["screening-1"].correction is not None
    assert moved.answers["afdækning"]["afdækning-2"].answer == ""
    valid = cli("valider", f"{FOLDER}/S-1.yaml", f"{FOLDER}/S-2.yaml", "--dato", DAY)
    assert valid.exit_code == 0, valid.output
    assert "G032" not in valid.output


def test_migrer_twice_changes_nothing_and_never_overwrites_a_backup(cli: Cli, sample: Path) -> None:
    (sample / "S-1.yaml.bak").write_text("en ældre kopi\n", encoding="utf-8")
    original = (sample / "S-1.yaml").read_bytes()
    assert cli("migrer", FOLDER, "--til", "overordnet@2025.1", "--dato", DAY).exit_code == 1
    assert (sample / "S-1.yaml.bak").read_text(encoding="utf-8") == "en ældre kopi\n"
    assert (sample / "S-1.yaml.2.bak").read_bytes() == original
    first = _bytes(sample)
    again = cli("migrer", FOLDER, "--til", "overordnet@2025.1", "--dato", DAY)
    assert again.exit_code == 1  # S-4 is still invalid
    assert "0 gennemgange flyttet" in again.output
    assert "S-1.yaml: er allerede på overordnet@2025.1." in again.output
    assert _bytes(sample) == first


def test_migrer_back_to_an_older_version_says_the_file_is_newer(cli: Cli, sample: Path) -> None:
    assert cli("migrer", FOLDER, "--til", "overordnet@2025.1", "--dato", DAY).exit_code == 1
    moved = _bytes(sample)
    back = cli("migrer", FOLDER, "--til", "overordnet@2024.1", "--dato", DAY)
    assert back.exit_code == 0, back.output
    assert (
        "S-1.yaml: er på overordnet@2025.1, der er nyere end overordnet@2024.1; en gennemgang "
        "flyttes kun til en nyere version."
    ) in back.output
    assert "S-3.yaml: er allerede på overordnet@2024.1." in back.output
    assert _bytes(sample) == moved


def test_migrer_on_a_folder_without_reviews_says_so(cli: Cli, sample: Path) -> None:
    (sample.parent / "tom.yaml").mkdir()
    result = cli("migrer", "udtræk/tom.yaml", "--til", "overordnet@2025.1", "--dato", DAY)
    assert result.exit_code == 0, result.output
    assert result.output == "Ingen gennemgange fundet (kiggede i udtræk/tom.yaml).\n"


def test_migrer_dry_run_writes_nothing(cli: Cli, sample: Path) -> None:
    before = _bytes(sample)
    result = cli("migrer", FOLDER, "--til", "overordnet@2025.1", "--tør", "--dato", DAY)
    assert result.exit_code == 1, result.output
    assert "2 gennemgange flyttes til overordnet@2025.1" in result.output
    assert "Tør kørsel: intet er skrevet." in result.output
    assert _bytes(sample) == before


def test_migrer_dry_run_names_the_backup_a_real_run_writes(cli: Cli, sample: Path) -> None:
    """An older backup takes `S-1.yaml.bak`: the dry run names the free name the run takes."""
    (sample / "S-1.yaml.bak").write_text("en ældre kopi\n", encoding="utf-8")
    args = ("migrer", FOLDER, "--til", "overordnet@2025.1", "--dato", DAY)
    dry = cli(*args, "--tør")
    assert dry.exit_code == 1, dry.output
    assert f"den gamle fil gemmes som {FOLDER}/S-1.yaml.2.bak" in dry.output
    assert f"den gamle fil gemmes som {FOLDER}/S-2.yaml.bak" in dry.output
    assert not (sample / "S-1.yaml.2.bak").exists() and not (sample / "S-2.yaml.bak").exists()
    real = cli(*args)
    assert f"den gamle fil er gemt som {FOLDER}/S-1.yaml.2.bak" in real.output
    assert f"den gamle fil er gemt som {FOLDER}/S-2.yaml.bak" in real.output


def test_migrer_finished_reviews_only_when_asked(cli: Cli, sample: Path) -> None:
    old = read_review(sample / "S-3.yaml")
    result = cli("migrer", FOLDER, "--til", "overordnet@2025.1", "--også-færdige", "--dato", DAY)
    assert result.exit_code == 1, result.output
    assert "S-3.yaml (færdig)" in result.output
    moved = read_review(sample / "S-3.yaml")
    assert moved.answers["screening"]["screening-1"] == old.answers["screening"]["screening-1"]
    assert moved.answers["screening"]["screening-2"] == old.answers["screening"]["screening-2"]
    assert moved.answers["afdækning"]["afdækning-2"].answer == ""
    assert (sample / "S-4.yaml.bak").exists() is False


def test_a_review_with_a_cpr_number_is_not_moved(cli: Cli, sample: Path) -> None:
    """Moving it would mask the number in the new file without a word and keep it in the
    backup; the user deletes it first, where valider shows it."""
    path = sample / "S-2.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("'Fagpersoner ikke inddraget.'", "'010203-1234'"),
        encoding="utf-8",
    )
    before = path.read_bytes()
    result = cli("migrer", FOLDER, "--til", "overordnet@2025.1", "--dato", DAY)
    assert result.exit_code == 1, result.output
    assert "S-2.yaml: indeholder noget, der ligner et CPR-nummer" in result.output
    assert "010203" not in result.output
    assert path.read_bytes() == before
    assert not (sample / "S-2.yaml.bak").exists()
    assert (sample / "S-1.yaml.bak").exists()


@pytest.mark.parametrize("line", ["# Emil 010203-1234 ringede", "    # mor: 0102031234"])
def test_a_cpr_number_in_a_comment_line_is_not_moved_either(
    cli: Cli, sample: Path, line: str
) -> None:
    """A `# …` line is the reviewer's text too, and `migrer` carries it: the new file would
    mask it without a word, and the backup would keep it."""
    path = sample / "S-2.yaml"
    text = path.read_text(encoding="utf-8").replace("\nsvar:\n", f"\n{line}\nsvar:\n", 1)
    assert line in text
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    result = cli("migrer", FOLDER, "--til", "overordnet@2025.1", "--dato", DAY)
    assert result.exit_code == 1, result.output
    assert "S-2.yaml: indeholder noget, der ligner et CPR-nummer" in result.output
    assert path.read_bytes() == before and not (sample / "S-2.yaml.bak").exists()
    checked = cli("valider", f"{FOLDER}/S-2.yaml", "--dato", DAY)
    assert "G030" in checked.output and "1234" not in checked.output, checked.output


def test_migrer_bad_target_is_a_usage_error(cli: Cli, sample: Path) -> None:
    result = cli("migrer", FOLDER, "--til", "overordnt@2025.1")
    assert result.exit_code == 2
    assert "--til: fejl T010" in result.output and "mente du 'overordnet'?" in result.output
    before = _bytes(sample)
    assert cli("migrer", FOLDER, "--til", "overordnet@2030.1").exit_code == 2
    assert _bytes(sample) == before


def test_paamind_sees_the_same_states_after_migrer(cli: Cli, sample: Path) -> None:
    before = cli("påmind", "--altid", "--dato", DAY).output
    assert "1 af 4 gennemgange færdig (1 ikke påbegyndt, 1 delvist udfyldt, 1 ugyldig)" in before
    assert cli("migrer", FOLDER, "--til", "overordnet@2025.1", "--dato", DAY).exit_code == 1
    assert cli("påmind", "--altid", "--dato", DAY).output == before


def test_reviews_on_another_template_are_only_counted(cli: Cli, sample: Path) -> None:
    other = sample / "S-4.yaml"
    other.write_text(
        other.read_text(encoding="utf-8").replace("overordnet@2024.1", "tematiseret@2024.1"),
        encoding="utf-8",
    )
    result = cli("migrer", "udtræk", "--til", "overordnet@2025.1", "--dato", DAY)
    assert result.exit_code == 0, result.output
    assert "S-4.yaml" not in result.output
    assert "2 gennemgange flyttet til overordnet@2025.1; 2 ikke rørt (heraf 1 på en anden " in (
        " ".join(result.output.split())
    )


def test_only_a_file_a_person_must_mend_makes_the_run_fail(cli: Cli, sample: Path) -> None:
    """The invalid S-4 is exit 1, with --tør too, so a script sees that a review was left on
    the old version; a finished one only left alone (S-3) is not."""
    args = ("migrer", FOLDER, "--til", "overordnet@2025.1", "--dato", DAY)
    dry = cli(*args, "--tør")
    assert dry.exit_code == 1, dry.output
    assert "1 gennemgang skal rettes, før den kan flyttes (se ovenfor)." in str(dry.stderr)
    (sample / "S-4.yaml").unlink()
    for result in (cli(*args, "--tør"), cli(*args), cli(*args)):
        assert result.exit_code == 0, result.output
        assert "skal rettes" not in result.output


@pytest.mark.parametrize("when", ["før kopien", "efter kopien"])
def test_a_review_saved_while_migrer_works_is_left_as_the_leader_saved_it(
    cli: Cli, sample: Path, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    """The new text is made from the file as it was read: a leader's save in between was kept
    only in the .bak, and the run said the usual (found by a probe). Now the file is looked
    at again before the backup and just before the rename, and left alone if it changed."""
    import ledelsestilsyn.review.migrate as migrate

    saved = (sample / "S-2.yaml").read_text(encoding="utf-8") + "# lederens nye note\n"
    real = migrate.keep_backup

    def leader_saves(path: Path) -> Path:
        if path.name == "S-2.yaml" and when == "før kopien":
            path.write_text(saved, encoding="utf-8")
        made = real(path)
        if path.name == "S-2.yaml" and when == "efter kopien":
            path.write_text(saved, encoding="utf-8")
        return made

    monkeypatch.setattr(migrate, "keep_backup", leader_saves)
    result = cli("migrer", FOLDER, "--til", "overordnet@2025.1", "--dato", DAY)
    assert result.exit_code == 1, result.output
    assert (sample / "S-2.yaml").read_text(encoding="utf-8") == saved
    assert "S-2.yaml: blev gemt, mens migrer arbejdede, og er ikke flyttet" in result.output
    assert "S-1.yaml (ikke påbegyndt): overordnet@2024.1 → overordnet@2025.1" in result.output

"""`tilsyn migrer` never loses what a person typed (the user trial's findings).

A half-filled review on overordnet@2024.1 with `samtykke_til_eksempel: ja`, corrections under
questions that changed in 2025.1 (opfølgning-3, opfølgning-14) and the reviewer's own `# …`
lines: the header, the corrections and the comments are in the new file, and the run says, per
file, what it could not carry. A finished review moved with --også-færdige says that it becomes
partly filled in and how many questions are asked anew.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from migrate_support import DAY, FOLDER, NEW, OLD, drawn_folder, read_review, render

from conftest import Cli

FOCUS = ["afdækning", "opfølgning"]
LATER = "2026-12-01"
MIGRER = ("migrer", FOLDER, "--til", NEW, "--dato", DAY)


def _render(case: str) -> str:
    return render(OLD, case, FOCUS)


def _answer(text: str, question: str, *lines: str) -> str:
    empty = f"    {question}:\n      svar: \"\"\n      kommentar: ''\n"
    assert empty in text, question
    return text.replace(empty, f"    {question}:\n" + "".join(f"{line}\n" for line in lines))


def _correction(action: str) -> tuple[str, ...]:
    return (
        "      rettelse:",
        f'        handling: "{action}"',
        '        ansvarlig: "Anna Holm"',
        '        frist: "2026-11-15"',
    )


def _half_filled() -> str:
    text = _render("S-1").replace('gennemført_af: ""', 'gennemført_af: "Leder Lund"')
    text = text.replace('dato: ""', f'dato: "{DAY}"')
    text = text.replace("udgangspunkt: ''", "udgangspunkt: 'underretning fra skolen'")
    text = text.replace("svar:\n", "samtykke_til_eksempel: ja\nsvar:\n", 1)
    text = _answer(
        text,
        "afdækning-1",
        "      # Egen note: ring til rådgiveren om netværket",
        '      svar: "ja"  # tjek igen i december',
        "      kommentar: 'Se notat #3 fra mødet.'",
    )
    text = _answer(
        text,
        "opfølgning-3",
        '      svar: "nej"',
        "      kommentar: 'Barnets ønsker er ikke taget med.'",
        *_correction("opfølgningen tilrettelægges med barnet"),
        "    # Egen note under opfølgning-3: drøftes på teammødet",
    )
    text = _answer(
        text,
        "opfølgning-14",
        '      svar: "nej"',
        "      kommentar: 'Mangler.'",
        *_correction("planen opdateres"),
    )
    return "# Min egen note øverst i filen\n" + text


def _finished() -> str:
    text = _render("S-2").replace('gennemført_af: ""', 'gennemført_af: "Leder Lund"')
    text = text.replace('dato: ""', f'dato: "{DAY}"')
    return text.replace('      svar: ""', '      svar: "ja"')


@pytest.fixture
def trial(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The trial's sample: S-1 half filled in, S-2 finished, both on 2024.1."""
    monkeypatch.chdir(workspace)
    folder = drawn_folder(workspace, FOCUS, ("S-1", "S-2"))
    (folder / "S-1.yaml").write_text(_half_filled(), encoding="utf-8")
    (folder / "S-2.yaml").write_text(_finished(), encoding="utf-8")
    return folder


def test_every_header_field_is_carried(cli: Cli, trial: Path) -> None:
    old = read_review(trial / "S-1.yaml")
    assert old.consent is True
    assert cli(*MIGRER).exit_code == 0
    new = read_review(trial / "S-1.yaml")
    assert new.template == NEW
    for field in ("consent", "reviewer", "date", "starting_point", "series", "period", "case"):
        assert getattr(new, field) == getattr(old, field), field
    assert "samtykke_til_eksempel: ja\n" in (trial / "S-1.yaml").read_text(encoding="utf-8")


def test_corrections_under_changed_questions_stay_and_are_named(cli: Cli, trial: Path) -> None:
    old = read_review(trial / "S-1.yaml")
    dry = cli(*MIGRER, "--tør")
    assert dry.exit_code == 0, dry.output
    for out, verb in ((dry.output, "flyttes"), (cli(*MIGRER).output, "er flyttet")):
        text = " ".join(out.split())
        for question in ("opfølgning-3", "opfølgning-14"):
            assert (
                f"rettelsen under {question} {verb} med, men spørgsmålet er ændret: den står "
                f"under {question} i {NEW}"
            ) in text, out
        assert "besvares på ny: opfølgning-3, opfølgning-14" in text
    new = read_review(trial / "S-1.yaml")
    for question in ("opfølgning-3", "opfølgning-14"):
        before, after = old.answers["opfølgning"][question], new.answers["opfølgning"][question]
        assert after.correction == before.correction
        assert after.answer == ""
    written = (trial / "S-1.yaml").read_text(encoding="utf-8")
    assert f"# Fra {OLD}, hvor spørgsmålet lød anderledes:" in written
    assert '# kommentar dengang: "Barnets ønsker er ikke taget med."' in written
    valid = cli("valider", f"{FOLDER}/S-1.yaml", "--dato", DAY)
    assert valid.exit_code == 0, valid.output


def test_paamind_still_knows_the_corrections_after_migrer(cli: Cli, trial: Path) -> None:
    before = cli("påmind", "--altid", "--dato", LATER).output
    assert "opfølgning-3: rettelse" in before and "opfølgning-14: rettelse" in before
    assert cli(*MIGRER).exit_code == 0
    assert cli("påmind", "--altid", "--dato", LATER).output == before


def test_own_comments_are_carried_where_they_stood(cli: Cli, trial: Path) -> None:
    dry = cli(*MIGRER, "--tør")
    assert "4 egne kommentarlinjer (# …) flyttes med." in dry.output
    result = cli(*MIGRER)
    assert "4 egne kommentarlinjer (# …) flyttet med." in result.output
    lines = (trial / "S-1.yaml").read_text(encoding="utf-8").split("\n")
    at = lines.index("      # Egen note: ring til rådgiveren om netværket")
    assert lines[at - 1] == "    afdækning-1:"
    assert lines[at + 1] == '      svar: "ja"  # tjek igen i december'
    assert lines[at + 2] == "      kommentar: 'Se notat #3 fra mødet.'"
    assert "    # Egen note under opfølgning-3: drøftes på teammødet" in lines
    assert lines[0] == "# Min egen note øverst i filen"
    assert sum("#3" in line for line in lines) == 1


def test_a_finished_review_says_it_becomes_partly_filled_in(cli: Cli, trial: Path) -> None:
    flags = ("--også-færdige",)
    for out in (cli(*MIGRER, *flags, "--tør").output, cli(*MIGRER, *flags).output):
        text = " ".join(out.split())
        assert "S-2.yaml (færdig):" in text
        assert (
            "bliver delvist udfyldt (var færdig): 3 spørgsmål skal besvares på ny, og indtil "
            "da tæller den ikke med i rapporten."
        ) in text, out
    valid = cli("valider", f"{FOLDER}/S-2.yaml", "--dato", DAY)
    assert "delvist udfyldt" in valid.output


HEAD = 'id: lokal\ntitel: "Lokal"\ntype: overordnet\nskala:\n  - svar: ja\n  - svar: nej\n'
UNANSWERED = '      - {id: a-5, tekst: "Er sagen afsluttet?", hjemmel: "§ 5"}\n'
LOCAL = {
    "1": '      - {id: a-1, tekst: "Er planen lavet?", hjemmel: "§ 1"}\n'
    '      - {id: a-2, tekst: "Er barnet hørt?", hjemmel: "§ 2"}\n' + UNANSWERED,
    "2": '      - {id: a-3, tekst: "Er planen lavet og fulgt?", hjemmel: "§ 1", erstatter: a-1}\n'
    + UNANSWERED,
}


@pytest.fixture
def local(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace template `lokal` whose version 2 renames a-1 to a-3 and drops a-2, and a
    review on lokal@1 with a correction under a-2."""
    monkeypatch.chdir(workspace)
    (workspace / "skabeloner").mkdir(exist_ok=True)
    for version, questions in LOCAL.items():
        (workspace / "skabeloner" / f"lokal-{version}.yaml").write_text(
            f'{HEAD}version: "{version}"\nsagsskridt:\n  - id: a\n    titel: A\n'
            "    spørgsmål:\n" + questions,
            encoding="utf-8",
        )
    folder = drawn_folder(workspace, ["a"], ("S-1",), "lokal@1")
    text = render("lokal@1", "S-1", ["a"], workspace=workspace)
    text = _answer(
        text, "a-1", "      # Egen note om planen", '      svar: "ja"', "      kommentar: ''"
    )
    text = _answer(
        text, "a-2", '      svar: "nej"', "      kommentar: 'Ikke hørt.'", *_correction("høres")
    )
    text = text.replace('gennemført_af: ""', 'gennemført_af: "Leder Lund"')
    (folder / "S-1.yaml").write_text(text.replace('dato: ""', f'dato: "{DAY}"'), encoding="utf-8")
    return folder


def test_a_correction_under_a_removed_question_stops_the_move(cli: Cli, local: Path) -> None:
    before = (local / "S-1.yaml").read_bytes()
    args = ("migrer", FOLDER, "--til", "lokal@2", "--dato", DAY)
    for result in (cli(*args, "--tør"), cli(*args)):
        assert result.exit_code == 1, result.output
        text = " ".join(result.output.split())
        assert (
            "S-1.yaml: rettelsen under a-2 kan ikke flyttes med, for spørgsmålet findes ikke i "
            "lokal@2, og påmind og rapporten ville miste den; flyt den til et andet spørgsmål "
            "først (eller brug --rettelser-som-kommentar)."
        ) in text, result.output
    assert (local / "S-1.yaml").read_bytes() == before
    assert not (local / "S-1.yaml.bak").exists()


def test_with_the_flag_a_removed_questions_correction_is_kept_as_a_comment(
    cli: Cli, local: Path
) -> None:
    result = cli("migrer", FOLDER, "--til", "lokal@2", "--dato", DAY, "--rettelser-som-kommentar")
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert (
        "rettelsen under a-2 kan ikke flyttes med, for spørgsmålet findes ikke i lokal@2: den "
        f"står som kommentar sidst i den nye fil og i {FOLDER}/S-1.yaml.bak, og påmind og "
        "rapporten følger den ikke længere."
    ) in text, result.output
    lines = (local / "S-1.yaml").read_text(encoding="utf-8").split("\n")
    assert lines[-5:] == [
        "# ── Fra lokal@1: svar på spørgsmål, der ikke findes i lokal@2 ──",
        '# a-2: svar dengang: "nej"',
        '# a-2: kommentar dengang: "Ikke hørt."',
        '# a-2: rettelse dengang: handling "høres", ansvarlig "Anna Holm", frist "2026-11-15"',
        "",
    ]
    at = lines.index("      # Egen note om planen")
    assert lines[at - 1] == "    a-3:" and lines[at + 1] == '      svar: "ja"'
    moved = read_review(local / "S-1.yaml")
    assert set(moved.answers["a"]) == {"a-3", "a-5"}
    assert moved.answers["a"]["a-3"].answer == "ja"


def test_a_hash_inside_a_text_is_no_comment_and_the_schema_line_stays_first(
    cli: Cli, trial: Path
) -> None:
    path = trial / "S-1.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "      kommentar: 'Se notat #3 fra mødet.'",
        "      kommentar: |\n        Se notat\n        # 3 fra mødet, ikke en kommentar",
    )
    path.write_text("# yaml-language-server: $schema=../../skema/x.json\n" + text, "utf-8")
    result = cli(*MIGRER)
    assert "4 egne kommentarlinjer (# …) flyttet med." in result.output, result.output
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("# yaml-language-server: $schema=../../skema/")
    assert lines[1] == "# Min egen note øverst i filen"
    # The text is carried as the block it was: its '# 3' line is a line of the text (it is in
    # the value below), not a comment line added to the file.
    assert sum("ikke en kommentar" in line for line in lines) == 1
    moved = read_review(path).answers["afdækning"]["afdækning-1"]
    assert moved.comment == "Se notat\n# 3 fra mødet, ikke en kommentar"


def test_comments_that_cannot_be_placed_are_named_as_only_in_the_backup(
    cli: Cli, trial: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last guard: if putting the comments in changed what the file says, none go in."""
    from ledelsestilsyn.review import migrate_comments

    monkeypatch.setattr(migrate_comments, "_place", lambda new, *_: new + "ekstra: ja\n")
    result = cli(*MIGRER)
    assert f"4 egne kommentarlinjer (# …) står kun i {FOLDER}/S-1.yaml.bak." in result.output
    assert "# Min egen note øverst i filen" not in (trial / "S-1.yaml").read_text("utf-8")


def test_a_carried_correction_keeps_its_empty_fields_to_fill_in(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A correction written with all four fields (as the file's own example and 'udfyld'
    write it) lost its empty 'ansvarlig' and 'udført' in the migrated file, so 'udført:',
    where påmind tells the leader to write the date, was no longer there to fill in."""
    text = _answer(
        _render("S-1").replace('gennemført_af: ""', 'gennemført_af: "Leder Lund"'),
        "opfølgning-3",
        '      svar: "nej"',
        "      kommentar: 'Barnets ønsker er ikke taget med.'",
        "      rettelse:",
        '        handling: "opfølgningen tilrettelægges med barnet"',
        '        ansvarlig: ""',
        '        frist: "2026-11-15"',
        '        udført: ""',
    )
    monkeypatch.chdir(workspace)
    path = drawn_folder(workspace, FOCUS, ("S-1",)) / "S-1.yaml"
    path.write_text(text.replace('dato: ""', f'dato: "{DAY}"'), encoding="utf-8")
    result = cli("migrer", FOLDER, "--til", NEW, "--dato", DAY)
    assert result.exit_code == 0, result.output
    moved = path.read_text(encoding="utf-8")
    assert (
        "      rettelse:\n"
        '        handling: "opfølgningen tilrettelægges med barnet"\n'
        '        ansvarlig: ""\n'
        '        frist: "2026-11-15"\n'
        '        udført: ""\n'
    ) in moved, moved


def test_a_removed_questions_answer_is_not_said_to_be_asked_anew(cli: Cli, local: Path) -> None:
    """The run said 'besvares på ny: a-2' for a question the new version does not have, so
    the reviewer looked for a question to answer that is not in the file. A removed
    question's answer is said to stand as a comment at the end of the file instead."""
    args = ("migrer", FOLDER, "--til", "lokal@2", "--dato", DAY, "--rettelser-som-kommentar")
    for result in (cli(*args, "--tør"), cli(*args)):
        assert result.exit_code == 0, result.output
        line = " ".join(result.output.split("\n")[0].split())
        assert "besvares på ny" not in line, line
        assert "; udgået i lokal@2 (svaret står som kommentar sidst i filen): a-2;" in line, line


@pytest.mark.parametrize(
    ("written", "value"),
    [
        (
            "|\n        Barnet er hørt.\n        Planen følges op i januar.\n",
            "Barnet er hørt.\nPlanen følges op i januar.",
        ),
        (
            "|-\n        Barnet er hørt.\n\n        Planen følges op i januar.\n",
            "Barnet er hørt.\n\nPlanen følges op i januar.",
        ),
    ],
    ids=["keep-last-break", "strip-last-break"],
)
def test_a_comment_written_as_a_block_stays_a_block(
    cli: Cli, trial: Path, written: str, value: str
) -> None:
    """A comment the reviewer wrote over several lines as a '|' block became one double-quoted
    line with '\\n' in it: the text was the same, but not as the reviewer wrote it and not
    to be edited as lines any more. Now a text with line breaks is carried as a block."""
    path = trial / "S-1.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "      kommentar: 'Se notat #3 fra mødet.'", f"      kommentar: {written.rstrip(chr(10))}"
    )
    path.write_text(text, encoding="utf-8")
    assert read_review(path).answers["afdækning"]["afdækning-1"].comment == value
    result = cli(*MIGRER)
    assert result.exit_code == 0, result.output
    moved = path.read_text(encoding="utf-8")
    assert f"      kommentar: {written}" in moved, moved
    assert "hørt.\\n" not in moved
    assert read_review(path).answers["afdækning"]["afdækning-1"].comment == value


def test_a_review_that_is_a_link_leaves_no_backup(cli: Cli, trial: Path, tmp_path: Path) -> None:
    """Probe BC: migrer refused the link (W002) after it had kept a backup of it, a `.bak`
    link to the file outside; the next run's backup became `S-1.yaml.2.bak`."""
    outside = tmp_path / "udenfor.yaml"
    outside.write_text((trial / "S-1.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (trial / "S-1.yaml").unlink()
    (trial / "S-1.yaml").symlink_to(outside)
    result = cli(*MIGRER)
    assert result.exit_code in (1, 2) and "W002" in result.output, result.output
    assert not list(trial.glob("S-1.yaml*.bak"))

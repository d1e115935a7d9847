"""`tilsyn tilbagemelding`: one letter per caseworker, golden, and nothing about anyone else."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import TESTS, Cli, edit_concept

sys.path.insert(0, str(TESTS / "report"))
from report_data import WORKERS, build_workspace

from ledelsestilsyn.followup.feedback import letter_path

GOLDEN = TESTS / "golden"
ARGS = ("tilbagemelding", "--periode", "2026-11", "--dato", "2026-11-25")
NOV = "udtræk/2026-11-månedligt-overordnet"


@pytest.fixture
def ws(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    build_workspace(workspace)
    monkeypatch.chdir(workspace)
    first = workspace / NOV / "S-2026-11-000.yaml"  # Anna Holm's case
    lines = first.read_text(encoding="utf-8").splitlines()
    at = lines.index('      svar: "nej"')
    lines[at + 1] = '      kommentar: "Bo Lind overtog sagen; CPR 010203-1234 stod i notatet."'
    lines[at + 2 : at + 2] = [
        "      rettelse:",
        '        handling: "partshøring gennemføres"',
        '        frist: "2026-12-15"',
    ]
    first.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return workspace


def letters(root: Path) -> dict[str, str]:
    folder = root / "tilbagemeldinger" / "2026-11"
    return {
        p.name: p.read_text(encoding="utf-8")
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.startswith(".")  # .sager: the cases, for påmind
    }


def own(found: dict[str, str], worker: str, suffix: str) -> str:
    stem = worker.replace(" ", "_")
    [text] = [t for name, t in found.items() if name.startswith(stem) and name.endswith(suffix)]
    return text


def test_one_letter_per_caseworker_in_markdown_and_html(cli: Cli, ws: Path) -> None:
    result = cli(*ARGS)
    assert result.exit_code == 0, result.output
    found = letters(ws)
    assert len(found) == 2 * len(WORKERS)
    anna = own(found, "Anna Holm", ".md")
    assert anna.startswith("# Tilbagemelding fra ledelsestilsynet 2026-11\n\nTil: Anna Holm")
    assert "**underretning-2**" in anna and "barnets lov § 136" in anna
    assert "partshøring gennemføres, frist 15. december 2026, ikke udført endnu" in anna
    assert "## Det gik godt" in anna and "## Til sammenligning" in anna
    html = own(found, "Anna Holm", ".html")
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # self-contained
    again = cli(*ARGS)  # nothing changed: each file is said to be unchanged (it said
    assert again.exit_code == 0, again.output  # "Skrev 0 breve" under files it had not written)
    named = [x for x in again.stdout.splitlines() if x.endswith((".md", ".html", "(uændret)"))]
    assert len(named) == 2 * len(WORKERS) and all(x.endswith(" (uændret)") for x in named)
    assert "Skrev 0 breve" in again.output


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_a_letter_holds_nothing_about_any_other_caseworker(cli: Cli, ws: Path, suffix: str) -> None:
    assert cli(*ARGS).exit_code == 0
    found = letters(ws)
    case_ids = {
        worker: {
            m.group(1)
            for p in ws.glob("udtræk/*2026-11*/*.yaml")
            if p.name != "udtræk.yaml"
            and f'rådgiver: "{worker}"' in (text := p.read_text(encoding="utf-8"))
            and (m := re.search(r'^  id: "(.*)"$', text, re.M))
        }
        for worker in WORKERS
    }
    assert all(case_ids.values())
    for worker in WORKERS:
        text = own(found, worker, suffix)
        assert worker in text
        for other in WORKERS:
            if other == worker:
                continue
            assert other not in text, f"{other} står i brevet til {worker}"
            for case_id in case_ids[other] - case_ids[worker]:
                assert case_id not in text, f"{case_id} står i brevet til {worker}"
        assert "1234" not in text and "010203" not in text


def test_the_other_name_in_a_comment_becomes_a_colleague(cli: Cli, ws: Path) -> None:
    assert cli(*ARGS).exit_code == 0
    anna = own(letters(ws), "Anna Holm", ".md")
    assert "en kollega overtog sagen; CPR XXXXXX-XXXX stod i notatet." in anna


def test_a_caseworker_without_a_finished_review_is_a_colleague_too(cli: Cli, ws: Path) -> None:
    """Every caseworker the workspace knows is hidden: one drawn in a sample whose review is
    not finished yet counts as much as one with a finished review in the period."""
    manifest = ws / NOV / "udtræk.yaml"
    drawn = '  - id: "S-ekstra"\n    rådgiver: "Gitte Ravn"\n    team: "Team Nord"\n'
    drawn += '    begrundelse: "tilfældig"\n    filer: [S-ekstra.yaml]\n'
    manifest.write_text(manifest.read_text(encoding="utf-8") + drawn, encoding="utf-8")
    first = ws / NOV / "S-2026-11-000.yaml"
    text = first.read_text(encoding="utf-8").replace("Bo Lind overtog", "Gitte Ravn overtog")
    first.write_text(text, encoding="utf-8")
    result = cli(*ARGS, "--rådgiver", "Anna Holm")
    assert result.exit_code == 0, result.output
    for name, letter in letters(ws).items():
        assert "Gitte" not in letter and "Ravn" not in letter, name
        assert "en kollega overtog sagen" in letter, name


def test_one_caseworker_only_and_an_unknown_one(cli: Cli, ws: Path) -> None:
    result = cli(*ARGS, "--rådgiver", "Bo Lind")
    assert result.exit_code == 0
    assert [n.split("-")[0] for n in letters(ws)] == ["Bo_Lind", "Bo_Lind"]
    unknown = cli(*ARGS, "--rådgiver", "Ingen Sådan")
    assert unknown.exit_code == 2 and "--rådgiver: fejl O020" in unknown.stderr
    # a name no sample gives may be a child's: not quoted (probe AW, F7)
    assert "ingen færdige gennemgange for (en tekst på 11 tegn)" in unknown.stderr
    assert "Sådan" not in unknown.stderr


def test_a_caseworker_differing_in_case_is_found_and_a_typo_gets_a_suggestion(
    cli: Cli, ws: Path
) -> None:
    lower = cli(*ARGS, "--rådgiver", "carla friis")
    assert lower.exit_code == 0, lower.output
    assert [n.split("-")[0] for n in letters(ws)] == ["Carla_Friis", "Carla_Friis"]
    typo = cli(*ARGS, "--rådgiver", "Carla Fris")
    assert typo.exit_code == 2 and "--rådgiver: fejl O020" in typo.stderr
    assert "mente du 'Carla Friis'?" in typo.stderr


def test_a_caseworker_whose_reviews_are_not_finished_is_told_why(cli: Cli, ws: Path) -> None:
    """Bo Lind's reviews made invalid (a date typed wrong): the name is right, the data is not,
    so the file and its state are named (exit 1), not 'tjek navnet' as for a typo; a typo
    of his name is still a call error with a guess, though he has no finished review."""
    files = sorted(ws.glob("udtræk/2026-11-*/S-*.yaml"))
    mine = [p for p in files if '"Bo Lind"' in p.read_text("utf-8")]
    assert mine
    for path in mine:
        text = re.sub(r'^dato: ".*"$', 'dato: "2026-13-40"', path.read_text("utf-8"), flags=re.M)
        path.write_text(text, encoding="utf-8")
    named = cli(*ARGS, "--rådgiver", "Bo Lind")
    assert named.exit_code == 1, named.output
    said = " ".join(named.stderr.split())
    assert f"{mine[0].name}: fejl O020: ingen færdige gennemgange for 'Bo Lind'" in said, said
    assert ": denne er ugyldig (1 fejl" in said
    assert "Tip: gør gennemgangen færdig, og kør 'tilsyn tilbagemelding' igen." in said
    typo = cli(*ARGS, "--rådgiver", "Bo Lindd")
    assert typo.exit_code == 2 and "mente du 'Bo Lind'?" in typo.stderr, typo.stderr


def test_a_caseworker_named_surname_first_is_found(cli: Cli, ws: Path) -> None:
    """A case system writes 'Friis, Carla'; a leader types the other order (or the other way
    round): the same caseworker, not O020 'ingen færdige gennemgange'."""
    result = cli(*ARGS, "--rådgiver", "friis,  Carla")
    assert result.exit_code == 0, result.output
    assert [n.split("-")[0] for n in letters(ws)] == ["Carla_Friis", "Carla_Friis"]


def test_mail_without_an_address_is_a_clear_warning(cli: Cli, ws: Path) -> None:
    edit_concept(
        ws,
        "påmindelse:\n",
        'påmindelse:\n  smtp:\n    server: "127.0.0.1"\n    afsender: "tilsyn@kommune.dk"\n',
    )
    result = cli(*ARGS, "--rådgiver", "Bo Lind", "--mail")
    assert result.exit_code == 0
    assert "advarsel O021: Bo Lind har ingen adresse under formidling: rådgivere" in (result.stderr)
    assert "Sendt: 0 breve." not in result.stdout
    assert result.stdout.rstrip().endswith(
        "Ingen breve sendt: ingen af rådgiverne har en adresse under formidling: rådgivere."
    )


def test_mail_with_an_address_but_no_smtp_names_mail_not_reminders(cli: Cli, ws: Path) -> None:
    concept = ws / "koncept.yaml"
    text = concept.read_text(encoding="utf-8").replace(
        "  rådgivere: {}", '  rådgivere: {"Bo Lind": "bo@kommune.dk"}'
    )
    concept.write_text(text, encoding="utf-8")
    result = cli(*ARGS, "--rådgiver", "Bo Lind", "--mail")
    assert result.exit_code == 2 and "fejl R010" in result.stderr
    assert "at sende mail kræver en smtp-opsætning under påmindelse i konceptet." in (result.stderr)
    assert "påmindelser" not in result.stderr
    assert "Skrev" not in result.stdout and not list(ws.glob("**/Bo_Lind*"))  # checked first


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_golden(cli: Cli, ws: Path, suffix: str) -> None:
    assert cli(*ARGS, "--rådgiver", "Anna Holm").exit_code == 0
    text = own(letters(ws), "Anna Holm", suffix)
    golden = GOLDEN / f"tilbagemelding-anna-holm{suffix}"
    if os.environ.get("TILSYN_OPDATER_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"{golden.name} har ændret sig"


def test_reviews_not_finished_are_named_as_left_out_of_the_letters(cli: Cli, ws: Path) -> None:
    """Gert Dahl's two reviews are not finished, so he gets no letter: the leader is told
    which reviews are left out, and to write the letters again once they are finished."""
    result = cli(*ARGS)
    assert result.exit_code == 0, result.output
    assert (
        f"{NOV}/S-2026-11-090.yaml: advarsel O022: ikke med i brevene: delvist udfyldt "
        "(11 af 14 spørgsmål mangler svar)." in result.stderr
    )
    assert f"{NOV}/S-2026-11-091.yaml: advarsel O022: ikke med i brevene: ugyldig" in (
        result.stderr
    )
    assert "Tip: kør 'tilsyn tilbagemelding' for 2026-11 igen, når den er færdig." in (
        result.stderr
    )
    assert "Gert" not in "".join(letters(ws))
    one = cli(*ARGS, "--rådgiver", "Anna Holm")  # about Anna only: not about the others
    assert one.exit_code == 0 and "O022" not in one.stderr


OCT = "udtræk/2026-10-månedligt-overordnet"


def _correction_in_october(ws: Path, case: str, fields: str) -> None:
    path = ws / OCT / f"{case}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index('      svar: "nej"')
    lines[at + 2 : at + 2] = ["      rettelse:", *(f"        {f}" for f in fields.split("|"))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_open_corrections_from_earlier_rounds_are_in_the_letter(cli: Cli, ws: Path) -> None:
    """påmind reminds the leader of an overdue correction; the caseworker, who is to do it,
    hears of it only in the letter. November's letter lists Anna's October correction that is
    still not done (not the one done, and nothing in Bo's letter)."""
    _correction_in_october(
        ws, "S-2026-10-000", 'handling: "Bo Lind indhenter udtalelsen"|frist: "2026-11-01"'
    )
    _correction_in_october(
        ws, "S-2026-10-006", 'handling: "samtalen noteres"|frist: "2026-11-01"|udført: "2026-11-02"'
    )
    assert cli(*ARGS).exit_code == 0
    found = letters(ws)
    anna = own(found, "Anna Holm", ".md")
    assert "## Åbne rettelser fra tidligere runder" in anna
    line = next(x for x in anna.splitlines() if x.startswith("| S-2026-10-000 "))
    assert "2026-10" in line and "en kollega indhenter udtalelsen" in line
    assert "1. november 2026 (overskredet)" in line
    assert "samtalen noteres" not in anna  # done
    assert "Åbne rettelser fra tidligere runder" in own(found, "Anna Holm", ".html")
    assert "S-2026-10-000" not in own(found, "Bo Lind", ".md")


def test_the_department_figure_never_singles_out_the_one_caseworker_outside_the_team(
    cli: Cli, ws: Path
) -> None:
    """Team and department shares (each with its interval, so with counter and denominator)
    stand side by side in a letter; their difference is everyone outside the reader's team.
    With Finn Bak the only caseworker outside Team Nord, Anna's letter showed both, and the
    department minus the team was Finn's own figure. Now one of them is left out."""
    for path in ws.glob("udtræk/2026-11-*/*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r'(rådgiver: "(?!Finn Bak)[^"]*"\n\s*team: )"[^"]*"', r'\1"Team Nord"', text)
        path.write_text(text, encoding="utf-8")
    assert cli(*ARGS).exit_code == 0
    anna = own(letters(ws), "Anna Holm", ".md")
    rows = [x for x in anna.split("## Til sammenligning")[1].splitlines() if x.startswith("| ")]
    for row in rows[2:]:
        _, own_share, team, department = [c.strip() for c in row.strip("|").split("|")]
        assert "%" in own_share, row
        assert team == "–" or department == "–", row


@pytest.mark.parametrize(
    "spelling",
    ["Bo\u00a0Lind", "Bo  Lind", "Bo\n        Lind", "bo lind", "Bo\u200b Lind", "Bo\tLind"],
)
def test_a_colleagues_name_in_any_spacing_becomes_a_colleague(
    cli: Cli, ws: Path, spelling: str
) -> None:
    """A name copied from Word (NBSP), typed twice-spaced or wrapped over two lines of a
    block comment is the same name: the letter to Anna says "en kollega" for every one."""
    first = ws / NOV / "S-2026-11-000.yaml"
    text = first.read_text(encoding="utf-8")
    comment = "Bo Lind overtog sagen"
    assert comment in text
    if "\n" in spelling:  # a block scalar, where a long comment is wrapped
        block = f"kommentar: |\n        {spelling} overtog sagen"
        text = re.sub(r'kommentar: "Bo Lind overtog[^"\n]*"', block, text)
    else:
        text = text.replace(comment, f"{spelling} overtog sagen")
    first.write_text(text, encoding="utf-8")
    result = cli(*ARGS, "--rådgiver", "Anna Holm")
    assert result.exit_code == 0, result.output
    anna = own(letters(ws), "Anna Holm", ".md")
    assert "en kollega overtog sagen" in anna
    assert not re.search(r"\bBo\b", anna, re.IGNORECASE) and "Lind" not in anna


@pytest.mark.parametrize("spelling", ["Bo", "Lind", "Anna og Bo"])
def test_a_colleagues_first_name_or_surname_alone_becomes_a_name(
    cli: Cli, ws: Path, spelling: str
) -> None:
    """Colleagues call each other by first name: "Bo overtog sagen" names Bo as much as
    "Bo Lind" does. The recipient's own name stays (Anna reads "Anna og [navn]"). A part
    alone is `[navn]`, not "en kollega": it may be a child's namesake (probes AW and AX:
    `Jens' mor`, the child's mother, became `en kollega' mor`)."""
    anna = _annas_letter_with(cli, ws, spelling)
    expected = "Anna og [navn]" if spelling.startswith("Anna") else "[navn]"
    assert f"{expected} overtog sagen" in anna
    assert not re.search(r"\bBo\b", anna) and "Lind" not in anna


@pytest.mark.parametrize("spelling", ["Se Bo_Lind_notat.docx;", "BoLind", "Lind_Bo", "Bo_2026"])
def test_a_colleagues_name_in_a_file_name_or_run_together_becomes_a_colleague(
    cli: Cli, ws: Path, spelling: str
) -> None:
    """A name in a file name (`Bo_Lind_notat.docx`) or typed without its space (`BoLind`) is
    the name: before, the underscore counted as a letter, and the name went out as written."""
    anna = _annas_letter_with(cli, ws, spelling)
    assert "en kollega" in anna
    assert "Lind" not in anna and not re.search(r"(?<![^\W_])Bo(?![^\W_])", anna), anna


def _annas_letter_with(cli: Cli, ws: Path, spelling: str) -> str:
    """Anna's letter, when the comment 'Bo Lind overtog sagen' names Bo as `spelling`."""
    first = ws / NOV / "S-2026-11-000.yaml"
    text = first.read_text(encoding="utf-8").replace("Bo Lind overtog", f"{spelling} overtog")
    first.write_text(text, encoding="utf-8")
    result = cli(*ARGS, "--rådgiver", "Anna Holm")
    assert result.exit_code == 0, result.output
    return own(letters(ws), "Anna Holm", ".md")


def test_a_colleagues_address_from_the_concept_becomes_a_colleague(cli: Cli, ws: Path) -> None:
    """'Drøftet med lind.bo@kommune.dk': the concept gives that address to Bo Lind (his
    letters go there), and it went out in Anna's letter as written (found by a probe). Her
    own address stays."""
    concept = ws / "koncept.yaml"
    text = concept.read_text(encoding="utf-8").replace(
        "  rådgivere: {}",
        '  rådgivere: {"Bo Lind": "lind.bo@kommune.dk", "Anna Holm": "ah@kommune.dk"}',
    )
    concept.write_text(text, encoding="utf-8")
    anna = _annas_letter_with(cli, ws, "LIND.BO@kommune.dk og ah@kommune.dk;")
    assert "en kollega og ah@kommune.dk; overtog sagen" in anna
    assert "lind.bo" not in anna.lower()


def _hand_over_in_october(ws: Path, case: str, new: str) -> None:
    """The October case was `new`'s then (in its manifest and its review's header)."""
    manifest = ws / OCT / "udtræk.yaml"
    text = manifest.read_text(encoding="utf-8")
    at = text.index(f'  - id: "{case}"')
    end = text.index("begrundelse", at)
    part = re.sub(r'rådgiver: "[^"]*"', f'rådgiver: "{new}"', text[at:end])
    manifest.write_text(text[:at] + part + text[end:], encoding="utf-8")
    review = ws / OCT / f"{case}.yaml"
    text = re.sub(r'rådgiver: "[^"]*"', f'rådgiver: "{new}"', review.read_text(encoding="utf-8"))
    review.write_text(text, encoding="utf-8")


def test_a_caseworker_with_only_open_corrections_gets_a_reminder_letter(cli: Cli, ws: Path) -> None:
    """The letter is the caseworker's only reminder of an open correction (påmind reminds the
    leader). Ida Sand had a case in October with a correction not done, and no case reviewed
    in November: before, she got no letter at all, so nothing reminded her of it."""
    _hand_over_in_october(ws, "S-2026-10-000", "Ida Sand")
    _correction_in_october(ws, "S-2026-10-000", 'handling: "Bo Lind indhenter udtalelsen"')
    result = cli(*ARGS)
    assert result.exit_code == 0, result.output
    found = letters(ws)
    for suffix in (".md", ".html"):
        ida = own(found, "Ida Sand", suffix)
        assert "Ingen af dine sager er gennemgået i denne periode." in ida
        assert "Åbne rettelser fra tidligere runder" in ida
        assert "en kollega indhenter udtalelsen" in ida and "Bo Lind" not in ida
        for section in ("Dine sager", "Det gik godt", "Til sammenligning"):
            assert section not in ida
    assert "Ida Sand" not in own(found, "Anna Holm", ".md")
    alone = cli(*ARGS, "--rådgiver", "ida sand")
    assert alone.exit_code == 0, alone.output
    assert "Ida_Sand" in alone.stdout


def test_no_reminder_letters_for_a_period_without_a_finished_review(cli: Cli, ws: Path) -> None:
    """Reminders go with a round's letters: a period without finished reviews is still O020."""
    _correction_in_october(ws, "S-2026-10-000", 'handling: "udtalelsen indhentes"')
    result = cli("tilbagemelding", "--periode", "2026-12", "--dato", "2026-12-20")
    assert result.exit_code == 1
    assert "O020" in result.stderr


def test_the_note_names_the_figure_that_is_hidden(cli: Cli, ws: Path) -> None:
    """Anna's team figure is hidden, the department's stands next to it: the note under the
    table says 'teamets tal', not 'teamets eller afdelingens tal', which read as if the
    department figure in the same row were hidden too."""
    assert cli(*ARGS, "--rådgiver", "Anna Holm").exit_code == 0
    anna = own(letters(ws), "Anna Holm", ".md")
    rows = [x for x in anna.split("## Til sammenligning")[1].splitlines() if x.startswith("| ")]
    for row in rows[2:]:
        _, _, team, department = [c.strip() for c in row.strip("|").split("|")]
        assert team == "–" and "%" in department, row
    assert "teamets eller afdelingens" not in anna
    assert (
        "Overordnet ledelsestilsyn: teamets tal vises ikke, når færre end 3 rådgivere i teamet "
        "er gennemgået; ellers kunne en kollegas tal regnes ud."
    ) in anna


def test_a_correction_past_its_deadline_in_this_round_is_marked(cli: Cli, ws: Path) -> None:
    """Anna's correction (frist 15 December) in a letter dated 20 December said 'frist
    15. december 2026, ikke udført endnu' without '(overskredet)', which the earlier
    rounds' corrections in the same letter have; the letter is the caseworker's reminder."""
    late = cli("tilbagemelding", "--periode", "2026-11", "--dato", "2026-12-20")
    assert late.exit_code == 0, late.output
    anna = own(letters(ws), "Anna Holm", ".md")
    assert "frist 15. december 2026 (overskredet), ikke udført endnu" in anna
    assert cli(*ARGS).exit_code == 0  # dated 25 November: not yet
    anna = own(letters(ws), "Anna Holm", ".md")
    assert "frist 15. december 2026, ikke udført endnu" in anna


def test_an_empty_caseworker_name_is_a_usage_error_not_an_empty_period(cli: Cli, ws: Path) -> None:
    """--rådgiver "" (a script's empty variable) said 'ingen færdige gennemgange i perioden
    2026-11' with exit code 1, though the period has finished reviews: the name was taken
    as absent when saying what is wrong, and as given when choosing the letters."""
    for empty in ("", "   "):
        result = cli(*ARGS, "--rådgiver", empty)
        assert result.exit_code == 2, result.output
        assert "--rådgiver: fejl O020:" in result.stderr
        assert "ingen færdige gennemgange i perioden" not in result.stderr
        assert "navnet er tomt" in result.stderr
    assert not (ws / "tilbagemeldinger" / "2026-11").exists()


def test_a_letter_to_a_caseworker_without_finished_reviews_now_is_removed(
    cli: Cli, ws: Path
) -> None:
    """Written again after Finn Bak's reviews were reopened, the letters folder still held
    his old letter, telling of cases no longer finished, ready to be passed on. It is taken
    out of the folder, and kept in its `tidligere/` (it was deleted: probe W)."""
    assert cli(*ARGS).exit_code == 0
    before = letters(ws)
    finn = [name for name in before if name.startswith("Finn_Bak")]
    assert len(finn) == 2
    mine = [
        p
        for p in sorted(ws.glob("udtræk/*2026-11*/S-*.yaml"))
        if 'rådgiver: "Finn Bak"' in p.read_text(encoding="utf-8")
    ]
    assert mine
    for review in mine:  # reopened: not finished any more
        text = review.read_text(encoding="utf-8")
        review.write_text(re.sub(r'(?m)^gennemført_af: ".*"$', 'gennemført_af: ""', text))
    one = cli(*ARGS, "--rådgiver", "Anna Holm")  # one caseworker's letter touches no other
    assert one.exit_code == 0 and "Flyttet" not in one.stdout
    assert set(finn) <= set(letters(ws))
    result = cli(*ARGS)
    assert result.exit_code == 0, result.output
    assert "Flyttet til tidligere/, fordi rådgiveren ikke længere har færdige" in result.stdout
    assert all(f"tilbagemeldinger/2026-11/{name}" in result.stdout for name in finn)
    after = letters(ws)
    assert not set(finn) & set(after)
    assert set(after) == set(before) - set(finn)
    earlier = ws / "tilbagemeldinger" / "2026-11" / "tidligere"
    kept = {p.name.split(" ")[0] + p.suffix: p.read_text("utf-8") for p in earlier.iterdir()}
    assert all(kept[name] == before[name] for name in finn)
    again = cli(*ARGS)  # nothing more to remove
    assert again.exit_code == 0 and "Flyttet" not in again.stdout


def test_only_letters_the_tool_wrote_are_ever_removed(cli: Cli, ws: Path) -> None:
    folder = ws / "tilbagemeldinger" / "2026-11"
    folder.mkdir(parents=True)
    own = folder / "Mine_noter.md"
    own.write_text("lederens egne noter\n", encoding="utf-8")
    (folder / ".breve").write_text("Mine_noter.txt\n../koncept.yaml\n.sager\n", encoding="utf-8")
    result = cli(*ARGS)
    assert result.exit_code == 0, result.output
    assert "Flyttet" not in result.stdout
    assert own.read_text(encoding="utf-8") == "lederens egne noter\n"
    assert (ws / "koncept.yaml").is_file() and (folder / ".sager").is_file()


def test_a_letter_that_cannot_be_removed_is_said(
    cli: Cli, ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli(*ARGS).exit_code == 0
    for review in ws.glob("udtræk/*2026-11*/S-*.yaml"):
        text = review.read_text(encoding="utf-8")
        if 'rådgiver: "Finn Bak"' in text:
            review.write_text(re.sub(r'(?m)^gennemført_af: ".*"$', 'gennemført_af: ""', text))

    unlink = Path.unlink

    def refuse(path: Path, missing_ok: bool = False) -> None:
        if path.name.startswith("Finn_Bak"):  # a letter the drive will not let go of
            raise PermissionError(13, "Permission denied")
        unlink(path, missing_ok)

    monkeypatch.setattr(Path, "unlink", refuse)
    result = cli(*ARGS)
    assert result.exit_code == 0, result.output
    assert "Flyttet" not in result.stdout
    assert (
        "advarsel O026: brevet er fra en tidligere kørsel, og rådgiveren får intet brev for "
        "perioden nu, men filen kunne ikke flyttes til tidligere/." in result.stderr
    )
    assert result.stderr.count("O026") == 2  # .md and .html
    monkeypatch.setattr(Path, "unlink", unlink)
    assert "Flyttet" in cli(*ARGS).stdout  # still known, so moved once it can be


@pytest.mark.parametrize(
    ("name", "start"),
    [("Hansen, Mette", "Hansen_Mette-"), ("Jens Østergaard", "Jens_Østergaard-"), ("Bo", "Bo-")],
)
def test_a_letter_file_is_named_as_a_person_reads_it(tmp_path: Path, name: str, start: str) -> None:
    """A case system's 'Hansen, Mette' gave the letter file 'Hansen__Mette-….md'."""
    letter = SimpleNamespace(caseworker=name)
    path = letter_path(tmp_path, letter, "md")  # type: ignore[arg-type]
    assert path.parent == tmp_path and path.name.startswith(start) and path.suffix == ".md"
    assert "__" not in path.name


def test_a_colleagues_case_number_in_a_comment_becomes_another_case(cli: Cli, ws: Path) -> None:
    """A comment on Anna's case said 'som i S-2026-11-001' (Bo's case), and Anna's letter
    showed the colleague's case number, though a letter holds no other case. Now another
    case number the workspace knows, or one written like it, is 'en anden sag'; her own
    stays, however it is written."""
    other = (ws / NOV / "S-2026-11-001.yaml").read_text(encoding="utf-8")
    assert 'rådgiver: "Anna Holm"' not in other
    first = ws / NOV / "S-2026-11-000.yaml"
    text = first.read_text(encoding="utf-8").replace(
        "Bo Lind overtog sagen;",
        "Som i S-2026-11-001, s 2026 11 999, S-2026-11-1 og i sag 2026-11-000 (S-2026-11-0);",
    )
    first.write_text(text, encoding="utf-8")
    assert cli(*ARGS).exit_code == 0
    for suffix in (".md", ".html"):  # also without its leading zeros (found by a probe)
        anna = own(letters(ws), "Anna Holm", suffix)
        said = "Som i en anden sag, en anden sag, en anden sag og i sag 2026-11-000 (S-2026-11-0);"
        assert said in anna, suffix


def _with_comment(cli: Cli, ws: Path, comment: str, *reports: str) -> list[Path]:
    """Anna Holm's letters and the leader's reports (`r.md`, …) after 'Bo Lind overtog
    sagen;' in her 'nej' comment is `comment` (as YAML writes it in double quotes)."""
    first = ws / NOV / "S-2026-11-000.yaml"
    text = first.read_text(encoding="utf-8").replace("Bo Lind overtog sagen;", comment)
    first.write_text(text, encoding="utf-8")
    result = cli(*ARGS, "--rådgiver", "Anna Holm")
    assert result.exit_code == 0, result.output
    for name in reports:
        rapport = cli("rapport", "--periode", "2026-11", "--dato", "2026-11-25", "-o", name)
        assert rapport.exit_code == 0, rapport.output
    return [ws / "r.md", ws / "r.html", *(ws / "tilbagemeldinger" / "2026-11").glob("Anna*")]


def test_no_control_character_from_a_comment_reaches_a_letter_or_report_file(
    cli: Cli, ws: Path
) -> None:
    """A comment written with an escape sequence (YAML '\\u001b]0;…\\u0007', as a copied text
    or a hostile one brings it) stood raw in the letters and the leader's report files, so
    'cat' of a letter set the terminal's title, or cleared the screen; the terminal output
    had it as '�' already. Now every file has '�' for it too; a CPR number split by Word's
    line break (vertical tab) is still masked."""
    comment = "Se\\u001b]0;pwned\\u0007\\u001b[2J her og 010203\\u000b1234;"
    files = _with_comment(cli, ws, comment, "r.md", "r.html")
    for path in files:
        written = path.read_text(encoding="utf-8")
        assert "pwned" in written, path
        assert not re.search("[\x00-\x08\x0e-\x1f\x7f-\x9f]", written), path
        assert "Se\ufffd]0;pwned\ufffd\ufffd[2J her" in written, path
        assert "1234" not in written, path


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_a_letter_to_a_caseworker_named_surname_first_says_the_name_as_read(
    cli: Cli, ws: Path, suffix: str
) -> None:
    """A case system's 'Friis, Carla' (in the export, so in the reviews and the manifest)
    gave a letter 'Til: Friis, Carla'; now 'Til: Carla Friis', as a person reads it."""
    for path in (ws / "udtræk").rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Carla Friis", "Friis, Carla"), encoding="utf-8")
    result = cli(*ARGS, "--rådgiver", "Carla Friis")
    assert result.exit_code == 0, result.output
    [text] = [t for name, t in letters(ws).items() if name.endswith(suffix)]
    assert "Til: Carla Friis · " in text, text[:300]
    assert "Friis, Carla" not in text


def test_without_a_period_the_letters_are_for_the_latest_as_in_the_report(
    cli: Cli, ws: Path
) -> None:
    """'tilsyn rapport' chose the latest period with finished reviews by itself, but
    'tilsyn tilbagemelding' right after it stopped with typer's 'mangler tilvalget
    --periode' and no hint of which period. Now it takes the same period as the report."""
    result = cli("tilbagemelding", "--dato", "2026-11-25")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("tilbagemeldinger/2026-11/"), result.output
    assert len(letters(ws)) == 2 * len(WORKERS)


def test_without_a_period_and_no_finished_review_nothing_is_written(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    result = cli("tilbagemelding", "--dato", "2026-11-25")
    assert result.exit_code == 1, result.output
    assert (
        "fejl O020: der er ingen færdige gennemgange at skrive breve om. Tip: tjek status med "
        "'tilsyn valider'." in " ".join(result.output.split())
    ), result.output
    assert not (workspace / "tilbagemeldinger").exists()


_BIDI = "[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"


def test_no_direction_override_from_a_comment_reaches_a_letter_or_report_file(
    cli: Cli, ws: Path
) -> None:
    """A comment with a right-to-left override or an isolate (U+202E, U+2066: as a copied
    text or a hostile one brings it) stood raw in the letters and the leader's report files,
    so what a reader saw was not what the file held: 'Se ‮nej‬ her' showed 'jen', and the
    number after U+202E showed as a CPR number. Now each is '�' in every file (the letters
    read the text without them), after the gate has masked the mirrored number (which it no
    longer could once the override was gone)."""
    comment = "Se \\u202enej\\u202c her \\u2066og\\u2069 \\u200fher\\u200e og \\u202e4321-302010;"
    files = _with_comment(cli, ws, comment, "r.md", "r.html", "r.csv", "r.xlsx")
    for path in files:
        written = path.read_text(encoding="utf-8")
        assert not re.search(_BIDI, written), path
        assert "4321" not in written and "XXXX-XXXXXX;" in written, path
        seen = written.replace("\ufffd", "")  # the letters read a text without them
        assert "Se nej her og her og XXXX-XXXXXX;" in seen, path
    import zipfile

    with zipfile.ZipFile(ws / "r.xlsx") as book:
        xml = "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xml"))
    for written in (xml, (ws / "r.csv").read_text(encoding="utf-8")):
        assert not re.search(_BIDI, written)
        assert "4321" not in written


def test_a_number_split_by_a_control_character_reaches_no_letter_or_report_file(
    cli: Cli, ws: Path
) -> None:
    """A CPR number with a control character between its digits (YAML '010203\\u00071234', a
    bell; '01\\u001b02031234', an escape) was no number to the gate, and stood in the letters
    and the leader's report as '010203�1234' (a terminal showed the bell as nothing at all):
    a number any reader sees. Now the detector reads a control character as it reads an
    invisible one, and masks the number; the character is still '�'."""
    comment = "Se 010203\\u00071234, 01\\u001b02031234 og 020304\\u007f5678;"
    files = _with_comment(cli, ws, comment, "r.md", "r.html")
    for path in files:
        written = path.read_text(encoding="utf-8")
        assert "Se XXXXXX\ufffdXXXX, XX\ufffdXXXXXXXX og XXXXXX\ufffdXXXX;" in written, path
    valider = cli("valider", "--format", "json")
    assert "1234" not in valider.output and "5678" not in valider.output


def test_a_correction_in_a_review_left_out_is_said_with_it(cli: Cli, ws: Path) -> None:
    """påmind and the report follow up a correction in a review that is not finished, but no
    letter tells the caseworker of it, and O022 did not say so (a probe of the cycle)."""
    path = ws / NOV / "S-2026-11-090.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, x in enumerate(lines) if x.startswith('      svar: "') and '""' not in x)
    lines[at + 2 : at + 2] = [
        "      rettelse:",
        '        handling: "planen revideres"',
        '        frist: "2026-12-15"',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli(*ARGS)
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert (
        f"{NOV}/S-2026-11-090.yaml: advarsel O022: ikke med i brevene: delvist udfyldt "
        "(11 af 14 spørgsmål mangler svar); dens rettelse når heller ikke rådgiveren, før "
        "gennemgangen er færdig." in said
    ), said
    assert "S-2026-11-091.yaml: advarsel O022: ikke med i brevene: ugyldig (" in said
    assert said.count("når heller ikke rådgiveren") == 1

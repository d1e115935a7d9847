"""`tilsyn påmind` on the example workspace in every state, at chosen dates."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from remind_support import MONTHLY, THEMED, draw, fill, finish_round, reviews

from conftest import ROOT, Cli
from ledelsestilsyn.cli import keyboard
from ledelsestilsyn.cli.entry import nothing_due_fast
from ledelsestilsyn.schedule.scan import read_inputs
from ledelsestilsyn.schedule.sent_log import run_lock


def test_nothing_drawn(example_workspace: Path, cli: Cli) -> None:
    result = cli("påmind", "--dato", "2026-11-03")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Ledelsestilsyn i Eksempelby Kommune, status 3. november 2026."
    assert (
        "  - Månedligt overordnet ledelsestilsyn 2026-11: stikprøven er ikke trukket (kør "
        "'tilsyn udtræk' for serien månedligt-overordnet og perioden 2026-11). "
        "Frist 5. november 2026 (om 2 dage)." in lines
    )
    assert any(
        line.startswith("  - Tematiseret ledelsestilsyn 2026-11: stikprøven") for line in lines
    )
    assert "Næste måned:" in lines


def test_repeat_only_after_the_interval_or_a_new_stage(example_workspace: Path, cli: Cli) -> None:
    assert cli("påmind", "--dato", "2026-11-03").output
    assert cli("påmind", "--dato", "2026-11-03").output == ""
    assert cli("påmind", "--dato", "2026-11-05").output == ""
    late = cli("påmind", "--dato", "2026-11-06")  # the draw deadline has passed: a new stage
    assert "(1 dag for sent)" in late.output
    assert cli("påmind", "--dato", "2026-11-12").output == ""
    assert "(8 dage for sent)" in cli("påmind", "--dato", "2026-11-13").output
    assert "Tematiseret" in cli("påmind", "--dato", "2026-11-13", "--altid").output


def test_every_review_state(example_workspace: Path, cli: Cli) -> None:
    monthly = reviews(draw(cli, MONTHLY, "2026-11"))
    themed_folder = draw(cli, THEMED, "2026-11")
    fill(monthly[0], "Karen Holm Madsen", "2026-11-04")
    fill(monthly[1], "Karen Holm Madsen", "2026-11-04")
    fill(monthly[2], "Jakob Bæk", "2026-11-05", answers=3)
    fill(monthly[3], "Jakob Bæk", "2026-11-05", value="jaa")
    pairs = sorted(themed_folder.glob("*.2.yaml"))
    first = pairs[0].with_name(pairs[0].name.replace(".2.yaml", ".yaml"))
    fill(first, "Lise Dahl Thøgersen", "2026-11-06")
    out = cli("påmind", "--dato", "2026-11-10").output
    lines = out.splitlines()
    jakob = [line for line in lines if "Jakob Bæk" in line]
    assert len(jakob) == 1
    assert "Jakob Bæk: 2 gennemgange mangler (1 delvist udfyldt, 1 ugyldig)" in jakob[0]
    assert "Frist 20. november 2026 (om 10 dage)." in jakob[0]
    assert not any("Karen Holm Madsen:" in line for line in lines)
    assert any(
        "2026-11, ikke fordelt: 4 gennemgange mangler (4 ikke påbegyndt)" in x for x in lines
    )
    case = first.stem
    assert any(f"kalibrering, kun én gennemgang er færdig for 1 sag: {case}." in x for x in lines)
    assert "  - Månedligt overordnet ledelsestilsyn 2026-11 (fokus:" in out
    assert "2 af 8 gennemgange færdige (4 ikke påbegyndt, 1 delvist udfyldt, 1 ugyldig)" in out


def test_a_round_whose_folder_was_copied_through_a_mac_is_still_reminded_of(
    example_workspace: Path, cli: Cli
) -> None:
    """Found by a probe: with `månedligt` spelt `ma` and a ring in the folder's name (NFD, as a
    Mac copies it), påmind left the series out without a word, called the drawn round not
    drawn, and cron mailed nothing of its overdue reviews, though valider and rapport read
    it; the same goes for Word's owner file `~$…yaml` beside an open review (no ninth review)."""
    folder = draw(cli, MONTHLY, "2026-11")
    fill(reviews(folder)[0], "Karen Holm Madsen", "2026-11-04")
    (folder / "~$S-2026.yaml").write_bytes(b"\x0aKaren Holm" + bytes(150))
    before = cli("påmind", "--dato", "2026-11-25", "--altid").output
    assert "1 af 8 gennemgange færdig (7 ikke påbegyndt)" in before, before
    folder.rename(folder.with_name(unicodedata.normalize("NFD", folder.name)))
    after = cli("påmind", "--dato", "2026-11-25", "--altid").output
    assert after == before, after


def test_all_done_is_silent_then_the_report_is_due(example_workspace: Path, cli: Cli) -> None:
    finish_round(cli, "2026-11-12")
    quiet = cli("påmind", "--dato", "2026-11-25")
    assert quiet.exit_code == 0 and quiet.output == ""
    assert nothing_due_fast(["--dato", "2026-11-25"])  # the cron fast path answers this one
    tilsyn = str(Path(sys.executable).parent / "tilsyn")
    done = subprocess.run(
        [tilsyn, "påmind", "--dato", "2026-11-25"], capture_output=True, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, b"", b"")
    assert not nothing_due_fast(["--dato", "2026-11-25", "--altid"])
    status = cli("påmind", "--dato", "2026-11-25", "--altid").output
    assert "Intet er forfaldent." in status and "8 af 8 gennemgange færdige." in status
    december = cli("påmind", "--dato", "2026-12-02").output
    assert (
        "Månedligt overordnet ledelsestilsyn 2026-11: rapporten mangler (kør 'tilsyn rapport' "
        "for perioden 2026-11). Frist 7. december" in december
    )
    assert "Månedligt overordnet ledelsestilsyn 2026-12: stikprøven er ikke trukket (" in december
    Path("rapporter").mkdir()
    Path("rapporter/ledelsestilsyn-2026-11.html").write_text("<html></html>", encoding="utf-8")
    made = cli("påmind", "--dato", "2026-12-02", "--altid").output
    assert "rapporten mangler" not in made and "rapport lavet." in made


def test_a_report_made_before_a_sample_was_drawn_does_not_cover_it(
    example_workspace: Path, cli: Cli
) -> None:
    """`rapporter/ledelsestilsyn-2026-11.html` was written before the themed sample of
    2026-11 was drawn: it cannot hold it, so that round's report is not made."""
    for path in reviews(draw(cli, MONTHLY, "2026-11")):
        fill(path, "Karen Holm Madsen", "2026-11-12")
    Path("rapporter").mkdir()
    report = Path("rapporter/ledelsestilsyn-2026-11.html")
    report.write_text("<html></html>", encoding="utf-8")
    old = report.stat().st_mtime - 3600
    os.utime(report, (old, old))
    for path in reviews(draw(cli, THEMED, "2026-11")):
        fill(path, "Karen Holm Madsen", "2026-11-12")
    Path(f"udtræk/2026-11-{MONTHLY}/udtræk.yaml").touch()  # as if drawn before the report
    os.utime(f"udtræk/2026-11-{MONTHLY}/udtræk.yaml", (old - 60, old - 60))
    status = cli("påmind", "--dato", "2026-12-02", "--altid").output
    assert "Tematiseret ledelsestilsyn 2026-11: rapporten mangler (" in status, status
    assert "Månedligt overordnet ledelsestilsyn 2026-11: rapporten mangler" not in status, status
    report.touch()
    again = cli("påmind", "--dato", "2026-12-02", "--altid").output
    assert "rapporten mangler" not in again, again


def test_a_review_whose_file_is_gone_is_still_due(example_workspace: Path, cli: Cli) -> None:
    """The manifest lists 4 reviews; one file is deleted after the rest are done: påmind
    still counts 4, and names the gone one as such (as `valider` does with G034)."""
    files = reviews(draw(cli, MONTHLY, "2026-11"))
    for path in files[1:]:
        fill(path, "Karen Holm Madsen", "2026-11-12")
    assert cli("påmind", "--dato", "2026-11-25", "--altid").exit_code == 0  # cached as whole
    files[0].unlink()
    status = cli("påmind", "--dato", "2026-11-25", "--altid").output
    done = len(files) - 1
    assert f"{done} af {len(files)} gennemgange færdige (1 fil væk)" in status, status
    gone = files[0].stem
    assert f"1 gennemgang mangler (1 fil væk): {gone}." in status, status


def test_no_cpr_no_comments_no_answers_in_reminders(example_workspace: Path, cli: Cli) -> None:
    (path, *_) = reviews(draw(cli, MONTHLY, "2026-11"))
    fill(path, "Jakob Bæk", "2026-11-05", answers=2)
    text = path.read_text(encoding="utf-8")
    text = text.replace("kommentar: ''", 'kommentar: "Mor 010203-1234 fortalte om vold"', 1)
    path.write_text(text, encoding="utf-8")
    out = cli("påmind", "--dato", "2026-11-10", "--altid").output
    assert "Jakob Bæk: 1 gennemgang mangler" in out
    for secret in ("010203", "1234", "Mor", "vold", "skolen", "Nikolaj", "Team "):
        assert secret not in out


def test_broken_concept_exit_2_even_after_a_cached_run(example_workspace: Path, cli: Cli) -> None:
    assert cli("påmind", "--dato", "2026-11-03").exit_code == 0
    concept = Path("koncept.yaml")
    concept.write_text(
        concept.read_text(encoding="utf-8").replace("kadence: månedlig", "kadence: ugentlig", 1),
        encoding="utf-8",
    )
    result = cli("påmind", "--dato", "2026-11-03")
    assert result.exit_code == 2
    assert "koncept.yaml:" in result.output and "ukendt kadence" in result.output
    # Named as every other command names it, not by its absolute path.
    assert result.output.startswith("koncept.yaml:"), result.output
    assert str(Path.cwd()) not in result.output
    wheel = cli("årshjul", "2026")
    assert wheel.output.startswith("koncept.yaml:"), wheel.output
    # årshjul is no cron job: a broken concept is wrong data (1), as in valider and rapport;
    # it was 2, from the reading it shares with påmind.
    assert wheel.exit_code == 1
    assert cli("valider").exit_code == 1


def test_bad_date_and_missing_concept(tmp_path: Path, cli: Cli) -> None:
    missing = cli("påmind")
    assert missing.exit_code == 2 and "tilsyn init" in missing.output
    (tmp_path / "ws").mkdir()
    shutil.copy(ROOT / "eksempler" / "koncept.yaml", tmp_path / "ws")
    bad = cli("påmind", "--dato", "2026-13-01", "--koncept", str(tmp_path / "ws" / "koncept.yaml"))
    assert bad.exit_code == 2 and "P002" in bad.output


def test_unchanged_reviews_are_not_checked_again(example_workspace: Path, cli: Cli) -> None:
    folder = draw(cli, MONTHLY, "2026-11")
    today = date(2026, 11, 10)
    assert read_inputs(example_workspace, None, today).parsed == 8
    assert read_inputs(example_workspace, None, today).parsed == 0
    fill(reviews(folder)[0], "Karen Holm Madsen", "2026-11-04")
    again = read_inputs(example_workspace, None, today)
    assert again.parsed == 1
    assert again.state.complete_count(MONTHLY, "2026-11") == 1
    assert len(again.state.reviews) == 7  # finished reviews outside a pair: only counted
    shutil.rmtree(example_workspace / ".tilsyn")
    assert read_inputs(example_workspace, None, today).parsed == 8


def test_a_cached_run_stats_each_manifest_once(
    example_workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The manifest's stamp and when it was written (a report before it does not cover the
    sample) come from one stat."""
    draw(cli, MONTHLY, "2026-11")
    today = date(2026, 11, 10)
    read_inputs(example_workspace, None, today)
    stats: list[Path] = []
    stat = Path.stat

    def counted(self: Path, **kwargs: bool) -> os.stat_result:
        if self.name == "udtræk.yaml":
            stats.append(self)
        return stat(self, **kwargs)

    monkeypatch.setattr(Path, "stat", counted)
    assert read_inputs(example_workspace, None, today).parsed == 0
    assert len(stats) == 1, stats


def test_a_second_run_while_one_holds_the_lock_exits_75(example_workspace: Path, cli: Cli) -> None:
    with run_lock(example_workspace / ".tilsyn", "intet sendes"):
        busy = cli("påmind", "--dato", "2026-11-03")
    assert busy.exit_code == 75
    assert len(busy.output.strip().splitlines()) == 1 and "R030" in busy.output
    assert cli("påmind", "--dato", "2026-11-03").output  # it sent nothing, so this run does


def test_ascii_alias(example_workspace: Path, cli: Cli) -> None:
    assert "stikprøven er ikke trukket" in cli("paamind", "--dato", "2026-11-03").output


def test_an_address_with_a_line_break_is_a_located_concept_error(
    example_workspace: Path, cli: Cli
) -> None:
    """A reviewer's address goes into a mail header: one address, one line (no `Bcc:`)."""
    concept = example_workspace / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    bad = '"Jakob Bæk": "jabk@eksempelby.example\\nBcc: ond@x.example"'
    concept.write_text(
        text.replace('"Jakob Bæk": "jabk@eksempelby.example"', bad), encoding="utf-8"
    )
    line = concept.read_text(encoding="utf-8").split(bad)[0].count("\n") + 1
    for args in (["tjek"], ["påmind", "--altid", "--dato", "2026-11-10"]):
        result = cli(*args)
        assert result.exit_code in (1, 2), result.output
        assert f"koncept.yaml:{line}:" in result.output and "e-mailadresse" in result.output
        assert "ond@x.example" not in result.output


def test_an_address_with_a_letter_of_another_alphabet_is_a_concept_error(
    example_workspace: Path, cli: Cli
) -> None:
    """Probe BK: `jabk@…` with a Cyrillic `а` passed `tjek`; the mail would go nowhere."""
    concept = example_workspace / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    bad = '"Jakob Bæk": "j\u0430bk@eksempelby.example"'
    concept.write_text(
        text.replace('"Jakob Bæk": "jabk@eksempelby.example"', bad), encoding="utf-8"
    )
    line = concept.read_text(encoding="utf-8").split(bad)[0].count("\n") + 1
    result = cli("tjek")
    said = " ".join(result.output.split())
    assert result.exit_code == 1, said
    assert f"koncept.yaml:{line}:" in said and "et bogstav fra et andet alfabet" in said, said


@pytest.mark.parametrize(
    ("spelt", "warned"), [("Jakob Bækk", True), ("Bæk, Jakob", False), ("jakob bæk", False)]
)
def test_a_reviewer_without_an_address_is_warned_of_by_tjek(
    example_workspace: Path, cli: Cli, spelt: str, warned: bool
) -> None:
    """Probe BK: a reviewer spelt otherwise under påmindelse: bedømmere passed `tjek`; only
    `påmind --mail` said so (R018), and only when something was due."""
    concept = example_workspace / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    concept.write_text(text.replace('"Jakob Bæk": "jabk@', f'"{spelt}": "jabk@'), encoding="utf-8")
    said = " ".join(cli("tjek").output.split())
    expected = "advarsel A017: bedømmeren 'Jakob Bæk' har ingen adresse under påmindelse: bedømmere"
    assert (expected in said) is warned, said
    assert ("mente du 'Jakob Bækk'?" in said) is warned, said


def test_next_months_department_meeting_names_its_findings_and_report(
    example_workspace: Path, cli: Cli
) -> None:
    """The handicap recommendations take the general findings back to a department meeting;
    the example has them in March, June, September and December (`formidling:
    afdelingsmøder`). The meeting in December is about the rounds since September's."""
    meeting = (
        "  - Afdelingsmøde i december 2026 om tilsynets generelle fund: kør 'tilsyn rapport' til "
        "modtageren afdeling (uden navne og sagsnumre) for perioden 2026-09-01..2026-11-30."
    )
    lines = cli("påmind", "--dato", "2026-11-03").output.splitlines()
    assert lines[lines.index("Næste måned:") + 2] == meeting
    december = cli("påmind", "--dato", "2026-12-03", "--altid").output.splitlines()
    assert not any("Afdelingsmøde" in line for line in december)  # January has none
    march = cli("påmind", "--dato", "2027-02-03", "--altid").output
    assert "for perioden 2026-12-01..2027-02-28." in march  # since December's, across the year


def test_a_department_meeting_alone_is_nothing_due(example_workspace: Path, cli: Cli) -> None:
    """The meeting is in the status, never a reason of its own to send it."""
    finish_round(cli, "2026-11-12")
    assert cli("påmind", "--dato", "2026-11-13").output == ""
    assert (
        "Afdelingsmøde i december 2026" in cli("påmind", "--dato", "2026-11-13", "--altid").output
    )


def test_a_manifest_that_cannot_be_read_is_said_on_every_run(
    example_workspace: Path, cli: Cli
) -> None:
    """A manifest edited by hand into a YAML error: påmind said nothing at all (valider,
    rapport and tilbagemelding warn, G031), and with it could not see that a review's file
    was gone, so cron reported every review done. Now the warning, with file and line, at
    every run, also when nothing is due."""
    files = reviews(draw(cli, MONTHLY, "2026-11"))
    for path in files[1:]:
        fill(path, "Karen Holm Madsen", "2026-11-12")
    files[0].unlink()
    manifest = files[0].parent / "udtræk.yaml"
    lines = manifest.read_text(encoding="utf-8").count("\n")
    with manifest.open("a", encoding="utf-8") as handle:
        handle.write("tilsyn: igen\n")
    for _ in range(2):
        result = cli("påmind", "--dato", "2026-11-25")
        text = " ".join(result.output.split())
        assert result.exit_code == 0, result.output
        assert (
            f"udtræk/2026-11-{MONTHLY}/udtræk.yaml:{lines + 1}:1: advarsel G031: manifestet kan "
            "ikke læses (Y009: " in text
        ), text
        assert "påmind kan ikke se, om en af stikprøvens gennemgange er væk" in text, text


def test_a_look_ahead_with_a_later_date_does_not_silence_today(
    example_workspace: Path, cli: Cli
) -> None:
    """'tilsyn påmind --dato 2026-11-25' to see what will be due then wrote each item into
    the sent log as said on 25 November; cron's run on the 10th then said nothing (the
    samples not drawn, 5 days late), and would stay silent until a week after the 25th. A
    mark from a later day than the run's is no reason to keep quiet; the same day again is."""
    ahead = cli("påmind", "--dato", "2026-11-25")
    assert "stikprøven er ikke trukket" in ahead.output, ahead.output
    today = cli("påmind", "--dato", "2026-11-10")
    assert "(5 dage for sent)" in today.output, today.output
    assert cli("påmind", "--dato", "2026-11-10").output == ""


def test_one_reviewer_written_three_ways_is_one_reviewer(example_workspace: Path, cli: Cli) -> None:
    """'Jakob Bæk', 'Bæk, Jakob' (the case system's order) and 'jakob  bæk' in
    gennemført_af were three reviewers in påmind, each with a line of their own, and only
    the first got the mail. Now they are one person, named as in the concept."""
    monthly = reviews(draw(cli, MONTHLY, "2026-11"))
    fill(monthly[0], "Jakob Bæk", "2026-11-05", answers=3)
    fill(monthly[1], "Bæk, Jakob", "2026-11-05", answers=3)
    fill(monthly[2], "jakob  bæk", "2026-11-05", answers=3)
    fill(monthly[3], "Hansen, Mette", "2026-11-05", answers=3)
    fill(monthly[4], "Mette Hansen ", "2026-11-05", answers=3)
    lines = cli("påmind", "--dato", "2026-11-10").output.splitlines()
    jakob = [line for line in lines if "Jakob" in line or "jakob" in line or "Bæk," in line]
    assert len(jakob) == 1, lines
    assert "2026-11, Jakob Bæk: 3 gennemgange mangler (3 delvist udfyldte)" in jakob[0]
    mette = [line for line in lines if "Mette" in line]
    assert len(mette) == 1, lines
    assert "2026-11, Mette Hansen: 2 gennemgange mangler (2 delvist udfyldte)" in mette[0]


def test_next_months_round_drawn_early_is_not_reminded_to_be_drawn(
    example_workspace: Path, cli: Cli
) -> None:
    """A round drawn ahead of its month (December's sample drawn in November): 'Næste
    måned' still said 'Stikprøven trækkes senest 5. december 2026.' of a sample that was
    there. Now it says the sample is drawn."""
    draw(cli, MONTHLY, "2026-12")
    out = cli("påmind", "--dato", "2026-11-20", "--altid").output
    [line] = [x for x in out.splitlines() if "ledelsestilsyn 2026-12" in x]
    assert line == (
        "  - Månedligt overordnet ledelsestilsyn 2026-12: fokus Støttende indsatser (§ 32), "
        "Opfølgning. Stikprøven er trukket."
    ), out
    assert "trækkes senest" not in out


def test_a_silent_run_at_the_terminal_says_what_the_silence_means(
    example_workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new user who typed 'tilsyn påmind' got nothing at all and exit 0, and could not
    tell 'nothing is due' from 'it did not work'. At a terminal one line on stderr now says
    so and how to see the status; from cron (no terminal) nothing is written, as before."""
    assert cli("påmind", "--dato", "2026-11-10").output != ""  # said once …
    quiet = cli("påmind", "--dato", "2026-11-10")  # … and then silent, from cron
    assert quiet.output == ""
    monkeypatch.setattr(keyboard, "person_reads", lambda: True)
    seen = cli("påmind", "--dato", "2026-11-10")
    assert seen.exit_code == 0 and seen.stdout == ""
    assert (
        "Intet nyt at påminde om 10. november 2026: intet er forfaldent, eller det er sagt "
        "inden for påmindelse: gentag_efter_dage. Se status med 'tilsyn påmind --altid'."
    ) in " ".join(seen.stderr.split())


@pytest.mark.parametrize("variable", ["FORCE_COLOR", "TTY_COMPATIBLE"])
def test_cron_with_a_colour_variable_is_still_cron(
    example_workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    """The console script's fast path asked whether standard output is a terminal, the
    command asked rich, which says yes under FORCE_COLOR or TTY_COMPATIBLE. So from a cron
    whose environment set one, the command mailed 'Intet nyt at påminde om …' every day
    the fast path was not taken. Now both ask the stream."""
    finish_round(cli, "2026-11-12")
    monkeypatch.setenv(variable, "1")
    quiet = cli("påmind", "--dato", "2026-11-25")
    assert quiet.exit_code == 0 and quiet.output == "", quiet.output


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
def test_the_fast_path_is_for_cron_not_for_a_person_at_a_terminal(
    example_workspace: Path, cli: Cli
) -> None:
    """The console script answered 'nothing due' before the command ran, so at a terminal
    the line about the silence never came. Now the fast path is taken only when standard
    output is no terminal (cron, a pipe)."""
    import pty

    finish_round(cli, "2026-11-12")
    main, terminal = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "ledelsestilsyn", "påmind", "--dato", "2026-11-25"],
            stdout=terminal,
            stderr=subprocess.PIPE,
            check=False,
        )
    finally:
        os.close(main)
        os.close(terminal)
    assert done.returncode == 0
    assert "Intet nyt at påminde om 25. november 2026" in done.stderr.decode("utf-8")

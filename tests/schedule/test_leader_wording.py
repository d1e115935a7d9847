"""påmind, årshjul and their help as a leader reads them: what to do, Danish dates, agreement."""

from __future__ import annotations

from pathlib import Path

import icalendar
from remind_support import MONTHLY, draw, fill, reviews

from conftest import Cli

TILTAG = """\
tiltag:
  - id: "tiltag-1"
    titel: "Partshøring før anbringelse"
    besluttet: "2026-06-15"
    frist: "2026-11-20"
    status: "i gang"
    mål:
      spørgsmål: [anbringelse-7]
    skabelon: "overordnet"
"""


def test_a_missing_sample_and_report_say_how_to_make_them(
    example_workspace: Path, cli: Cli
) -> None:
    for path in reviews(draw(cli, MONTHLY, "2026-11")):
        fill(path, "Karen Holm Madsen", "2026-11-12")
    out = cli("påmind", "--dato", "2026-12-10", "--altid").output
    assert (
        "Månedligt overordnet ledelsestilsyn 2026-12: stikprøven er ikke trukket (kør 'tilsyn "
        "udtræk' for serien månedligt-overordnet og perioden 2026-12). Frist 5. december 2026 "
        "(5 dage for sent)." in out
    ), out
    assert (
        "Månedligt overordnet ledelsestilsyn 2026-11: rapporten mangler (kør 'tilsyn rapport' "
        "for perioden 2026-11). Frist 7. december 2026 (3 dage for sent)." in out
    ), out


def test_a_tiltag_is_named_by_its_title(example_workspace: Path, cli: Cli) -> None:
    """Under "Tiltag:", "Tiltag tiltag-1 (…)" said the word twice; the title comes first."""
    Path("tiltag.yaml").write_text(TILTAG, encoding="utf-8")
    out = cli("påmind", "--dato", "2026-11-18", "--altid").output
    assert "  - Partshøring før anbringelse (tiltag-1): frist 20. november 2026 (om 2 dage)." in (
        out
    ), out


def test_a_child_s_name_in_a_tiltag_s_title_is_not_reminded_of(
    example_workspace: Path, cli: Cli
) -> None:
    """Probe Y, F1: `påmind` (also by mail) printed a title as the leader typed it, a child's
    name and all; the colleague responsible for the tiltag is still named."""
    text = TILTAG.replace("Partshøring før anbringelse", "Partshøring: lær af Emil Larsens sag")
    Path("tiltag.yaml").write_text(text + '    ansvarlig: "Karen Holm Madsen"\n', encoding="utf-8")
    out = cli("påmind", "--dato", "2026-11-18", "--altid").output
    assert "Partshøring: lær af [navn] sag (tiltag-1)" in out, out
    assert "Emil" not in out and "Larsen" not in out
    assert "Karen Holm Madsen" in out


def test_an_id_that_may_name_a_child_is_not_reminded_of(example_workspace: Path, cli: Cli) -> None:
    """Probe Z: `påmind` printed the id as typed (`zlatan-karimi`), and a title of one name
    that is no Danish word; now the tiltag's place and `[navn]`."""
    text = TILTAG.replace('"tiltag-1"', '"zlatan-karimi"').replace(
        "Partshøring før anbringelse", "Zlatan"
    )
    Path("tiltag.yaml").write_text(text, encoding="utf-8")
    out = cli("påmind", "--dato", "2026-11-18", "--altid").output
    assert "  - [navn] (tiltag 1): frist 20. november 2026 (om 2 dage)." in out, out
    assert "zlatan" not in out.casefold()


def test_the_calendar_gives_danish_dates(example_workspace: Path, cli: Cli) -> None:
    assert cli("årshjul", "2027", "--format", "ics", "-o", "hjul.ics").exit_code == 0
    parsed = icalendar.Calendar.from_ical(Path("hjul.ics").read_bytes())
    [event] = [
        e
        for e in parsed.walk("VEVENT")
        if str(e["SUMMARY"]) == "Træk stikprøve: Månedligt overordnet ledelsestilsyn 2027-01"
    ]
    assert (
        "Udtræk senest 5. januar 2027, gennemgange færdige senest 20. januar 2027, "
        "rapport senest 7. februar 2027." in str(event["DESCRIPTION"])
    ), str(event["DESCRIPTION"])


def test_one_finished_review_agrees_in_the_wheel(example_workspace: Path, cli: Cli) -> None:
    fill(reviews(draw(cli, MONTHLY, "2026-11"))[0], "Karen Holm Madsen", "2026-11-05")
    out = cli("årshjul", "2026", "--dato", "2026-11-10").output
    assert "trukket: 1 af 8 færdig " in out and "1 af 8 færdige" not in out, out


def test_the_help_says_the_defaults_in_plain_words(cli: Cli) -> None:
    wheel = " ".join(cli("årshjul", "--help").output.split())
    assert "Dagen, tilstanden vises for (ÅÅÅÅ-MM-DD). Standard: i dag." in wheel
    remind = " ".join(cli("påmind", "--help").output.split())
    assert "Send påmindelserne som mail med konceptets smtp-opsætning (påmindelse: smtp)." in (
        remind
    ), remind


def test_months_before_the_first_sample_are_not_called_missed(
    example_workspace: Path, cli: Cli
) -> None:
    """A municipality that starts in November did not miss January to October (as in påmind,
    which reminds of a round never drawn only while it runs or after the series started)."""
    draw(cli, MONTHLY, "2026-11")
    out = cli("årshjul", "2026", "--dato", "2026-11-10").output
    january = out.split("│ januar", 1)[1].split("├", 1)[0]
    assert "før første udtræk" in january and "ikke trukket" not in january, january
    november = out.split("│ november", 1)[1].split("├", 1)[0]
    assert "trukket: 0 af 8 færdige" in november and "ikke trukket" in november, november

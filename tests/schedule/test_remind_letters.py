"""`påmind` reminds of the feedback letters (`formidling: tilbagemelding_dage`) until written."""

from __future__ import annotations

from pathlib import Path

from remind_support import MONTHLY, THEMED, draw, fill, reviews

from conftest import Cli

LINE = (
    "Månedligt overordnet ledelsestilsyn 2026-11: tilbagemeldingen til rådgiverne er ikke "
    "skrevet (kør 'tilsyn tilbagemelding' for 2026-11)."
)


def _finished_round(cli: Cli) -> None:
    for series in (MONTHLY, THEMED):
        for path in reviews(draw(cli, series, "2026-11")):
            fill(path, "Karen Holm Madsen", "2026-11-12")


def _a_caseworker() -> str:
    """The first caseworker (by name) of the monthly round's cases."""
    names = {
        line.split(": ", 1)[1].strip('"')
        for path in reviews(Path("udtræk") / f"2026-11-{MONTHLY}")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("  rådgiver: ")
    }
    return sorted(names)[0]


def test_letters_are_due_after_the_latest_review_until_written(
    example_workspace: Path, cli: Cli
) -> None:
    _finished_round(cli)
    # the latest review is dated 12 November; tilbagemelding_dage: 14. Every review is
    # finished, so the letters are due before the month is over, and said so in time.
    assert "tilbagemeldingen" not in cli("påmind", "--dato", "2026-11-11", "--altid").output
    november = cli("påmind", "--dato", "2026-11-25").output
    assert f"{LINE} Frist 26. november 2026 (i morgen)." in november
    december = cli("påmind", "--dato", "2026-12-02").output
    assert f"{LINE} Frist 26. november 2026 (6 dage for sent)." in december
    assert "Tematiseret ledelsestilsyn 2026-11: tilbagemeldingen" in december
    written = cli("tilbagemelding", "--periode", "2026-11", "--dato", "2026-12-02")
    assert written.exit_code == 0, written.output
    after = cli("påmind", "--dato", "2026-12-02", "--altid").output
    assert "tilbagemeldingen" not in after


def test_letters_for_a_longer_period_cover_the_round(example_workspace: Path, cli: Cli) -> None:
    _finished_round(cli)
    folder = Path("tilbagemeldinger") / "2026-K4"
    folder.mkdir(parents=True)
    (folder / "noter.txt").write_text("ikke et brev\n", encoding="utf-8")
    assert LINE in cli("påmind", "--dato", "2026-12-02", "--altid").output  # no letter yet
    (folder / "anna-holm.md").write_text("# Brev\n", encoding="utf-8")
    assert "tilbagemeldingen" not in cli("påmind", "--dato", "2026-12-02", "--altid").output
    other = Path("tilbagemeldinger") / "2026-10"
    other.mkdir()
    (other / "anna-holm.md").write_text("# Brev\n", encoding="utf-8")
    (folder / "anna-holm.md").unlink()
    assert (
        LINE in cli("påmind", "--dato", "2026-12-02", "--altid").output
    )  # October is not November


def test_no_reminder_when_the_concept_sends_no_letters(example_workspace: Path, cli: Cli) -> None:
    concept = Path("koncept.yaml")
    text = concept.read_text(encoding="utf-8")
    concept.write_text(
        text.replace("tilbagemelding_til_rådgiver: ja", "tilbagemelding_til_rådgiver: nej"),
        encoding="utf-8",
    )
    _finished_round(cli)
    out = cli("påmind", "--dato", "2026-12-02", "--altid").output
    assert "rapporten mangler" in out and "tilbagemeldingen" not in out


def test_a_review_finished_after_the_letters_asks_for_them_again(
    example_workspace: Path, cli: Cli
) -> None:
    """The letters were written while one review was not finished: its caseworker got no
    letter. When it is finished later, påmind asks for the letters again. A finished review
    that is only edited afterwards (a correction marked done) asks for nothing."""
    for series in (MONTHLY, THEMED):
        paths = reviews(draw(cli, series, "2026-11"))
        for path in paths[1:] if series == MONTHLY else paths:
            fill(path, "Karen Holm Madsen", "2026-11-12")
    late, edited = reviews(Path("udtræk") / f"2026-11-{MONTHLY}")[:2]
    written = cli("tilbagemelding", "--periode", "2026-11", "--dato", "2026-12-02")
    assert written.exit_code == 0, written.output
    assert "tilbagemeldingen" not in cli("påmind", "--dato", "2026-12-02", "--altid").output
    edited.write_text(edited.read_text(encoding="utf-8") + "# set igen\n", encoding="utf-8")
    assert "tilbagemeldingen" not in cli("påmind", "--dato", "2026-12-02", "--altid").output
    fill(late, "Karen Holm Madsen", "2026-12-01")
    again = " ".join(cli("påmind", "--dato", "2026-12-02", "--altid").output.split())
    case = late.stem  # which case no letter covers is named (found by a probe: a letter
    # edited by hand is kept, and 'run it again' alone did not help)
    assert (
        "Månedligt overordnet ledelsestilsyn 2026-11: tilbagemeldingen til rådgiverne dækker "
        f"ikke alle færdige gennemgange: intet brev har {case} (kør 'tilsyn tilbagemelding' "
        "for 2026-11 igen; et brev, der er rettet i hånden, beholdes, se O028). "
        "Frist 15. december 2026 (om 13 dage)."
    ) in again, again
    assert "Tematiseret ledelsestilsyn 2026-11: tilbagemeldingen" not in again
    cli("tilbagemelding", "--periode", "2026-11", "--dato", "2026-12-02")
    assert "tilbagemeldingen" not in cli("påmind", "--dato", "2026-12-02", "--altid").output


def test_one_caseworkers_letter_does_not_cover_the_round(example_workspace: Path, cli: Cli) -> None:
    """Only Anna's letter is written: the others' finished cases have no letter yet."""
    _finished_round(cli)
    one = _a_caseworker()
    args = ("tilbagemelding", "--periode", "2026-11", "--dato", "2026-12-02")
    assert cli(*args, "--rådgiver", one).exit_code == 0
    assert "dækker ikke alle færdige" in cli("påmind", "--dato", "2026-12-02", "--altid").output
    assert cli(*args).exit_code == 0
    assert "tilbagemeldingen" not in cli("påmind", "--dato", "2026-12-02", "--altid").output


def test_an_unreadable_case_list_is_read_as_empty(example_workspace: Path, cli: Cli) -> None:
    """A `.sager` that is not UTF-8 (saved by another editor, or damaged) gave an internal
    error in `tilbagemelding --rådgiver`, after the letter was written. It is read as
    listing no case: the letter is written, and påmind asks for the others' letters."""
    _finished_round(cli)
    args = ("tilbagemelding", "--periode", "2026-11", "--dato", "2026-12-02")
    assert cli(*args).exit_code == 0
    (Path("tilbagemeldinger") / "2026-11" / ".sager").write_bytes(b"S-2026-\xf8\xff\n")
    one = cli(*args, "--rådgiver", _a_caseworker())
    assert one.exit_code == 0, one.output
    assert "dækker ikke alle færdige" in cli("påmind", "--dato", "2026-12-02", "--altid").output


def test_letters_waiting_for_the_round_to_close_are_not_late_the_day_it_closes(
    example_workspace: Path, cli: Cli
) -> None:
    """A probe: one review never finished held the reminder back until the round closed, and
    the first reminder said "50 dage for sent" (due 14 days after the latest review, in the
    middle of the round). The letters are due 14 days after the round closes then."""
    paths = reviews(draw(cli, MONTHLY, "2026-11"))
    for path in paths[1:]:
        fill(path, "Karen Holm Madsen", "2026-11-03")
    days = [f"2026-11-{d:02d}" for d in range(4, 31)] + [f"2026-12-{d:02d}" for d in range(1, 32)]
    first = next(
        (d, out)
        for d in days
        for out in [cli("påmind", "--dato", d, "--altid").output]
        if "tilbagemeldingen til rådgiverne" in out
    )
    assert "for sent" not in first[1].split("tilbagemeldingen til rådgiverne")[1].split("\n")[0]
    assert "(om 13 dage)" in first[1] or "(om 14 dage)" in first[1], first

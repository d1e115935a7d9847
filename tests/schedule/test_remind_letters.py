"""`påmind` reminds of the feedback letters (`formidling: tilbagemelding_dage`) until written."""

from __future__ import annotations

import os
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


def test_letters_are_due_after_the_latest_review_until_written(
    example_workspace: Path, cli: Cli
) -> None:
    _finished_round(cli)
    assert LINE not in cli("påmind", "--dato", "2026-11-25", "--altid").output  # still running
    december = cli("påmind", "--dato", "2026-12-02").output
    # the latest review is dated 12 November; tilbagemelding_dage: 14
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
    letter. When it is finished later, påmind asks for the letters again."""
    for series in (MONTHLY, THEMED):
        paths = reviews(draw(cli, series, "2026-11"))
        for path in paths[1:] if series == MONTHLY else paths:
            fill(path, "Karen Holm Madsen", "2026-11-12")
    late = reviews(Path("udtræk") / f"2026-11-{MONTHLY}")[0]
    written = cli("tilbagemelding", "--periode", "2026-11", "--dato", "2026-12-02")
    assert written.exit_code == 0, written.output
    assert "tilbagemeldingen" not in cli("påmind", "--dato", "2026-12-02", "--altid").output
    fill(late, "Karen Holm Madsen", "2026-12-01")
    finished = late.stat().st_mtime_ns - 10**10  # the letters: 10 s before it was finished
    for letter in (Path("tilbagemeldinger") / "2026-11").iterdir():
        os.utime(letter, ns=(finished, finished))
    again = cli("påmind", "--dato", "2026-12-02", "--altid").output
    assert (
        "Månedligt overordnet ledelsestilsyn 2026-11: en gennemgang er blevet færdig eller "
        "ændret, efter tilbagemeldingen til rådgiverne blev skrevet (kør 'tilsyn "
        "tilbagemelding' for 2026-11 igen). Frist 15. december 2026 (om 13 dage)."
    ) in again
    assert "Tematiseret ledelsestilsyn 2026-11: tilbagemeldingen" not in again
    cli("tilbagemelding", "--periode", "2026-11", "--dato", "2026-12-02")
    assert "tilbagemeldingen" not in cli("påmind", "--dato", "2026-12-02", "--altid").output

"""påmind in plain Danish: counts agree with their words, calibration pairs named apart."""

from __future__ import annotations

from pathlib import Path

from remind_support import MONTHLY, THEMED, draw, fill, reviews

from conftest import Cli


def test_remind_states_agree_with_their_count(cli: Cli, example_workspace: Path) -> None:
    monthly = reviews(draw(cli, MONTHLY, "2026-11"))
    for path in monthly[:2]:
        fill(path, "Jakob Bæk", "2026-11-05", value="jaa")
    for path in monthly[2:4]:
        fill(path, "Jakob Bæk", "2026-11-05", answers=3)
    out = cli("påmind", "--dato", "2026-11-10", "--altid").output
    assert "Jakob Bæk: 4 gennemgange mangler (2 delvist udfyldte, 2 ugyldige)" in out, out
    assert "(4 ikke påbegyndt, 2 delvist udfyldte, 2 ugyldige)" in out, out


def test_a_calibration_pair_names_its_second_review(cli: Cli, example_workspace: Path) -> None:
    folder = draw(cli, THEMED, "2026-11")
    pair = sorted(folder.glob("*.2.yaml"))[0].name.removesuffix(".2.yaml")
    out = cli("påmind", "--dato", "2026-11-10", "--altid").output
    (line,) = [x for x in out.splitlines() if "ikke fordelt" in x]
    assert f"{pair}, {pair} (2. gennemgang)," in line, line
    assert line.count(f"{pair},") == 1, line


def test_reviews_dated_after_the_day_are_not_called_invalid(
    cli: Cli, example_workspace: Path
) -> None:
    monthly = reviews(draw(cli, MONTHLY, "2026-11"))
    for path in monthly[:3]:
        fill(path, "Jakob Bæk", "2026-11-12")
    fill(monthly[3], "Jakob Bæk", "2026-11-12", value="jaa")  # really invalid, and dated later
    early = cli("påmind", "--dato", "2026-11-06", "--altid").output
    (line,) = [x for x in early.splitlines() if "Jakob Bæk:" in x]
    assert "4 gennemgange mangler (1 ugyldig, 3 dateret efter 6. november 2026)" in line, line
    assert "(4 ikke påbegyndt, 1 ugyldig, 3 dateret efter 6. november 2026)" in early, early
    later = cli("påmind", "--dato", "2026-11-13", "--altid").output
    assert "3 af 8 gennemgange færdige (4 ikke påbegyndt, 1 ugyldig)" in later, later

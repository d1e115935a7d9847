"""påmind in plain Danish: counts agree with their words, calibration pairs named apart."""

from __future__ import annotations

from pathlib import Path

from remind_support import MONTHLY, draw, fill, reviews

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

"""Helpers for the påmind tests: draw samples and fill in reviews as a leader would."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

MONTHLY = "månedligt-overordnet"
THEMED = "tematiseret"
ANSWER = {MONTHLY: "ja", THEMED: "høj grad"}


def draw(cli: Callable[..., Result], series: str, period: str) -> Path:
    result = cli("udtræk", "eksport.csv", "--tilsyn", series, "--periode", period)
    assert result.exit_code == 0, result.output
    return Path("udtræk") / f"{period}-{series}"


def reviews(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if p.name != "udtræk.yaml")


def fill(
    path: Path, reviewer: str, day: str, *, answers: int | None = None, value: str = ""
) -> None:
    """Fill in the header and the first `answers` answers (all when None)."""
    series = MONTHLY if MONTHLY in str(path.parent) else THEMED
    text = path.read_text(encoding="utf-8")
    text = text.replace('gennemført_af: ""', f'gennemført_af: "{reviewer}"', 1)
    text = text.replace('dato: ""', f'dato: "{day}"', 1)
    text = text.replace("udgangspunkt: ''", 'udgangspunkt: "Underretning fra skolen"', 1)
    if answers != 0:
        text = re.sub('svar: ""', f'svar: "{value or ANSWER[series]}"', text, count=answers or 0)
    path.write_text(text, encoding="utf-8")


def finish_round(cli: Callable[..., Result], day: str, *, letters: bool = True) -> None:
    """Both November rounds finished by Karen on `day`, and (`letters`) the feedback letters
    written the same day, as the concept asks: then nothing is due until the report."""
    for series in (MONTHLY, THEMED):
        for path in reviews(draw(cli, series, "2026-11")):
            fill(path, "Karen Holm Madsen", day)
    if letters:
        written = cli("tilbagemelding", "--periode", "2026-11", "--dato", day)
        assert written.exit_code == 0, written.output

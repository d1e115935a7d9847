"""The calibration's extra review files are the concept's (`kalibrering: {antal: 2, bedømmere:
2}`), so a committee member who knows the concept knows them (found by probe Y: 12 drawn + 2
extra files − 10 reviews gave the hidden `< 5` of reviews not counted away as 4)."""

from __future__ import annotations

from pathlib import Path

from backcalc import read_csv, read_report, read_xlsx
from test_committee_disclosure import committee, fill_all

from conftest import Cli

PERIOD = "2026-11"


def _draw(cli: Cli, series: str) -> list[Path]:
    result = cli("udtræk", "eksport.csv", "--tilsyn", series, "--periode", PERIOD)
    assert result.exit_code == 0, result.output
    return sorted((Path("udtræk") / f"{PERIOD}-{series}").glob("S-*.yaml"))


def test_reviews_not_counted_are_not_drawn_plus_extra_files_minus_reviews(
    cli: Cli, example_workspace: Path
) -> None:
    monthly = _draw(cli, "månedligt-overordnet")
    themed = _draw(cli, "tematiseret")
    extra = [p for p in themed if p.stem.endswith(".2")]
    assert len(monthly) == 8 and len(extra) == 2, (monthly, themed)
    for path in monthly[:5]:
        fill_all(path, "ja")
    for path in themed:
        if path != extra[-1]:  # 12 drawn, 2 extra files, 10 reviews: 4 not counted
            fill_all(path, "høj grad")

    texts = committee(cli, "--periode", PERIOD)
    for fmt in ("md", "html"):
        system = read_report(texts[fmt], fmt)
        read_csv(system, texts["csv"])
        read_xlsx(system, Path(texts["xlsx"]))
        # every file is a review or not counted; the concept says how many files are extra
        files = [("D", 1), (system.cell("extra files", str(len(extra))), 1), ("R", -1)]
        not_counted = [(name, -1) for name in system.bounds if name.startswith("excl[")]
        assert not_counted
        system.relate([*files, *not_counted], equal=True)
        assert system.revealed() == {}, (fmt, system.hidden)

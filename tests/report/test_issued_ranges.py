"""The record of the date ranges an audience got reports of (`rapporter/.datoperioder`)."""

from __future__ import annotations

from pathlib import Path

from ledelsestilsyn.core.periods import parse_period
from ledelsestilsyn.report.issued_ranges import issued_ranges, record_range

FIRST, SECOND = "2026-09-01..2026-10-31", "2026-08-01..2026-10-31"


def test_ranges_are_kept_per_audience_in_the_order_made_and_once(tmp_path: Path) -> None:
    for audience, label in (("udvalg", FIRST), ("afdeling", SECOND), ("udvalg", SECOND)):
        record_range(tmp_path, audience, parse_period(label), "rapporter")
    record_range(tmp_path, "udvalg", parse_period(FIRST), "rapporter")
    assert issued_ranges(tmp_path, "udvalg") == [parse_period(FIRST), parse_period(SECOND)]
    assert issued_ranges(tmp_path, "afdeling") == [parse_period(SECOND)]
    text = (tmp_path / "rapporter" / ".datoperioder").read_text(encoding="utf-8")
    assert text == f"udvalg\t{FIRST}\nafdeling\t{SECOND}\nudvalg\t{SECOND}\n"


def test_a_line_that_is_not_a_range_is_passed_over_and_kept(tmp_path: Path) -> None:
    """A person's note, a month or a broken line in the record is no range; what is there
    stays when a new range is added (no trailing line break needed)."""
    record = tmp_path / "rapporter" / ".datoperioder"
    record.parent.mkdir()
    record.write_text(f"udvalg\t2026-11\nnoter\nudvalg\t2026-13-01..x\nudvalg\t{FIRST}", "utf-8")
    assert issued_ranges(tmp_path, "udvalg") == [parse_period(FIRST)]
    record_range(tmp_path, "udvalg", parse_period(SECOND), "rapporter")
    assert issued_ranges(tmp_path, "udvalg") == [parse_period(FIRST), parse_period(SECOND)]
    assert record.read_text("utf-8").startswith("udvalg\t2026-11\nnoter\n")


def test_no_record_is_no_ranges(tmp_path: Path) -> None:
    assert issued_ranges(tmp_path, "udvalg") == []

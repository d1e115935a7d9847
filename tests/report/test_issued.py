"""The record of the committee's and the department's reports (`rapporter/.udgivet`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.core.periods import parse_period
from ledelsestilsyn.report.issued import (
    Version,
    changed_by_little,
    issued_ranges,
    record_version,
    versions,
)

FIRST, SECOND = "2026-09-01..2026-10-31", "2026-08-01..2026-10-31"


def _made(root: Path, audience: str, period: str, nej: int = 1) -> None:
    record_version(root, Version(audience, period, {"answer|nej": nej}), "rapporter")


def test_ranges_are_kept_in_the_order_first_made_whoever_got_them(tmp_path: Path) -> None:
    """The department's reports reach the committee's members: one record for both."""
    for audience, label in (("udvalg", FIRST), ("afdeling", SECOND), ("udvalg", "2026-K4")):
        _made(tmp_path, audience, label)
    _made(tmp_path, "udvalg", SECOND)
    _made(tmp_path, "udvalg", FIRST, nej=2)  # a second version: its place stays the first's
    made = versions(tmp_path)
    assert issued_ranges(made) == [parse_period(FIRST), parse_period(SECOND)]
    assert [(v.audience, v.period) for v in made][-1] == ("udvalg", FIRST)


def test_a_second_version_to_the_other_audience_is_compared(tmp_path: Path) -> None:
    _made(tmp_path, "afdeling", "2026-11", nej=6)
    made = versions(tmp_path)
    assert changed_by_little(Version("udvalg", "2026-11", {"answer|nej": 7}), made, 5) == [
        "afdeling"
    ]
    assert not changed_by_little(Version("udvalg", "2026-10", {"answer|nej": 7}), made, 5)
    assert not changed_by_little(Version("udvalg", "2026-11", {"answer|nej": 6}), made, 5)


def test_the_same_version_is_kept_once(tmp_path: Path) -> None:
    _made(tmp_path, "udvalg", FIRST)
    _made(tmp_path, "udvalg", FIRST)
    assert versions(tmp_path) == [Version("udvalg", FIRST, {"answer|nej": 1})]


def test_entries_of_the_wrong_shape_are_passed_over(tmp_path: Path) -> None:
    assert versions(tmp_path) == []
    record = tmp_path / "rapporter" / ".udgivet"
    record.parent.mkdir()
    record.write_text(
        '{"rapporter": [1, {"modtager": "udvalg"}, {"modtager": "udvalg", "periode": "2026-11", '
        '"tal": {"a": 1, "b": "x"}}]}',
        encoding="utf-8",
    )
    assert versions(tmp_path) == [Version("udvalg", "2026-11", {"a": 1})]


@pytest.mark.parametrize(
    "text", ["{ikke json", '<<<<<<< HEAD\n{"rapporter": []}\n=======\n', '{"format": 1}', "[]"]
)
def test_a_record_that_cannot_be_read_is_an_error_not_an_empty_record(
    tmp_path: Path, text: str
) -> None:
    """Cut short or a merge conflict: before, it read as no versions, and the next committee
    report wrote it over with its own alone."""
    record = tmp_path / "rapporter" / ".udgivet"
    record.parent.mkdir()
    record.write_text(text, encoding="utf-8")
    with pytest.raises(TilsynError) as caught:
        versions(tmp_path)
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.file, diagnostic.code) == ("rapporter/.udgivet", "L018")
    with pytest.raises(TilsynError):
        _made(tmp_path, "udvalg", FIRST)
    assert record.read_text(encoding="utf-8") == text

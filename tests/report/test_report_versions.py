"""The report pools a question across a version change only when it carries."""

from __future__ import annotations

from datetime import date

from ledelsestilsyn.core.periods import parse_period
from ledelsestilsyn.report.build import Report, Settings, build_report
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.templates.catalog import Catalog
from ledelsestilsyn.templates.versions import compare

OLD, NEW = "overordnet@2024.1", "overordnet@2025.1"


def _record(ref: str, period: str, case: str, answer: str) -> ReviewRecord:
    year, month = (int(x) for x in period.split("-"))
    return ReviewRecord(
        series="s",
        template=ref,
        period=period,
        period_start=date(year, month, 1),
        case_id=case,
        answers={
            ("underretning", "underretning-1"): (answer, ""),
            ("afdækning", "afdækning-2"): (answer, ""),
        },
    )


def _report(pooled: bool) -> Report:
    catalog = Catalog.load(None)
    templates = {ref: catalog.resolve(ref) for ref in (OLD, NEW)}
    versions = {(OLD, NEW): compare(catalog.lineage(OLD, NEW))} if pooled else {}
    records = [
        _record(OLD, "2026-10", "A", "nej"),
        _record(OLD, "2026-10", "B", "nej"),
        _record(NEW, "2026-11", "C", "ja"),
    ]
    return build_report(
        records,
        templates,
        parse_period("2026-11"),
        Settings(),
        versions=versions,
        mask=lambda text: text,
    )


def test_carried_questions_are_pooled_and_changed_ones_kept_apart() -> None:
    (section,) = _report(pooled=True).templates
    assert section.current.template.ref == NEW
    assert section.previous is not None
    carried = section.previous.question("underretning-1")
    assert carried is not None and dict(carried.tally.counts) == {"nej": 2}
    assert section.previous.question("afdækning-2") is None  # the old answers stay apart
    assert section.versions is not None
    rows = {row.id: row for row in section.versions.rows}
    assert rows["underretning-1"].note == "rettet i 2025.1; lagt sammen med 2024.1"
    assert [t.positive if t else None for t in rows["underretning-1"].tallies] == [0, 1]
    old = rows["afdækning-2 (2024.1)"]
    assert old.note == "2024.1-udgaven; ikke lagt sammen med 2025.1"
    assert [t.total if t else 0 for t in old.tallies] == [2, 0]
    assert [t.total if t else 0 for t in rows["afdækning-2"].tallies] == [0, 1]


def test_without_a_version_map_nothing_is_pooled() -> None:
    (section,) = _report(pooled=False).templates
    assert section.previous is None and section.versions is None
    assert [p.label for p in section.trend] == ["2026-11"]

"""The tidy table: one row per period × series × step × question × answer, with the count.

`tidy_rows` builds it once, for the CSV here and the workbook (`report.xlsx`).
A shown count is an int; a hidden one is the disclosure text (`< 5`, `x`), so
both formats publish exactly the same suppression decisions.

In the CSV, cells that a spreadsheet would read as a formula (`=`, `+`, `-`,
`@`, tab, CR) get a leading apostrophe. For the committee, small counts are
`< 5` with the same secondary suppression as in the report.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ledelsestilsyn.models.template import Template
from ledelsestilsyn.report.aggregate import Section, first_reviews, section
from ledelsestilsyn.report.formats import number
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.report.suppress import Disclosure

Cell = str | int
"""A text cell, or a shown count."""

HEADER = ("periode", "tilsyn", "skabelon", "sagsskridt", "spørgsmål", "svar", "antal")
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA) else cell


def _shown(rules: Disclosure, count: int, hidden: bool) -> Cell:
    """The count as published: the number itself, or the disclosure text that replaces it."""
    text = rules.count(count, hidden)
    return count if text == number(count) else text


def _rows(period: str, series: str, stat: Section, rules: Disclosure) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for step in stat.steps:
        for q in step.questions:
            ordered = q.tally.ordered()
            hidden = rules.hidden([n for _, n in ordered])
            for (answer, count), h in zip(ordered, hidden, strict=True):
                rows.append(
                    [
                        period,
                        series,
                        stat.template.ref,
                        step.id,
                        q.question.id,
                        answer,
                        _shown(rules, count, h),
                    ]
                )
    return rows


def tidy_rows(
    records: Sequence[ReviewRecord], templates: dict[str, Template], rules: Disclosure
) -> list[list[Cell]]:
    """The tidy table's rows (without `HEADER`) for `records`, already limited to the
    report's period."""
    groups: dict[tuple[str, str, str], list[ReviewRecord]] = {}
    for record in first_reviews(records):
        groups.setdefault((record.period, record.series, record.template), []).append(record)
    rows: list[list[Cell]] = []
    for (period, series, ref), group in sorted(groups.items()):
        if ref in templates:
            rows += _rows(period, series, section(templates[ref], group), rules)
    return rows


def to_csv(
    records: Sequence[ReviewRecord], templates: dict[str, Template], rules: Disclosure
) -> str:
    """The tidy table for `records` (already limited to the report's period) as CSV."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in tidy_rows(records, templates, rules):
        writer.writerow([neutralise(str(cell)) for cell in row])
    return "\ufeff" + out.getvalue()

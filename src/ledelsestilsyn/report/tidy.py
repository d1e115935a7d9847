"""Tidy CSV: one row per period × series × step × question × answer, with the count.

Cells that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR)
get a leading apostrophe. For the committee, small counts are `< 5` with the
same secondary suppression as in the report.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ledelsestilsyn.models.template import Template
from ledelsestilsyn.report.aggregate import Section, first_reviews, section
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.report.suppress import Disclosure

HEADER = ("periode", "tilsyn", "skabelon", "sagsskridt", "spørgsmål", "svar", "antal")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA) else cell


def _rows(period: str, series: str, stat: Section, rules: Disclosure) -> list[list[str]]:
    rows = []
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
                        rules.count(count, h).replace(".", ""),
                    ]
                )
    return rows


def to_csv(
    records: Sequence[ReviewRecord], templates: dict[str, Template], rules: Disclosure
) -> str:
    """The tidy table for `records` (already limited to the report's period)."""
    groups: dict[tuple[str, str, str], list[ReviewRecord]] = {}
    for record in first_reviews(records):
        groups.setdefault((record.period, record.series, record.template), []).append(record)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for (period, series, ref), group in sorted(groups.items()):
        if ref not in templates:
            continue
        for row in _rows(period, series, section(templates[ref], group), rules):
            writer.writerow([neutralise(cell) for cell in row])
    return "\ufeff" + out.getvalue()

"""The tidy table: one row per period × series × step × question × answer, with the count.

`tidy_groups` counts it once (for the committee, with the report: `Report.tidy`, one
period: the report's);
`tidy_rows` makes its rows, for the CSV here and the workbook (`report.xlsx`).
A shown count is an int; a hidden one is the disclosure text (`< 5`, `x`), so
both formats publish exactly the same suppression decisions. For the committee
(and the department) those are the report-wide decision of its Markdown and
HTML versions: each count has its key (`tidy_count`) in the report's ledger
(`published`), and a template the committee report leaves out is left out here.

In the CSV, cells that a spreadsheet would read as a formula (`=`, `+`, `-`,
`@`, tab, CR) get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from ledelsestilsyn.core.diagnostics import Diagnostic, warning
from ledelsestilsyn.models.template import Template
from ledelsestilsyn.report.aggregate import (
    QuestionStat,
    Section,
    first_reviews,
    latest_rounds,
    section,
)
from ledelsestilsyn.report.disclosure import audience_name
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.report.suppress import Disclosure, Key

Cell = str | int
"""A text cell, or a shown count."""

HEADER = ("periode", "tilsyn", "skabelon", "sagsskridt", "spørgsmål", "svar", "antal")
FORMULA = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class TidyGroup:
    """The figures of one period × series × template: the rows of the tidy table."""

    period: str
    series: str
    section: Section


def tidy_groups(
    records: Sequence[ReviewRecord], templates: dict[str, Template], whole: str | None = None
) -> list[TidyGroup]:
    """`records` (already limited to the report's period) by period × series × template;
    with `whole` (the committee's and department's table: the report's period label) by
    series × template: a round's rows add up to its few reviews (6 ja, 0 nej, 0 ikke
    relevant says 6, and then 'x, < 5' on the next question says 5 and 1)."""
    groups: dict[tuple[str, str, str], list[ReviewRecord]] = {}
    first = first_reviews(records)
    for record in latest_rounds(first) if whole else first:
        label = whole or record.period
        groups.setdefault((label, record.series, record.template), []).append(record)
    return [
        TidyGroup(period, series, section(templates[ref], group))
        for (period, series, ref), group in sorted(groups.items())
        if ref in templates
    ]


def tidy_count(period: str, series: str, ref: str, step: str, question: str, value: str) -> Key:
    """The key of one count of the tidy table in the report's ledger."""
    return ("tidy", period, series, ref, step, question, value)


def question_rows(
    groups: Sequence[TidyGroup], shown: Collection[str], summarised: Collection[tuple[str, str]]
) -> Iterator[tuple[TidyGroup, QuestionStat, list[tuple[str, Key, int]]]]:
    """Each question the committee's table has rows for (its template among `shown`, its
    step not `summarised`), with each row's answer, key and count."""
    for group in groups:
        ref = group.section.template.ref
        if ref not in shown:
            continue
        for step in group.section.steps:
            if (ref, step.id) in summarised:
                continue
            for q in step.questions:
                rows = [
                    (
                        value,
                        tidy_count(group.period, group.series, ref, step.id, q.question.id, value),
                        n,
                    )
                    for value, n in q.tally.ordered()
                ]
                yield group, q, rows


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA) else cell


def _rows(group: TidyGroup, rules: Disclosure) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    ref = group.section.template.ref
    for step in group.section.steps:
        for q in step.questions:
            for answer, count in q.tally.ordered():
                key = tidy_count(group.period, group.series, ref, step.id, q.question.id, answer)
                if not rules.publishes(key):  # a template the committee report leaves out
                    continue
                shown = count if rules.shows(key) else rules.count(key, count)
                rows.append(
                    [group.period, group.series, ref, step.id, q.question.id, answer, shown]
                )
    return rows


def tidy_rows(groups: Sequence[TidyGroup], rules: Disclosure) -> list[list[Cell]]:
    """The tidy table's rows (without `HEADER`) for `groups` (from `tidy_groups`)."""
    return [row for group in groups for row in _rows(group, rules)]


def to_csv(groups: Sequence[TidyGroup], rules: Disclosure) -> str:
    """The tidy table for `groups` (from `tidy_groups`) as CSV."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in tidy_rows(groups, rules):
        writer.writerow([neutralise(str(cell)) for cell in row])
    return "\ufeff" + out.getvalue()


def no_rows_warning(
    groups: Sequence[TidyGroup], rules: Disclosure, audience: str, label: str
) -> list[Diagnostic]:
    """L019 when the committee's or the department's table has answers but no row it may
    show: a file with the header alone said nothing of why (a probe)."""
    if not groups or tidy_rows(groups, rules):
        return []
    text = f"tabellen for {label} til {audience_name(audience)} har ingen rækker: hvert "
    text += "spørgsmåls tal er skjult, så et lille tal ikke kan regnes ud; kun overskriften "
    text += "står i filen."
    hint = "rapporten som md, html eller pdf viser sagsskridtenes andele; eller tag en længere"
    hint += " periode med flere gennemgange."
    return [warning("rapport", "L019", text, hint=hint)]

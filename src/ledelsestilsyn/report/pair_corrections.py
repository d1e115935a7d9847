"""Which corrections count when a case has more than one review (a calibration pair): one rule
for the report, the caseworker's letter and `påmind` (`schedule.scan` keeps a copy of it
for the cron fast path).

Per case, series and period, and per question, the corrections of the first review that has
one under that question count: finished reviews before unfinished ones, then by
`gennemgang_nr` and leader. Two leaders who both ask for a correction under a question have
asked for one correction, the first review's; a later review's counts under a question no
earlier review has one under. The report listed both leaders' corrections, and `påmind`
took an unfinished review's over a finished one's, so the three said different things.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ledelsestilsyn.report.records import ReviewRecord


def counting_corrections(
    finished: Iterable[ReviewRecord], unfinished: Iterable[ReviewRecord] = ()
) -> list[ReviewRecord]:
    """The finished reviews, then the unfinished, each with only its corrections that count."""
    every = [(False, r) for r in finished] + [(True, r) for r in unfinished]
    order = sorted(
        range(len(every)),
        key=lambda i: (every[i][0], every[i][1].review_no, every[i][1].reviewer or ""),
    )
    seen: dict[tuple[str, str, str], set[str]] = {}
    kept: dict[int, ReviewRecord] = {}
    for i in order:
        record = every[i][1]
        before = seen.setdefault((record.series, record.case_id, record.period), set())
        counting = tuple(c for c in record.corrections if c.question not in before)
        before |= {c.question for c in record.corrections}
        same = len(counting) == len(record.corrections)
        kept[i] = record if same else replace(record, corrections=counting)
    return [kept[i] for i in range(len(every))]

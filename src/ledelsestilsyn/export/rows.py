"""From parsed rows to cases: paragraph and window filters, grouping by case key.

Only rows that passed the pre-filter arrive here. A row is kept if its
paragraph is eligible (each distinct cell text is normalised once) and its
decision date (parsed by hand, each distinct text once) lies in the window.
A case takes caseworker, team and the other mapped columns from its newest
kept row; nothing else of a row is kept, and the CPR column is never read.
"""

from __future__ import annotations

import csv
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType
from typing import TypeVar

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity
from ledelsestilsyn.export.columns import Layout
from ledelsestilsyn.export.values import is_summary, normalise_paragraph, parse_date
from ledelsestilsyn.sampling.draw import Case

MAX_REPORTED = 10
T = TypeVar("T")


class _Memo(dict[str, T]):
    """A cache of `compute(text)` per distinct cell text; `memo[text]` computes on a miss."""

    def __init__(self, compute: Callable[[str], T]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, text: str) -> T:
        value = self[text] = self.compute(text)
        return value


@dataclass(frozen=True)
class Tally:
    """What a `RowReader` has found, without its caches (sent between processes)."""

    paragraph_rows: int
    short_rows: int
    bad_dates: int
    summary_rows: int
    cases_seen: set[str]
    newest: dict[str, tuple[date, int, tuple[str, ...]]]
    diagnostics: list[Diagnostic]


@dataclass
class RowReader:
    """Turns the kept records into cases; collects counts and bad rows."""

    display: str
    layout: Layout
    paragraphs: frozenset[str]
    window: tuple[date, date]
    delimiter: str
    date_column: str
    paragraph_rows: int = 0
    short_rows: int = 0
    bad_dates: int = 0
    summary_rows: int = 0
    cases_seen: set[str] = field(default_factory=set)
    newest: dict[str, tuple[date, int, tuple[str, ...]]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    eligible_text: _Memo[bool] = field(init=False)
    dates: _Memo[date | None] = field(init=False)

    def __post_init__(self) -> None:
        layout = self.layout
        self.eligible_text = _Memo(lambda text: normalise_paragraph(text) in self.paragraphs)
        self.dates = _Memo(parse_date)
        team = layout.team if layout.team is not None else layout.key
        extras = [i for _, i in layout.extras]
        self._pick = operator.itemgetter(layout.key, layout.caseworker, team, *extras)

    @property
    def bad_rows(self) -> int:
        return self.short_rows + self.bad_dates

    def bad(self, line: int, column: str | None, message: str) -> None:
        where = f" i kolonnen '{column}'" if column else ""
        if self.bad_rows < MAX_REPORTED:
            self.diagnostics.append(
                Diagnostic(
                    self.display,
                    line,
                    None,
                    "E005",
                    f"{message}{where}; rækken er sprunget over.",
                    severity=Severity.WARNING,
                )
            )

    def feed(self, numbers: list[int], records: list[str]) -> None:
        """Parse `records` (with their line numbers) and keep what is eligible."""
        layout = self.layout
        width, paragraph, decided_at, key_at = (
            layout.width,
            layout.paragraph,
            layout.decided,
            layout.key,
        )
        eligible, dates, newest, pick = self.eligible_text, self.dates, self.newest, self._pick
        low, high = self.window
        seen = self.cases_seen.add
        kept = 0
        rows = csv.reader(records, delimiter=self.delimiter)
        for line, fields in zip(numbers, rows, strict=True):
            if len(fields) < width:
                self._short(line, fields)
                continue
            if not eligible[fields[paragraph]]:
                continue
            raw = fields[decided_at]
            decided = dates[raw]
            key = fields[key_at].strip()
            if decided is None or not key:
                self._undated(line, key, raw, fields[0])
                continue
            kept += 1
            seen(key)
            if low <= decided <= high:
                current = newest.get(key)
                if current is None or decided > current[0]:
                    newest[key] = (decided, line, pick(fields))
        self.paragraph_rows += kept

    def _short(self, line: int, fields: list[str]) -> None:
        if fields and not is_summary(fields[0]):
            self.bad(line, None, "rækken har for få felter")
            self.short_rows += 1
        else:
            self.summary_rows += 1

    def _undated(self, line: int, key: str, raw: str, first: str) -> None:
        """A row without case key or readable date: a summary row, or a bad date."""
        if not key or is_summary(first):
            self.summary_rows += 1
            return
        self.paragraph_rows += 1
        what = "datoen mangler" if not raw.strip() else "datoen kan ikke læses"
        self.bad(line, self.date_column, what)
        self.bad_dates += 1

    def tally(self) -> Tally:
        return Tally(
            self.paragraph_rows,
            self.short_rows,
            self.bad_dates,
            self.summary_rows,
            self.cases_seen,
            self.newest,
            self.diagnostics,
        )

    def merge(self, later: Tally, offset: int) -> None:
        """Add what was found in the rows after these; their line numbers move by `offset`.

        The result is the same as reading on: a later row wins only with a strictly
        newer decision, and only the first `MAX_REPORTED` bad rows are reported.
        """
        room = MAX_REPORTED - len(self.diagnostics)
        self.diagnostics += [moved(d, offset) for d in later.diagnostics[: max(room, 0)]]
        self.paragraph_rows += later.paragraph_rows
        self.short_rows += later.short_rows
        self.bad_dates += later.bad_dates
        self.summary_rows += later.summary_rows
        self.cases_seen |= later.cases_seen
        newest = self.newest
        for key, (decided, line, values) in later.newest.items():
            current = newest.get(key)
            if current is None or decided > current[0]:
                newest[key] = (decided, line + offset, values)

    def cases(self) -> list[Case]:
        """The grouped cases, sorted by case key.

        Cases with the same values in the further columns share one read-only
        mapping of them (there are few distinct combinations, and many cases).
        """
        extras = [t for t, _ in self.layout.extras]
        has_team = self.layout.team is not None
        shared: dict[tuple[str, ...], Mapping[str, str]] = {}
        result = []
        newest = self.newest
        for key in sorted(newest):
            _, line, values = newest[key]
            rest = values[3:]
            attrs = shared.get(rest)
            if attrs is None:
                attrs = shared[rest] = MappingProxyType(dict(zip(extras, rest, strict=True)))
            team = values[2].strip() if has_team else ""
            result.append(Case(key, values[1].strip(), team, attrs, line))
        return result


def moved(diagnostic: Diagnostic, offset: int) -> Diagnostic:
    """The same diagnostic, `offset` lines further down."""
    line = diagnostic.line
    return replace(diagnostic, line=None if line is None else line + offset)

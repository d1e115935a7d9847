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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType
from typing import TypeVar

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity
from ledelsestilsyn.core.lines import one_line
from ledelsestilsyn.export.columns import Layout
from ledelsestilsyn.export.phases import PhaseRule
from ledelsestilsyn.export.values import (
    SUMMARY,
    is_summary,
    normalise_paragraph,
    parse_date,
    repair_double_encoding,
    stated_rows,
)
from ledelsestilsyn.sampling.cpr_keys import with_lost_zeros
from ledelsestilsyn.sampling.draw import Case, normalise_value

MAX_REPORTED = 10
K = TypeVar("K")
T = TypeVar("T")


class _Memo(dict[K, T]):
    """A cache of `compute(key)` per distinct key (a cell text); `memo[key]` computes on a miss."""

    def __init__(self, compute: Callable[[K], T]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, key: K) -> T:
        value = self[key] = self.compute(key)
        return value


@dataclass(frozen=True)
class RowTally:
    """What a `RowReader` has found, without its caches (sent between processes)."""

    paragraph_rows: int
    short_rows: int
    bad_dates: int
    after_today: int
    summary_rows: int
    cases_seen: set[str]
    newest: dict[str, tuple[date, int, tuple[str, ...]]]
    diagnostics: list[Diagnostic]
    notes: list[Diagnostic]
    noted: int
    summaries: list[tuple[int, int]]
    phase_texts: set[str]
    latest: date
    other_dates: set[str]


@dataclass
class RowReader:
    """Turns the kept records into cases; collects counts and bad rows."""

    display: str
    layout: Layout
    paragraphs: frozenset[str]
    window: tuple[date, date]
    delimiter: str
    date_column: str
    phases: PhaseRule | None = None
    today: date = date.max
    """Decisions dated after it are left out (E005) and make no export look new (U008)."""
    paragraph_rows: int = 0
    short_rows: int = 0
    bad_dates: int = 0
    after_today: int = 0
    """Of `bad_dates`, the decisions dated after `today`."""
    summary_rows: int = 0
    cases_seen: set[str] = field(default_factory=set)
    newest: dict[str, tuple[date, int, tuple[str, ...]]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Rows left out (the first `MAX_REPORTED`)."""
    notes: list[Diagnostic] = field(default_factory=list)
    """Rows read despite a defect (the first `MAX_REPORTED`); `noted` counts them all."""
    noted: int = 0
    summaries: list[tuple[int, int]] = field(default_factory=list)
    """(line, row count it states) of the summary rows that state one."""
    sheet: str | None = None
    """The worksheet read (an .xlsx export): rows and columns are located as Excel shows them."""
    first_column: int = 1
    """The worksheet column of field 0 (1 is column A)."""
    latest: date = date.min
    """The newest readable decision date of a kept row, in the window or not (`date.min`:
    none); an export whose newest decision is before the window is old (U006 says so)."""
    other_dates: set[str] = field(default_factory=set)
    """The decision column's texts in the rows of other paragraphs (few distinct ones):
    whether the export as a whole is old is read from every row (U008), not only the
    drawn paragraphs, which may be rare (a concept with only § 46)."""
    eligible_text: _Memo[str, bool] = field(init=False)
    dates: _Memo[str, date | None] = field(init=False)
    phase_text: _Memo[str, bool] = field(init=False)
    """Whether a phase cell is selected; its keys are every phase text seen."""

    def __post_init__(self) -> None:
        layout = self.layout
        self.eligible_text = _Memo(lambda text: normalise_paragraph(text) in self.paragraphs)
        allowed = self.phases.allowed if self.phases else frozenset()
        self.phase_text = _Memo(lambda text: normalise_value(text) in allowed)
        self.dates = _Memo(parse_date)
        team = layout.team if layout.team is not None else layout.key
        extras = [i for _, i in layout.extras]
        self._pick = operator.itemgetter(layout.key, layout.caseworker, team, *extras)

    @property
    def bad_rows(self) -> int:
        return self.short_rows + self.bad_dates

    def bad(self, line: int, message: str, *, in_date: bool = False) -> None:
        """A row left out; `in_date`: because of its date (the column is named)."""
        where = f" i kolonnen '{self.date_column}'" if in_date else ""
        cell = None
        if in_date and self.sheet is not None:
            cell = self.first_column + self.layout.decided
        if self.bad_rows < MAX_REPORTED:
            self.diagnostics.append(
                Diagnostic(
                    self.display,
                    line,
                    cell,
                    "E005",
                    f"{message}{where}; rækken er sprunget over.",
                    severity=Severity.WARNING,
                    sheet=self.sheet,
                )
            )

    def note(self, line: int, code: str, message: str, hint: str | None = None) -> None:
        """A row that is read, but not as it stands in the file."""
        self.noted += 1
        if len(self.notes) < MAX_REPORTED:
            self.notes.append(
                Diagnostic(
                    self.display, line, None, code, message, hint, Severity.WARNING, self.sheet
                )
            )

    def feed(self, numbers: list[int], records: list[str]) -> None:
        """Parse the CSV `records` (with their line numbers) and keep what is eligible.

        A record `csv` cannot read (a field over its limit) is a bad row; the
        reader goes on with the next record.
        """
        lines = iter(numbers)
        rows = zip(csv.reader(records, delimiter=self.delimiter), lines, strict=True)
        while True:
            try:
                self.feed_fields(rows)
            except csv.Error as exc:
                self._unreadable(next(lines), exc)
                continue
            break

    def feed_fields(self, rows: Iterable[tuple[list[str], int]]) -> None:
        """Keep what is eligible of rows already split into fields (a CSV record, or a
        worksheet's row as text), each with its line or row number."""
        layout = self.layout
        width, columns, paragraph, decided_at, key_at = (
            layout.width,
            layout.columns,
            layout.paragraph,
            layout.decided,
            layout.key,
        )
        eligible, dates, newest, pick = self.eligible_text, self.dates, self.newest, self._pick
        phase_at = self.phases.index if self.phases else None
        by_phase = self.phase_text
        low, high = self.window
        seen = self.cases_seen.add
        summary = SUMMARY.match
        kept = 0
        latest = self.latest
        other = self.other_dates.add
        try:
            for fields, line in rows:
                if not width <= len(fields) <= columns and self._misfit(line, fields):
                    continue
                if not (
                    eligible[fields[paragraph]]
                    | (phase_at is not None and by_phase[fields[phase_at]])
                ):
                    other(fields[decided_at])
                    if summary(fields[0]):
                        self._summary(line, fields)
                    continue
                raw = fields[decided_at]
                decided = dates[raw]
                key = fields[key_at].strip()
                if decided is None or not key:
                    self._undated(line, key, raw, fields)
                    continue
                if decided > latest:  # `latest` is never after today: so is every later date
                    if decided > self.today:
                        self._after_today(line, decided)
                        continue
                    latest = decided
                kept += 1
                seen(key)
                if low <= decided <= high:
                    current = newest.get(key)
                    if current is None or decided > current[0]:
                        newest[key] = (decided, line, pick(fields))
        finally:  # a record `csv` could not read ends the loop: keep the count so far
            self.paragraph_rows += kept
            self.latest = latest

    def _misfit(self, line: int, fields: list[str]) -> bool:
        """Whether a row with too few or too many fields is left out (a summary row is
        counted as one; empty fields after the last column are harmless)."""
        columns = self.layout.columns
        if not fields:
            return True  # a blank line
        if len(fields) > columns:
            if not any(fields[columns:]):
                return False
            message = (
                f"rækken har {len(fields)} felter, men overskriften har {columns} (mangler "
                "der et linjeskift, eller står skilletegnet i et felt uden anførselstegn?)"
            )
            self.bad(line, message)
        elif fields and not is_summary(fields[0]):
            self.bad(line, "rækken har for få felter")
        else:
            self._summary(line, fields)
            return True
        self.short_rows += 1
        return True

    def _unreadable(self, line: int, exc: csv.Error) -> None:
        if "field larger" in str(exc):
            message = f"et felt i rækken er over {csv.field_size_limit() // 1024} KiB"
        else:
            message = "rækken kan ikke læses som CSV"
        self.bad(line, message)
        self.short_rows += 1

    def _summary(self, line: int, fields: list[str]) -> None:
        self.summary_rows += 1
        stated = stated_rows(fields)
        if stated is not None:
            self.summaries.append((line, stated))

    def _undated(self, line: int, key: str, raw: str, fields: list[str]) -> None:
        """A row without case key or readable date: a summary row, or a bad date."""
        if is_summary(fields[0]):
            self._summary(line, fields)
            return
        if not key:
            self.bad(line, "sagsnummeret mangler")
            self.short_rows += 1
            return
        self.paragraph_rows += 1
        what = "datoen mangler" if not raw.strip() else "datoen kan ikke læses"
        self.bad(line, what, in_date=True)
        self.bad_dates += 1

    def _after_today(self, line: int, decided: date) -> None:
        """A decision dated after today (a typo for the year): the row is left out, as one
        whose date cannot be read; it would make an old export look new (U008)."""
        self.paragraph_rows += 1
        shown = decided.strftime("%d-%m-%Y")
        self.bad(line, f"afgørelsen er dateret efter dagens dato ({shown})", in_date=True)
        self.bad_dates += 1
        self.after_today += 1

    def tally(self) -> RowTally:
        return RowTally(
            self.paragraph_rows,
            self.short_rows,
            self.bad_dates,
            self.after_today,
            self.summary_rows,
            self.cases_seen,
            self.newest,
            self.diagnostics,
            self.notes,
            self.noted,
            self.summaries,
            set(self.phase_text),
            self.latest,
            self.other_dates,
        )

    def latest_decision(self) -> date | None:
        """The newest decision date of a kept row; None when no row was kept."""
        return None if self.latest == date.min else self.latest

    def newest_anywhere(self) -> date | None:
        """The newest readable decision date of any row, of whatever paragraph."""
        today = self.today
        dates = [d for t in self.other_dates if (d := self.dates[t]) is not None and d <= today]
        newest = max([self.latest, *dates])
        return None if newest == date.min else newest

    def phase_values(self) -> list[str]:
        """Every text seen in the phase column (with phase selection)."""
        return list(self.phase_text)

    def merge(self, later: RowTally, offset: int) -> None:
        """Add what was found in the rows after these; their line numbers move by `offset`.

        The result is the same as reading on: a later row wins only with a strictly
        newer decision, and only the first `MAX_REPORTED` bad rows are reported.
        """
        room = MAX_REPORTED - len(self.diagnostics)
        self.diagnostics += [moved(d, offset) for d in later.diagnostics[: max(room, 0)]]
        room = MAX_REPORTED - len(self.notes)
        self.notes += [moved(d, offset) for d in later.notes[: max(room, 0)]]
        self.noted += later.noted
        self.summaries += [(line + offset, stated) for line, stated in later.summaries]
        self.paragraph_rows += later.paragraph_rows
        self.short_rows += later.short_rows
        self.bad_dates += later.bad_dates
        self.after_today += later.after_today
        self.summary_rows += later.summary_rows
        self.cases_seen |= later.cases_seen
        self.latest = max(self.latest, later.latest)
        self.other_dates |= later.other_dates
        for text in later.phase_texts:
            _ = self.phase_text[text]  # computed and kept: the value has been seen
        newest = self.newest
        for key, (decided, line, values) in later.newest.items():
            current = newest.get(key)
            if current is None or decided > current[0]:
                newest[key] = (decided, line + offset, values)

    def cases(self, *, holds_cpr: bool = False) -> tuple[list[Case], list[int]]:
        """The grouped cases, sorted by case key, and the lines of those whose text was
        double-encoded (`SÃ¸ren`, repaired to `Søren`).

        Cases with the same values in the further columns share one read-only
        mapping of them (there are few distinct combinations, and many cases);
        each distinct name is cleaned once. A value that is a CPR number whose leading
        zero Excel dropped is read with it (`sampling.cpr_keys.lost_zeros`; `holds_cpr`:
        the export has a CPR column), found among those distinct values.
        """
        extras = [t for t, _ in self.layout.extras]
        has_team = self.layout.team is not None
        shared: dict[tuple[str, ...], tuple[Mapping[str, str], bool]] = {}
        names = _Memo(_clean)
        result = []
        garbled = []
        newest = self.newest
        for key in sorted(newest):
            _, line, values = newest[key]
            # A cell with a line break in it (Excel's Alt+Enter) is one line: every file and
            # letter that lists case numbers has one per line. (`isprintable` is the quick test.)
            shown = key if key.isprintable() else one_line(key)
            rest = values[3:]
            found = shared.get(rest)
            if found is None:
                fixed = tuple(map(repair_double_encoding, rest))
                attrs = MappingProxyType(dict(zip(extras, fixed, strict=True)))
                found = shared[rest] = (attrs, fixed != rest)
            worker, repaired = names[values[1]]
            team, team_repaired = names[values[2]] if has_team else ("", False)
            if repaired or team_repaired or found[1]:
                garbled.append(line)
            result.append(Case(shown, worker, team, found[0], line))
        cleaned = {name for name, _ in names.values()}
        distinct = {column: {attrs[column] for attrs, _ in shared.values()} for column in extras}
        return with_lost_zeros(result, cleaned, distinct, holds_cpr=holds_cpr), garbled


def _clean(text: str) -> tuple[str, bool]:
    """A name on one line (`Søren Kjær⏎(vikar)` from Excel's Alt+Enter is `Søren Kjær
    (vikar)`) with one space between its words (`Team  Vest` and Word's hard space in
    `Team\xa0Vest` are the same team as `Team Vest`), repaired if double-encoded; whether
    it was repaired."""
    text = " ".join(one_line(text).split())
    clean = repair_double_encoding(text)
    return clean, len(clean) != len(text)


def moved(diagnostic: Diagnostic, offset: int) -> Diagnostic:
    """The same diagnostic, `offset` lines further down."""
    line = diagnostic.line
    return replace(diagnostic, line=None if line is None else line + offset)

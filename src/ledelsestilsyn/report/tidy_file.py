"""The committee's, the department's and the leader's tidy table as a file: CSV, or the data
workbook with the very same rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ledelsestilsyn.core.gate import Gated
from ledelsestilsyn.core.periods import Period
from ledelsestilsyn.report.suppress import Disclosure
from ledelsestilsyn.report.tidy import HEADER, TidyGroup, tidy_rows, to_csv


def tidy_file(
    fmt: str, groups: Sequence[TidyGroup], rules: Disclosure, period: Period, today: date
) -> str | Gated:
    """The tidy table as CSV, or as the data workbook with the very same rows."""
    if fmt == "csv":
        return to_csv(groups, rules)
    from ledelsestilsyn.report.xlsx import Table, workbook  # only for a workbook

    table = Table("svar", HEADER, tidy_rows(groups, rules))
    return workbook([table], title=f"Ledelsestilsyn {period.label}", created=today)

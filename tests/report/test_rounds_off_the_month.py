"""A round that does not begin on the first of a month (`udtræk --periode
2026-11-10..2026-12-09`, U012) counts in the month it begins in, as every review does, and so
every report is the sum of its months: the sums the decision ties periods together with hold.

Found by a probe: such a round counted where its start and its end both lay (the quarter,
November..December, 10 November..December), in no month. November (6 cases, 2 nej) hid its
`< 5`, but the quarter showed 11 ja and 7 nej, 10 November..December 7 and 5 (the round and
December): November was 11 − 7 = 4 ja and 7 − 5 = 2 nej. A round from 10 to 25 November
made 1..9 November November's round alone and 10..30 November the extra round alone, each
shown, and November's hidden counts one of them less the other.
"""

from __future__ import annotations

import os
from pathlib import Path

from report_data import write_round
from test_ranges_and_baseline_disclosure import _report, _underretning_1

from conftest import Cli
from ledelsestilsyn.core.periods import parse_period
from ledelsestilsyn.templates.catalog import Catalog

TEAMS = ["Team Nord", "Team Syd", "Team Vest"]


def _rounds(root: Path, rounds: list[tuple[str, int, int]]) -> None:
    """Rounds of the monthly series (period, cases, `nej` on underretning-1 in the first of
    them), each reviewed on the 24th of the month its period ends in; the workspace as cwd."""
    for number, (period, cases, nej) in enumerate(rounds, 1):

        def answer(case: int, question: int, nej: int = nej) -> tuple[str, str]:
            return ("nej", "Mangler.") if question == 0 and case < nej else ("ja", "")

        write_round(
            root, Catalog.load(root), series="månedligt-overordnet", ref="overordnet@2025.1",
            period=period, focus=["underretning"], cases=cases, answer=answer,
            day=_day(period), teams=TEAMS,
            first=100 * number,
        )  # fmt: skip
    os.chdir(root)


def _day(period: str) -> str:
    """The 24th of the month the round's period ends in."""
    end = parse_period(period).end
    return f"{end.year}-{end.month:02d}-24"


def _counts(cli: Cli, period: str) -> tuple[int, int]:
    cells = _underretning_1(_report(cli, "2027-01-05", "udvalg", period))
    assert cells[0].isdigit() and cells[1].isdigit(), (period, cells)
    return int(cells[0]), int(cells[1])


def test_a_round_across_two_months_counts_in_the_month_it_begins_in(
    cli: Cli, workspace: Path
) -> None:
    _rounds(workspace, [("2026-11", 6, 2), ("2026-11-10..2026-12-09", 6, 5), ("2026-12", 6, 0)])
    november, december = _counts(cli, "2026-11"), _counts(cli, "2026-12")
    assert november == (5, 7) and december == (6, 0)
    both = (november[0] + december[0], november[1] + december[1])
    assert _counts(cli, "2026-K4") == both
    assert _counts(cli, "2026-11-01..2026-12-31") == both
    assert _counts(cli, "2026-11-10..2026-12-31") == december


def test_a_round_inside_a_month_counts_in_it_and_a_range_counts_whole_months(
    cli: Cli, workspace: Path
) -> None:
    _rounds(workspace, [("2026-10", 6, 1), ("2026-11", 10, 5), ("2026-11-10..2026-11-25", 6, 2)])
    november = _counts(cli, "2026-11")
    assert november == (9, 7)
    assert _counts(cli, "2026-11-01..2026-11-09") == november
    result = cli(
        "rapport", "--dato", "2027-01-05", "-o", "-", "--modtager", "udvalg",
        "--periode", "2026-11-10..2026-11-30",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "L007" in result.output and "den måned, den begynder i" in result.output


def test_a_quarters_round_in_a_monthly_series_gives_no_month_away(
    cli: Cli, workspace: Path
) -> None:
    """Found by a probe: a round for the quarter (`udtræk --periode 2026-K4`) in the monthly
    series counts in the quarter and in a date range holding all of it, in no month. With
    `nej` in 2 of September's 6 cases (hidden `< 5`) and 5 of the quarter round's, the
    quarter showed 19 ja and 5 nej and September..December 23 and 7: September was 7 − 5.
    The decision knew only that each is at least the sum of its months; now the quarter's
    round is one unknown in both (`overlap._rounds_part`), so the range less the quarter
    is September, and one of them hides."""
    _rounds(
        workspace,
        [("2026-09", 6, 2), ("2026-10", 6, 0), ("2026-11", 6, 0), ("2026-12", 6, 0),
         ("2026-K4", 6, 5)],
    )  # fmt: skip
    month = _underretning_1(_report(cli, "2027-01-05", "udvalg", "2026-09"))
    assert "< 5" in month[:2], "September hides nothing: no test"
    quarter = _underretning_1(_report(cli, "2027-01-05", "udvalg", "2026-K4"))
    both = _underretning_1(_report(cli, "2027-01-05", "udvalg", "2026-09-01..2026-12-31"))
    assert not (quarter[1].isdigit() and both[1].isdigit()), (quarter[:2], both[:2])
    assert not (quarter[0].isdigit() and both[0].isdigit()), (quarter[:2], both[:2])


def test_two_quarters_rounds_in_one_range_give_no_month_away(cli: Cli, workspace: Path) -> None:
    """Found by a probe: the unknown for a range's quarter rounds was one for the pair (K4
    and K1), tied to neither quarter's own, so September..March (42 ja, 12 nej) less the two
    quarters (19 and 5 each) was September's hidden 4 and 2. Now each round is its own
    unknown, and a range holding two adds both."""
    months = ["2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03"]
    _rounds(
        workspace,
        [("2026-09", 6, 2), *((m, 6, 0) for m in months), ("2026-K4", 6, 5), ("2027-K1", 6, 5)],
    )
    month = _underretning_1(_report(cli, "2027-04-05", "udvalg", "2026-09"))
    assert "< 5" in month[:2], "September hides nothing: no test"
    shown = [
        _underretning_1(_report(cli, "2027-04-05", "udvalg", p))[:2]
        for p in ("2026-K4", "2027-K1", "2026-09-01..2027-03-31")
    ]
    assert not all(cell.isdigit() for cells in shown for cell in cells[1:]), shown
    assert not all(cell.isdigit() for cells in shown for cell in cells[:1]), shown


def test_a_round_from_the_middle_of_a_month_is_its_months_everywhere(
    cli: Cli, workspace: Path
) -> None:
    """A probe (6 December 2026): after an extra sample `2026-11-10..2026-12-09`, `rapport`
    and `tilbagemelding` without `--periode` chose that period, which counts nothing now (L007,
    O020), and `påmind` kept asking for its report and letters, which no command could make.
    Now the latest period is the month the round counts in; a report or letters for November
    cover the round; and L007 for the round's own period says to choose November."""
    from ledelsestilsyn.core.periods import parse_period as period
    from ledelsestilsyn.schedule.letters_due import pending
    from ledelsestilsyn.schedule.reports_made import _inside

    _rounds(workspace, [("2026-11", 6, 0), ("2026-11-10..2026-12-09", 6, 1)])
    made = cli("rapport", "--dato", "2027-01-05", "-o", "-", "--format", "md")
    assert made.exit_code == 0, made.output
    assert "30. november 2026 (2026-11)" in made.stdout
    wrong = cli("rapport", "--dato", "2027-01-05", "-o", "-", "--periode", "2026-11-10..2026-12-09")
    assert wrong.exit_code == 1 and "vælg perioden 2026-11" in " ".join(wrong.output.split())
    extra = "2026-11-10..2026-12-09"
    assert _inside("2026-11", {extra: period(extra)}) == [extra]
    due, _ = pending({("s", extra): ("2026-12-08", ["S-1"])}, [(period("2026-11"), None)])
    assert due == {}

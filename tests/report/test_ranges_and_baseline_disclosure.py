"""Two ways a committee could subtract its way to a number one of its reports hides.

A date range beside the quarter (the default concept, which gives the committee every kind
of period): the quarter less October..November is December. The range's decision takes in
the calendar periods it overlaps as well as those inside it (`Reports._parts`), and one from
the middle of a month is tied to the whole months it counts (`periods.whole_months`).

A baseline of a kind the committee gets no report of (`udvalgets_perioder: [måned]`,
`baseline: 2026-K4`): January's "ift. baseline" gives the quarter's share, and with the
months' totals the quarter's counts, less the months shown: December. The share is shown
only where the quarter's report, made as if the committee got it, would show it.

Each report is read by the attacker (`backcalc`) on its own, its numbers named under its
period, and tied to the others by the sums a reader knows (a quarter is its months).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from backcalc import md_tables, read_report
from backcalc_system import INF, System
from report_data import write_round
from test_random_across_reports import together

from conftest import Cli, edit_concept
from ledelsestilsyn.templates.catalog import Catalog

WORKERS = "Anna Holm,Bo Lind,Carla Friis,Dan Krog,Eva Munk,Finn Bak,Gitte Ravn,Hans Vang,Ida Skov"
TEAMS = ["Team Nord"] * 6 + ["Team Syd"] * 6 + ["Team Vest"] * 6
RANGE = "2026-10-01..2026-11-30"
Sums = Sequence[tuple[str, Sequence[str]]]


def _months(root: Path, nej: dict[str, int]) -> None:
    """18 cases a month, 6 per team of three caseworkers; `nej` on underretning-1 in the
    first `nej[month]` of them."""
    catalog = Catalog.load(root)
    base = {"Team Nord": 0, "Team Syd": 3, "Team Vest": 6}
    workers = [WORKERS.split(",")[base[t] + i % 3] for i, t in enumerate(TEAMS)]
    for month, k in nej.items():

        def answer(case: int, question: int, k: int = k) -> tuple[str, str]:
            return ("nej", "Mangler.") if question == 0 and case < k else ("ja", "")

        write_round(
            root, catalog, series="månedligt-overordnet", ref="overordnet@2024.1",
            period=month, focus=["underretning"], cases=len(TEAMS), answer=answer,
            day=f"{month}-20", teams=TEAMS, workers=workers,
        )  # fmt: skip


def _report(cli: Cli, day: str, audience: str, period: str) -> str:
    result = cli(
        "rapport", "--dato", day, "-o", "-", "--modtager", audience, "--format", "md",
        "--periode", period,
    )  # fmt: skip
    assert result.exit_code == 0, result.output + (result.stderr or "")
    return str(result.stdout)


def revealed(systems: dict[str, System], sums: Sums, made: Sequence[str] = ()) -> dict[str, float]:
    """What the reports together pin that one of them hides, less what the reports decided
    before it, inside it (a quarter's months; a date range's: all the others, but the date
    ranges `made` after it), give without it (its numbers all unknown): that is published,
    not revealed. A month is decided before the others, so nothing it hides is excused."""
    found = together(systems, sums).revealed()
    wholes = {whole for whole, _ in sums}
    for label in {k.partition(":")[0] for k in found} & wholes:
        blank = System()
        blank.bounds = {name: (0, INF) for name in systems[label].bounds}
        blank.hidden = {name: "x" for name in systems[label].bounds}
        parts = set(next(p for w, p in sums if w == label))
        later = set(made[made.index(label) + 1 :]) if label in made else set()
        before = {
            p: s for p, s in systems.items() if p in parts or ("." in label and p not in later)
        }
        kept = [(w, p) for w, p in sums if w in before or w == label]
        elsewhere = together({**before, label: blank}, kept).revealed()
        found = {k: v for k, v in found.items() if elsewhere.get(k) != v}
    return found


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
def test_a_date_range_and_the_quarter_do_not_give_away_a_month(
    cli: Cli, workspace: Path, audience: str
) -> None:
    """`nej` on underretning-1 in 2, 3 and 1 of 18 cases in October, November and December:
    December's report hides its 1 (`< 5`). Before, the quarter showed 48 ja and 6 nej and
    the range 31 and 5, so December was 6 − 5 = 1 nej and 48 − 31 = 17 ja."""
    _months(workspace, {"2026-10": 2, "2026-11": 3, "2026-12": 1})
    os.chdir(workspace)
    periods = ("2026-10", "2026-11", "2026-12", "2026-K4", RANGE)
    systems = {p: read_report(_report(cli, "2027-01-05", audience, p), "md") for p in periods}
    assert systems["2026-12"].hidden, "December hides nothing: no test"
    sums = (("2026-K4", ("2026-10", "2026-11", "2026-12")), (RANGE, ("2026-10", "2026-11")))
    assert revealed(systems, sums) == {}


def test_a_date_range_from_the_middle_of_a_month_does_not_give_away_a_month(
    cli: Cli, workspace: Path
) -> None:
    """A review belongs to the period its round's period starts in, so October 15th to New
    Year is November and December. `nej` in 6, 1 and 6 cases: November hides its 1, and
    before, the range showed 7 nej and 29 ja beside December's 6 and 12."""
    _months(workspace, {"2026-10": 6, "2026-11": 1, "2026-12": 6})
    os.chdir(workspace)
    late = "2026-10-15..2026-12-31"
    periods = ("2026-10", "2026-11", "2026-12", "2026-K4", late)
    systems = {p: read_report(_report(cli, "2027-01-05", "udvalg", p), "md") for p in periods}
    assert systems["2026-11"].hidden, "November hides nothing: no test"
    sums = (("2026-K4", ("2026-10", "2026-11", "2026-12")), (late, ("2026-11", "2026-12")))
    assert revealed(systems, sums) == {}


@pytest.mark.parametrize("first_to", ["udvalg", "afdeling"])
def test_two_date_ranges_do_not_give_away_a_month_between_them(
    cli: Cli, workspace: Path, first_to: str
) -> None:
    """Any run of months is a date range, so the two a committee gets are not known before:
    August..October less September..October is August. `nej` in 2, 2, 3, 3, 2 and 2 of 18
    cases from July to December: every month hides its count (`< 5`), the quarters show 7,
    and each range by itself, beside every calendar period, gives nothing away. Before, the
    second range showed 8 nej beside the first's 6: August was 2. The second is now decided
    with the first (`rapporter/.udgivet`), and the first, made again, is unchanged. The
    department's reports reach the committee's members: a range the department got counts as
    one the committee got (before, the department's first range and the committee's second
    gave August away)."""
    _months(
        workspace,
        {"2026-07": 2, "2026-08": 2, "2026-09": 3, "2026-10": 3, "2026-11": 2, "2026-12": 2},
    )
    os.chdir(workspace)
    first, second = "2026-09-01..2026-10-31", "2026-08-01..2026-10-31"
    months = ("2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12")
    periods = (*months, "2026-K3", "2026-K4", "2026-H2", "2026", first, second)
    texts = {
        p: _report(cli, "2027-01-05", first_to if p == first else "udvalg", p) for p in periods
    }
    systems = {p: read_report(text, "md") for p, text in texts.items()}
    assert systems["2026-08"].hidden, "August hides nothing: no test"
    sums = (
        ("2026-K3", months[:3]),
        ("2026-K4", months[3:]),
        ("2026-H2", months),
        ("2026", months),
        (first, ("2026-09", "2026-10")),
        (second, ("2026-08", "2026-09", "2026-10")),
    )
    assert revealed(systems, sums, made=(first, second)) == {}
    assert _report(cli, "2027-01-05", first_to, first) == texts[first]


def _baseline(system: System, label: str, text: str, months: Sequence[str]) -> None:
    """Read the column "ift. baseline" of `text` (the report for `label`) into `system`: the
    baseline's share of each question is the report's own less the change, within the two
    roundings, and its counts are the sums of its months' (`months`)."""
    for _, rows in md_tables(text):
        header = [c.strip() for c in rows[0]] if rows else []
        kind = {"spørgsmål": "q", "sagsskridt": "step"}.get(header[0] if header else "")
        columns = [i for i, c in enumerate(header) if c.startswith(("andel", "ift. baseline"))]
        if kind is None or len(columns) != 2:
            continue
        for row in rows[1:]:
            own = re.search(r"(\d+,\d) %", row[columns[0]])
            found = re.search(r"([-−]?\d+,\d) pp", row[columns[1]])
            if not (found and own):
                continue
            title = re.sub(r"[*]", "", row[0]).strip()
            title = title.split()[0] if kind == "q" else title
            start = f"{label}:{kind}["
            name = next(n for n in system.bounds if n.startswith(start) and f"|{title}]." in n)
            name = name[len(label) + 1 : -4]
            pos, ans = f"baseline:{name}.pos", f"baseline:{name}.ans"
            for part in ("pos", "ans"):
                system.relate([(f"baseline:{name}.{part}", 1)] + [
                    (f"{m}:{name}.{part}", -1) for m in months
                ])  # fmt: skip
            tenths = round(float(own[1].replace(",", ".")) * 10)
            tenths -= round(float(found[1].replace(",", ".").replace("−", "-")) * 10)
            system.relate([(ans, 2 * tenths - 2), (pos, -2000)], equal=False)
            system.relate([(pos, 2000), (ans, -(2 * tenths + 2))], equal=False)


def test_the_change_from_a_baseline_the_committee_gets_no_report_of_gives_nothing_away(
    cli: Cli, workspace: Path
) -> None:
    """`udvalgets_perioder: [måned]` and `baseline: 2026-K4`; `nej` on underretning-1 in 5,
    6, 1 and 5 of 18 cases from October to January. Before, January showed −5,6 pp against
    the quarter: 72,2 % + 5,6 pp of the months' 54 answers is 42 ja, so December (hidden
    `x` and `< 5`) was 42 − 13 − 12 = 17 ja and 12 − 5 − 6 = 1 nej."""
    _months(workspace, {"2026-10": 5, "2026-11": 6, "2026-12": 1, "2027-01": 5})
    edit_concept(workspace, '  # baseline: "2027-K1"', '  baseline: "2026-K4"')
    edit_concept(
        workspace, "  mindste_antal: 5", "  mindste_antal: 5\n  udvalgets_perioder: [måned]"
    )
    os.chdir(workspace)
    quarter = ("2026-10", "2026-11", "2026-12")
    texts = {p: _report(cli, "2027-02-05", "udvalg", p) for p in (*quarter, "2027-01")}
    systems = {p: read_report(text, "md") for p, text in texts.items()}
    assert systems["2026-12"].hidden, "December hides nothing: no test"
    combined = together(systems, ())
    _baseline(combined, "2027-01", texts["2027-01"], quarter)
    assert combined.revealed() == {}


def _underretning_1(text: str) -> list[str]:
    row = next(line for line in text.splitlines() if line.startswith("| **underretning-1**"))
    return [cell.strip() for cell in row.split("|")[2:-1]]


def test_the_range_a_range_is_compared_with_counts_as_made(cli: Cli, workspace: Path) -> None:
    """Found by a probe: a date range's report compares with the as long range before it
    (`ift. 2026-08-01..2026-10-31`), and that range was decided as if made, but not recorded:
    ranges made later were decided without it. `nej` in 3 of 18 cases each month from July
    to March: November..January showed ±0,0 pp against August..October, whose 54 answers
    were then 45 ja and 9 nej; September..October, made next, showed 6 nej, and August was
    9 − 6 = 3 (`< 5` in its own report). Now the compared range is recorded before the report
    (`rapporter/.udgivet`), and September..October is decided with it."""
    months = ("2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12", "2027-01")
    _months(workspace, dict.fromkeys((*months, "2027-02", "2027-03"), 3))
    os.chdir(workspace)
    first, second = "2026-11-01..2027-01-31", "2026-09-01..2026-10-31"
    text = _report(cli, "2027-04-05", "udvalg", first)
    cells = _underretning_1(text)
    assert "ift. 2026-08-01..2026-10-31" in text and cells[:2] == ["45", "9"], cells
    assert cells[6].endswith("pp"), "the change is hidden: no test"
    assert "< 5" in _underretning_1(_report(cli, "2027-04-05", "udvalg", "2026-08"))[:2]
    nej = _underretning_1(_report(cli, "2027-04-05", "udvalg", second))[1]
    assert not nej.isdigit(), f"August is 9 − {nej}"
    record = json.loads((workspace / "rapporter" / ".udgivet").read_text(encoding="utf-8"))
    made = [r["periode"] for r in record["rapporter"]]
    assert made.index("2026-08-01..2026-10-31") < made.index(first) < made.index(second)
    assert _report(cli, "2027-04-05", "udvalg", first) == text

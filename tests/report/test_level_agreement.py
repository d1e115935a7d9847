"""KK's niveau 4: the same case reviewed at two levels, and how far the levels agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ledelsestilsyn.core.periods import parse_period
from ledelsestilsyn.report.levels import compare_levels, level_views
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.report.suppress import Disclosure
from ledelsestilsyn.report.tidy import HEADER, no_rows_warning, tidy_groups, tidy_rows
from ledelsestilsyn.sampling.fillin import case_filename, render_review
from ledelsestilsyn.templates.catalog import Catalog

OVERORDNET = Catalog.load(None).resolve("overordnet")
TEMPLATES = {OVERORDNET.ref: OVERORDNET}
K4 = parse_period("2026-K4")
ORDER = ["niveau-1", "niveau-2", "niveau-3"]
# (underretning-1, underretning-2) per case at each level.
LOWER = {"S-1": ("ja", "ja"), "S-2": ("ja", "nej"), "S-3": ("nej", "ja"), "S-4": ("ja", "ja")}
UPPER = {"S-1": ("ja", "ja"), "S-2": ("ja", "ja"), "S-3": ("nej", "nej"), "S-4": ("ja", "ja")}


def record(
    series: str, period: str, case: str, answers: tuple[str, str], *, no: int = 1
) -> ReviewRecord:
    return ReviewRecord(
        series=series,
        template=OVERORDNET.ref,
        period=period,
        period_start=parse_period(period).start,
        case_id=case,
        review_no=no,
        answers={
            ("underretning", "underretning-1"): (answers[0], ""),
            ("underretning", "underretning-2"): (answers[1], ""),
        },
    )


def records() -> list[ReviewRecord]:
    found = [record("niveau-1", "2026-10", case, a) for case, a in LOWER.items()]
    found += [record("niveau-3", "2026-K4", case, a) for case, a in UPPER.items()]
    found.append(record("niveau-3", "2026-K4", "S-1", ("nej", "nej"), no=2))  # calibration extra
    found.append(record("niveau-3", "2026-K3", "S-9", ("nej", "nej")))  # another period
    found.append(record("niveau-1", "2026-07", "S-9", ("ja", "ja")))
    return found


def test_agreement_between_levels_by_hand() -> None:
    """8 items; q1 agrees in all 4 cases, q2 in 2 of 4: agreement 6/8 = 0,75.

    Kappa: both levels answer ja 6 times and nej 2 times, so p_e = (6·6 + 2·2)/64
    = 0,625 and κ = (0,75 − 0,625)/(1 − 0,625) = 1/3. AC1 over q = 3 categories
    (ja, nej, ikke relevant): π = 12/16, 4/16, 0, so p_e = (0,75·0,25 + 0,25·0,75)/2
    = 0,1875 and AC1 = (0,75 − 0,1875)/(1 − 0,1875) = 0,6923.
    """
    [found] = compare_levels(records(), TEMPLATES, K4, ORDER)
    assert (found.lower, found.upper, found.cases) == ("niveau-1", "niveau-3", 4)
    assert found.overall.items == 8 and found.overall.agreement == 0.75
    assert found.overall.kappa == pytest.approx(1 / 3)
    assert found.overall.ac1 == pytest.approx(0.5625 / 0.8125)
    [differ] = found.disagreements
    assert (differ.question_id, differ.items, differ.differing) == ("underretning-2", 4, 2)
    [view] = level_views([found], OVERORDNET.ref, 5)
    assert view.title == "niveau-1 og niveau-3" and view.cases == "4"
    assert view.overall == ["8", "75,0 %", "0,33", "0,69"]
    assert view.disagreements[0][2:] == ["2 af 4", "50,0 %"]


def test_the_concept_order_says_which_level_is_lower() -> None:
    [found] = compare_levels(records(), TEMPLATES, K4, ["niveau-3", "niveau-1"])
    assert (found.lower, found.upper) == ("niveau-3", "niveau-1")
    assert found.cases == 4  # niveau-1's October reviews lie in K4 as well


def test_no_comparison_without_shared_cases_or_outside_the_period() -> None:
    alone = [record("niveau-1", "2026-10", case, a) for case, a in LOWER.items()]
    assert compare_levels(alone, TEMPLATES, K4, ORDER) == []
    assert compare_levels(records(), TEMPLATES, parse_period("2026-K2"), ORDER) == []


def test_pairs_with_the_latest_lower_review_in_the_upper_period() -> None:
    """A quarterly level draws from all three monthly rounds: S-2's December review
    (ja, ja) replaces its October one (ja, nej), so q2 agrees in 3 of 4 cases: 7/8."""
    found = [*records(), record("niveau-1", "2026-12", "S-2", ("ja", "ja"))]
    [result] = compare_levels(found, TEMPLATES, K4, ORDER)
    assert result.cases == 4 and result.overall.agreement == 7 / 8


def test_a_lower_review_after_the_upper_period_is_not_paired() -> None:
    found = [*records(), record("niveau-1", "2027-01", "S-2", ("ja", "ja"))]
    [result] = compare_levels(found, TEMPLATES, K4, ORDER)
    assert result.overall.agreement == 0.75


def test_every_month_of_the_quarter_is_paired() -> None:
    """The trial's bug: only the October cases of niveau 1 were paired with niveau 2."""
    months = {"S-1": "2026-10", "S-2": "2026-11", "S-3": "2026-12", "S-4": "2026-12"}
    found = [record("niveau-1", months[case], case, a) for case, a in LOWER.items()]
    found += [record("niveau-2", "2026-K4", case, a) for case, a in UPPER.items()]
    [result] = compare_levels(found, TEMPLATES, K4, ORDER)
    assert (result.lower, result.upper, result.cases) == ("niveau-1", "niveau-2", 4)


def _review(
    folder: Path,
    series: str,
    period: str,
    case: str,
    answers: tuple[str, str],
    day: str = "2026-11-20",
) -> None:
    text = render_review(
        OVERORDNET,
        series=series,
        period=period,
        case_id=case,
        caseworker="Anna Holm",
        team="Team Nord",
        focus=["underretning"],
    )
    out, pending, answer = [], iter(answers + ("ja",) * 20), ""
    for line in text.splitlines():
        if line == 'gennemført_af: ""':
            line = 'gennemført_af: "Leder Lund"'
        elif line == 'dato: ""':
            line = f'dato: "{day}"'
        elif line == '      svar: ""':
            answer = next(pending)
            line = f'      svar: "{answer}"'
        elif line == "      kommentar: ''" and answer == "nej":
            line = '      kommentar: "Mangler."'
        out.append(line)
    target = folder / f"{period}-{series}"
    target.mkdir(parents=True, exist_ok=True)
    (target / case_filename(case)).write_text("\n".join(out) + "\n", encoding="utf-8")


def test_leader_report_shows_level_agreement_and_committee_does_not(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "kk"
    assert cli("init", str(root), "--forlæg", "kk").exit_code == 0
    monkeypatch.chdir(root)
    for case, answers in LOWER.items():
        _review(root / "udtræk", "niveau-1", "2026-10", case, answers)
    for case, answers in UPPER.items():
        _review(root / "udtræk", "niveau-3", "2026-K4", case, answers)
    result = cli(
        "rapport", "--periode", "2026-K4", "--format", "md", "-o", "-", "--dato", "2026-12-01"
    )
    assert result.exit_code == 0, result.output
    assert "### Enighed mellem niveauerne" in result.stdout
    assert "| niveau-1 og niveau-3 | 4 |" in result.stdout
    assert "2 af 4" in result.stdout and "underretning-2" in result.stdout
    html = cli("rapport", "--periode", "2026-K4", "-o", "-", "--dato", "2026-12-01").stdout
    assert "Enighed mellem niveauerne" in html and "niveau-1 og niveau-3" in html
    committee = cli(
        "rapport",
        "--periode",
        "2026-K4",
        "--modtager",
        "udvalg",
        "--format",
        "md",
        "-o",
        "-",
        "--dato",
        "2026-12-01",
    )
    assert "Enighed mellem niveauerne" not in committee.stdout


def test_the_report_pairs_the_lower_level_over_the_whole_quarter(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """`tilsyn rapport` over a quarter: niveau-1 reviewed in October, November and
    December, niveau-2 re-reviews all four cases; all four are paired."""
    root = tmp_path / "kk"
    assert cli("init", str(root), "--forlæg", "kk").exit_code == 0
    monkeypatch.chdir(root)
    months = {"S-1": "2026-10", "S-2": "2026-11", "S-3": "2026-12", "S-4": "2026-12"}
    for case, answers in LOWER.items():
        month = months[case]
        _review(root / "udtræk", "niveau-1", month, case, answers, f"{month}-20")
    for case, answers in UPPER.items():
        _review(root / "udtræk", "niveau-2", "2026-K4", case, answers, "2026-12-28")
    result = cli(
        "rapport", "--periode", "2026-K4", "--format", "md", "-o", "-", "--dato", "2027-01-10"
    )
    assert result.exit_code == 0, result.output
    assert "| niveau-1 og niveau-2 | 4 |" in result.stdout, result.stdout


def _two_levels(cli, root: Path) -> None:  # type: ignore[no-untyped-def]
    """Six cases at niveau 1 over the quarter (S-5 answered nej), four of them
    re-reviewed at niveau 2 with nej: 6 cases, 10 reviews."""
    assert cli("init", str(root), "--forlæg", "kk").exit_code == 0
    months = ("2026-10", "2026-11", "2026-12")
    for i in range(1, 7):
        month = months[i % 3]
        answers = ("nej", "nej") if i == 5 else ("ja", "ja")
        _review(root / "udtræk", "niveau-1", month, f"S-{i}", answers, f"{month}-20")
    for i in range(1, 5):
        _review(root / "udtræk", "niveau-2", "2026-K4", f"S-{i}", ("nej", "nej"), "2026-12-28")


@pytest.mark.parametrize("audience", ["leder", "udvalg"])
def test_a_case_reviewed_at_two_levels_counts_once(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, audience: str
) -> None:  # type: ignore[no-untyped-def]
    """The trial's "255 sager" for 129 cases: the overview's total and the team table count
    distinct cases, each level keeps its own row, and the section's shares take each case
    once, with the review of the level first in the concept (niveau-1: 5 ja of 6, not
    5 of 10 with niveau 2's four nej)."""
    root = tmp_path / "kk"
    _two_levels(cli, root)
    monkeypatch.chdir(root)
    result = cli(
        "rapport", "--periode", "2026-K4", "--modtager", audience, "--format", "md",
        "-o", "-", "--dato", "2027-01-10",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    out = result.stdout
    level_2 = "< 5" if audience == "udvalg" else "4"
    assert f"| niveau-2 | – | {level_2} | {level_2} |" in out
    assert "tæller én gang" in out and "10 sager" not in out
    if audience == "udvalg":  # 10 reviews = 6 + niveau-2's hidden 4: the totals are hidden
        total = next(line for line in out.splitlines() if line.startswith("| **i alt** | – |"))
        assert total == "| **i alt** | – | x | x |", total
        # niveau 1's 5 ja and 1 nej over its 6 cases stand in the long table too, so its 6
        # may be hidden as well (tests/report/test_tidy_disclosure.py)
        assert re.search(r"\| niveau-1 \| – \| (6|x) \| (6|x) \|", out), out
        return
    assert "| niveau-1 | – | 6 | 6 |" in out, out
    assert "| **i alt** | – | 6 | 10 |" in out
    assert "| Team Nord | 6 |" in out and "| **i alt** | 6 |" in out
    assert "6 sager." in out
    row = next(line for line in out.splitlines() if line.startswith("| **underretning-1**"))
    assert "| 5 | 1 |" in row and "83,3 %" in row, row


def test_the_tidy_table_counts_a_case_once_per_level_told_apart_by_tilsyn() -> None:
    """A case reviewed at two levels is one answer in each level's rows (the `tilsyn` column
    tells the levels apart); the calibration extra is not counted, so no row repeats."""
    in_k4 = [r for r in records() if K4.start <= r.period_start <= K4.end]
    rows = tidy_rows(tidy_groups(in_k4, TEMPLATES), Disclosure())
    keys = [tuple(row[:-1]) for row in rows]
    assert len(keys) == len(set(keys)), "a row of the tidy table repeats"
    assert HEADER[1] == "tilsyn"
    counted = {(row[1], row[4], row[5]): row[6] for row in rows}
    assert counted[("niveau-1", "underretning-1", "ja")] == 3  # S-1, S-2, S-4 at niveau 1
    assert counted[("niveau-3", "underretning-1", "ja")] == 3  # the same cases at niveau 3
    assert counted[("niveau-3", "underretning-1", "nej")] == 1  # S-3; S-1's extra not counted


def test_a_committee_table_with_no_row_it_may_show_says_why() -> None:
    """A probe: the committee's csv for a quarter held the header alone (every step's rows
    left out to protect small counts) and said nothing; now L019 says why, and only then."""
    groups = tidy_groups([r for r in records() if K4.start <= r.period_start <= K4.end], TEMPLATES)
    assert no_rows_warning(groups, Disclosure(), "udvalg", "2026-K4") == []
    [said] = no_rows_warning(groups, Disclosure(active=True), "udvalg", "2026-K4")
    assert (
        said.code == "L019" and "tabellen for 2026-K4 til udvalget har ingen rækker" in said.message
    )
    assert no_rows_warning([], Disclosure(active=True), "afdeling", "2026-K4") == []

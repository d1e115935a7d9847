"""A round longer than a month (the kk preset's niveau 2, drawn for a quarter when its
reviews are done) counts only in a report whose period holds all of it (`counted_in`).

Found by a probe: niveau 2's `2026-K4` round starts on 1 October, and counted in October's
report and in a date range from 1 October. October's report then scored niveau 2's reviews
of November's cases (the quarter scores them with niveau 1's: October `< 5` nej, the
quarter 0), and the range over October and November, the quarter and December gave the
range's hidden teams away: every quarter case is in the range or in December, so each
team's December is at least the quarter's less the range's, and December's 6 cases left
Syd and Vest only 4 each.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from backcalc import read_report
from backcalc_system import INF, System
from report_data import kk_round
from test_random_across_reports import together

from conftest import Cli

TEAMS = ("Team Nord", "Team Syd", "Team Vest")
RANGE = "2026-10-01..2026-11-30"


def _nej_in_november(case: int, question: int, period: str) -> tuple[str, str]:
    return (
        ("nej", "Mangler.")
        if (period == "2026-11" and question == 0 and case < 1)
        else (
            "ja",
            "",
        )
    )


@pytest.fixture
def kk_quarter(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """niveau 1 each month (6, 7 and 6 cases), niveau 2 over 5 of November's cases."""
    kk_workspace = tmp_path / "kk"
    assert cli("init", str(kk_workspace), "--forlæg", "kk").exit_code == 0
    for period, cases in (("2026-10", 6), ("2026-11", 7), ("2026-12", 6)):
        kk_round(
            kk_workspace,
            "niveau-1",
            period,
            cases,
            lambda c, q, p=period: _nej_in_november(c, q, p),
            f"{period}-20",
        )
    second = kk_round(
        kk_workspace,
        "niveau-2",
        "2026-K4",
        5,
        lambda c, q: ("nej", "Mangler.") if (q == 1 and c < 2) else ("ja", ""),
        "2026-12-28",
    )
    for path in second.iterdir():  # niveau 2 reviews niveau 1's November cases
        path.write_text(path.read_text("utf-8").replace("S-2026-K4-", "S-2026-11-"), "utf-8")
        path.rename(path.with_name(path.name.replace("S-2026-K4-", "S-2026-11-")))
    monkeypatch.chdir(kk_workspace)
    return kk_workspace


def _committee(cli: Cli, period: str, audience: str = "udvalg") -> str:
    result = cli(
        "rapport", "--dato", "2027-01-05", "-o", "-", "--format", "md",
        "--modtager", audience, "--periode", period,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def test_a_quarters_round_is_no_months(cli: Cli, kk_quarter: Path) -> None:
    october = _committee(cli, "2026-10")
    assert "| niveau-2 |" not in october
    quarter = _committee(cli, "2026-K4")
    assert "| niveau-2 |" in quarter
    row = "| **underretning-2**"
    nej = [
        next(line for line in text.splitlines() if line.startswith(row)).split("|")[3].strip()
        for text in (october, quarter)
    ]
    assert nej == ["0", "0"]  # October scored niveau 2's 2 nej of November's cases


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
def test_a_range_the_quarters_round_runs_past_gives_no_team_away(
    cli: Cli, kk_quarter: Path, audience: str
) -> None:
    systems = {p: read_report(_committee(cli, p, audience), "md") for p in ("2026-K4", RANGE)}
    december = read_report(_committee(cli, "2026-12", audience), "md")
    systems["2026-12"] = december
    combined: System = together(systems, ())
    # every case of the quarter is in the range or in December, team by team
    for team in TEAMS:
        name = f"team[{team}]"
        december_team = combined.var(f"2026-12:{name}", 0, INF)
        terms = [(f"2026-K4:{name}", 1), (f"{RANGE}:{name}", -1), (december_team, -1)]
        combined.relate(terms, equal=False)
    combined.total("2026-12:C", [f"2026-12:team[{t}]" for t in TEAMS])
    assert any(f"{RANGE}:team[{t}]" in combined.hidden for t in TEAMS)
    assert combined.revealed() == {}


TILTAG = """tiltag:
  - id: "akutte"
    titel: "Akutte indsatser"
    besluttet: "2026-09-25"
    ansvarlig: "Karen Holm Madsen"
    frist: "2027-01-31"
    status: "i gang"
    mål:
      spørgsmål: [underretning-2]
      niveau: "90 %"
    skabelon: "overordnet"
    evaluer_efter_måneder: 6
"""


def _tiltag_in_october(cli: Cli, root: Path, second_nej: int) -> str:
    """October's committee report on a tiltag for underretning-2, in a kk workspace whose
    quarter's niveau 2 answers `nej` on it in `second_nej` of November's cases."""
    for period, cases in (("2026-09", 6), ("2026-10", 6), ("2026-11", 7), ("2026-12", 6)):
        kk_round(root, "niveau-1", period, cases, lambda c, q: ("ja", ""), f"{period}-20")
    second = kk_round(
        root,
        "niveau-2",
        "2026-K4",
        5,
        lambda c, q: ("nej", "Mangler.") if (q == 1 and c < second_nej) else ("ja", ""),
        "2026-12-28",
    )
    for path in second.iterdir():
        path.write_text(path.read_text("utf-8").replace("S-2026-K4-", "S-2026-11-"), "utf-8")
        path.rename(path.with_name(path.name.replace("S-2026-K4-", "S-2026-11-")))
    (root / "tiltag.yaml").write_text(TILTAG, encoding="utf-8")
    text = _committee(cli, "2026-10")
    return text.split("## Tiltag", 1)[1].split("\n## ", 1)[0]


def test_octobers_tiltag_figures_leave_the_quarters_round_out(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by a probe: the tiltag's figures took every review whose round began by the
    report's end, so October's verdict read "niveauet 90 % er ikke nået" with niveau 2's 5
    `nej` in the quarter, "nået" with none, and "vises ikke" with 1 to 4: it told the
    committee what niveau 2 answered, which no report of it shows."""
    said = []
    for second_nej in (0, 5):
        root = tmp_path / f"kk-{second_nej}"
        assert cli("init", str(root), "--forlæg", "kk").exit_code == 0
        monkeypatch.chdir(root)
        said.append(_tiltag_in_october(cli, root, second_nej))
    assert "underretning-2" in said[0]
    assert said[0] == said[1]


def test_the_departments_examples_are_of_the_reviews_its_tables_count(
    cli: Cli, kk_quarter: Path
) -> None:
    """Found by a probe: the department's consented examples came from every review of the
    period, the question table from one review per case (niveau 1's, `one_per_case`). The
    quarter's table showed underretning-2 with 0 `nej` beside niveau 2's examples of `nej`,
    so niveau 2's `nej` (`< 5` in the csv's row for the series) was the number of examples.
    Now the examples are of the reviews the table counts."""
    for path in kk_quarter.glob("udtræk/*/S-*.yaml"):
        text = path.read_text("utf-8")
        path.write_text(text.replace("\nsvar:\n", "\nsamtykke_til_eksempel: ja\nsvar:\n", 1))
    concept = kk_quarter / "koncept.yaml"
    concept.write_text(
        concept.read_text("utf-8").replace(
            "  tiltag: ja\n", "  tiltag: ja\n  afdeling_eksempler: med_samtykke\n", 1
        ),
        "utf-8",
    )
    for period, examples in (("2026-K4", 1), ("2026-11", 1)):
        report = _committee(cli, period, "afdeling")
        given = re.findall(r"^- \*\*(underretning-\d)\*\*.*\((nej)\)", report, re.MULTILINE)
        assert given == [("underretning-1", "nej")] * examples, (period, given)
        table = re.search(r"^\| \*\*underretning-2\*\*.*?\| (\d+) \| (\d+) \|", report, re.M)
        assert table is not None and table[2] == "0"

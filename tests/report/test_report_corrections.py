"""Corrections in `tilsyn rapport`: listed for leaders per team or person; committee: counts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from backcalc import read_report
from report_data import build_workspace
from test_random_across_reports import together

from ledelsestilsyn.templates.catalog import Catalog

DATE = ("--dato", "2026-11-25")
NOV = "udtræk/2026-11-månedligt-overordnet"
OCT = "udtræk/2026-10-månedligt-overordnet"


def add_correction(path: Path, fields: dict[str, str]) -> str:
    """Put a `rettelse` under the file's first `nej`; returns that question's id."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index('      svar: "nej"')
    question = lines[at - 1].strip().rstrip(":")
    block = ["      rettelse:"] + [f'        {k}: "{v}"' for k, v in fields.items()]
    lines[at + 2 : at + 2] = block
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return question


@pytest.fixture
def ws(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    build_workspace(workspace)
    monkeypatch.chdir(workspace)
    return {
        "late": add_correction(
            workspace / NOV / "S-2026-11-000.yaml",
            {"handling": "partshøring gennemføres", "frist": "2026-11-22"},
        ),
        "open": add_correction(
            workspace / NOV / "S-2026-11-001.yaml",
            {
                "handling": "barnets plan udarbejdes",
                "ansvarlig": "Bo Lind",  # a colleague: one no other file names is [navn]
                "frist": "2026-12-15",
            },
        ),
        "done": add_correction(
            workspace / OCT / "S-2026-10-002.yaml",
            {"handling": "afgørelsen begrundes", "frist": "2026-11-01", "udført": "2026-11-03"},
        ),
    }


def report(cli, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = cli("rapport", *DATE, "-o", "-", "--periode", "2026-11", "--format", "md", *args)
    assert result.exit_code == 0, result.output + (result.stderr or "")
    section = result.stdout.split("## Rettelser i sagerne", 1)[1]
    return section.split("\n## ", 1)[0]


def test_leaders_see_open_and_overdue_corrections_per_team(cli, ws: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    text = report(cli)
    assert (
        "3 rettelser i alt (1 udført, 1 åben, 1 overskredet), status pr. 25. november 2026." in text
    )
    assert "### Åbne rettelser: Team Nord" in text and "### Åbne rettelser: Team Syd" in text
    catalog = Catalog.load(Path.cwd())
    template = catalog.resolve("overordnet@2024.1")
    hjemmel = {q.id: q.legal_basis for s in template.steps for q in s.questions}
    late = next(line for line in text.splitlines() if "S-2026-11-000" in line)
    assert f"**{ws['late']}**" in late and hjemmel[ws["late"]] in late
    assert "partshøring gennemføres" in late and "overskredet (3 dage)" in late
    assert "22. november 2026" in late
    assert "barnets plan udarbejdes" in text and "15. december 2026" in text
    assert "afgørelsen begrundes" not in text  # done: counted, not listed
    assert "Bo Lind" not in text and "Anna Holm" not in text  # names only with --rådgivere


def test_a_correction_done_before_the_period_belongs_to_the_earlier_reports(
    cli, ws: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    """A September correction done on 15 October is October's news, not November's: counted
    again in every later report, a year's monthly reports would count it up to twelve
    times, and the committee's 'udført' would grow for ever. Still open on 1 November, it
    would be November's business (the October one done on 3 November is)."""
    add_correction(
        Path("udtræk/2026-09-månedligt-overordnet/S-2026-09-003.yaml"),
        {"handling": "samtalen noteres", "frist": "2026-10-20", "udført": "2026-10-15"},
    )
    assert "3 rettelser i alt (1 udført, 1 åben, 1 overskredet)" in report(cli)
    october = cli("rapport", *DATE, "-o", "-", "--periode", "2026-10", "--format", "md")
    assert "2 rettelser i alt (2 udført, 0 åbne, 0 overskredne)" in october.stdout
    quarter = cli("rapport", *DATE, "-o", "-", "--periode", "2026-K4", "--format", "md")
    assert "4 rettelser i alt (2 udført, 1 åben, 1 overskredet)" in quarter.stdout


def test_a_correction_in_an_unfinished_review_is_listed_too(cli, ws: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """påmind follows a correction up as soon as it is written; the report lists it as well,
    though the review is not finished and none of its answers are counted."""
    unfinished = Path(NOV) / "S-2026-11-090.yaml"
    lines = unfinished.read_text(encoding="utf-8").splitlines()
    at = lines.index('      svar: "ja"')
    lines[at + 2 : at + 2] = [
        "      rettelse:",
        '        handling: "underretningen journaliseres"',
        '        frist: "2026-11-20"',
    ]
    unfinished.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = report(cli)
    assert "4 rettelser i alt (1 udført, 1 åben, 2 overskredne)" in text, text
    late = next(line for line in text.splitlines() if "S-2026-11-090" in line)
    assert "underretningen journaliseres" in late and "overskredet (5 dage)" in late


def test_with_caseworkers_the_open_ones_are_grouped_per_responsible_person(
    cli, ws: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    text = report(cli, "--rådgivere")
    assert "### Åbne rettelser: Team Nord · Anna Holm" in text  # default: the case's caseworker
    assert "### Åbne rettelser: Team Syd · Bo Lind" in text  # named responsible


def test_the_committee_gets_suppressed_counts_only(cli, ws: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    text = report(cli, "--modtager", "udvalg")
    assert "| åben | < 5 |" in text and "| overskredet | < 5 |" in text
    assert "| udført | 0 |" in text  # October's, done in November: October's report counts it
    assert "| **i alt** | < 5 |" in text
    for secret in (
        "S-2026-",
        "partshøring gennemføres",
        "Bo Lind",
        "Åbne rettelser",
        ws["late"],
    ):
        assert secret not in text
    system = read_report(text, "md")  # the attacker reads the corrections table too
    assert "rettelse[åben]" in system.hidden and system.revealed() == {}


def test_no_corrections_no_section(cli, workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    build_workspace(workspace)
    monkeypatch.chdir(workspace)
    result = cli("rapport", *DATE, "-o", "-", "--periode", "2026-11", "--format", "md")
    assert result.exit_code == 0 and "Rettelser i sagerne" not in result.stdout


def test_committee_counts_cannot_be_computed_back() -> None:
    from datetime import date

    from ledelsestilsyn.report.corrections import TrackedCorrection, add_counts, corrections_view
    from ledelsestilsyn.report.suppress import Ledger, decide

    def made(status: str, n: int) -> list[TrackedCorrection]:
        return [TrackedCorrection("S", "T", "R", "q", "", "", "", None, status) for _ in range(n)]

    items = made("udført", 1) + made("åben", 6) + made("overskredet", 9)
    ledger = Ledger(5)
    add_counts(ledger, {"udført": 1, "åben": 6, "overskredet": 9})
    rules = decide(ledger, active=True)
    view = corrections_view(
        items, rules, today=date(2026, 11, 25), leader=False, per_person=False, scrub=str
    )
    assert view is not None and view.groups == []
    counts = dict(view.counts)
    assert counts["udført"] == "< 5" and view.total == "16"
    assert counts["åben"] == "x"  # hidden too: else 16 − 6 − 9 gives the 1 back
    assert counts["overskredet"] == "9"


def test_a_months_hidden_corrections_are_not_the_quarter_less_the_other_month(
    cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Found by a probe: the corrections table was decided by itself, apart from the report
    and from the reports of the months inside the quarter. October's 6 corrections, all done
    in October, and November's 2 overdue: the quarter showed 8 in all, so November's `< 5`
    was 8 - 6 = 2, and the quarter's `x` done was October's 6."""
    build_workspace(workspace)
    monkeypatch.chdir(workspace)
    done = {"handling": "rettes", "frist": "2026-10-24", "udført": "2026-10-25"}
    for case in range(6):
        add_correction(workspace / OCT / f"S-2026-10-{case:03d}.yaml", done)
    for case in range(2):
        add_correction(
            workspace / NOV / f"S-2026-11-{case:03d}.yaml",
            {"handling": "rettes", "frist": "2026-11-20"},
        )
    systems = {}
    for period in ("2026-10", "2026-11", "2026-K4"):
        result = cli(
            "rapport",
            *DATE,
            "-o",
            "-",
            "--modtager",
            "udvalg",
            "--format",
            "md",
            "--periode",
            period,
        )
        assert result.exit_code == 0, result.output
        systems[period] = read_report(result.stdout, "md")
    assert systems["2026-10"].bounds["RETTELSER"] == (6, 6)  # October shows its own
    assert "RETTELSER" in systems["2026-11"].hidden
    # every one of October's was done before November began: the quarter's are the months'
    sums = (("2026-K4", ("2026-10", "2026-11")),)
    corrections = re.compile(r"^(?:RETTELSER|rettelse\[.*\])$")
    revealed = together(systems, sums, corrections).revealed()
    assert revealed == {}, revealed


def test_a_second_version_with_one_more_correction_is_said(
    cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Found by the same probe: one more overdue correction in October's report made again,
    `6 (6 udført …)` then `7 (x udført, 0 åbne, < 5 overskredne)`, gave the 1 overdue away to
    a committee with both, and the corrections were not among the numbers recorded (L015)."""
    build_workspace(workspace)
    monkeypatch.chdir(workspace)
    done = {"handling": "rettes", "frist": "2026-10-24", "udført": "2026-10-25"}
    for case in range(6):
        add_correction(workspace / OCT / f"S-2026-10-{case:03d}.yaml", done)
    args = ("rapport", *DATE, "-o", "-", "--modtager", "udvalg", "--periode", "2026-10")
    first = cli(*args)
    assert first.exit_code == 0 and "L015" not in str(first.stderr), first.output
    add_correction(
        workspace / OCT / "S-2026-10-006.yaml", {"handling": "rettes", "frist": "2026-11-01"}
    )
    second = cli(*args)
    assert second.exit_code == 0, second.output
    assert "L015" in str(second.stderr), second.stderr


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
def test_a_correction_carried_into_the_next_month_ties_no_two_reports(
    cli, workspace: Path, monkeypatch: pytest.MonkeyPatch, audience: str
) -> None:  # type: ignore[no-untyped-def]
    """Found by a probe: October's 6 corrections, overdue and not done, were counted again in
    November's report (still open when it began), beside November's 1 done: November showed
    7 in all, `< 5` done and `x` overdue, and with October's 6 overdue a reader had done = 1.
    The committee and the department count the corrections of the period's own reviews; the
    leaders still see every open one."""
    build_workspace(workspace)
    monkeypatch.chdir(workspace)
    late = {"handling": "rettes", "frist": "2026-11-15"}
    for case in range(6):
        add_correction(workspace / OCT / f"S-2026-10-{case:03d}.yaml", late)
    done = {"handling": "rettes", "frist": "2026-12-01", "udført": "2026-11-25"}
    add_correction(workspace / NOV / "S-2026-11-000.yaml", done)
    day = ("--dato", "2026-12-31", "-o", "-", "--format", "md")
    texts, systems = {}, {}
    for period in ("2026-10", "2026-11", "2026-K4"):
        result = cli("rapport", *day, "--modtager", audience, "--periode", period)
        assert result.exit_code == 0, result.output
        texts[period] = section = result.stdout.split("## Rettelser i sagerne", 1)[1]
        systems[period] = read_report(section.split("\n## ", 1)[0], "md")
    assert "(< 5 udført, 0 åbne, 0 overskredne)" in texts["2026-11"]  # its own one only
    assert "< 5 rettelser i periodens gennemgange" in texts["2026-11"]
    assert (
        "6 rettelser i periodens gennemgange (0 udført, 0 åbne, 6 overskredne)" in texts["2026-10"]
    )
    corrections = re.compile(r"^(?:RETTELSER|rettelse\[.*\])$")
    sums = (("2026-K4", ("2026-10", "2026-11")),)
    assert together(systems, sums, corrections).revealed() == {}
    leader = cli("rapport", *day, "--periode", "2026-11")
    assert "7 rettelser i alt (1 udført, 0 åbne, 6 overskredne)" in leader.stdout

"""The committee's meetings (`formidling: udvalgsmøder`): when the results go to the politicians.

SBST's inspiration: the concept says "hvordan, hvornår og for hvem I vil formidle resultaterne",
which often means the management information for the political committee, and "hvilke
fokusområder der skal afrapporteres hvornår". The months are in the årshjul and the calendar
file, and `påmind` names next month's meeting with the report it should have.
"""

from __future__ import annotations

from pathlib import Path

import icalendar
from remind_support import finish_round

from conftest import Cli, edit_concept

MEETINGS = "  afdelingsmøder: [3, 6, 9, 12]\n"


def _with_committee(workspace: Path, months: str = "[4, 10]") -> None:
    edit_concept(workspace, MEETINGS, f"{MEETINGS}  udvalgsmøder: {months}\n")


def test_next_months_committee_meeting_names_its_report(example_workspace: Path, cli: Cli) -> None:
    _with_committee(example_workspace)
    lines = cli("påmind", "--dato", "2027-03-03", "--altid").output.splitlines()
    assert (
        "  - Udvalgsmøde i april 2027 om tilsynets resultater: kør 'tilsyn rapport' til "
        "modtageren udvalg (kun samlede tal) for perioden 2026-10-01..2027-03-31."
    ) in lines
    october = cli("påmind", "--dato", "2027-09-03", "--altid").output
    assert "Udvalgsmøde i oktober 2027" in october and "2027-04-01..2027-09-30." in october
    may = cli("påmind", "--dato", "2027-04-03", "--altid").output
    assert "Udvalgsmøde" not in may  # no meeting in May


def test_a_committee_meeting_alone_is_nothing_due(example_workspace: Path, cli: Cli) -> None:
    _with_committee(example_workspace, "[12]")
    finish_round(cli, "2026-11-12")
    assert cli("påmind", "--dato", "2026-11-13").output == ""
    assert "Udvalgsmøde i december 2026" in cli("påmind", "--dato", "2026-11-13", "--altid").output


def test_the_annual_wheel_and_calendar_show_the_committee_meetings(
    example_workspace: Path, cli: Cli
) -> None:
    _with_committee(example_workspace, "[3, 10]")
    out = cli("årshjul", "2027", "--dato", "2027-01-10").output
    rows = out.splitlines()
    march = next(i for i, line in enumerate(rows) if line.startswith("│ marts"))
    assert "afd.møde" in rows[march] and "udvalg" in rows[march + 1]
    assert any(line.startswith("│ oktober") and "udvalg" in line for line in rows)
    result = cli("årshjul", "2027", "--format", "ics", "-o", "hjul.ics")
    assert result.exit_code == 0, result.output
    assert "16 runder, 4 afdelingsmøder, 2 udvalgsmøder, 54 begivenheder." in result.output
    events = icalendar.Calendar.from_ical(Path("hjul.ics").read_bytes()).walk("VEVENT")
    committee = [e for e in events if str(e["SUMMARY"]).startswith("Udvalgsmøde")]
    assert [str(e["SUMMARY"]) for e in committee] == [
        "Udvalgsmøde om ledelsestilsynet (marts 2027)",
        "Udvalgsmøde om ledelsestilsynet (oktober 2027)",
    ]
    assert "modtager udvalg" in str(committee[0]["DESCRIPTION"])
    assert len({str(e["UID"]) for e in events}) == 54


def test_a_month_that_is_no_month_is_a_located_error(example_workspace: Path, cli: Cli) -> None:
    _with_committee(example_workspace, "[4, 13]")
    result = cli("tjek")
    assert result.exit_code == 1
    assert "udvalgsmødernes måneder skal være tal fra 1 til 12" in result.output


def test_a_meeting_s_report_is_one_the_concept_lets_the_readers_have(
    example_workspace: Path, cli: Cli
) -> None:
    """Found by two probes: with `rapport.udvalgets_perioder`, `påmind` named the months since
    the last meeting (`2025-12-01..2026-02-28`), a report `rapport` refuses (L014). Now it
    names the latest whole period of a kind the concept gives them, and that report is made."""
    _with_committee(example_workspace)
    edit_concept(
        example_workspace,
        "  mindste_antal: 5\n",
        "  mindste_antal: 5\n  udvalgets_perioder: [kvartal, år]\n",
    )
    out = " ".join(cli("påmind", "--dato", "2026-02-25", "--altid").output.split())
    assert (
        "Afdelingsmøde i marts 2026 om tilsynets generelle fund: kør 'tilsyn rapport' til "
        "modtageren afdeling (uden navne og sagsnumre) for perioden 2025-K4 (det seneste hele "
        "kvartal før mødet)."
    ) in out, out
    out = " ".join(cli("påmind", "--dato", "2027-03-03", "--altid").output.split())
    assert (
        "Udvalgsmøde i april 2027" in out
        and "for perioden 2027-K1 (det seneste hele kvartal" in out
    )
    edit_concept(example_workspace, "[kvartal, år]", "[år]")
    out = " ".join(cli("påmind", "--dato", "2027-03-03", "--altid").output.split())
    assert "for perioden 2026 (det seneste hele år før mødet)." in out, out
    edit_concept(example_workspace, "[år]", "[måned, år]")
    out = " ".join(cli("påmind", "--dato", "2027-03-03", "--altid").output.split())
    assert "for perioden 2027-03 (den seneste hele måned før mødet)." in out, out
    _made(cli, "udvalg", "2026")


def _made(cli: Cli, audience: str, period: str) -> None:
    made = cli("rapport", "--modtager", audience, "--periode", period, "--format", "md", "-o", "-")
    assert made.exit_code != 2 and "L014" not in made.output, made.output


def test_each_meeting_s_report_takes_up_where_the_last_one_s_ended(
    example_workspace: Path, cli: Cli
) -> None:
    """A probe: with meetings in March and September and half years and quarters, `påmind`
    named the second quarter for September and the fourth for March, so the committee that
    followed it never saw the first and the third. The longest period that starts after the
    previous meeting's is named; with a meeting every quarter, that is the quarter."""
    _with_committee(example_workspace, "[3, 9]")
    edit_concept(
        example_workspace,
        "  mindste_antal: 5\n",
        "  mindste_antal: 5\n  udvalgets_perioder: [halvår, kvartal]\n",
    )
    september = " ".join(cli("påmind", "--dato", "2026-08-15", "--altid").output.split())
    assert (
        "Udvalgsmøde i september 2026 om tilsynets resultater: kør 'tilsyn rapport' til "
        "modtageren udvalg (kun samlede tal) for perioden 2026-H1 (det seneste hele halvår "
        "før mødet)."
    ) in september, september
    march = " ".join(cli("påmind", "--dato", "2027-02-15", "--altid").output.split())
    assert "Udvalgsmøde i marts 2027" in march and "for perioden 2026-H2 (" in march, march
    edit_concept(example_workspace, "udvalgsmøder: [3, 9]", "udvalgsmøder: [3, 6, 9, 12]")
    quarterly = " ".join(cli("påmind", "--dato", "2026-08-15", "--altid").output.split())
    assert "Udvalgsmøde i september 2026" in quarterly and "perioden 2026-K2 (" in quarterly
    _made(cli, "udvalg", "2026-H1")

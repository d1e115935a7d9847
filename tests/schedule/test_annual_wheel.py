"""`tilsyn årshjul`: the table, and the .ics file read back by a real iCalendar parser."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st
from remind_support import MONTHLY, draw, fill, reviews

from conftest import Cli, edit_concept
from ledelsestilsyn.schedule.annual_wheel import year_rounds
from ledelsestilsyn.schedule.ics import calendar, escape, fold
from ledelsestilsyn.schedule.plan import Plan
from ledelsestilsyn.schedule.rounds import SeriesPlan


def _events(path: Path) -> list[icalendar.Event]:
    parsed = icalendar.Calendar.from_ical(path.read_bytes())
    return list(parsed.walk("VEVENT"))


def test_ics_parses_and_holds_every_deadline(example_workspace: Path, cli: Cli) -> None:
    result = cli("årshjul", "2027", "--format", "ics", "-o", "hjul.ics")
    assert result.exit_code == 0
    assert "Skrev hjul.ics: 16 runder, 4 afdelingsmøder, 52 begivenheder." in result.output
    raw = Path("hjul.ics").read_bytes()
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and all(b"\n" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines)
    events = _events(Path("hjul.ics"))
    assert len(events) == 52
    assert len({str(e["UID"]) for e in events}) == 52
    by_summary = {str(e["SUMMARY"]): e for e in events}
    draw_jan = by_summary["Træk stikprøve: Månedligt overordnet ledelsestilsyn 2027-01"]
    assert draw_jan.decoded("DTSTART") == date(2027, 1, 5)
    report_nov = by_summary["Rapport: Tematiseret ledelsestilsyn 2027-11"]
    assert report_nov.decoded("DTSTART") == date(2027, 12, 14)
    finish = by_summary["Gennemgange færdige: Tematiseret ledelsestilsyn 2027-11"]
    assert "Fokus: Anbringelse (§ 46), Opfølgning, Intentionerne med barnets lov." in str(
        finish["DESCRIPTION"]
    )
    assert all(isinstance(e.decoded("DTSTAMP"), datetime) for e in events)
    meetings = [e for e in events if str(e["SUMMARY"]).startswith("Afdelingsmøde")]
    assert [(e.decoded("DTSTART"), e.decoded("DTEND")) for e in meetings] == [
        (date(2027, m, 1), date(2027 + m // 12, m % 12 + 1, 1)) for m in (3, 6, 9, 12)
    ]  # formidling: afdelingsmøder [3, 6, 9, 12]: the whole month, shown as free
    assert str(meetings[0]["SUMMARY"]) == "Afdelingsmøde om ledelsestilsynet (marts 2027)"
    assert "modtager afdeling" in str(meetings[0]["DESCRIPTION"])
    assert all(str(e["TRANSP"]) == "TRANSPARENT" for e in meetings)
    again = cli("aarshjul", "2027", "--format", "ics", "-o", "hjul2.ics")
    assert again.exit_code == 0 and Path("hjul2.ics").read_bytes() == raw


def test_escaping_and_folding_survive_a_parser(tmp_path: Path) -> None:
    title = "Tilsyn; med, komma\\og æøå " + "lang tekst " * 12
    titles = (("a", "a;b"), ("c", "c,d"))  # the steps' titles, as the template gives them
    series = SeriesPlan("s", title, (3,), "måned", focus=("a", "c"), step_titles=titles)
    text = calendar(year_rounds(Plan((series,)), 2027), name="Navn, med; tegn", stamp=_stamp())
    path = tmp_path / "x.ics"
    path.write_bytes(text.encode("utf-8"))
    events = _events(path)
    assert str(events[0]["SUMMARY"]) == f"Træk stikprøve: {title} 2027-03"
    assert "Fokus: a;b, c,d." in str(events[0]["DESCRIPTION"])


def test_a_calendar_is_shared_but_one_made_private_stays_private(
    example_workspace: Path, cli: Cli
) -> None:
    """Writing the calendar again over a file the leader had made private (0600) made it
    readable for everyone on the machine (0644)."""
    assert cli("årshjul", "2027", "-o", "hjul.ics").exit_code == 0
    path = Path("hjul.ics")
    assert path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o600)
    assert cli("årshjul", "2027", "-o", "hjul.ics").exit_code == 0
    assert path.stat().st_mode & 0o777 == 0o600


def test_ics_without_meetings_has_rounds_only(tmp_path: Path) -> None:
    series = SeriesPlan("s", "Tilsyn", (3,), "måned")
    plain = calendar(year_rounds(Plan((series,)), 2027), name="n", stamp=_stamp())
    assert "Afdelingsmøde" not in plain and plain.count("BEGIN:VEVENT") == 3
    one = calendar([], name="n", stamp=_stamp(), meetings=[date(2027, 12, 1)])
    path = tmp_path / "m.ics"
    path.write_bytes(one.encode("utf-8"))
    [event] = _events(path)
    assert event.decoded("DTEND") == date(2028, 1, 1)


@pytest.mark.parametrize("pad", range(12))
def test_a_cpr_number_in_a_title_is_masked_where_a_line_is_folded(
    example_workspace: Path, cli: Cli, pad: int
) -> None:
    """The calendar folds its lines at 75 octets; a number in a series title could be folded
    in two ('010203123' and ' 4'), and a calendar reads it back whole. Before, the gate only
    saw the folded halves, and the number stood in the file as written. The name is
    `[navn]`, as a series title is scrubbed in the calendar (probe BB)."""
    title = "Tilsyn" + "x" * pad + ", Emil 0102031234, 010203 1234"
    old = 'titel: "Månedligt overordnet ledelsestilsyn"'
    edit_concept(example_workspace, old, f'titel: "{title}"')
    assert cli("årshjul", "2027", "--format", "ics", "-o", "hjul.ics").exit_code == 0
    unfolded = Path("hjul.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    assert "[navn] XXXXXXXXXX\\, XXXXXX XXXX" in unfolded and "Emil" not in unfolded
    assert "1234" not in unfolded
    assert all("1234" not in str(e["SUMMARY"]) for e in _events(Path("hjul.ics")))


def _stamp() -> datetime:
    return datetime(2027, 1, 1, 12, 0, tzinfo=UTC)


@given(st.text(min_size=0, max_size=300))
def test_fold_keeps_text_and_octet_limit(text: str) -> None:
    line = "SUMMARY:" + escape(text)
    folded = fold(line)
    parts = folded.split("\r\n ")
    assert "".join(parts) == line
    assert all(len(p.encode("utf-8")) <= 75 - (i > 0) for i, p in enumerate(parts))


@given(st.text(max_size=80))
def test_a_title_cannot_start_a_line_of_its_own_in_the_calendar(text: str) -> None:
    """A series title from the concept ("…\nEND:VEVENT\nBEGIN:VEVENT…") stays in its field."""
    escaped = escape(text + "\nEND:VEVENT\r\nBEGIN:VEVENT\rURL:x")
    assert "\n" not in escaped and "\r" not in escaped
    assert ";" not in escaped.replace("\\;", "") and "," not in escaped.replace("\\,", "")


def test_table_shows_rounds_focus_and_state(example_workspace: Path, cli: Cli) -> None:
    folder = draw(cli, MONTHLY, "2026-11")
    for path in reviews(folder)[:3]:
        fill(path, "Karen Holm Madsen", "2026-11-05")
    out = cli("årshjul", "2026", "--dato", "2026-11-10").output
    assert "Årshjul 2026" in out and "november" in out
    assert "trukket: 3 af 8 færdige" in out
    assert "ikke trukket" in out and "planlagt" in out
    assert "fokus: Underretning," in out


@pytest.mark.parametrize(
    ("args", "code"),
    [(["--format", "pdf"], "'pdf' er ikke en af 'tabel', 'ics'"), (["--dato", "i går"], "P002")],
)
def test_bad_calls_exit_2(example_workspace: Path, cli: Cli, args: list[str], code: str) -> None:
    result = cli("årshjul", *args)
    assert result.exit_code == 2 and code in result.output


def test_the_table_shows_the_department_meetings(example_workspace: Path, cli: Cli) -> None:
    out = cli("årshjul", "2026", "--dato", "2026-11-10").output
    assert "Møde" in out
    rows = [line for line in out.splitlines() if "afd.møde" in line]
    assert len(rows) == 4  # formidling: afdelingsmøder: [3, 6, 9, 12]
    assert any(line.startswith("│ marts") for line in rows)

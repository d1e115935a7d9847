"""The tiltag's deadlines and evaluations in the årshjul and the calendar file.

SBST's årshjul shows when what happens in the tilsyn; KK's note wants to see "om de
initiativer, der sættes i værk … får den ønskede effekt". The evaluation of a tiltag is a
date in the leaders' year like a round's report; `påmind` names it a week before, the
årshjul and Outlook did not show it at all.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import icalendar

from conftest import Cli

NEW = (
    "tiltag", "ny", "--skabelon", "overordnet", "--spørgsmål", "anbringelse-7",
    "--titel", "Partshøring før anbringelse", "--frist", "2027-01-31",
    "--dato", "2026-11-25", "--evaluer-efter", "9",
)  # fmt: skip


def test_the_wheel_and_the_calendar_show_a_tiltags_deadline_and_evaluation(
    example_workspace: Path, cli: Cli
) -> None:
    assert cli(*NEW).exit_code == 0
    rows = cli("årshjul", "2027", "--dato", "2027-01-10").output.splitlines()
    assert "Tiltag" in "\n".join(rows[:6])
    january = next(i for i, line in enumerate(rows) if line.startswith("│ januar"))
    august = next(i for i, line in enumerate(rows) if line.startswith("│ august"))
    assert "frist:" in rows[january] and "tiltag-1" in rows[january + 1]
    assert "evaluering:" in rows[august] and "tiltag-1" in rows[august + 1]
    result = cli("årshjul", "2027", "--format", "ics", "-o", "hjul.ics")
    assert result.exit_code == 0, result.output
    assert "16 runder, 4 afdelingsmøder, 2 datoer for tiltag, 54 begivenheder." in result.output
    events = icalendar.Calendar.from_ical(Path("hjul.ics").read_bytes()).walk("VEVENT")
    found = {str(e["SUMMARY"]): e for e in events if "tiltag" in str(e["SUMMARY"])}
    deadline = found["Frist for tiltag: Partshøring før anbringelse"]
    evaluation = found["Evaluering af tiltag: Partshøring før anbringelse"]
    assert deadline.decoded("DTSTART") == date(2027, 1, 31)
    assert evaluation.decoded("DTSTART") == date(2027, 8, 25)
    assert "konklusion" in str(evaluation["DESCRIPTION"])
    assert len({str(e["UID"]) for e in events}) == 54


def test_a_tiltag_done_and_evaluated_is_not_in_the_wheel(example_workspace: Path, cli: Cli) -> None:
    assert cli(*NEW).exit_code == 0
    path = example_workspace / "tiltag.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('status: "planlagt"', 'status: "gennemført"')
    path.write_text(text.replace('evalueret: ""', 'evalueret: "2027-08-20"'), encoding="utf-8")
    out = cli("årshjul", "2027", "--dato", "2027-01-10").output
    assert "tiltag-1" not in out
    result = cli("årshjul", "2027", "--format", "ics", "-o", "hjul.ics")
    assert "16 runder, 4 afdelingsmøder, 52 begivenheder." in result.output


def test_the_shared_calendar_names_no_one(filled_example: Path, cli: Cli) -> None:
    """The calendar is made to share (0644): a tiltag's title that names a caseworker of a
    sample or a reviewer of the concept showed the name in everyone's Outlook (found by a
    probe). The table, in the leader's own terminal, still shows the tiltag."""
    manifest = next(filled_example.glob("udtræk/*/udtræk.yaml")).read_text(encoding="utf-8")
    worker = next(
        line.split(":", 1)[1].strip()
        for line in manifest.splitlines()
        if line.startswith("  rådgiver:")
    )
    title = f"Karen Holm Madsen og {worker.split()[0]} følger op"
    new = [*NEW]
    new[new.index("Partshøring før anbringelse")] = title
    assert cli(*new).exit_code == 0
    path = filled_example / "tiltag.yaml"  # a number typed into the file by hand
    path.write_text(path.read_text("utf-8").replace(title, f"{title} 010203-1234"), "utf-8")
    assert cli("årshjul", "2027", "--format", "ics", "-o", "hjul.ics").exit_code == 0
    events = icalendar.Calendar.from_ical(Path("hjul.ics").read_bytes()).walk("VEVENT")
    summaries = [str(e["SUMMARY"]) for e in events if "tiltag" in str(e["SUMMARY"])]
    assert summaries == [
        "Frist for tiltag: [navn] og [navn] følger op XXXXXX-XXXX",
        "Evaluering af tiltag: [navn] og [navn] følger op XXXXXX-XXXX",
    ], summaries
    text = Path("hjul.ics").read_text(encoding="utf-8")
    assert "Karen" not in text and worker.split()[0] not in text


def test_the_shared_calendar_shows_no_case_number_and_no_id_that_names_someone(
    filled_example: Path, cli: Cli
) -> None:
    """A case number in a tiltag's title and a caseworker's name in its id reached the shared
    calendar as written, though the department's report shows them as `[sag]` and `tiltag 1`
    (found by a probe)."""
    manifest = next(filled_example.glob("udtræk/*/udtræk.yaml")).read_text(encoding="utf-8")
    case = next(x.split(":", 1)[1].strip() for x in manifest.splitlines() if x.startswith("- id:"))
    assert cli(*NEW).exit_code == 0
    path = filled_example / "tiltag.yaml"
    text = path.read_text("utf-8").replace("Partshøring før anbringelse", f"Gennemgå {case}")
    path.write_text(text.replace('id: "tiltag-1"', 'id: "karen-holm"'), "utf-8")
    assert cli("årshjul", "2027", "--format", "ics", "-o", "hjul.ics").exit_code == 0
    events = icalendar.Calendar.from_ical(Path("hjul.ics").read_bytes()).walk("VEVENT")
    shown = [(str(e["SUMMARY"]), str(e["DESCRIPTION"])) for e in events]
    found = [(s, d) for s, d in shown if "tiltag" in s]
    assert [s for s, _ in found] == [
        "Frist for tiltag: Gennemgå [sag]",
        "Evaluering af tiltag: Gennemgå [sag]",
    ], found
    assert all("tiltaget tiltag 1" in d for _, d in found), found
    text = Path("hjul.ics").read_text(encoding="utf-8")
    assert case not in text and "karen-holm" not in text


def test_a_series_title_with_a_name_is_scrubbed_in_the_calendar(
    example_workspace: Path, cli: Cli
) -> None:
    """Probe BB: a series' `titel` in the concept ('… v. Gørild Sæbø') stood in every event
    of the calendar file, which is made to share; a tiltag's title was scrubbed."""
    concept = example_workspace / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    titled = '    titel: "Tematiseret ledelsestilsyn v. Gørild Sæbø"'
    concept.write_text(text.replace('    titel: "Tematiseret ledelsestilsyn"', titled), "utf-8")
    assert cli("årshjul", "2027", "--format", "ics", "-o", "hjul.ics").exit_code == 0
    events = icalendar.Calendar.from_ical(Path("hjul.ics").read_bytes()).walk("VEVENT")
    summaries = [str(e["SUMMARY"]) for e in events]
    assert any("Tematiseret ledelsestilsyn v. [navn]" in s for s in summaries), summaries
    assert "Månedligt overordnet ledelsestilsyn" in " ".join(summaries)
    assert "Gørild" not in Path("hjul.ics").read_text(encoding="utf-8")

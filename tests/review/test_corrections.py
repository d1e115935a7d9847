"""`rettelse` under an answer: recorded, dates checked, every problem located; cached alike."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ledelsestilsyn.review.validate import ReviewState, check_reviews, run_checks
from ledelsestilsyn.sampling.fillin import render_review
from ledelsestilsyn.workspace.open import Workspace, open_workspace
from ledelsestilsyn.workspace.schemas import review_schema

TODAY = date(2026, 11, 25)
FOLDER = "udtræk/2026-11-månedligt-overordnet"


@pytest.fixture
def ws(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.chdir(workspace)
    (workspace / FOLDER).mkdir(parents=True)
    return open_workspace(workspace)


def write(ws: Workspace, answer: str, correction: str) -> Path:
    """A finished review of S-1 (underretning) whose first answer carries `correction`."""
    text = render_review(
        ws.catalog.resolve("overordnet"),
        series="månedligt-overordnet",
        period="2026-11",
        case_id="S-1",
        caseworker="Rådgiver A",
        team="Team Nord",
        focus=["underretning"],
    )
    text = text.replace('gennemført_af: ""', 'gennemført_af: "Leder B"')
    text = text.replace('dato: ""', 'dato: "2026-11-20"')
    text = text.replace('svar: ""', 'svar: "ja"')
    text = text.replace('svar: "ja"', f'svar: "{answer}"', 1)
    block = '      kommentar: "planen mangler"\n' + "".join(
        f"      {line}\n" for line in correction.strip("\n").splitlines()
    )
    text = text.replace("      kommentar: ''\n", block, 1)
    path = ws.root / FOLDER / "S-1.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def codes(ws: Workspace, path: Path, today: date = TODAY) -> list[tuple[str, int | None]]:
    [result] = check_reviews(ws, [path], today=today)
    return [(d.code, d.line) for d in result.diagnostics]


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(
        n
        for n, line in enumerate(lines, start=1)
        if text in line and not line.lstrip().startswith("#")
    )


FULL = """
rettelse:
  handling: "barnets plan udarbejdes"
  ansvarlig: ""
  frist: "2026-12-15"
  udført: "2026-11-24"
"""


def test_a_correction_is_recorded_with_its_dates(ws: Workspace) -> None:
    path = write(ws, "nej", FULL)
    [result] = check_reviews(ws, [path], today=TODAY)
    assert result.state is ReviewState.COMPLETE, result.diagnostics
    [c] = result.corrections
    assert (c.step, c.question, c.action) == ("underretning", "underretning-1", FULL.split('"')[1])
    assert (c.responsible, c.deadline, c.done) == ("", date(2026, 12, 15), date(2026, 11, 24))


def test_the_fill_in_file_shows_where_a_correction_goes(ws: Workspace) -> None:
    text = write(ws, "nej", "").read_text(encoding="utf-8")
    assert "#       rettelse:\n" in text  # at the answer's level, under 'svar' and 'kommentar'
    for key in ("handling", "ansvarlig", "frist", "udført"):
        assert f"#         {key}: " in text


def test_a_deadline_must_be_a_real_date_and_not_before_the_review(ws: Workspace) -> None:
    path = write(ws, "nej", 'rettelse:\n  handling: "x"\n  frist: "2026-02-30"')
    assert ("G050", line_of(path, "frist:")) in codes(ws, path)
    path = write(ws, "nej", 'rettelse:\n  handling: "x"\n  frist: "2026-11-19"')
    found = check_reviews(ws, [path], today=TODAY)[0].diagnostics
    [late] = [d for d in found if d.code == "G051"]
    assert (late.line, late.column) == (line_of(path, "frist:"), 16)
    assert "2026-11-20" in late.message and late.is_error


def test_a_date_written_the_danish_way_is_read_as_that_day_with_a_warning(
    ws: Workspace,
) -> None:
    """`udført: "27-10-2026"`, as the export writes dates, typed in a finished review: as an
    error (G050) it made the review invalid, dropped it from the report and took its
    caseworker's letter back (found by an independent test of the letters). The day is
    certain, so it is read, with a warning that says how to write it."""
    path = write(ws, "nej", 'rettelse:\n  handling: "x"\n  frist: "15-12-2026"')
    [result] = check_reviews(ws, [path], today=TODAY)
    [said] = [d for d in result.diagnostics if d.code == "G057"]
    assert not said.is_error and "læses som 2026-12-15" in said.message
    assert said.hint == "skriv datoen som ÅÅÅÅ-MM-DD: 2026-12-15 (tilsyn ændrer ikke filen)."
    assert "G050" not in [d.code for d in result.diagnostics]
    assert result.corrections[0].deadline == date(2026, 12, 15)
    path = write(ws, "nej", 'rettelse:\n  handling: "x"\n  udført: "24.11.2026"')
    [result] = check_reviews(ws, [path], today=TODAY)
    assert result.corrections[0].done == date(2026, 11, 24)
    assert result.state is ReviewState.COMPLETE, result.diagnostics
    path = write(ws, "nej", 'rettelse:\n  handling: "x"\n  frist: "31-02-2026"')
    [result] = check_reviews(ws, [path], today=TODAY)
    [bad] = [d for d in result.diagnostics if d.code == "G050"]
    assert bad.hint == "skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-12-15."  # no such day


def test_a_done_date_in_the_future_is_a_warning_and_the_correction_stays_open(
    ws: Workspace,
) -> None:
    """A slip of the year in `udført` is not done yet: G052 warns, the review is finished and
    counts, and the correction is open until that day (as an error, the review was 'dated
    later' in påmind and the overdue correction's reminder disappeared). Replaces the test
    that asserted the error."""
    path = write(ws, "nej", 'rettelse:\n  handling: "x"\n  udført: "2026-11-26"')
    assert ("G052", line_of(path, "udført:")) in codes(ws, path)
    [result] = check_reviews(ws, [path], today=TODAY)
    [said] = [d for d in result.diagnostics if d.code == "G052"]
    assert not said.is_error and "regnes som ikke udført" in said.message
    assert result.state is ReviewState.COMPLETE
    assert result.corrections[0].done is None
    [result] = check_reviews(ws, [path], today=date(2026, 11, 26))
    assert "G052" not in [d.code for d in result.diagnostics]
    assert result.corrections[0].done == date(2026, 11, 26)


def test_a_correction_on_a_positive_answer_is_a_warning(ws: Workspace) -> None:
    path = write(ws, "ja", 'rettelse:\n  handling: "x"')
    [result] = check_reviews(ws, [path], today=TODAY)
    [warning] = [d for d in result.diagnostics if d.code == "G053"]
    assert not warning.is_error and warning.line == line_of(path, "rettelse:")
    assert result.state is ReviewState.COMPLETE


def test_unknown_keys_get_a_did_you_mean_and_lists_are_refused(ws: Workspace) -> None:
    path = write(ws, "nej", 'rettelse:\n  handling: "x"\n  fristen: "2026-12-01"')
    [result] = check_reviews(ws, [path], today=TODAY)
    [unknown] = [d for d in result.diagnostics if d.code == "G015"]
    assert unknown.hint == "mente du 'frist'?" and unknown.line == line_of(path, "fristen:")
    path = write(ws, "nej", "rettelse:\n  - x")
    assert ("G008", line_of(path, "- x")) in codes(ws, path)
    path = write(ws, "nej", 'rettelse:\n  ansvarlig: "Leder B"')
    assert "G054" in [c for c, _ in codes(ws, path)]


def test_corrections_come_back_unchanged_from_the_cache(ws: Workspace) -> None:
    path = write(ws, "nej", FULL)
    first = run_checks(ws, [path], today=TODAY)
    again = run_checks(ws, [path], today=TODAY)
    assert again.from_cache == 1
    assert again.results[0].corrections == first.results[0].corrections
    future = write(ws, "nej", 'rettelse:\n  handling: "x"\n  udført: "2026-11-30"')
    run_checks(ws, [future], today=TODAY)
    cached = run_checks(ws, [future], today=TODAY)
    assert cached.from_cache == 1
    assert "G052" in [d.code for d in cached.results[0].diagnostics]


def test_the_review_schema_describes_the_correction(ws: Workspace) -> None:
    schema = review_schema(ws.catalog.resolve("overordnet"))
    question = schema["properties"]["svar"]["properties"]["underretning"]["properties"][
        "underretning-1"
    ]
    fields = json.dumps(question["properties"]["rettelse"], ensure_ascii=False)
    for key in ("handling", "ansvarlig", "frist", "udført"):
        assert f'"{key}"' in fields


def test_a_correction_without_a_deadline_is_a_warning(ws: Workspace) -> None:
    """Without `frist` a correction is never overdue, so påmind never brings it up; `valider`
    said nothing (a probe of the cycle: the demo's own correction had none)."""
    path = write(ws, "nej", 'rettelse:\n  handling: "planen revideres"')
    [result] = check_reviews(ws, [path], today=TODAY)
    [warning] = [d for d in result.diagnostics if d.code == "G056"]
    assert not warning.is_error and warning.line == line_of(path, "rettelse:")
    assert "påmind minder aldrig om den" in warning.message
    assert result.state is ReviewState.COMPLETE
    for done in ('  frist: "2026-12-15"', '  udført: "2026-11-20"'):
        path = write(ws, "nej", f'rettelse:\n  handling: "planen revideres"\n{done}')
        assert "G056" not in [c for c, _ in codes(ws, path)]


@pytest.mark.parametrize("several", ["Maja Rønnow og Peter Frølund", "Maja / Peter", "A & B"])
def test_a_correction_for_several_people_is_warned_of(ws: Workspace, several: str) -> None:
    """`ansvarlig: "Maja Rønnow og Peter Frølund"` reached neither in their letters, and no
    one said so (found by a probe): a correction is followed up for one person. A name
    written surname first ('Rønnow, Maja') is one person."""
    path = write(ws, "nej", f'rettelse:\n  handling: "x"\n  ansvarlig: "{several}"')
    [result] = check_reviews(ws, [path], today=TODAY)
    [said] = [d for d in result.diagnostics if d.code == "G062"]
    assert not said.is_error and said.line == line_of(path, "ansvarlig:")
    assert result.state is ReviewState.COMPLETE
    path = write(ws, "nej", 'rettelse:\n  handling: "x"\n  ansvarlig: "Rønnow, Maja"')
    assert "G062" not in [d.code for d in check_reviews(ws, [path], today=TODAY)[0].diagnostics]


def test_the_hint_for_a_done_mark_names_the_reviews_day_or_none(ws: Workspace) -> None:
    """G061's example was today's date for a review without `dato`: a clock read in an
    analysis that is cached by the file's bytes, so the hint kept the day it was first made."""
    path = write(ws, "nej", 'rettelse:\n  handling: "x"\n  udført: "ja"')
    [said] = [d for d in check_reviews(ws, [path], today=TODAY)[0].diagnostics if d.code == "G061"]
    assert said.hint == "skriv den dag, rettelsen blev gjort, som ÅÅÅÅ-MM-DD, fx 2026-11-20."
    path.write_text(path.read_text(encoding="utf-8").replace('dato: "2026-11-20"', 'dato: ""'))
    [said] = [d for d in check_reviews(ws, [path], today=TODAY)[0].diagnostics if d.code == "G061"]
    assert said.hint == "skriv den dag, rettelsen blev gjort, som ÅÅÅÅ-MM-DD."

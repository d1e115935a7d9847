"""A correction in the letter says who does it, and whom to tell when it is done.

`påmind` reminds the leader until the date is written under `udført:` in the review, a file
the caseworker does not keep. SBST: tell the caseworkers "hvordan I som ledelse vil håndtere
det, hvis I finder fejl i sagsbehandlingen"; the letter is where they learn it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ledelsestilsyn.core.cpr import mask_cpr
from ledelsestilsyn.core.periods import parse_period
from ledelsestilsyn.followup.feedback import render_letter
from ledelsestilsyn.followup.letters import build_letters
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.review.analysis import CorrectionEntry
from ledelsestilsyn.templates.catalog import Catalog

REF = "overordnet@2025.1"
STEP = "opfølgning"


def _review(period: str, responsible: str = "", done: date | None = None) -> ReviewRecord:
    answers = {(STEP, f"{STEP}-{n}"): ("ja", "") for n in range(1, 15)}
    answers[(STEP, "opfølgning-3")] = ("nej", "Mangler i journalen.")
    fix = CorrectionEntry(
        STEP, "opfølgning-3", "Notat skrives", responsible, date(2026, 12, 15), done
    )
    return ReviewRecord(
        series="månedligt",
        template=REF,
        period=period,
        period_start=parse_period(period).start,
        case_id=f"S-{period}",
        caseworker="Anna Holm",
        team="Team Nord",
        reviewer="Bo Nielsen",
        answers=answers,
        corrections=(fix,),
    )


def _letters(
    records: list[ReviewRecord], leaders: dict[str, str] | None = None, known: tuple[str, ...] = ()
) -> dict[str, str]:
    """Each caseworker's letter as Markdown; `known`: names the workspace knows."""
    letters = build_letters(
        records,
        {REF: Catalog.load(None).resolve(REF)},
        parse_period("2026-11"),
        municipality="K",
        generated="30. november 2026",
        mask=mask_cpr,
        today=date(2026, 11, 30),
        leaders=leaders or {},
        workspace_names=known,
    )
    return {letter.caseworker: render_letter(letter, "md") for letter in letters}


def _md(
    records: list[ReviewRecord], leaders: dict[str, str] | None = None, known: tuple[str, ...] = ()
) -> str:
    [letter] = _letters(records, leaders, known).values()
    return letter


TELL = "Når en rettelse er gjort, så giv {} besked med datoen"


def test_the_letter_says_whom_to_tell_when_a_correction_is_done() -> None:
    assert TELL.format("Mette Holm") in _md([_review("2026-11")], {"Team Nord": "Mette Holm"})
    # No leader named for the team: the leader who reviewed the case, as påmind has it.
    assert TELL.format("Bo Nielsen") in _md([_review("2026-11")])
    # An open correction from an earlier round too.
    earlier = _md([_review("2026-10"), _review("2026-11", done=date(2026, 11, 20))])
    assert TELL.format("Bo Nielsen") in earlier
    # Nothing open: nothing to tell.
    assert "giv " not in _md([_review("2026-11", done=date(2026, 11, 20))])


def test_a_correction_someone_else_does_says_who() -> None:
    """Someone the workspace knows (the concept names the municipality's lawyer) is named;
    a name only the correction gives may be anyone's, a child's: `[navn]` (G068 says so)."""
    named = ("Per Berg",)
    text = _md([_review("2026-11", responsible="Per Berg")], known=named)
    assert "Notat skrives, ansvarlig Per Berg, frist 15. december 2026" in text
    unknown = _md([_review("2026-11", responsible="Lokaljurist Per Berg")])
    assert "Notat skrives, ansvarlig Lokaljurist [navn], frist 15. december 2026" in unknown
    assert "giv " not in text  # not hers to report
    own = _md([_review("2026-11", responsible="Anna Holm")])
    assert "ansvarlig" not in own.split("## Dine sager")[1].split("## Det gik godt")[0]
    assert TELL.format("Bo Nielsen") in own
    earlier = _md(
        [
            _review("2026-10", responsible="Per Berg"),
            _review("2026-11", done=date(2026, 11, 20)),
        ],
        known=named,
    )
    assert "| Notat skrives, ansvarlig Per Berg |" in earlier


def _colleague(period: str) -> ReviewRecord:
    """Another caseworker's review in the period, so that a letter goes to him."""
    answers = {(STEP, f"{STEP}-{n}"): ("ja", "") for n in range(1, 15)}
    review = _review(period)
    return replace(
        review, case_id="S-egen", caseworker="Berg, Per", answers=answers, corrections=()
    )


ASSIGNED = "## Rettelser, du er ansvarlig for"
NORD = {"Team Nord": "Mette Holm"}


def test_a_correction_a_colleague_is_responsible_for_is_in_the_colleagues_letter() -> None:
    # Typed first name first; the manifest has the case system's `Berg, Per`.
    letters = _letters([_review("2026-11", responsible="per  berg"), _colleague("2026-11")], NORD)
    per = letters["Berg, Per"]
    section = per.split(ASSIGNED)[1].split("## Det gik godt")[0]
    assert "| S-2026-11 | 2026-11 | **opfølgning-3**" in section
    assert "| Notat skrives | 15. december 2026 |" in section
    # What he needs to do it, and nothing of the colleague's review besides.
    assert "Mangler i journalen" not in per and "Anna" not in per and "Holm, Anna" not in per
    assert TELL.format("Mette Holm") in per
    # Anna's letter says a colleague does it, and does not ask her to report it.
    anna = letters["Anna Holm"]
    assert "Notat skrives, ansvarlig en kollega, frist 15. december 2026" in anna
    assert "giv " not in anna and ASSIGNED not in anna


def test_a_colleague_with_no_case_of_his_own_gets_a_letter_with_only_the_correction() -> None:
    earlier = replace(_colleague("2026-10"), case_id="S-gammel")
    letters = _letters([_review("2026-11", responsible="Per Berg"), earlier], NORD)
    per = letters["Berg, Per"]
    assert "Brevet minder dig om rettelser, du er ansvarlig for i en kollegas sag" in per
    assert "## Dine sager" not in per and "## Til sammenligning" not in per
    assert "| S-2026-11 | 2026-11 | **opfølgning-3**" in per.split(ASSIGNED)[1]
    # Done: nothing to remind him of, and no letter.
    fixed = _review("2026-11", responsible="Per Berg", done=date(2026, 11, 20))
    assert "Berg, Per" not in _letters([fixed, earlier])


def test_a_responsible_who_is_no_caseworker_gets_no_letter() -> None:
    typed = _review("2026-11", responsible="Lokaljurist Per Berg")
    letters = _letters([typed, _colleague("2026-11")])
    assert ASSIGNED not in letters["Berg, Per"]
    assert set(letters) == {"Anna Holm", "Berg, Per"}
    # the colleague's name in it is not spelt out, and no title is left hanging before it
    assert "Notat skrives, ansvarlig en kollega, frist" in letters["Anna Holm"]


def test_a_responsible_written_surname_first_is_one_colleague() -> None:
    """`ansvarlig: 'Berg, Per'`, copied from the case system, for the export's `Per Berg`:
    replaced part by part it read "ansvarlig en kollega, en kollega", and for a reader also
    called Per, "ansvarlig en kollega, Per" (found by an independent test of the letters)."""
    colleague = replace(_colleague("2026-11"), caseworker="Per Berg")
    anna = _letters([_review("2026-11", responsible="Berg, Per"), colleague])["Anna Holm"]
    assert "Notat skrives, ansvarlig en kollega, frist" in anna
    reader = replace(_review("2026-11", responsible="Berg, Per"), caseworker="Per Bergstrøm")
    own = _letters([reader, colleague])["Per Bergstrøm"]
    assert "Notat skrives, ansvarlig en kollega, frist" in own

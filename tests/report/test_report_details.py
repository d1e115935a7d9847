"""Details a new user tripped over: agreement on too few pairs, question order,
"Hvor er vi svagest" without strong questions, and the committee's note on hidden shares."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdf

from conftest import Cli
from ledelsestilsyn.core.cpr import mask_cpr
from ledelsestilsyn.core.periods import parse_period
from ledelsestilsyn.report.build import Settings, build_report
from ledelsestilsyn.report.calibration import calibrate
from ledelsestilsyn.report.corrections import collect
from ledelsestilsyn.report.levels import compare_levels, level_views
from ledelsestilsyn.report.pdf import source
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.report.render import render
from ledelsestilsyn.report.view import ReportView, report_view
from ledelsestilsyn.review.analysis import CorrectionEntry
from ledelsestilsyn.templates.catalog import Catalog

OVERORDNET = "overordnet@2025.1"
TEMATISERET = "tematiseret@2025.1"
Answers = dict[tuple[str, str], str]


def _record(ref: str, case: int, answers: Answers, *, no: int = 1) -> ReviewRecord:
    return ReviewRecord(
        series="s",
        template=ref,
        period="2026-11",
        period_start=date(2026, 11, 1),
        case_id=f"S-{case}",
        team="Team Nord",
        review_no=no,
        answers={key: (answer, "") for key, answer in answers.items()},
    )


def _graded(shares: dict[tuple[str, str], int], cases: int = 20) -> list[ReviewRecord]:
    """`cases` tematiseret reviews where question k is 'høj grad' in the first `shares[k]`."""
    return [
        _record(
            TEMATISERET,
            case,
            {k: "høj grad" if case < g else "lav grad" for k, g in shares.items()},
        )
        for case in range(cases)
    ]


def _view(records: list[ReviewRecord], ref: str, audience: str = "leder") -> ReportView:
    templates = {ref: Catalog.load(None).resolve(ref)}
    period = parse_period("2026-11")
    tidy = audience != "leder"
    report = build_report(records, templates, period, Settings(), mask=mask_cpr, tidy=tidy)
    return report_view(
        report, municipality="K", audience=audience, today=date(2026, 11, 30), charts=False
    )


def _calibrated(cases: int) -> list[ReviewRecord]:
    """`cases` cases reviewed twice; the two reviews disagree on underretning-1 in case 0."""
    key = ("underretning", "underretning-1")
    records = []
    for case in range(cases):
        records.append(_record(OVERORDNET, case, {key: "ja"}))
        records.append(_record(OVERORDNET, case, {key: "nej" if case == 0 else "ja"}, no=2))
    return records


def test_agreement_coefficients_need_enough_pairs() -> None:
    few = _view(_calibrated(4), OVERORDNET)
    calibration = few.sections[0].calibration
    assert calibration is not None and calibration.disagreement
    assert calibration.disagreement[0] == ["underretning-1", "4", "75,0 %", "–", "–"]
    assert calibration.overall == ["4", "75,0 %", "–", "–"]
    text = render(few, "md")
    assert "−1,00" not in text and "−0," not in text
    assert "vises kun med mindst 5 par vurderinger" in text
    enough = _view(_calibrated(5), OVERORDNET).sections[0].calibration
    assert enough is not None
    row = enough.disagreement[0]
    assert row[:3] == ["underretning-1", "5", "80,0 %"] and row[3] != "–" and row[4] != "–"
    assert "vises kun med mindst" not in render(_view(_calibrated(5), OVERORDNET), "md")


def _intentions(shares: dict[str, int], cases: int = 5) -> list[ReviewRecord]:
    """tematiseret reviews where intentioner-N is `høj grad` in shares[N] of `cases`."""
    return [
        _record(
            TEMATISERET,
            case,
            {
                ("intentioner", qid): "høj grad" if case < good else "lav grad"
                for qid, good in shares.items()
            },
        )
        for case in range(cases)
    ]


def test_question_ids_follow_the_template_order() -> None:
    template = Catalog.load(None).resolve(TEMATISERET)
    first, second = [], []
    for case in range(3):
        answers = {("intentioner", f"intentioner-{n}"): "høj grad" for n in (2, 10)}
        first.append(_record(TEMATISERET, case, answers))
        second.append(
            _record(TEMATISERET, case, {k: "lav grad" for k in answers}, no=2),
        )
    result = calibrate(template, first + second)
    assert result is not None
    assert [a.label for a in result.most_disagreement()] == ["intentioner-2", "intentioner-10"]
    weak = _view(_intentions({"intentioner-10": 3, "intentioner-2": 3}), TEMATISERET)
    assert [w.id for w in weak.weakest] == ["intentioner-2", "intentioner-10"]


def test_corrections_follow_the_template_order() -> None:
    ref = TEMATISERET
    entries = tuple(CorrectionEntry("intentioner", f"intentioner-{n}") for n in (10, 2))
    record = _record(ref, 1, {})
    record = ReviewRecord(**{**record.__dict__, "corrections": entries})
    templates = {ref: Catalog.load(None).resolve(ref)}
    found = collect([record], templates, parse_period("2026-11"), date(2026, 11, 30), carried=True)
    assert [c.question_id for c in found] == ["intentioner-2", "intentioner-10"]


def test_weakest_lists_no_question_at_full_share() -> None:
    view = _view(
        _intentions({"intentioner-1": 5, "intentioner-2": 4, "intentioner-3": 5}), TEMATISERET
    )
    assert [w.id for w in view.weakest] == ["intentioner-2"]
    strong = _view(_intentions({"intentioner-1": 5, "intentioner-2": 5}), TEMATISERET)
    assert strong.weakest == []
    text = render(strong, "md").split("## Hvor er vi svagest")[1].split("\n## ")[0]
    assert text.strip() == "Ingen af de viste spørgsmålsandele er under 100 %."
    assert "| spørgsmål |" not in text


def test_weakest_for_the_committee_counts_only_shown_shares() -> None:
    """Twelve questions with hidden shares (3 of 20) below a shown one (10 of 20) must not
    push the shown one off the list: that would tell that the hidden shares are lower."""
    hidden = [("screening", 5), ("afdækning", 7)]
    low = {(step, f"{step}-{n}"): 3 for step, k in hidden for n in range(1, k + 1)}
    shares = {**low, ("intentioner", "intentioner-1"): 10}
    view = _view(_graded(shares), TEMATISERET, audience="udvalg")
    assert [(w.id, w.share.text) for w in view.weakest] == [("intentioner-1", "50,0 %")]


NOTE = "De fleste andele er skjult (–): rapporten dækker få gennemgåede sager"


def _committee(cli: Cli, period: str, fmt: str = "md") -> str:
    result = cli(
        "rapport", "--dato", "2026-11-25", "-o", "-", "--periode", period,
        "--format", fmt, "--modtager", "udvalg",
    )  # fmt: skip
    assert result.exit_code == 0, result.output + (result.stderr or "")
    return result.stdout


def test_committee_report_explains_hidden_shares(cli: Cli, rapport_ws: Path) -> None:
    text = _committee(cli, "2026-11")
    assert NOTE in text
    line = next(line for line in text.splitlines() if NOTE in line)
    assert "--periode 2026-K4" in line and "--periode 2026" in line
    assert not any(ch.isdigit() for ch in line.replace("2026-K4", "").replace("2026", ""))
    assert text.index(NOTE) < text.index("## Overblik")
    assert NOTE in _committee(cli, "2026-11", "html")
    args = ("--periode", "2026-11", "--modtager", "udvalg", "--format", "pdf")
    assert cli("rapport", "--dato", "2026-11-25", *args).exit_code == 0
    reader = pypdf.PdfReader(rapport_ws / "rapporter" / "2026-11-udvalg.pdf")
    assert NOTE in " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    leader = cli("rapport", "--dato", "2026-11-25", "-o", "-", "--periode", "2026-11")
    assert NOTE not in leader.stdout


def test_committee_note_is_left_out_when_most_shares_show() -> None:
    shown = {("intentioner", f"intentioner-{n}"): 10 for n in range(1, 4)}
    assert _view(_graded(shown), TEMATISERET, audience="udvalg").few_note == ""
    records = _graded({**shown, ("intentioner", "intentioner-4"): 3})
    note = _view(records, TEMATISERET, audience="udvalg").few_note
    assert note.startswith(NOTE) and "(--periode 2026-K4)" in note
    assert _view(records, TEMATISERET).few_note == ""  # the leader sees every share


def test_a_year_report_asks_for_more_cases_not_a_longer_period(cli: Cli, rapport_ws: Path) -> None:
    line = next(line for line in _committee(cli, "2026").splitlines() if NOTE in line)
    assert "--periode" not in line and "flere sager er gennemgået" in line


def test_level_disagreements_follow_the_template_order() -> None:
    keys = [("intentioner", f"intentioner-{n}") for n in (10, 2)]

    def review(series: str, period: str, answer: str) -> ReviewRecord:
        return ReviewRecord(
            series=series,
            template=TEMATISERET,
            period=period,
            period_start=parse_period(period).start,
            case_id="S-1",
            answers={key: (answer, "") for key in keys},
        )

    records = [review("niveau-1", "2026-10", "høj grad"), review("niveau-3", "2026-K4", "lav grad")]
    templates = {TEMATISERET: Catalog.load(None).resolve(TEMATISERET)}
    [found] = compare_levels(records, templates, parse_period("2026-K4"), ["niveau-1", "niveau-3"])
    assert [d.question_id for d in found.disagreements] == ["intentioner-2", "intentioner-10"]
    [view] = level_views([found], TEMATISERET, 5)
    assert view.overall == ["2", "0,0 %", "–", "–"] and view.min_pairs == 5
    report = _view(_calibrated(5), OVERORDNET)
    report.sections[0].levels = [view]
    for text in (render(report, "md"), render(report, "html"), source(report)):
        assert "kappa og AC1 vises kun med mindst" in text.split("niveauer")[-1]

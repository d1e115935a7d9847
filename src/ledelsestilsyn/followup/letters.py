"""Feedback letters: one per caseworker, about their own reviewed cases and nothing else.

A letter holds the caseworker's cases in the period, each finding (the
scale's lowest answer: nej, lav grad, and any other the scale asks a comment for) with the
question, its hjemmel, the reviewer's comment and the correction asked for; the corrections on their
cases from earlier rounds still not done (`followup.earlier`); what went well (questions
answered positively in every one of their cases); and their own share next
to the team's and the department's for comparison. A caseworker with no case reviewed
in the period but open corrections from earlier rounds gets a letter with only those.

Nothing about another caseworker: no other case is listed (but for a correction
not done on a colleague's case that names the reader under `ansvarlig`: its case,
question, action and deadline, which the reader needs to do it; not the answer, the
comment or the colleague), another
caseworker's name (any the workspace knows) in a comment or correction
becomes "en kollega", and a team or department figure is shown only when at
least two other caseworkers and the smallest count of their cases are in it, so
that taking the reader's own away leaves no one person's figure and no figure on
a few cases (`followup.letter_comparison`). CPR-like numbers are masked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ledelsestilsyn.core.diagnostics import Diagnostic, warning
from ledelsestilsyn.core.names import same_person
from ledelsestilsyn.core.periods import Period
from ledelsestilsyn.core.unknown_names import NAME
from ledelsestilsyn.core.words import count
from ledelsestilsyn.followup.earlier import (
    OpenCorrection,
    open_assigned,
    open_earlier,
    with_all_corrections,
)
from ledelsestilsyn.followup.letter_comparison import Comparison, comparison
from ledelsestilsyn.followup.letter_questions import Questions
from ledelsestilsyn.followup.letter_tiltag import LetterTiltag, aimed_at
from ledelsestilsyn.followup.letter_who import assigned, assignees, does_it, tell_whom
from ledelsestilsyn.models.template import Template
from ledelsestilsyn.models.tiltag import Tiltag
from ledelsestilsyn.report.cells import DASH, ShareCell
from ledelsestilsyn.report.formats import long_date
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.report.scrub import (
    address_masker,
    and_unknown_names,
    case_masker,
    case_pattern,
    scrubber,
)
from ledelsestilsyn.workspace.known_names import named_in

WELL_MAX = 8
COLLEAGUE = "en kollega"
OTHER_CASE = "en anden sag"


@dataclass
class Finding:
    question_id: str
    text: str
    legal_basis: str
    answer: str
    comment: str
    correction: str
    finding: bool = True
    """False for a row that is there for its correction only (under `nogen grad`, `ja`)."""


@dataclass
class CaseView:
    case_id: str
    template: str
    reviewer: str
    rows: list[Finding]
    """The findings, and every other answer with a correction, in the template's order."""
    answered: int

    @property
    def findings(self) -> list[Finding]:
        return [row for row in self.rows if row.finding]


@dataclass
class Letter:
    caseworker: str
    team: str
    period: str
    period_span: str
    municipality: str
    generated: str
    cases: list[CaseView]
    went_well: list[tuple[str, str]]
    comparison: list[Comparison]
    notes: list[str] = field(default_factory=list)
    went_well_more: str = ""
    """How many more went well than are listed ("3 flere", "1 mere"); "" when none."""
    earlier: list[OpenCorrection] = field(default_factory=list)
    """Corrections on the caseworker's cases from earlier rounds, not done yet."""
    assigned: list[OpenCorrection] = field(default_factory=list)
    """Corrections not done on colleagues' cases that name the caseworker under `ansvarlig`."""
    tiltag: list[LetterTiltag] = field(default_factory=list)
    """The open tiltag aimed at the caseworker's findings (`followup.letter_tiltag`)."""
    tell: str = ""
    """Whom to tell when an open correction of theirs is done (`letter_who`); "" when none is."""
    teams: list[str] = field(default_factory=list)
    """The teams of the caseworker's cases in the period: two may be two people of one name."""

    @property
    def reminder_only(self) -> bool:
        """No case of the caseworker's was reviewed in the period: the letter only reminds
        them of open corrections (their own from earlier rounds, or ones they are named
        responsible for on a colleague's case)."""
        return not self.cases

    @property
    def reminder_intro(self) -> str:
        """The opening of a letter that only reminds (`reminder_only`)."""
        opening = "Ingen af dine sager er gennemgået i denne periode. Brevet minder dig om"
        if not self.earlier:
            return (
                f"{opening} rettelser, du er ansvarlig for i en kollegas sag, og som endnu ikke "
                "er udført. Brevet handler kun om dem."
            )
        if not self.assigned:
            return (
                f"{opening} rettelser i dine sager fra tidligere runder, som endnu ikke er "
                "udført. Brevet handler kun om dine egne sager."
            )
        return (
            f"{opening} rettelser i dine sager fra tidligere runder og rettelser, du er "
            "ansvarlig for i en kollegas sag, som endnu ikke er udført. Brevet handler kun om "
            "dine egne sager og de rettelser, du er ansvarlig for."
        )


def _correction(
    record: ReviewRecord, step: str, question: str, scrub: Callable[[str], str], today: date
) -> str:
    for c in record.corrections:
        if (c.step, c.question) != (step, question):
            continue
        parts = [scrub(c.action) if c.action else "rettelse"]
        if c.by is not None:  # the answer and comment beside it are the first review's
            parts.append(f"bedt om ved den anden gennemgang af sagen ({scrub(c.by)})")
        if not does_it(c, record.caseworker):
            who = scrub(c.responsible)  # 'Rådgiver Ole Brøndum' read "Rådgiver en kollega"
            parts.append(f"ansvarlig {COLLEAGUE if COLLEAGUE in who else who}")
        if c.deadline:
            late = " (overskredet)" if not c.done and c.deadline < today else ""
            parts.append(f"frist {long_date(c.deadline)}{late}")
        parts.append(f"udført {long_date(c.done)}" if c.done else "ikke udført endnu")
        return ", ".join(parts)
    return ""


def _case(
    record: ReviewRecord,
    template: Template,
    scrub: Callable[[str], str],
    asked: Questions,
    series: str | None,
    today: date,
) -> CaseView:
    """The case's findings, and any other answer with a correction (the caseworker is to
    do it, whatever the answer); `series` (its title and round) names the review when the
    letter has two of the same case (a level re-reviews the cases of the level below, or a
    quarter's letter has the case's October and November reviews)."""
    rows: list[Finding] = []
    answered = 0
    for key, question, scale in asked.of(template):
        answer, comment = record.answers.get(key, ("", ""))
        if answer and answer not in scale.neutral:
            answered += 1
        correction = _correction(record, key[0], question.id, scrub, today)
        finding = answer in scale.findings
        if not finding and not correction:
            continue
        rows.append(
            Finding(
                question.id,
                question.text,
                question.legal_basis,
                answer or DASH,
                scrub(comment) if comment.strip() else "",
                correction,
                finding,
            )
        )
    title = f"{template.title} · {series}" if series else template.title
    return CaseView(record.case_id, title, record.reviewer or DASH, rows, answered)


def _went_well(
    records: Sequence[ReviewRecord], templates: dict[str, Template], asked: Questions
) -> list[tuple[str, str]]:
    """Questions answered positively in every one of the caseworker's cases that had them;
    the most often answered first, ties in the templates' order (intentioner-2 before -10).
    A question is its id and text: `underretning-1` of the overordnet template is another
    question than the tematiseret's, and a `nogen grad` to one says nothing of the other."""
    counts: dict[tuple[str, str], int] = {}
    places: dict[tuple[str, str], tuple[str, int]] = {}
    spoiled: set[tuple[str, str]] = set()
    for record in records:
        for place, (where, question, scale) in enumerate(asked.of(templates[record.template])):
            answer, _ = record.answers.get(where, ("", ""))
            if not answer or answer in scale.neutral:
                continue
            key = (question.id, question.text)
            if answer in scale.positive:
                counts[key] = counts.get(key, 0) + 1
                places.setdefault(key, (record.template, place))
            else:
                spoiled.add(key)
    good = [(n, key) for key, n in counts.items() if key not in spoiled]
    good.sort(key=lambda item: (-item[0], places[item[1]]))
    return [key for _, key in good]


def reminded(records: Sequence[ReviewRecord], period: Period) -> set[str]:
    """Caseworkers with a correction not done on one of their cases from a round before
    `period`, or named under `ansvarlig` for one not done on a colleague's case up to its
    end: they get a letter even when none of their cases is reviewed in it, for the letter
    is their only reminder (`påmind` reminds the leader)."""
    earlier = with_all_corrections(r for r in records if r.period_start < period.start)
    up_to = with_all_corrections(r for r in records if r.period_start <= period.end)
    own = {
        r.caseworker for r in earlier if r.caseworker and any(c.done is None for c in r.corrections)
    }
    return own | assignees(up_to, {r.caseworker for r in records if r.caseworker})


def build_letters(
    records: Sequence[ReviewRecord],
    templates: dict[str, Template],
    period: Period,
    *,
    municipality: str,
    generated: str,
    mask: Callable[[str], str],
    colleagues: Iterable[str] = (),
    workspace_names: Iterable[str] = (),
    only: str | None = None,
    today: date | None = None,
    order: Sequence[str] = (),
    titles: Mapping[str, str] | None = None,
    tiltag: Sequence[Tiltag] = (),
    leaders: Mapping[str, str] | None = None,
    drawn: Iterable[str] = (),
    min_count: int = 5,
    addresses: Mapping[str, str] | None = None,
) -> list[Letter]:
    """One letter per caseworker with reviewed cases in `period` (or only `only`), and,
    when the period has reviewed cases at all, one per caseworker who has only open
    corrections from earlier rounds (`reminded`).

    `colleagues`: every caseworker the workspace knows besides those of `records` (drawn
    in a sample whose review is not finished, named in the concept); any of them but the
    reader becomes "en kollega" in a comment or correction. `workspace_names`: every name the
    workspace knows (`workspace.known_names`); any other in a comment or correction is
    `[navn]`. `order`: the concept's series; a case reviewed on two levels counts once in the
    comparison, with the review of the series first in it, as in the report
    (`one_per_case`). `titles`: the series' titles.
    `tiltag`: the leadership's; the open ones aimed at a finding are named in the letter.
    `leaders`: team → leader (`påmindelse: ledere`), whom to tell that a correction is done.
    `drawn`: every case drawn besides those of `records`; one (or one written like one) in a
    comment or correction that is not the reader's is "en anden sag". `min_count`: the
    concept's smallest count; no team or department figure rests on fewer cases of others.
    `addresses`: caseworker → e-mail address (`formidling: rådgivere`); another's address in
    a comment or correction is "en kollega" too.
    """
    current = with_all_corrections(r for r in records if r.counts_in(period))
    current = [r for r in current if r.template in templates]
    by_name: dict[str, list[ReviewRecord]] = {}
    for record in current:
        if record.caseworker:
            by_name.setdefault(record.caseworker, []).append(record)
    names = sorted(set(by_name) | (reminded(records, period) if current else set()))
    open_up_to = [
        r
        for r in with_all_corrections(r for r in records if r.period_start <= period.end)
        if any(c.done is None and c.responsible.strip() for c in r.corrections)
    ]
    known = set(colleagues) | {r.caseworker for r in records if r.caseworker}
    # every name the letters may show as it is (the leaders who reviewed, who is responsible)
    # or as "en kollega": the other capitalised words are names nobody told the tool about
    people = known | set(workspace_names) | named_in(records).all
    # A case number in a comment: the reader's own stays, any other is "en anden sag".
    numbers = case_pattern({*drawn, *(r.case_id for r in records if r.case_id)})
    letters: list[Letter] = []
    span = f"{long_date(period.start)} – {long_date(period.end)}"
    asked = Questions()
    memo: dict[tuple[str, str | None], ShareCell] = {}
    for name in names:
        if only is not None and name != only:
            continue
        mine = by_name.get(name, [])
        theirs = [r for r in records if r.caseworker == name]
        given = [r for r in open_up_to if assigned(r, name)]
        own_cases = [r.case_id for r in (*theirs, *given) if r.case_id]
        masked = case_masker(numbers, mask, keep=own_cases, replacement=OTHER_CASE)
        others = [a for n, a in (addresses or {}).items() if not same_person(n, name)]
        masked = address_masker(others, masked, COLLEAGUE)
        # a child's or a parent's name in a comment: `[navn]`, as no colleague is called
        colleague = scrubber(
            known - {name}, masked, COLLEAGUE, keep=[name], part_as=NAME, shown=people - known
        )
        scrub = and_unknown_names(colleague, people, NAME)
        teams = sorted({r.team for r in mine if r.team})
        team = teams[0] if len(teams) == 1 else None
        compared, notes = comparison(mine, current, templates, (name, team), memo, order, min_count)
        twice = {c for c, n in Counter((r.case_id, r.template) for r in mine).items() if n > 1}
        well = _went_well(mine, templates, asked)
        more = len(well) - WELL_MAX
        cases = [
            _case(
                r,
                templates[r.template],
                scrub,
                asked,
                f"{(titles or {}).get(r.series, r.series)} {r.period}"
                if (r.case_id, r.template) in twice
                else None,
                today or period.end,
            )
            for r in mine
        ]
        found = [
            (templates[r.template], f.question_id)
            for r, c in zip(mine, cases, strict=True)
            for f in c.findings
        ]
        letters.append(
            Letter(
                caseworker=name,
                team=team or DASH,
                teams=teams,
                period=period.label,
                period_span=span,
                municipality=municipality,
                generated=generated,
                cases=cases,
                went_well=well[:WELL_MAX],
                comparison=compared,
                notes=notes,
                went_well_more=count(more, "mere", "flere") if more > 0 else "",
                earlier=open_earlier(
                    theirs,
                    templates,
                    period,
                    today or period.end,
                    scrub,
                ),
                tiltag=aimed_at(found, tiltag, scrub, today or period.end),
                assigned=open_assigned(given, name, templates, today or period.end, scrub),
                tell=tell_whom(
                    [*mine, *(r for r in theirs if r.period_start < period.start), *given],
                    name,
                    leaders or {},
                ),
            )
        )
    return letters


def one_name_two_teams(letter: Letter, where: str, *, sent: bool = True) -> Diagnostic:
    """O033: the letter has cases of two or more teams in one period. A caseworker may have
    moved, but two people may share a name (the export knows a caseworker only by name), and
    then one letter holds both people's cases; mailed, one reads the other's review."""
    teams = ", ".join(letter.teams)
    after = "brevet er skrevet, men ikke sendt" if not sent else "se brevet igennem, før det gives"
    return warning(
        where,
        "O033",
        f"brevet til {letter.caseworker} har sager fra {len(letter.teams)} teams ({teams}); "
        f"er det to rådgivere med samme navn, står begge personers sager i ét brev; {after}.",
        hint="har rådgiveren skiftet team, er brevet rigtigt; ellers skriv navnene forskelligt "
        "i sagssystemet (fx med initialer), og træk igen.",
    )

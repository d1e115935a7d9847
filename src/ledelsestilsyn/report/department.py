"""The department version (`--modtager afdeling`): the general findings for a department meeting.

It lies between the leader and the committee versions. Its figures follow the
committee's rules: aggregates only, with the same small-count suppression; no
caseworker, case id, reviewer or file name. A department knows who is on
which team, so a team's shares are also left out when fewer than
`MIN_CASEWORKERS` of its caseworkers were reviewed: a team of one would show
one caseworker's figures. Beyond the committee version it shows the status
of the tiltag (status, deadline, targets and the before/after verdict; never
who is responsible), and case examples on the handicap model's rule: only
where the concept says `formidling: afdeling_eksempler: med_samtykke`, only
from reviews where the caseworker agreed (`samtykke_til_eksempel: ja`), and
then without the case id, with CPR-like numbers masked, every name the
workspace knows replaced by `[navn]` and every case number typed in the text by `[sag]`
(`scrub.case_masker`; also in a tiltag's title and conclusion).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace

from ledelsestilsyn.core.periods import Period
from ledelsestilsyn.core.unknown_names import NAME
from ledelsestilsyn.followup.tiltag_ids import id_words, name_parts, shown_id
from ledelsestilsyn.models.template import Template
from ledelsestilsyn.report.aggregate import first_reviews
from ledelsestilsyn.report.build import in_period, lowest_comments, one_per_case
from ledelsestilsyn.report.published import answer as answer_key
from ledelsestilsyn.report.published import trend_share
from ledelsestilsyn.report.records import UNKNOWN_TEAM, ReviewRecord
from ledelsestilsyn.report.scrub import and_unknown_names, scrubber
from ledelsestilsyn.report.suppress import Disclosure, Key
from ledelsestilsyn.report.tiltag import (
    GONE_VERDICT,
    HIDDEN_VERDICT,
    LEFT_OUT_VERDICT,
    ROUNDS_VERDICT,
    UNANSWERED_VERDICT,
    EffectRow,
    TiltagView,
)

WITH_CONSENT = "med_samtykke"
MIN_CASEWORKERS = 3
"""A team's shares are shown only with this many reviewed caseworkers: in a team of two,
each could take their own figure away and see the colleague's (as in the letters)."""
MAX_EXAMPLES_PER_CASE = 2
"""More comments from one case would tell its story: the department knows its cases."""


@dataclass
class Example:
    """A comment at one of the lowest answers, as the department may read it."""

    question_id: str
    question_text: str
    answer: str
    text: str


@dataclass
class TiltagStatus:
    """One target of a tiltag: what was decided, how far it is, and what the data can say."""

    id: str
    title: str
    status: str
    deadline: str
    target: str
    verdict: str


def tiltag_status(
    views: Sequence[TiltagView],
    rules: Disclosure,
    sections: Collection[str],
    scrub: Callable[[str], str],
    elsewhere: Callable[[str, Key], bool] | None,
) -> list[TiltagStatus]:
    """The tiltag as the department and the committee see them: no responsible person, no
    counts, and every name the workspace knows in a title as `[navn]` (`department_scrubber`).

    A verdict says whether the answers after the decision reach `min_count`; when the
    period's own share of the target is hidden (`rules`), that would tell what the
    report hides, so the verdict is left out too (`HIDDEN_VERDICT`); a target no review in
    the period answered (out of the årshjul's focus) says so (`UNANSWERED_VERDICT`). A
    template the report leaves out (`sections`: the refs it shows) says nothing of its
    data (`LEFT_OUT_VERDICT`), and a verdict that pools a period which could not be shown
    for itself, or which that period's own report does not show (`elsewhere`), is not shown
    either (`rounds_publishable`)."""
    rows = []
    for t in views:
        targets = [
            (row.target, _shown_verdict(row, rules, sections, elsewhere)) for row in t.rows
        ] + [(gone.target, GONE_VERDICT) for gone in t.gone] or [("–", "ingen data endnu")]
        for target, verdict in targets:
            rows.append(TiltagStatus(t.id, scrub(t.title), t.status, t.deadline, target, verdict))
    return rows


@dataclass
class Conclusion:
    """What the leadership concluded about a tiltag, as the department may read it."""

    id: str
    evaluated: str
    text: str


def _shown_verdict(
    row: EffectRow,
    rules: Disclosure,
    sections: Collection[str],
    elsewhere: Callable[[str, Key], bool] | None,
) -> str:
    if rules.active and row.ref not in sections:
        return LEFT_OUT_VERDICT
    if rules.shows(row.share):
        return row.verdict if rounds_publishable(row, rules, elsewhere) else ROUNDS_VERDICT
    if row.share[:1] == ("question share",) and tuple(row.share[1:3]) in rules.summarised:
        return HIDDEN_VERDICT  # its step's question rows are left out: it has answers or not
    return HIDDEN_VERDICT if row.in_period else UNANSWERED_VERDICT


def rounds_publishable(
    row: EffectRow, rules: Disclosure, elsewhere: Callable[[str, Key], bool] | None
) -> bool:
    """Only rounds that could be published feed a published verdict: each period the
    verdict pools, before or after, passes the primary rule on the target by itself
    (`Disclosure.share_ok`), its own report (`elsewhere`, where the audience gets one)
    shows the target's share, and no trend point of it that the report publishes is hidden.
    Pooled with the others, a round of 1 nej in 6 would otherwise be told by 'niveauet
    90 % er ikke nået' for the month after the decision, while its trend point is `–`."""
    if not rules.active:
        return True
    for found in row.rounds:
        if not rules.share_ok(found.answered, found.parts, found.cases):
            return False
        if elsewhere is not None and not elsewhere(found.period, row.share):
            return False
        for step in row.steps:
            key = trend_share(row.ref, found.period, step)
            if rules.publishes(key) and not rules.shows(key):
                return False
    return True


# How a name is also typed in an id: lower case, with ASCII for æ, ø and å.
_FOLDS = (("æ", "ae"), ("ø", "o"), ("oe", "o"), ("å", "a"), ("aa", "a"))


def _folded(word: str) -> str:
    word = word.casefold()
    for old, new in _FOLDS:
        word = word.replace(old, new)
    return word


def neutral_ids(
    views: Sequence[TiltagView], names: Iterable[str], cases: Iterable[str]
) -> list[TiltagView]:
    """`views` with each id that names a person or holds a case id shown by its place in
    tiltag.yaml (`neutral_id`)."""
    neutral = neutral_id(names, cases)
    return [replace(v, id=neutral(v.id, n)) for n, v in enumerate(views, start=1)]


def neutral_id(names: Iterable[str], cases: Iterable[str]) -> Callable[[str, int], str]:
    """A tiltag's id, or, when it names a person the workspace knows (any part of a name, in
    any case or spelling: `anna-holm`) or holds a case id (`s-2026-11-000`), its place in
    tiltag.yaml (`tiltag 2`): the leader types the id like the title, and the department,
    the committee and a shared calendar see neither names nor case ids. So also an id with a
    word that is no Danish word (`zlatan-karimi`; `core.unknown_names.all_danish`)."""
    parts = name_parts(names, _folded)
    ids = {c.casefold() for c in cases if c}

    def shown(tiltag_id: str, number: int) -> str:
        words = {_folded(w) for w in id_words(tiltag_id)}
        if words & parts or any(c in tiltag_id.casefold() for c in ids):
            return f"tiltag {number}"
        return shown_id(tiltag_id, number)

    return shown


def department_scrubber(
    names: Iterable[str], mask: Callable[[str], str], *, alone: bool = True
) -> Callable[[str], str]:
    """Text the leaders wrote for themselves (a tiltag's title, its conclusion), as the
    department may read it: every name the workspace knows as `[navn]` (`alone`: also a
    first name or a surname alone)."""
    return scrubber(set(names), mask, NAME, alone=alone)


def free_text_scrubber(
    names: Iterable[str], mask: Callable[[str], str], places: Iterable[str] = ()
) -> Callable[[str], str]:
    """`department_scrubber` for text a leader typed (a title, a conclusion, a comment): also
    every likely name the workspace does not know (a child's, a parent's, a school's) as
    `[navn]` (`core.unknown_names`); `places`: the teams and the municipality, which are no
    one's (`Team Vest` stays). Not for a team's name itself."""
    known = set(names)
    return and_unknown_names(department_scrubber(known, mask), known | set(places), NAME)


def conclusions(views: Sequence[TiltagView], scrub: Callable[[str], str]) -> list[Conclusion]:
    """The evaluated tiltag's conclusions, names scrubbed: they may name a caseworker."""
    return [Conclusion(t.id, t.evaluated, scrub(t.conclusion)) for t in views if t.conclusion]


def small_teams(records: Sequence[ReviewRecord], period: Period) -> dict[str, set[str]]:
    """Per template ref: the teams with fewer than `MIN_CASEWORKERS` reviewed caseworkers."""
    people: dict[tuple[str, str], set[str | None]] = {}
    for r in first_reviews(in_period(records, period)):
        people.setdefault((r.template, r.team or UNKNOWN_TEAM), set()).add(r.caseworker)
    found: dict[str, set[str]] = {}
    for (ref, team), names in people.items():
        if len(names) < MIN_CASEWORKERS:
            found.setdefault(ref, set()).add(team)
    return found


def examples(
    records: Sequence[ReviewRecord],
    templates: dict[str, Template],
    period: Period,
    *,
    allowed: bool,
    names: Iterable[str],
    mask: Callable[[str], str],
    floor: Callable[[Key], int | None],
    order: Sequence[str],
) -> dict[str, list[Example]]:
    """Per template ref: comments at the lowest answers from consenting reviews in `period`,
    of the reviews the template's table counts (`one_per_case`, by the concept's `order`).

    Each example is one review with that answer, so their number is a floor under the
    answer's count. Where the report hides the count, no more are given than the reader
    knows it has anyway (`floor`: one under a `< 5`); four examples under a `< 5` would
    pin it at 4, and the question's other answers with it. A review the table leaves out
    (a higher level's of a case niveau 1 reviewed too) would be an example beyond its
    count: 3 examples of `nej` beside a table's 0 were niveau 2's hidden `< 5`. No case
    gives more than `MAX_EXAMPLES_PER_CASE`, over all templates.
    """
    if not allowed:
        return {}
    current = in_period(records, period)
    known = set(names) | {n for r in records for n in (r.caseworker, r.reviewer) if n}
    scrub = free_text_scrubber(known, mask, {r.team for r in records if r.team})
    found: dict[str, list[Example]] = {}
    per_case: Counter[str] = Counter()
    for ref, template in sorted(templates.items()):
        counted = one_per_case(first_reviews([r for r in current if r.template == ref]), order)
        comments = lowest_comments(template, [r for r in counted if r.consent], mask)
        asked = template.questions_by_id()
        steps = {q.id: step.id for step in template.steps for q in step.questions}
        for question_id, group in comments.items():
            given: Counter[str] = Counter()
            for comment in group:
                most = floor(answer_key(ref, steps[question_id], question_id, comment.answer))
                if most is not None and given[comment.answer] >= most:
                    continue
                if per_case[comment.case_id] >= MAX_EXAMPLES_PER_CASE:
                    continue
                given[comment.answer] += 1
                per_case[comment.case_id] += 1
                found.setdefault(ref, []).append(
                    Example(
                        question_id, asked[question_id].text, comment.answer, scrub(comment.text)
                    )
                )
    return found

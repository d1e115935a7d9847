"""Warnings about a tiltag's evaluation that no schema can give (O006, O007, O027, O032, O034).

O006: the tiltag is evaluated `evaluer_efter_måneder` after it was decided, on
the reviews of the rounds that started since. When no round until then has a
target's step in focus (the årshjul moves the focus month by month), the
evaluation will find nothing to compare with, and the leaders learn it only on
the day. Said when the tiltag is written, with the first round that does have
the step in focus and the `evaluer_efter_måneder` that would reach it.

O007: `evalueret` is written, so the reminders stop, but `konklusion` is empty:
what the leadership decided (keep going, adjust, stop) is then written nowhere.

O027: `evalueret` lies before the evaluation date (`besluttet` + `evaluer_efter_måneder`):
most often a typo, and writing it stopped the reminder of the evaluation without a word.
(Before `besluttet` it is an error, O009, in `followup.tiltag`.)

O032: `evalueret` lies after the day the command is run for (2028 for 2027): a typo too,
and it stopped the reminder as well. O034: so does `besluttet`: the rounds after the real
decision count as before it, and the evaluation moves on. Said where a day is known
(`tiltag`, `tjek`, `rapport`); `påmind` keeps the tiltag's dates from one run to the next
without a day.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from ledelsestilsyn.core.cpr import find_cpr
from ledelsestilsyn.core.diagnostics import Diagnostic, Severity, TilsynError
from ledelsestilsyn.core.periods import months_after
from ledelsestilsyn.followup.tiltag_ids import in_message
from ledelsestilsyn.io.document import YamlDocument
from ledelsestilsyn.models.template import Template
from ledelsestilsyn.models.tiltag import Tiltag
from ledelsestilsyn.report.formats import long_date
from ledelsestilsyn.schedule.rounds import Round, SeriesPlan, rounds_in_year
from ledelsestilsyn.schedule.series_plans import series_plans
from ledelsestilsyn.workspace.open import Workspace

LOOK_AHEAD_YEARS = 3
"""How far past the evaluation to look for a round with the target in focus."""


@dataclass(frozen=True)
class Target:
    """One target of a tiltag, and the steps of a series' template that hold it."""

    label: str
    steps: frozenset[str]


def evaluation_warnings(
    workspace: Workspace, doc: YamlDocument, tiltag: list[Tiltag], today: date | None
) -> dict[str, list[Diagnostic]]:
    """Tiltag id → its O006, O007, O027 and (with `today`) O032 and O034 warnings."""
    plans = _plans(workspace)
    found: dict[str, list[Diagnostic]] = {}
    for number, t in enumerate(tiltag):
        said = [
            *_unmeasurable(doc, number, t, plans),
            *_early(doc, number, t),
            *_in_the_future(doc, number, t, today),
            *_decided_later(doc, number, t, today),
            *_no_conclusion(doc, number, t),
        ]
        if said:
            found.setdefault(t.id, []).extend(said)
    return found


def _plans(workspace: Workspace) -> list[tuple[SeriesPlan, Template]]:
    """Each series' schedule with its template (a series whose template cannot be read is
    left out: `tjek` says what is wrong with it)."""
    found: list[tuple[SeriesPlan, Template]] = []
    specs = workspace.concept.series
    for plan in series_plans(workspace.concept):
        try:
            found.append((plan, workspace.catalog.resolve(specs[plan.name].template)))
        except TilsynError:
            continue
    return found


def _early(doc: YamlDocument, number: int, tiltag: Tiltag) -> list[Diagnostic]:
    """O027 when `evalueret` lies after the decision but before the evaluation date."""
    months, evaluated = tiltag.evaluate_after_months, tiltag.evaluated
    if months is None or evaluated is None or evaluated < tiltag.decided:
        return []  # no evaluation date, not evaluated, or O009
    due = months_after(tiltag.decided, months)
    if evaluated >= due:
        return []
    return [
        doc.diagnostic(
            ("tiltag", number, "evalueret"),
            "O027",
            f"{in_message(tiltag.id, number)} er evalueret {long_date(evaluated)}, før "
            f"evalueringsdatoen {long_date(due)} (besluttet {long_date(tiltag.decided)} og "
            f"evaluer_efter_måneder: {months}), så påmindelsen om evalueringen er stoppet før "
            "tid.",
            hint="er datoen en slåfejl, så ret den; er tiltaget evalueret før tid med vilje, så "
            "ret evaluer_efter_måneder, så de passer sammen.",
            severity=Severity.WARNING,
        )
    ]


def _in_the_future(
    doc: YamlDocument, number: int, tiltag: Tiltag, today: date | None
) -> list[Diagnostic]:
    """O032 when `evalueret` lies after `today`."""
    if today is None or tiltag.evaluated is None or tiltag.evaluated <= today:
        return []
    return [
        doc.diagnostic(
            ("tiltag", number, "evalueret"),
            "O032",
            f"{in_message(tiltag.id, number)} er evalueret {long_date(tiltag.evaluated)}, "
            "efter i dag "
            f"({long_date(today)}), så påmindelsen om evalueringen er stoppet.",
            hint="er datoen en slåfejl (fx året), så ret den; er tiltaget ikke evalueret endnu, "
            "så lad 'evalueret' stå tom.",
            severity=Severity.WARNING,
        )
    ]


def _decided_later(
    doc: YamlDocument, number: int, tiltag: Tiltag, today: date | None
) -> list[Diagnostic]:
    """O034 when `besluttet` lies after `today` (2028 for 2027)."""
    if today is None or tiltag.decided <= today:
        return []
    return [
        doc.diagnostic(
            ("tiltag", number, "besluttet"),
            "O034",
            f"{in_message(tiltag.id, number)} er besluttet {long_date(tiltag.decided)}, "
            "efter i dag "
            f"({long_date(today)}), så runderne indtil da tæller som før tiltaget, og "
            "evalueringen ligger tilsvarende senere.",
            hint="er datoen en slåfejl (fx året), så ret den; skriv den dag, tiltaget blev "
            "besluttet.",
            severity=Severity.WARNING,
        )
    ]


def _no_conclusion(doc: YamlDocument, number: int, tiltag: Tiltag) -> list[Diagnostic]:
    if tiltag.evaluated is None or (tiltag.conclusion or "").strip():
        return []
    return [
        doc.diagnostic(
            ("tiltag", number, "konklusion"),
            "O007",
            f"{in_message(tiltag.id, number)} er evalueret ({long_date(tiltag.evaluated)}), men "
            "'konklusion' er tom, så ledelsens beslutning står ingen steder.",
            hint="skriv, hvad I konkluderede: fortsæt, justér eller stop, og hvorfor; det står "
            "under tiltaget i lederrapporten og i afdelingens rapport.",
            severity=Severity.WARNING,
        )
    ]


def _unmeasurable(
    doc: YamlDocument, number: int, tiltag: Tiltag, plans: list[tuple[SeriesPlan, Template]]
) -> list[Diagnostic]:
    """O006 for each target that no round before the evaluation has in focus."""
    months = tiltag.evaluate_after_months
    if months is None or tiltag.evaluated is not None or tiltag.status == "opgivet":
        return []
    decided, evaluation = tiltag.decided, months_after(tiltag.decided, months)
    covering: dict[str, list[Round]] = {}
    finished = False
    """Whether any round of the tiltag's templates is finished by the evaluation."""
    for plan, template in plans:
        if tiltag.template is not None and template.id != tiltag.template:
            continue
        targets = list(_targets(tiltag, template))
        rounds = list(_rounds(plan, decided)) if targets else []
        finished = finished or any(r.finish_by <= evaluation for r in rounds)
        for target in targets:
            found = covering.setdefault(target.label, [])
            found += [r for r in rounds if _covers(r, target.steps)]
    said: list[Diagnostic] = []
    for label, rounds in covering.items():
        if any(r.finish_by <= evaluation for r in rounds):
            continue
        first = min(rounds, key=lambda r: r.finish_by, default=None)
        said.append(_warning(doc, number, tiltag, (label, evaluation), first, finished))
    return said


def _warning(
    doc: YamlDocument,
    number: int,
    tiltag: Tiltag,
    target: tuple[str, date],
    first: Round | None,
    finished: bool,
) -> Diagnostic:
    """O006; without any round finished by the evaluation (`finished`), the timing is the
    whole problem, and the focus is not named as one."""
    label, evaluation = target
    lack = f"har {label} i fokus" if finished else "er færdig"
    text = (
        f"{in_message(tiltag.id, number)} evalueres {long_date(evaluation)}, men ingen runde fra "
        f"beslutningen til da {lack}, så der er ingen gennemgange efter beslutningen at måle "
        "effekten på."
    )
    if first is None:
        hint = "sæt sagsskridtet i fokus i årshjulet i koncept.yaml."
    else:
        needed = next(
            n
            for n in range(1, 12 * (LOOK_AHEAD_YEARS + 1) + 1)
            if months_after(tiltag.decided, n) >= first.finish_by
        )
        hint = (
            f"første runde med {'det' if finished else label} i fokus er "
            f"'{first.title} {first.period.label}' (færdig "
            f"{long_date(first.finish_by)}): sæt evaluer_efter_måneder: {needed}"
        )
        hint += ", eller sæt sagsskridtet i fokus i årshjulet i koncept.yaml." if finished else "."
    return doc.diagnostic(
        ("tiltag", number, "evaluer_efter_måneder"),
        "O006",
        text,
        hint=hint,
        severity=Severity.WARNING,
    )


def _targets(tiltag: Tiltag, template: Template) -> Iterator[Target]:
    """The tiltag's targets that `template` has, with the steps that hold them."""
    for question in tiltag.targets.questions:
        holding = [s for s in template.steps if any(q.id == question for q in s.questions)]
        if holding:
            label = f"spørgsmålet {question} (sagsskridtet {holding[0].title})"
            yield Target(label, frozenset(s.id for s in holding))
    for step in tiltag.targets.steps:
        if any(s.id == step for s in template.steps):
            yield Target(f"sagsskridtet {step}", frozenset({step}))
    for mark in tiltag.targets.pejlemaerker:
        steps = {s.id for s in template.steps for q in s.questions if q.pejlemaerke == mark}
        if steps:
            yield Target(f"pejlemærket {mark}", frozenset(steps))


def _rounds(plan: SeriesPlan, decided: date) -> Iterator[Round]:
    """The series' rounds whose period starts on or after `decided` (the report's "after")."""
    for year in range(decided.year, decided.year + LOOK_AHEAD_YEARS + 1):
        for r in rounds_in_year(plan, year):
            if r.period.start >= decided:
                yield r


def _covers(r: Round, steps: frozenset[str]) -> bool:
    """Whether the round asks about one of `steps` (no focus: every step)."""
    return not r.focus or bool(steps & set(r.focus))


def cpr_in_file(text: str, file: str) -> list[Diagnostic]:
    """O037 at each CPR-like number in `tiltag.yaml`, in a value or a comment, written there
    with an editor (`tiltag ny` refuses one, O030): every output masks it, but the file
    keeps it, and a shared drive or a backup with it (a probe)."""
    offsets = list(accumulate((len(x) for x in text.splitlines(keepends=True)), initial=0))
    found: dict[int, Diagnostic] = {}
    for start, _ in find_cpr(text):
        line = bisect_right(offsets, start)
        found.setdefault(
            line,
            Diagnostic(
                file,
                line,
                start - offsets[line - 1] + 1,
                "O037",
                "her står noget, der ligner et CPR-nummer.",
                "slet det; tiltag.yaml må aldrig indeholde CPR-numre (alt, der vises, maskerer "
                "dem, men filen gemmer dem).",
                Severity.WARNING,
            ),
        )
    return list(found.values())

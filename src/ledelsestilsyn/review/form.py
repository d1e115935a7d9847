"""The form `tilsyn udfyld` walks: one review's questions, their answer keys and current values.

Pure data, built from the resolved template and the file's parsed data; the
terminal UI (`cli/udfyld`) only shows it. Every question of each step the file
holds is on the form, in the template's order, also one deleted from the file
(answering it adds it back). Answers are single keys: a quality scale (values
with `point`, e.g. lav/nogen/høj grad) gets 1, 2, 3 …; another scale the first
letter of each value when those differ (j/n/i), else digits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ledelsestilsyn.io.document import Path_, YamlDocument, value_at
from ledelsestilsyn.models.review import CORRECTION_KEYS
from ledelsestilsyn.models.template import ScaleValue, Template
from ledelsestilsyn.review.state import NOT_THE_ROUNDS, ReviewState
from ledelsestilsyn.review.validate import ReviewResult

HEADER_FIELDS: tuple[tuple[str, str], ...] = (
    ("gennemført_af", "Gennemført af"),
    ("dato", "Dato (ÅÅÅÅ-MM-DD)"),
    (
        "udgangspunkt",
        "Udgangspunkt: den underretning eller henvendelse, gennemgangen tager afsæt i",
    ),
)
"""The header fields a reviewer fills in (key, label); the rest is written by `udtræk`."""

CORRECTION_LABELS: dict[str, str] = {
    "handling": "Rettelse: hvad skal gøres",
    "ansvarlig": "Ansvarlig (tom: sagens rådgiver)",
    "frist": "Frist (ÅÅÅÅ-MM-DD)",
    "udført": "Udført (ÅÅÅÅ-MM-DD)",
}
assert tuple(CORRECTION_LABELS) == CORRECTION_KEYS


@dataclass(frozen=True)
class Choice:
    value: str
    key: str
    needs_comment: bool
    finding: bool
    """Neither positive nor neutral: a correction in the case may follow."""


@dataclass(frozen=True)
class FormQuestion:
    step: str
    step_title: str
    id: str
    text: str
    legal_basis: str
    deadline: str | None
    guidance: str | None
    choices: tuple[Choice, ...]
    line: int
    """Where the question's key stands in the file (0: not in the file)."""

    @property
    def path(self) -> Path_:
        return ("svar", self.step, self.id)

    def by_key(self, key: str) -> Choice | None:
        return next((c for c in self.choices if c.key == key), None)

    def by_value(self, value: str) -> Choice | None:
        folded = " ".join(value.split()).casefold()
        return next((c for c in self.choices if c.value.casefold() == folded), None)


def choice_keys(scale: list[ScaleValue], reserved: frozenset[str] = frozenset()) -> list[str]:
    """One key per scale value: digits for a quality scale, else unique first letters
    (digits too when two letters are the same or one is `reserved` for something else)."""
    letters = [v.answer[:1].lower() for v in scale]
    graded = any(v.points is not None for v in scale)
    clash = len(set(letters)) < len(letters) or bool(set(letters) & reserved)
    if graded or clash or len(scale) > 9:
        return [str(n) for n in range(1, len(scale) + 1)]
    return letters


def build_questions(
    template: Template, doc: YamlDocument, reserved: frozenset[str] = frozenset()
) -> list[FormQuestion]:
    """The form's questions: every template question of each step in the file's `svar`."""
    answers = doc.data.get("svar") if isinstance(doc.data, dict) else None
    if not isinstance(answers, dict):
        return []
    result = []
    for step_id in answers:
        step = template.step(str(step_id))
        if step is None:
            continue
        for question in step.questions:
            scale = template.scale_for(question)
            choices = tuple(
                Choice(v.answer, key, v.comment_required, not (v.positive or v.neutral))
                for v, key in zip(scale, choice_keys(scale, reserved), strict=True)
            )
            path: Path_ = ("svar", step.id, question.id)
            found = doc.keys.get(path) or doc.keys.get(path[:2])
            result.append(
                FormQuestion(
                    step.id,
                    step.title,
                    question.id,
                    question.text,
                    question.legal_basis,
                    question.deadline,
                    question.guidance,
                    choices,
                    found.line if found else 0,
                )
            )
    return result


def text_at(data: Any, path: Path_) -> str:
    """The text at `path`; "" when missing or not a text."""
    value = value_at(data, path)
    return value if isinstance(value, str) else ""


def answered(questions: list[FormQuestion], data: Any) -> int:
    """How many questions have an answer on their scale."""
    return sum(q.by_value(text_at(data, (*q.path, "svar"))) is not None for q in questions)


def question_at_line(questions: list[FormQuestion], line: int | None) -> int | None:
    """The index of the question a diagnostic at `line` belongs to (None: the header)."""
    if line is None:
        return None
    best = None
    for index, question in enumerate(questions):
        if 0 < question.line <= line and (best is None or question.line >= questions[best].line):
            best = index
    return best


def next_review(results: list[ReviewResult], reviewer: str | None) -> ReviewResult | None:
    """The review to open next: the reviewer's own unfinished one first, then one nobody
    has begun (not a second review of a case the reviewer already has). Without a
    reviewer: the first one not finished. Never a file that counts nowhere (a sync's
    conflict copy `S-1 (1).yaml` beside `S-1.yaml`, G036): answers typed into it would be
    lost to every report (found by probe Q)."""
    counted = [r for r in results if not any(d.code in NOT_THE_ROUNDS for d in r.diagnostics)]
    unfinished = [r for r in counted if r.state is not ReviewState.COMPLETE]
    if not reviewer:
        return unfinished[0] if unfinished else None
    own = [r for r in unfinished if r.reviewer == reviewer]
    cases = {r.case_id for r in counted if r.reviewer == reviewer}
    fresh = [r for r in unfinished if r.state is ReviewState.NOT_STARTED and r.case_id not in cases]
    return (own + fresh + [None])[0]

"""What of one review `tilsyn migrer` carries to the new version, and what it keeps in words.

An answer to a question that carries moves as it is. An answer to a question
that changed is asked anew, and the old answer and comment are comment lines
in its block; its correction stays a live correction under the same id (it is
about the case, not the wording, so påmind and the report keep following it).
A question gone from the new version has no block: all of it becomes comment
lines at the end of the file, so `migrate` moves a file with a correction
there only when asked (`lost_corrections`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ledelsestilsyn.io.yaml_quote import double_quoted
from ledelsestilsyn.models.review import CORRECTION_KEYS, Answer, Correction, Review
from ledelsestilsyn.models.template import Template

Key = tuple[str, str]


@dataclass
class Carry:
    answers: dict[Key, Answer] = field(default_factory=dict)
    notes: dict[Key, tuple[str, ...]] = field(default_factory=dict)
    """Comment lines for a question's block in the new file."""
    left_over: list[str] = field(default_factory=list)
    """Comment lines for the end of the new file: questions the new version does not have."""
    steps: set[str] = field(default_factory=set)
    """Steps of the new version the new file must show for what it carries."""
    carried: list[str] = field(default_factory=list)
    anew: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    """Answered questions the new version does not have: their answers are comment lines."""
    kept_corrections: list[str] = field(default_factory=list)
    lost_corrections: list[str] = field(default_factory=list)


def carry(own: Review, carried: dict[Key, Key], target: Template) -> Carry:
    """Sort every answer of `own` into what moves, what is asked anew and what is kept as text."""
    questions = {(s.id, q.id) for s in target.steps for q in s.questions}
    out = Carry()
    for step_id, answers in own.answers.items():
        for question_id, answer in answers.items():
            new_key = carried.get((step_id, question_id))
            typed = _typed(answer)
            correction = has_correction(answer.correction)
            if new_key is not None:
                out.answers[new_key] = answer
                out.steps.add(new_key[0])
                if typed or correction:
                    out.carried.append(new_key[1])
                continue
            if not typed and not correction:
                continue
            key = (step_id, question_id)
            if typed:
                (out.anew if key in questions else out.gone).append(question_id)
            if key in questions:
                out.steps.add(step_id)
                notes = [f"Fra {own.template}, hvor spørgsmålet lød anderledes:", *typed]
                if correction:
                    out.answers[key] = Answer(correction=answer.correction)
                    out.kept_corrections.append(question_id)
                    notes.append(
                        "Rettelsen nedenfor er flyttet med; tjek, at den passer til det nye svar."
                    )
                out.notes[key] = tuple(notes)
            else:
                if correction:
                    out.lost_corrections.append(question_id)
                typed = _typed(answer, correction=correction)
                out.left_over += [f"# {question_id}: {line}" for line in typed]
    if out.left_over:
        out.left_over.insert(
            0, f"# ── Fra {own.template}: svar på spørgsmål, der ikke findes i {target.ref} ──"
        )
    return out


def has_correction(correction: Correction | None) -> bool:
    """A correction with something in it (an empty `rettelse:` holds nothing to keep)."""
    return correction is not None and any(correction.model_dump().values())


def _typed(answer: Answer, *, correction: bool = False) -> list[str]:
    """What was typed, one quoted line each (a comment line cannot hold a line break)."""
    fields = [("svar", answer.answer), ("kommentar", answer.comment)]
    lines = [f"{name} dengang: {double_quoted(text)}" for name, text in fields if text.strip()]
    if correction and answer.correction is not None:
        values = answer.correction.model_dump(by_alias=True)
        parts = [f"{key} {double_quoted(values[key])}" for key in CORRECTION_KEYS if values[key]]
        lines.append("rettelse dengang: " + ", ".join(parts))
    return lines

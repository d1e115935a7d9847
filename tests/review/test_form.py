"""`review.form` (keys, questions, the next review) and `review.session` (saving, the guard)."""

from __future__ import annotations

import stat
from dataclasses import replace
from pathlib import Path

import pytest

from ledelsestilsyn.core.diagnostics import Diagnostic, TilsynError
from ledelsestilsyn.io.yaml import parse_text
from ledelsestilsyn.models.template import ScaleValue
from ledelsestilsyn.review.form import (
    answered,
    build_questions,
    choice_keys,
    next_review,
    question_at_line,
)
from ledelsestilsyn.review.session import ReviewFile
from ledelsestilsyn.review.state import ReviewState
from ledelsestilsyn.review.validate import ReviewResult
from ledelsestilsyn.templates.catalog import Catalog


def _scale(*values: str, graded: bool = False) -> list[ScaleValue]:
    return [
        ScaleValue.model_validate({"svar": v, **({"point": n} if graded else {})})
        for n, v in enumerate(values, 1)
    ]


def test_answer_keys() -> None:
    assert choice_keys(_scale("ja", "nej", "ikke relevant")) == ["j", "n", "i"]
    grades = _scale("lav grad", "nogen grad", "høj grad", graded=True)
    assert choice_keys(grades) == ["1", "2", "3"]
    assert choice_keys(_scale("nej", "næsten", "ja")) == ["1", "2", "3"]
    assert choice_keys(_scale("ja", "måske"), frozenset("m")) == ["1", "2"]


REVIEW = """skabelon: "overordnet@2025.1"
svar:
  screening:
    screening-1:
      svar: "ja"
      kommentar: ''
    screening-2:
      svar: "Nej"
  ukendt-trin:
    x: 1
"""


def test_the_form_holds_every_question_of_the_steps_in_the_file() -> None:
    template = Catalog.load(None).resolve("overordnet@2025.1")
    doc = parse_text(REVIEW, "f.yaml")
    questions = build_questions(template, doc)
    step = template.step("screening")
    assert step is not None
    assert [q.id for q in questions] == [q.id for q in step.questions]
    first = questions[0]
    assert (first.line, first.step_title) == (4, "Screening")
    assert [c.key for c in first.choices] == ["j", "n", "i"]
    assert [c.finding for c in first.choices] == [False, True, False]
    assert questions[2].line == 3  # not in the file: the step's line
    assert answered(questions, doc.data) == 2  # "Nej" is on the scale, read loosely
    assert question_at_line(questions, 8) == 1
    assert question_at_line(questions, 2) is None
    assert question_at_line(questions, None) is None


def _result(name: str, state: ReviewState, reviewer: str | None, case: str) -> ReviewResult:
    return ReviewResult(
        Path(name), name, state, None, None, None, case, None, None, reviewer,
        None, None, {}, [],
    )  # fmt: skip


def test_the_next_review_is_the_reviewer_s_own_then_a_fresh_one() -> None:
    done = _result("a", ReviewState.COMPLETE, "Mette", "S-1")
    second = _result("a2", ReviewState.NOT_STARTED, None, "S-1")
    other = _result("b", ReviewState.PARTIAL, "Jonas", "S-2")
    fresh = _result("c", ReviewState.NOT_STARTED, None, "S-3")
    mine = _result("d", ReviewState.INVALID, "Mette", "S-4")
    results = [done, second, other, fresh, mine]
    assert next_review(results, "Mette") is mine
    assert next_review([done, second, other, fresh], "Mette") is fresh
    assert next_review(results, None) is second
    assert next_review([done], "Mette") is None
    assert next_review([replace(done, state=ReviewState.PARTIAL)], None) is not None


def test_a_conflict_copy_is_never_the_next_review() -> None:
    """Found by probe Q: `S-1 (1).yaml` (a sync's copy, G036) sorts before `S-1.yaml`, was
    offered as "Næste ufærdige", and the answers typed in went into a file that counts nowhere."""
    copy = _result("S-1 (1).yaml", ReviewState.INVALID, "Mette", "S-1")
    copy.diagnostics.append(Diagnostic("S-1 (1).yaml", 21, 7, "G036", "en kopi."))
    own = _result("S-1.yaml", ReviewState.NOT_STARTED, None, "S-1")
    assert next_review([copy, own], None) is own
    assert next_review([copy, own], "Mette") is own


def test_a_save_keeps_the_bom_and_the_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_bytes(b'\xef\xbb\xbfa: ""\n')
    path.chmod(0o640)
    review = ReviewFile.open(path, "g.yaml")
    review.save([(("a",), "x")])
    assert path.read_bytes() == b'\xef\xbb\xbfa: "x"\n'
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert review.doc.data == {"a": "x"}


def test_a_file_changed_on_disk_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text('a: ""\n', encoding="utf-8")
    review = ReviewFile.open(path, "g.yaml")
    path.write_text('a: ""\nb: ""\n', encoding="utf-8")
    with pytest.raises(TilsynError) as caught:
        review.save([(("a",), "x")])
    assert caught.value.diagnostics[0].code == "F010"
    assert path.read_text(encoding="utf-8") == 'a: ""\nb: ""\n'
    review.reload()
    review.save([(("a",), "x")])
    assert path.read_text(encoding="utf-8") == 'a: "x"\nb: ""\n'

"""What counts as a finding on a scale: the lowest answers, and every other answer the scale
asks a comment for (found by probe X: a local scale's `delvist opfyldt` needed a comment, but
only the lowest answer reached the letters and the report's comments, so the comment reached
no one)."""

from __future__ import annotations

from pathlib import Path

from ledelsestilsyn.models.template import ScaleValue
from ledelsestilsyn.report.aggregate import Scale
from ledelsestilsyn.templates.catalog import Catalog


def _value(answer: str, **settings: object) -> ScaleValue:
    return ScaleValue.model_validate({"svar": answer, **settings})


def test_an_answer_the_scale_asks_a_comment_for_is_a_finding() -> None:
    scale = Scale.of(
        [
            _value("ikke opfyldt", point=1, kræver_kommentar=True),
            _value("delvist opfyldt", point=2, kræver_kommentar=True),
            _value("opfyldt", point=3, positiv=True),
            _value("ikke relevant", neutral=True, kræver_kommentar=True),
        ]
    )
    assert scale.low == {"ikke opfyldt"}  # the chart's colour stays the lowest's alone
    assert scale.findings == {"ikke opfyldt", "delvist opfyldt"}


def test_the_built_in_scales_findings_are_their_lowest_answers(tmp_path: Path) -> None:
    """Nothing changes for nej and lav grad: their scales ask a comment for them alone."""
    catalog = Catalog.load(tmp_path)
    for template in catalog.templates.values():
        for step in template.steps:
            for question in step.questions:
                scale = Scale.of(template.scale_for(question))
                assert scale.findings == scale.low, (template.id, question.id)

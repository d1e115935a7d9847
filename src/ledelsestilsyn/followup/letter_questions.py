"""The questions a feedback letter goes through: each template's, with their scales, once."""

from __future__ import annotations

from ledelsestilsyn.models.template import Question, Template
from ledelsestilsyn.report.aggregate import Scale

Asked = tuple[tuple[str, str], Question, Scale]
"""((step id, question id), the question, its scale)."""


class Questions:
    """Each template's questions with their scales, worked out once for all reviews
    (`Scale.of` once per scale list: a template shares one list across its questions)."""

    def __init__(self) -> None:
        self.known: dict[str, list[Asked]] = {}

    def of(self, template: Template) -> list[Asked]:
        found = self.known.get(template.ref)
        if found is None:
            scales: dict[int, Scale] = {}
            found = []
            for step in template.steps:
                for question in step.questions:
                    values = template.scale_for(question)
                    scale = scales.get(id(values))
                    if scale is None:
                        scale = scales[id(values)] = Scale.of(values)
                    found.append(((step.id, question.id), question, scale))
            self.known[template.ref] = found
        return found

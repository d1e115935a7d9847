"""A resolved template, indexed for checking answers quickly and helpfully.

Answers are matched in three ways: exactly (`ja`); loosely, ignoring letter
case and extra spaces (`Ja`, ` nej `, `Ikke  relevant`); and through the
template's `synonymer` (`høj` for `høj grad`). A loose or synonym match is
accepted, but reported as a warning with the canonical form; the file is
never changed. Anything else is an unknown answer, with a did-you-mean for
near misses (`jaa` → `ja`) and for English or shorthand words (`no` → `nej`).
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from enum import Enum

from ledelsestilsyn.core.cpr import INVISIBLES
from ledelsestilsyn.core.letters import OTHER_ALPHABETS
from ledelsestilsyn.models.template import ScaleValue, Template


class Match(Enum):
    EXACT = "exact"
    LOOSE = "loose"
    SYNONYM = "synonym"
    UNKNOWN = "unknown"


# Words people type that mean a scale value in another language or shorthand.
_SHORTHAND: dict[str, str] = {
    "no": "nej",
    "n": "nej",
    "false": "nej",
    "falsk": "nej",
    "yes": "ja",
    "y": "ja",
    "j": "ja",
    "true": "ja",
    "sand": "ja",
    "ir": "ikke relevant",
    "i/r": "ikke relevant",
    "n/a": "ikke relevant",
    "na": "ikke relevant",
    "irrelevant": "ikke relevant",
}


# Letters of other alphabets that look like Danish ones: 'jа' with a Cyrillic 'а' looks
# exactly like 'ja'.
_LOOKALIKES = str.maketrans(*OTHER_ALPHABETS)


def lookalike(text: str) -> str | None:
    """`text` with letters of other alphabets that look like Danish ones replaced, or None
    when it has none."""
    plain = text.translate(_LOOKALIKES)
    return plain if plain != text else None


def normalise(text: str) -> str:
    """Letter case, runs of white space and characters that show as nothing (a zero-width
    space or a BOM copied from Outlook or a web page) do not matter in an answer."""
    return " ".join(INVISIBLES.sub("", text).split()).casefold()


@dataclass(frozen=True)
class ScaleIndex:
    values: tuple[str, ...]
    needs_comment: frozenset[str]
    positive: frozenset[str]
    loose: dict[str, str]
    synonyms: dict[str, str]

    @classmethod
    def build(cls, scale: list[ScaleValue]) -> ScaleIndex:
        loose = {normalise(v.answer): v.answer for v in scale}
        synonyms = {
            normalise(s): v.answer for v in scale for s in v.synonyms if normalise(s) not in loose
        }
        return cls(
            tuple(v.answer for v in scale),
            frozenset(v.answer for v in scale if v.comment_required),
            frozenset(v.answer for v in scale if v.positive),
            loose,
            synonyms,
        )

    def match(self, raw: str) -> tuple[str | None, Match]:
        if raw in self.values:
            return raw, Match.EXACT
        key = normalise(raw)
        if key in self.loose:
            return self.loose[key], Match.LOOSE
        if key in self.synonyms:
            return self.synonyms[key], Match.SYNONYM
        return None, Match.UNKNOWN

    def suggest(self, raw: str) -> str | None:
        plain = lookalike(raw)
        if plain is not None and self.match(plain)[1] is not Match.UNKNOWN:
            return self.match(plain)[0]
        key = normalise(raw)
        short = _SHORTHAND.get(key)
        if short in self.values:
            return short
        candidates = {**self.synonyms, **self.loose}
        close = difflib.get_close_matches(key, list(candidates), n=1, cutoff=0.6)
        return candidates[close[0]] if close else None


@dataclass
class TemplateIndex:
    """Steps, questions and scales of one resolved template, by id."""

    ref: str
    fingerprint: str
    steps: dict[str, list[str]]
    step_titles: dict[str, str]
    home: dict[str, str]
    scales: dict[str, ScaleIndex]
    _by_scale: dict[int, ScaleIndex] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, template: Template) -> TemplateIndex:
        digest = hashlib.sha256(template.model_dump_json(by_alias=True).encode("utf-8"))
        index = cls(template.ref, digest.hexdigest()[:24], {}, {}, {}, {})
        for step in template.steps:
            index.steps[step.id] = [q.id for q in step.questions]
            index.step_titles[step.id] = step.title
            for question in step.questions:
                index.home[question.id] = step.id
                index.scales[question.id] = index._scale(template.scale_for(question))
        return index

    def _scale(self, scale: list[ScaleValue]) -> ScaleIndex:
        key = id(scale)
        if key not in self._by_scale:
            self._by_scale[key] = ScaleIndex.build(scale)
        return self._by_scale[key]

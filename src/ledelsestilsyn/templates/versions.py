"""Versions of a template: what changed between two, and which questions measure the same.

A question of a newer version *carries* a question of the older one (the
report pools their answers, and `tilsyn migrer` moves the answer along) only
when it is unchanged (same id, and the same text, hjemmel, scale and frist) or
when the newer template says so itself: `uændret: true` (same id, reworded) or
`erstatter: <gammelt id>`. Every other question is new, even under an old id:
a reworded question may measure something else, and pooling it would mix two
standards in one share.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from ledelsestilsyn.core.diagnostics import Diagnostic
from ledelsestilsyn.io.document import YamlDocument
from ledelsestilsyn.models.located import did_you_mean
from ledelsestilsyn.models.template import Question, Template

FIELDS: tuple[str, ...] = ("tekst", "hjemmel", "skala", "frist")
"""What `skabelon forskel` compares; a difference in guidance (`vejledning`) is no change."""


class Change(StrEnum):
    UNCHANGED = "uændret"
    DECLARED = "erklæret ens"
    CHANGED = "ændret"
    ADDED = "ny"
    REMOVED = "udgået"


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Sort versions naturally: 2024.9 before 2024.10, numbers before words."""
    return tuple(
        (0, int(part)) if part.isdecimal() else (1, part)
        for part in re.split(r"[._-]", version)
        if part
    )


@dataclass(frozen=True)
class Placed:
    """A question where it stands in a resolved template."""

    step: str
    question: Question
    template: Template

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def key(self) -> tuple[str, str]:
        return (self.step, self.question.id)


@dataclass(frozen=True)
class Link:
    """One row of the comparison: an old question, a new one, or a pair."""

    change: Change
    old: Placed | None
    new: Placed | None
    fields: tuple[str, ...] = ()

    @property
    def carried(self) -> bool:
        return self.change in (Change.UNCHANGED, Change.DECLARED)


@dataclass(frozen=True)
class VersionMap:
    old: Template
    new: Template
    links: tuple[Link, ...]

    def carried(self) -> dict[tuple[str, str], tuple[str, str]]:
        """(step, question) in the old version -> (step, question) in the new one."""
        return {
            link.old.key: link.new.key
            for link in self.links
            if link.carried and link.old is not None and link.new is not None
        }

    def of(self, change: Change) -> list[Link]:
        return [link for link in self.links if link.change is change]


def placed(template: Template) -> list[Placed]:
    return [Placed(s.id, q, template) for s in template.steps for q in s.questions]


def differences(old: Placed, new: Placed) -> tuple[str, ...]:
    """Which of text, hjemmel, scale and frist differ between two questions."""
    a, b = old.question, new.question
    pairs = {
        "tekst": (a.text, b.text),
        "hjemmel": (a.legal_basis, b.legal_basis),
        "skala": (_scale(old), _scale(new)),
        "frist": (a.deadline or "", b.deadline or ""),
    }
    return tuple(name for name in FIELDS if pairs[name][0] != pairs[name][1])


def _scale(item: Placed) -> list[dict[str, object]]:
    return [v.model_dump() for v in item.template.scale_for(item.question)]


def adjacent(old: Template, new: Template) -> dict[str, str]:
    """Carried question ids from one version to the next: old id -> new id."""
    old_by_id = {p.id: p for p in placed(old)}
    carried: dict[str, str] = {}
    for item in placed(new):
        source = item.question.predecessor_id
        if source is not None and source in old_by_id:
            carried.setdefault(source, item.id)
    taken = set(carried.values())
    for item in placed(new):
        before = old_by_id.get(item.id)
        if (
            item.id not in taken
            and before is not None
            and before.id not in carried
            and not differences(before, item)
        ):
            carried[item.id] = item.id
    return carried


def compare(chain: Sequence[Template]) -> VersionMap:
    """Compare the first and last of `chain`, carrying through every version in between.

    `chain` is the line of versions of one template, oldest first; for two
    unrelated templates pass just the two (then only identical questions carry).
    """
    old, new = chain[0], chain[-1]
    through = {p.id: p.id for p in placed(old)}
    for before, after in pairwise(chain):
        step = adjacent(before, after)
        through = {o: step[m] for o, m in through.items() if m in step}
    old_items = placed(old)
    new_by_id = {p.id: p for p in placed(new)}
    used_new: set[str] = set()
    links: list[Link] = []
    for item in old_items:
        target = new_by_id.get(through.get(item.id, ""))
        if target is not None and target.id not in used_new:
            used_new.add(target.id)
            fields = differences(item, target)
            same = not fields and item.id == target.id
            links.append(Link(Change.UNCHANGED if same else Change.DECLARED, item, target, fields))
    paired_old = {link.old.id for link in links if link.old is not None}
    for item in old_items:
        if item.id in paired_old:
            continue
        target = new_by_id.get(item.id)
        if target is None or target.id in used_new:
            links.append(Link(Change.REMOVED, item, None))
            continue
        used_new.add(target.id)
        fields = differences(item, target)
        change = Change.CHANGED if fields else Change.UNCHANGED
        links.append(Link(change, item, target, fields))
    links += [Link(Change.ADDED, None, p) for p in placed(new) if p.id not in used_new]
    return VersionMap(old, new, tuple(links))


def declaration_problems(
    raw: Template, doc: YamlDocument, previous: Template | None, resolved: Template
) -> list[Diagnostic]:
    """`erstatter` and `uændret` must name a question of the previous version, once each,
    with the same answers (an answer carried over must be one the new question allows)."""
    problems: list[Diagnostic] = []
    old = {p.id: p for p in placed(previous)} if previous is not None else {}
    new = {p.id: p for p in placed(resolved)}
    claimed = {i: i for i, item in old.items() if i in new and not differences(item, new[i])}
    for si, step in enumerate(raw.steps):
        for qi, question in enumerate(step.questions):
            source = question.predecessor_id
            if source is None:
                continue
            key = "erstatter" if question.replaces is not None else "uændret"
            path = ("sagsskridt", si, "spørgsmål", qi, key)
            found = _declaration_problem(raw, previous, old, claimed, new[question.id], source)
            if found is not None:
                code, message, hint = found
                problems.append(doc.diagnostic(path, code, message, hint=hint))
            else:
                claimed[source] = question.id
    return problems


def _declaration_problem(
    raw: Template,
    previous: Template | None,
    old: dict[str, Placed],
    claimed: dict[str, str],
    item: Placed,
    source: str,
) -> tuple[str, str, str] | None:
    """(code, message, hint) for a declaration that cannot stand, else None."""
    if previous is None:
        return (
            "T015",
            f"'{'erstatter' if item.question.replaces else 'uændret'}' kræver en tidligere "
            f"version af skabelonen '{raw.id}', men der er ingen.",
            "'erstatter' og 'uændret' peger altid på versionen lige før.",
        )
    if source not in old:
        guess = did_you_mean(source, list(old))
        hint = f"mente du '{guess}'?" if guess else f"brug et spørgsmåls-id fra {previous.ref}."
        return ("T016", f"spørgsmålet '{source}' findes ikke i {previous.ref}.", hint)
    other = claimed.get(source)
    if other is not None and other != item.id:
        return (
            "T017",
            f"'{source}' i {previous.ref} svarer allerede til '{other}'.",
            "et gammelt spørgsmål kan kun videreføres af ét nyt.",
        )
    before = [v.answer for v in old[source].template.scale_for(old[source].question)]
    after = [v.answer for v in item.template.scale_for(item.question)]
    if before != after:
        return (
            "T018",
            f"'{item.id}' har andre svar end '{source}' i {previous.ref} "
            f"({' / '.join(after)} mod {' / '.join(before)}).",
            "svar kan kun lægges sammen og flyttes med, når skalaen er den samme; "
            "slet erklæringen, så er spørgsmålet nyt.",
        )
    return None

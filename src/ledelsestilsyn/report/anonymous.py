"""The inputs as the committee and the department may see them: no person's name in a team.

A manifest's team comes from the case system's export, and a team is often called
after a person: its leader, or the one caseworker in it ("Hanne Kørsgaards team",
"Team Bo"). Those reports show every team by name, so each name the workspace knows
is replaced there (`[navn]`, as in the department's examples); two teams that would
then read the same are numbered, so that their rows stay apart. A header no manifest
has checked loses its caseworker and team (`unchecked_anonymous`). A local template is typed
by a person too: its titles and texts are scrubbed the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace

from ledelsestilsyn.models.template import Template
from ledelsestilsyn.report.load import Inputs
from ledelsestilsyn.report.records import ReviewRecord, unchecked_anonymous


def aggregate_inputs(
    inputs: Inputs, scrub: Callable[[str], str], texts: Callable[[str], str]
) -> Inputs:
    """`inputs` with unchecked headers anonymous, every team named without a person (`scrub`)
    and the templates' texts without a person's whole name or a case number (`texts`)."""
    records = [unchecked_anonymous(r) for r in inputs.records]
    unfinished = [unchecked_anonymous(r) for r in inputs.unfinished]
    teams = {r.team for r in [*records, *unfinished] if r.team}
    renamed = neutral_teams([*teams, *inputs.drawn_teams.values()], scrub)

    def renamed_team(record: ReviewRecord) -> ReviewRecord:
        team = renamed.get(record.team or "")
        return record if team is None else replace(record, team=team)

    return replace(
        inputs,
        templates={ref: anonymous_template(t, texts) for ref, t in inputs.templates.items()},
        records=[renamed_team(r) for r in records],
        unfinished=[renamed_team(r) for r in unfinished],
        drawn_teams={case: renamed.get(t, t) for case, t in inputs.drawn_teams.items()},
    )


def neutral_teams(names: Iterable[str], scrub: Callable[[str], str]) -> dict[str, str]:
    """The new name of each team whose name holds a person's (`scrub`); where two teams would
    read the same, the renamed ones get a number in the order of their names: `[navn]s team
    (1)`, `[navn]s team (2)`."""
    scrubbed = {name: scrub(name) for name in sorted(set(names))}
    taken = Counter(scrubbed.values())
    numbers: Counter[str] = Counter()
    renamed: dict[str, str] = {}
    for name, new in scrubbed.items():
        if new == name:
            continue
        if taken[new] > 1:
            numbers[new] += 1
            new = f"{new} ({numbers[new]})"
        renamed[name] = new
    return renamed


def anonymous_template(template: Template, scrub: Callable[[str], str]) -> Template:
    """`template` with every text the reports show scrubbed: its title, the steps' titles
    and descriptions, and each question's text, hjemmel and guidance."""

    def text(value: str | None) -> str | None:
        return None if value is None else scrub(value)

    steps = [
        step.model_copy(
            update={
                "title": scrub(step.title),
                "description": text(step.description),
                "questions": [
                    q.model_copy(
                        update={
                            "text": scrub(q.text),
                            "legal_basis": scrub(q.legal_basis),
                            "guidance": text(q.guidance),
                        }
                    )
                    for q in step.questions
                ],
            }
        )
        for step in template.steps
    ]
    update = {"title": scrub(template.title), "description": text(template.description)}
    return template.model_copy(update={**update, "steps": steps})

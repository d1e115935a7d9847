"""The leaders' tiltag in a report: the leader's effect section and the tiltag each weak
question has, and the tiltag as every audience's report reads them (`run`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ledelsestilsyn.core.periods import Period
from ledelsestilsyn.followup.tiltag_ids import shown_id
from ledelsestilsyn.models.tiltag import Tiltag
from ledelsestilsyn.report.build import Report
from ledelsestilsyn.report.load import Inputs
from ledelsestilsyn.report.tiltag import TiltagView, addressing, tiltag_views
from ledelsestilsyn.report.view import ReportView
from ledelsestilsyn.workspace.known_names import KnownNames, known_names
from ledelsestilsyn.workspace.open import Workspace


def workspace_names(workspace: Workspace, inputs: Inputs) -> KnownNames:
    """Every name the workspace knows (`known_names`), with the samples' and the reviews'."""
    return known_names(
        workspace,
        [*inputs.records, *inputs.unfinished],
        caseworkers=inputs.caseworkers,
        teams=inputs.drawn_teams.values(),
    )


@dataclass(frozen=True)
class TiltagSource:
    """What a report's tiltag are read and weighed with: the report and what it was made of,
    its period and day, and the names the leaders may see (`colleagues_of`)."""

    report: Report
    inputs: Inputs
    workspace: Workspace
    period: Period
    today: date
    colleagues: frozenset[str]


def add_tiltag(view: ReportView, source: TiltagSource) -> None:
    """The leader report's tiltag: effect on their targets, and which address a weak question."""
    tiltag, views = tiltag_for(view, source)
    report, colleagues = source.report, source.colleagues
    # a child's name in a title or a conclusion the leaders typed: `[navn]`
    free = report.settings.free_text
    view.tiltag = [replace(v, title=free(v.title), conclusion=free(v.conclusion)) for v in views]
    if not tiltag:
        return
    templates = {(w.stat.question.id, w.template.title): w.template for w in report.weakest}
    place = {t.id: number for number, t in enumerate(tiltag, start=1)}
    for weak in view.weakest:
        template = templates.get((weak.id, weak.template))
        found = addressing(tiltag, template, weak.id) if template else []
        weak.tiltag = ", ".join(shown_id(i, place[i], colleagues) for i in found) or "ingen"


def tiltag_for(view: ReportView, source: TiltagSource) -> tuple[list[Tiltag], list[TiltagView]]:
    """The workspace's tiltag, and each one's effect on its targets up to `period`; when
    tiltag.yaml has mistakes, the report says it has none (a probe: the section was gone,
    and only the screen said why)."""
    from ledelsestilsyn.followup.tiltag import tiltag_shown

    inputs = source.inputs
    omitted = "tiltagene er udeladt af rapporten"
    read, notes = tiltag_shown(source.workspace, source.today, "O015", omitted)
    inputs.notes += [*read.warnings, *notes]
    if notes:
        view.tiltag_missing = (
            "Ledelsens tiltag er ikke med i rapporten: tiltag.yaml havde fejl, da den blev "
            "lavet. Ret filen ('tilsyn tjek' viser fejlene), og lav rapporten igen."
        )
    tiltag = read.tiltag
    if not tiltag:
        return [], []
    settings = source.report.settings
    views = tiltag_views(
        tiltag,
        inputs.records,
        inputs.templates,
        source.period,
        settings.min_count,
        settings.threshold,
        today=inputs.today,
        order=settings.order,
        versions=inputs.versions,
        retired=read.retired,
        colleagues=source.colleagues,
    )
    return tiltag, views


def colleagues_of(known: KnownNames) -> frozenset[str]:
    """The names the leaders may see (`workspace_names`), but those only a correction's
    `ansvarlig` gives: those may be anyone's. Worked out once per report and passed down."""
    return known.people - known.unconfirmed

"""The report as one call: check the call, load the inputs, build, view and render."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ledelsestilsyn.core.cpr import mask_cpr
from ledelsestilsyn.core.diagnostics import Argument, Diagnostic, TilsynError, fail, warning
from ledelsestilsyn.core.gate import Gated
from ledelsestilsyn.core.periods import Period, parse_period, previous
from ledelsestilsyn.core.unknown_names import NAME
from ledelsestilsyn.models.concept import Concept
from ledelsestilsyn.report.anonymous import aggregate_inputs
from ledelsestilsyn.report.build import Report, Settings, in_period
from ledelsestilsyn.report.call import Request, check_call, check_kind
from ledelsestilsyn.report.corrections import collect, corrections_view
from ledelsestilsyn.report.decision import AGGREGATE
from ledelsestilsyn.report.decision_memo import DecisionMemo
from ledelsestilsyn.report.department import (
    WITH_CONSENT,
    conclusions,
    department_scrubber,
    examples,
    free_text_scrubber,
    neutral_ids,
    tiltag_status,
)
from ledelsestilsyn.report.issued import (
    Version,
    changed_by_little,
    changed_since_warning,
    issued_ranges,
    second_version_warning,
    shown_numbers,
    versions,
)
from ledelsestilsyn.report.levels import compare_levels, level_views
from ledelsestilsyn.report.load import Inputs, latest_period, load_inputs, why_empty
from ledelsestilsyn.report.pair_corrections import counting_corrections
from ledelsestilsyn.report.period_reports import Reports, excluded_in
from ledelsestilsyn.report.published import ledger_for
from ledelsestilsyn.report.records import Excluded
from ledelsestilsyn.report.render import render
from ledelsestilsyn.report.report_tiltag import (
    TiltagSource,
    add_tiltag,
    colleagues_of,
    tiltag_for,
    workspace_names,
)
from ledelsestilsyn.report.scrub import address_masker, case_masker
from ledelsestilsyn.report.suppress import Disclosure, Key
from ledelsestilsyn.report.tidy import no_rows_warning, tidy_groups
from ledelsestilsyn.report.tidy_file import tidy_file
from ledelsestilsyn.report.view import ReportView, report_view
from ledelsestilsyn.workspace.layout import DECISION_CACHE
from ledelsestilsyn.workspace.open import Workspace
from ledelsestilsyn.workspace.unlikely_settings import few_hidden


@dataclass
class Outcome:
    content: str | Gated
    """The report's text, or a file's bytes (`xlsx`, `pdf`)."""
    period: Period
    counted: int
    excluded: list[Excluded]
    notes: list[Diagnostic]
    version: Version | None = None
    """An aggregate audience's report: recorded before it is delivered (`issued`), so that
    later date ranges are decided with it and a second version with other counts is said."""
    compared: list[Version] = field(default_factory=list)
    """The range a range's report compares with (`_compared_range`), as decided: recorded
    before `version`, in the order the decisions were made in."""


def _baseline(workspace: Workspace) -> Period | None:
    """The concept's baseline (a calendar period: checked with the concept)."""
    text = workspace.concept.report.baseline
    return None if text is None else parse_period(text)


def _latest_period(inputs: Inputs) -> Period:
    latest = latest_period(inputs.records)
    if latest is None:
        raise fail(
            "udtræk",
            "L006",
            "der er ingen færdige gennemgange at lave rapport over.",
            hint="tjek status med 'tilsyn valider'.",
        )
    return latest


def make_report(workspace: Workspace, request: Request, *, today: date) -> Outcome:
    """The rendered report for `request`; raises `TilsynError` for a bad call or no data."""
    check_call(workspace, request)
    baseline = _baseline(workspace)
    asked = parse_period(request.period) if request.period is not None else None
    inputs = load_inputs(workspace, request.paths, request.series, today=today)
    municipality = workspace.concept.municipality
    names = workspace_names(workspace, inputs)
    # a comment's other capitalised words are names nobody told the tool about (a child's)
    people, known = names.people, names.all
    if request.audience in AGGREGATE:  # no typed team, no person's name in a team's
        masked = case_masker(_cases(inputs), mask_cpr)
        texts = department_scrubber(people, masked, alone=False)  # whole names in the templates
        inputs = aggregate_inputs(inputs, department_scrubber(people, masked), texts)
        municipality = texts(municipality)
    period = asked or _latest_period(inputs)
    kinds = workspace.concept.report.aggregate_periods
    if request.audience in AGGREGATE:
        check_kind(period, request.audience, kinds)
    excluded = excluded_in(inputs, period)
    counted = in_period(inputs.records, period)
    if not counted:
        raise fail(
            Argument.PERIOD if asked else workspace.display(workspace.samples_dir),
            "L007",
            f"ingen færdige gennemgange i perioden {period.label}.",
            hint=why_empty(
                inputs, period, workspace.display(workspace.samples_dir), request.series
            ),
        )
    settings = Settings(
        threshold=workspace.concept.report.threshold,
        min_count=workspace.concept.report.min_count,
        baseline=baseline,
        caseworkers=request.caseworkers,
        order=tuple(workspace.concept.series),
        known_names=known,
    )

    inputs.notes += _unsafe_min_count(request.audience, settings.min_count)
    made = versions(workspace.root) if request.audience in AGGREGATE else []
    ranges = issued_ranges(made)
    compared = _compared_range(period, inputs, ranges, request.audience)
    reports = Reports(inputs, settings, request.audience, kinds, [*ranges, *compared], today)
    memo = None
    if request.audience in AGGREGATE:  # the decisions of the reports made before
        reports.memo = memo = DecisionMemo.open(workspace.cache_dir / DECISION_CACHE)
    content: str | Gated
    version = None
    if request.fmt in ("csv", "xlsx"):
        if request.audience in AGGREGATE:  # the whole report's one decision, as in md and html
            report = reports.build(period)
            rules = reports.decide(period, report)
            groups = report.tidy or []  # counted with the report, whose ledger needs them too
            version = Version(
                request.audience, period.label, shown_numbers(ledger_for(report), rules)
            )
            inputs.notes += no_rows_warning(groups, rules, request.audience, period.label)
        else:
            rules, groups = Disclosure(settings.min_count), tidy_groups(counted, inputs.templates)
        content = tidy_file(request.fmt, groups, rules, period, today)
    else:
        report = reports.build(period)
        rules = reports.decide(period, report)
        if request.audience in AGGREGATE:
            version = Version(
                request.audience, period.label, shown_numbers(ledger_for(report), rules)
            )
        view = report_view(
            report,
            municipality=municipality,
            audience=request.audience,
            today=today,
            charts=request.fmt in ("html", "pdf"),
            rules=rules,
            inner=bool(reports.inner(period)),
            elsewhere=reports.shows if request.audience in AGGREGATE else None,
        )
        # a correction's question text, also of an unfinished review (where its template
        # cannot be resolved, the text is left out)
        others = {r.template for r in inputs.unfinished} - inputs.templates.keys()
        view.corrections = corrections_view(
            collect(
                counting_corrections(inputs.records, inputs.unfinished),
                {**inputs.templates, **workspace.catalog.resolve_each(others)},
                period,
                today,
                carried=not view.committee,
            ),
            rules,
            today=today,
            leader=not view.committee,
            per_person=request.caseworkers,
            scrub=settings.free_text,
        )
        if not view.committee:
            add_tiltag(
                view, TiltagSource(report, inputs, workspace, period, today, colleagues_of(names))
            )
            _add_levels(view, inputs, workspace, period)
        if view.committee:
            _add_department(view, report, inputs, workspace, period, reports.shows, today)
        content = _pdf(view, today) if request.fmt == "pdf" else render(view, request.fmt)
    if memo is not None:
        memo.save()
    said = [] if version is None else _second_version(version, made, settings.min_count)
    if version is not None:
        said += _changed_since(reports, period, made, settings.min_count)
    before = [_version(request.audience, p, reports.build(p), reports.rules(p)) for p in compared]
    return Outcome(content, period, len(counted), excluded, [*inputs.notes, *said], version, before)


def _unsafe_min_count(audience: str, min_count: int) -> list[Diagnostic]:
    """L021: a report for the committee or the department that hides little or nothing."""
    unsafe = few_hidden(min_count) if audience in AGGREGATE else None
    if unsafe is None:
        return []
    hint = "sæt mindste_antal under rapport: i koncept.yaml til 5 (eller mindst 3)."
    return [warning("rapport", "L021", unsafe, hint=hint)]


def _compared_range(
    period: Period, inputs: Inputs, ranges: list[Period], audience: str
) -> list[Period]:
    """The date range a date range's report compares with (the as long one before it), when
    it has reviews and no report of it was made: its shares stand in the report's change
    column, so it is decided and recorded as a range made before the report (`Outcome.
    compared`). Else the ranges made later would be decided without it: September..October's
    total, read off November..December's change, with October..November's and
    September..November's, gives each month's hidden count."""
    if audience not in AGGREGATE or period.kind != "interval":
        return []
    before = previous(period)
    return [] if before in ranges or not in_period(inputs.records, before) else [before]


def _second_version(version: Version, made: list[Version], min_count: int) -> list[Diagnostic]:
    """L015 when an earlier version of the audience's report of the period shows counts
    that differ from this one's by a small number (`issued`)."""
    earlier = changed_by_little(version, made, min_count)
    return [second_version_warning(version, earlier, min_count)] if earlier else []


def _version(audience: str, period: Period, report: Report, rules: Disclosure) -> Version:
    """This version of an aggregate audience's report, to record (`issued`)."""
    return Version(audience, period.label, shown_numbers(ledger_for(report), rules))


def _changed_since(
    reports: Reports, period: Period, made: list[Version], min_count: int
) -> list[Diagnostic]:
    """L015 for each other period this report shows counts of (one it overlaps, or one it
    compares with: `Reports.consulted`) whose report was made before with counts that differ
    from its counts now by a small number: November made before a late review, then the
    quarter, less October and December, gives November as it is now.

    Its counts now are every count its report could show, hidden or not: what the reports
    made now give away of it is at most that, and deciding what that report would hide
    takes as long as making it (a year's or a date range's: minutes, on every report made
    after it)."""
    found = []
    for label in dict.fromkeys(v.period for v in made):
        try:
            other = parse_period(label)
        except TilsynError:
            continue
        related = other.start <= period.end and period.start <= other.end
        if other == period or not (related or other in reports.consulted):
            continue
        if not in_period(reports.inputs.records, other):
            continue
        everything = Disclosure(min_count)
        now = Version(
            reports.audience, label, shown_numbers(ledger_for(reports.build(other)), everything)
        )
        if changed_by_little(now, made, min_count):
            found.append(changed_since_warning(label, period.label, min_count))
    return found


def _pdf(view: ReportView, today: date) -> Gated:
    """The report as PDF, typeset from the same view as the HTML (Typst loads only here)."""
    from ledelsestilsyn.report.pdf import pdf

    return pdf(view, today)


def _add_levels(view: ReportView, inputs: Inputs, workspace: Workspace, period: Period) -> None:
    """The leader report's agreement between levels that reviewed the same cases (KK)."""
    comparisons = compare_levels(
        inputs.records, inputs.templates, period, list(workspace.concept.series)
    )
    for section in view.sections:
        section.levels = level_views(comparisons, section.ref, view.min_count)


def _add_department(
    view: ReportView,
    report: Report,
    inputs: Inputs,
    workspace: Workspace,
    period: Period,
    elsewhere: Callable[[str, Key], bool],
    today: date,
) -> None:
    """The tiltag's status for the department and the committee (SBST: the results reach
    the committee with what is set in motion on them); the department's extras: the
    leadership's conclusions, and case examples by consent. `elsewhere`: whether the
    audience's report of another period shows a share (`Reports.shows`)."""
    known = workspace_names(workspace, inputs)
    source = TiltagSource(report, inputs, workspace, period, today, colleagues_of(known))
    _, views = tiltag_for(view, source)
    concept = workspace.concept
    names = known.people
    cases = _cases(inputs)
    views = neutral_ids(views, names, cases)
    # A case number typed in a title, a conclusion or an example: `[sag]`; an address the
    # concept gives someone: `[navn]`, as the name.
    mask = address_masker(_addresses(concept), case_masker(cases, mask_cpr), NAME)
    scrub = free_text_scrubber(names, mask, known.places)
    sections = {section.ref for section in view.sections}
    view.tiltag_status = tiltag_status(views, view.disclosure, sections, scrub, elsewhere)
    if not view.department:
        return
    view.examples_allowed = concept.dissemination.department_examples == WITH_CONSENT
    view.conclusions = conclusions(views, scrub)
    found = examples(
        inputs.records,
        inputs.templates,
        period,
        allowed=view.examples_allowed,
        names=names,
        mask=mask,
        floor=view.disclosure.floor,
        order=tuple(concept.series),
    )
    for section in view.sections:
        section.examples = found.get(section.ref, [])


def _cases(inputs: Inputs) -> set[str]:
    """Every case number the workspace knows: reviewed, begun or drawn."""
    cases = {r.case_id or "" for r in [*inputs.records, *inputs.unfinished]}
    return cases | {i for _, _, ids in inputs.drawn for i in ids}


def _addresses(concept: Concept) -> list[str]:
    """Every e-mail address the concept gives a person: caseworkers, reviewers, consultants."""
    reminders = concept.reminders
    given = [*concept.dissemination.caseworkers.values(), *reminders.reviewers.values()]
    return [*given, *reminders.consultants]

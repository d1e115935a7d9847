"""A template's earlier versions in the development over time.

The report pools a question across a version change only when it carries
(`templates.versions`: unchanged, or declared `uændret`/`erstatter`). Reviews
on an older version enter the newer version's previous period, baseline and
trend with their carried answers only, re-keyed to the new question ids.
Every other question stays apart: the changed question of the new version
has figures only from its own reviews, and the old question gets its own row
in the table of questions across versions, so two standards never share a
share. Pure: records and version maps in, dataclasses out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from ledelsestilsyn.core.periods import Period
from ledelsestilsyn.models.template import Template
from ledelsestilsyn.report.aggregate import Section, Tally, first_reviews, section
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.templates.versions import Change, Link, VersionMap

VersionMaps = Mapping[tuple[str, str], VersionMap]
"""(older ref, newer ref) -> how the questions of the two versions relate."""


@dataclass
class VersionRow:
    """One question in the development over time; `tallies` follow the trend's periods;
    `source`: (template ref, step, question) of the version it is a question of."""

    id: str
    note: str
    tallies: list[Tally | None]
    source: tuple[str, str, str]


@dataclass
class VersionTrend:
    older: list[str]
    pooled: int
    apart: int
    rows: list[VersionRow]


def older_records(
    template: Template, records: Sequence[ReviewRecord], versions: VersionMaps, skip: Period
) -> list[ReviewRecord]:
    """Records of older versions of `template`, outside the report's own period `skip`.

    Reviews on an older version in the report's own period have their own section.
    """
    return [
        r for r in records if (r.template, template.ref) in versions and r.period_start not in skip
    ]


def carried_records(
    template: Template, older: Sequence[ReviewRecord], versions: VersionMaps
) -> list[ReviewRecord]:
    """`older` with only their carried answers, under the new question ids."""
    carried = {old: m.carried() for (old, new), m in versions.items() if new == template.ref}
    found = []
    for record in older:
        keys = carried.get(record.template)
        if keys is None:
            continue
        answers = {keys[k]: v for k, v in record.answers.items() if k in keys}
        found.append(replace(record, template=template.ref, answers=answers, corrections=()))
    return found


def version_trend(
    template: Template,
    trend: Sequence[tuple[Period, Section]],
    records: Sequence[ReviewRecord],
    versions: VersionMaps,
    bucket: Callable[[ReviewRecord], Period],
) -> VersionTrend | None:
    """Every question across the versions in the trend, or None when only one version is there."""
    maps = [
        m
        for ref in sorted({r.template for r in records})
        if (m := versions.get((ref, template.ref)))
    ]
    if not maps:
        return None
    nearest = maps[-1]
    links = {link.new.id: link for link in nearest.links if link.new is not None}
    rows: list[VersionRow] = []
    for step in template.steps:
        for question in step.questions:
            tallies = [s.question(question.id) for _, s in trend]
            rows.append(
                VersionRow(
                    question.id,
                    _note(links.get(question.id), nearest),
                    [q.tally if q else None for q in tallies],
                    (template.ref, step.id, question.id),
                )
            )
    apart = 0
    for versions_map in maps:
        old_rows = _old_rows(versions_map, trend, records, bucket)
        apart += len(old_rows)
        rows += old_rows
    rows = [r for r in rows if any(t is not None and t.total for t in r.tallies)]
    pooled = sum(link.carried for link in nearest.links)
    return VersionTrend([m.old.ref for m in maps], pooled, apart, _ordered(rows))


def _old_rows(
    versions_map: VersionMap,
    trend: Sequence[tuple[Period, Section]],
    records: Sequence[ReviewRecord],
    bucket: Callable[[ReviewRecord], Period],
) -> list[VersionRow]:
    old = versions_map.old
    buckets: dict[Period, list[ReviewRecord]] = {}
    for record in first_reviews(r for r in records if r.template == old.ref):
        buckets.setdefault(bucket(record), []).append(record)
    sections = {period: section(old, buckets.get(period, [])) for period, _ in trend}
    rows = []
    for link in versions_map.links:
        if link.carried or link.old is None:
            continue
        note = (
            f"udgået i {versions_map.new.version}"
            if link.change is Change.REMOVED
            else f"{old.version}-udgaven; ikke lagt sammen med {versions_map.new.version}"
        )
        stats = [sections[period].question(link.old.id) for period, _ in trend]
        rows.append(
            VersionRow(
                f"{link.old.id} ({old.version})",
                note,
                [s.tally if s else None for s in stats],
                (old.ref, *link.old.key),
            )
        )
    return rows


def _note(link: Link | None, versions_map: VersionMap) -> str:
    old, new = versions_map.old.version, versions_map.new.version
    if link is None or link.change is Change.ADDED:
        return f"ny i {new}"
    if link.change is Change.DECLARED:
        return f"rettet i {new}; lagt sammen med {old}"
    if link.change is Change.CHANGED:
        return f"ændret i {new}; ikke lagt sammen med {old}"
    return ""


def _ordered(rows: list[VersionRow]) -> list[VersionRow]:
    """An old question's row right after the new question with the same id."""
    result: list[VersionRow] = []
    old = [r for r in rows if " (" in r.id]
    for row in rows:
        if " (" in row.id:
            continue
        result.append(row)
        result += [o for o in old if o.id.split(" (")[0] == row.id]
    placed = {id(r) for r in result}
    return result + [o for o in old if id(o) not in placed]

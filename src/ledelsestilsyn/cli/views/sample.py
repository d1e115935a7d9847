"""The drawn sample as rich tables: the cases, then counts per stratum, caseworker and team."""

from __future__ import annotations

from collections import Counter

from rich.table import Table

from ledelsestilsyn.cli.console import console
from ledelsestilsyn.models.manifest import Manifest


def show_sample(manifest: Manifest) -> None:
    out = console(keep=manifest.own_numbers())
    cases = Table(title=f"Stikprøve: {manifest.series} {manifest.period} (seed {manifest.seed})")
    for column in ("sag", "rådgiver", "team", "stratum", "filer"):
        cases.add_column(column)
    for case in manifest.cases:
        cases.add_row(
            case.id,
            case.caseworker or "",
            case.team or "",
            case.stratum or "",
            str(len(case.files)),
        )
    out.print(cases)
    population = Table(title="Population")
    population.add_column("trin")
    population.add_column("antal", justify="right")
    for step in manifest.population:
        population.add_row(step.step, str(step.count))
    out.print(population)
    if manifest.quotas:
        quotas = Table(title="Kvoter")
        for column in ("stratum", "kvote", "mulige", "opnået", "bemærkning"):
            quotas.add_column(
                column, justify="left" if column in ("stratum", "bemærkning") else "right"
            )
        for q in manifest.quotas:
            quotas.add_row(q.stratum, str(q.quota), str(q.eligible), str(q.achieved), q.note or "")
        out.print(quotas)
    for title, counts in (  # a case without a name in the export: "(uoplyst)", not a blank
        ("Pr. rådgiver", Counter(c.caseworker or "(uoplyst)" for c in manifest.cases)),
        ("Pr. team", Counter(c.team or "(uoplyst)" for c in manifest.cases)),
    ):
        table = Table(title=title)
        table.add_column("navn")
        table.add_column("sager", justify="right")
        for name, count in sorted(counts.items()):
            table.add_row(name, str(count))
        out.print(table)

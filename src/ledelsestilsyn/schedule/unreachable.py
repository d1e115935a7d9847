"""Who a reminder mail goes to, and who it cannot reach (`påmind --mail`).

A reviewer is matched by name as påmind matches names elsewhere (core/names): `Bæk, Jakob`
in a series' bedømmere, `jakob bæk` in gennemført_af and `"Jakob Bæk": …` under påmindelse:
bedømmere are one person, and so is `Afdelingsleder Jakob Bæk` (`one_person`). R018 names a
person with something due and no address; R019 a round's unassigned reviews that no reviewer
with an address would get."""

from __future__ import annotations

from ledelsestilsyn.core.diagnostics import Diagnostic, warning
from ledelsestilsyn.core.names import one_person
from ledelsestilsyn.core.words import count
from ledelsestilsyn.schedule.mail_settings import MailSettings
from ledelsestilsyn.schedule.plan import Item, Plan, Status


def unreachable(
    status: Status, settings: MailSettings, plan: Plan, concept: str
) -> list[Diagnostic]:
    """A warning per person with a review of their own or an overdue correction to follow up
    and no address under påmindelse: bedømmere: no mail reaches them (the consultants'
    overview still lists it); and one per round whose unassigned reviews go to nobody."""
    owners = {i.reviewer for i in status.items if i.kind == "gennemgang" and i.reviewer}
    owners |= {c.leader(settings.leaders) for c in status.corrections}
    missing = sorted(n for n in owners if n and not _address(n, settings))
    return [*_nobodys(status, settings, plan, concept), *_no_address(missing, concept)]


def _address(name: str, settings: MailSettings) -> bool:
    """Whether `name` has an address under påmindelse: bedømmere, spelled there in either
    order and any case (`Bæk, Jakob` in the series is `"Jakob Bæk": …`)."""
    return any(one_person(name, known) for known in settings.reviewers)


def _nobodys(status: Status, settings: MailSettings, plan: Plan, concept: str) -> list[Diagnostic]:
    """R019: a round's reviews without a reviewer (gennemført_af empty) in a series none of
    whose bedømmere has an address: they are in no reviewer's mail."""
    series_reviewers = {s.name: s.reviewers for s in plan.series}
    found = []
    for item in status.items:
        if item.kind != "gennemgang" or item.reviewer:
            continue
        reviewers = series_reviewers.get(item.round.series, ())
        if any(_address(r, settings) for r in reviewers):
            continue
        listed = ", ".join(reviewers)
        why = (
            f"ingen af seriens bedømmere ({listed}) har en adresse under påmindelse: bedømmere"
            if reviewers
            else f"serien '{item.round.series}' har ingen bedømmere i konceptet"
        )
        folder = f"{item.round.period.label}-{item.round.series}"
        found.append(
            warning(
                concept,
                "R019",
                f"{count(len(item.cases), 'gennemgang', 'gennemgange')} i {folder} "
                f"er ikke fordelt (gennemført_af er tom), og {why}, så ingen får mail om dem "
                f"(de står i konsulentens oversigt): {', '.join(item.cases)}.",
                hint="skriv bedømmerens navn i gennemført_af i hver fil, eller seriens "
                "bedømmere med adresser under påmindelse: bedømmere.",
            )
        )
    return found


def _no_address(missing: list[str], concept: str) -> list[Diagnostic]:
    return [
        warning(
            concept,
            "R018",
            f"{name} har noget forfaldent, men ingen adresse under påmindelse: bedømmere, så "
            "der går ingen mail (det står i konsulentens oversigt).",
            hint=f'skriv fx "{name}": "navn@kommune.dk" under påmindelse: bedømmere.',
        )
        for name in missing
    ]


def concerns(item: Item, name: str, series_reviewers: dict[str, tuple[str, ...]]) -> bool:
    """Is this open review the reviewer's own, or unassigned in a series they review?"""
    if item.kind != "gennemgang":
        return False
    if item.reviewer:
        return one_person(item.reviewer, name)
    return any(one_person(name, r) for r in series_reviewers.get(item.round.series, ()))

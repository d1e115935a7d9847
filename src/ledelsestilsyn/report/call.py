"""Whether a call of `tilsyn rapport` can be answered, before anything is read.

A report for the committee or the department is of every review in the workspace, for the
kinds of period the concept gives them, and never per caseworker: each other call could
give a hidden count away beside the reports they get.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ledelsestilsyn.core.diagnostics import Argument, ErrorKind, TilsynError, fail
from ledelsestilsyn.core.periods import Kind, Period, period_of
from ledelsestilsyn.core.quote import quote_unknown
from ledelsestilsyn.core.words import listing
from ledelsestilsyn.models.located import meant_name
from ledelsestilsyn.report.decision import AGGREGATE
from ledelsestilsyn.report.disclosure import audience_name
from ledelsestilsyn.workspace.open import Workspace


@dataclass(frozen=True)
class Request:
    paths: Sequence[Path] | None
    period: str | None
    series: str | None
    audience: str = "leder"
    caseworkers: bool = False
    fmt: str = "html"


def check_call(workspace: Workspace, request: Request) -> None:
    if request.caseworkers and request.audience in AGGREGATE:
        raise fail(
            Argument.CASEWORKERS,
            "L003",
            "tal pr. rådgiver er feedback til ledelsen og kan ikke komme med i "
            f"{'udvalgets' if request.audience == 'udvalg' else 'afdelingens'} rapport.",
            hint="lad tallene pr. rådgiver være, eller vælg modtageren leder.",
            kind=ErrorKind.USAGE,
        )
    if request.audience in AGGREGATE and (request.series is not None or request.paths):
        raise _part_for_aggregate(request)
    names = list(workspace.concept.series)
    if request.series is not None and request.series not in names:
        guess = meant_name(request.series, names)
        known = f"tilsyn: {', '.join(names)}."
        hint = f"mente du '{guess}'? Kendte {known}" if guess else f"kendte {known}"
        raise fail(
            Argument.SERIES,
            "L004",
            f"tilsynet {quote_unknown(request.series, names, suggested=guess)} findes ikke i "
            "konceptet.",
            hint=hint,
            kind=ErrorKind.USAGE,
        )


def _part_for_aggregate(request: Request) -> TilsynError:
    """L017: the committee's and the department's reports are of every review in the workspace.
    A report of one series or of some files is decided with other such reports, not with the
    full ones, so beside the full report it gave a hidden count away by subtraction (the full
    month's drawn cases less one series' is the other series')."""
    reader = "udvalgets" if request.audience == "udvalg" else "afdelingens"
    what = "ét tilsyn" if request.series is not None else "nogle af gennemgangsfilerne"
    return fail(
        Argument.SERIES if request.series is not None else Argument.RECIPIENT,
        "L017",
        f"{reader} rapport omfatter alle tilsyn og alle gennemgange; en rapport for {what} "
        "kunne sammen med den fulde afsløre et skjult tal ved at trække den ene fra den anden.",
        hint="lav rapporten for alle tilsyn og alle gennemgange (den fulde rapport har en "
        "række pr. tilsyn), eller vælg modtageren leder.",
        kind=ErrorKind.USAGE,
    )


_KINDS = {"måned": "måneder", "kvartal": "kvartaler", "halvår": "halvår", "år": "år"}
_ONE = {"måned": "en måned", "kvartal": "et kvartal", "halvår": "et halvår", "år": "et år"}


def check_kind(period: Period, audience: str, kinds: Sequence[Kind] | None) -> None:
    """A committee that gets the quarters' reports must not also get a month's: together
    they could give a small number away, so the concept names the kinds it gets."""
    if kinds is None or period.kind in kinds:
        return
    other = period_of(kinds[0], period.start.year, period.start.month)
    raise fail(
        Argument.PERIOD,
        "L014",
        f"{audience_name(audience)} får rapporter for {listing([_KINDS[k] for k in kinds])} "
        "(konceptets rapport.udvalgets_perioder), ikke for "
        f"{_ONE.get(period.kind, 'en datoperiode')}: "
        "sammen med de andre kunne den afsløre et lille tal.",
        hint=f"vælg fx perioden {other.label}, eller tilføj {period.kind} under "
        "rapport.udvalgets_perioder (så skjuler de længere perioders rapporter mere)."
        if period.kind in _KINDS
        else f"vælg fx perioden {other.label}.",
        kind=ErrorKind.USAGE,
    )

"""A017: a series' reviewer whom no address under `påmindelse: bedømmere` names (probe BK: a
name spelt otherwise there, `Jakob Bækk`, passed `tjek`, and `påmind --mail` said so only
when something was due, R018). Names match as `påmind` matches them (`core.names.one_person`:
`Afdelingsleder Jakob Bæk` and `"Jakob Bæk": …` are one person)."""

from __future__ import annotations

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity
from ledelsestilsyn.core.names import one_person
from ledelsestilsyn.io.document import YamlDocument
from ledelsestilsyn.models.concept import Concept
from ledelsestilsyn.models.located import did_you_mean


def reviewer_address_warnings(concept: Concept, doc: YamlDocument) -> list[Diagnostic]:
    """A warning at each series' reviewer without an address, once addresses are given at all
    (without them `påmind` writes to the screen, and no one is missing)."""
    addresses = list(concept.reminders.reviewers)
    if not addresses:
        return []
    found = []
    for series, spec in concept.series.items():
        for n, reviewer in enumerate(spec.reviewers):
            if any(one_person(reviewer, known) for known in addresses):
                continue
            guess = did_you_mean(reviewer, addresses)
            found.append(
                doc.diagnostic(
                    ("tilsyn", series, "bedømmere", n),
                    "A017",
                    f"bedømmeren '{reviewer}' har ingen adresse under påmindelse: bedømmere, så "
                    "påmindelser om vedkommendes gennemgange når ikke frem.",
                    hint=f"mente du '{guess}'? Skriv navnet ens begge steder."
                    if guess
                    else "giv bedømmeren en adresse under påmindelse: bedømmere.",
                    severity=Severity.WARNING,
                )
            )
    return found

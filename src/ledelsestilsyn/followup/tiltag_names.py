"""O038: a tiltag's title, description or conclusion that seems to name someone the workspace
does not know (a probe: `mor oksana shevchenko` in a title reached the committee's report and
the calendar, and no command warned). Every output shows such a name as `[navn]`, but
`tiltag.yaml` itself is shared, so the leaders are told, as `valider` tells them (G068)."""

from __future__ import annotations

from collections.abc import Sequence

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity
from ledelsestilsyn.core.names import as_read
from ledelsestilsyn.core.unknown_names import initials_of, likely_names
from ledelsestilsyn.io.document import YamlDocument
from ledelsestilsyn.models.tiltag import Tiltag
from ledelsestilsyn.sampling.sources import manifests
from ledelsestilsyn.workspace.open import Workspace
from ledelsestilsyn.workspace.people import concept_names

_FIELDS = (("titel", "title"), ("beskrivelse", "description"), ("konklusion", "conclusion"))


def name_warnings(
    workspace: Workspace, doc: YamlDocument, tiltag: Sequence[Tiltag]
) -> list[Diagnostic]:
    """O038 at each text of `tiltag` with a name the workspace does not know (a colleague's,
    a team's, the municipality's it does); the workspace's names are read only when a text
    has a name at all."""
    texts = [
        (n, key, as_read(text))
        for n, t in enumerate(tiltag)
        for key, attribute in _FIELDS
        if (text := getattr(t, attribute))
    ]
    suspect = [(n, key, text) for n, key, text in texts if likely_names(text)]
    if not suspect:
        return []
    known = _known(workspace, tiltag)
    warnings = []
    for n, key, text in suspect:
        spans = likely_names(text, known)
        if spans:
            initials = ", ".join(dict.fromkeys(initials_of(text[a:b]) for a, b in spans))
            warnings.append(
                doc.diagnostic(
                    ("tiltag", n, key),
                    "O038",
                    f"teksten ser ud til at nævne nogen ved navn ({initials}); rapporter, breve "
                    "og kalender viser et navn, arbejdsmappen ikke kender, som [navn].",
                    hint="skriv 'barnet', 'moren', 'familien' i stedet: tiltag.yaml deles, og "
                    "udvalget ser tiltagenes titler.",
                    severity=Severity.WARNING,
                )
            )
    return warnings


def _known(workspace: Workspace, tiltag: Sequence[Tiltag]) -> list[str]:
    """The concept's people, the tiltag's responsible, the samples' caseworkers and teams,
    and the municipality: the names a tiltag's text may give."""
    names = concept_names(workspace.concept) | {t.responsible for t in tiltag if t.responsible}
    for _, manifest in manifests(workspace):
        names |= {c.caseworker for c in manifest.cases if c.caseworker}
        names |= {c.team for c in manifest.cases if c.team}
    return sorted(names | {workspace.concept.municipality})

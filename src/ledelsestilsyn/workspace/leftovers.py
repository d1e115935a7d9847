"""What `tilsyn init` left for the municipality to fill in, found by `tjek`.

The presets mark every value to adapt with a `# RET:` comment, and the
municipality's name with a placeholder that would otherwise stand at the top
of every report. Both are warnings (the concept works), each at its line:
fix the value, then delete the marker. The comment's own text is never
quoted (someone may have written a name there).
"""

from __future__ import annotations

import re

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity
from ledelsestilsyn.io.document import YamlDocument

PLACEHOLDER_MUNICIPALITY = "Kommunens navn"
"""`kommune:` in every preset (a test keeps them the same)."""

# A marker starts a comment or a sentence in it; `"RET:"` in quotes is the
# presets' instruction about the markers, not a marker itself.
_MARKER = re.compile(r'#[^\n]*?(?<!")(?P<marker>RET:)(?!")')


def leftovers(doc: YamlDocument, municipality: str, text: str) -> list[Diagnostic]:
    """A010 for the placeholder municipality, A011 for each `RET:` marker left."""
    found: list[Diagnostic] = []
    if municipality.strip() == PLACEHOLDER_MUNICIPALITY:
        found.append(
            doc.diagnostic(
                ("kommune",),
                "A010",
                f"'kommune' er stadig forlæggets '{PLACEHOLDER_MUNICIPALITY}'; det står "
                "øverst i alle rapporter og påmindelser.",
                hint="skriv jeres kommunes navn.",
                severity=Severity.WARNING,
            )
        )
    for number, line in enumerate(text.splitlines(), 1):
        marker = _MARKER.search(line)
        if marker:
            found.append(
                Diagnostic(
                    doc.file,
                    number,
                    marker.start("marker") + 1,
                    "A011",
                    "linjen er markeret med 'RET:' fra forlægget: værdien under den er ikke "
                    "tilpasset jer endnu.",
                    "ret værdien til jeres forhold, og slet markeringen bagefter.",
                    Severity.WARNING,
                )
            )
    return found

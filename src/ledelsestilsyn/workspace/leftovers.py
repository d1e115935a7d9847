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
    """A010 for the placeholder municipality, A011 for each other `RET:` marker left."""
    found: list[Diagnostic] = []
    placeholder = municipality.strip() == PLACEHOLDER_MUNICIPALITY
    if placeholder:
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
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        marker = _MARKER.search(line)
        key = marked_key(lines, number - 1) if marker else ""
        if marker and not (placeholder and key == "'kommune'"):  # A010 says it already
            what = f"{key} er" if key else "værdien under linjen er"
            found.append(
                Diagnostic(
                    doc.file,
                    number,
                    marker.start("marker") + 1,
                    "A011",
                    f"{what} markeret med 'RET:' fra forlægget og ikke tilpasset jer endnu.",
                    "ret værdien, og slet markeringen bagefter.",
                    Severity.WARNING,
                )
            )
    return found


_KEY = re.compile(r"^(?P<indent>\s*)(?:-\s+)?(?P<key>[^#:\s][^#:]*?)\s*:(?:\s|$)")
_PLAIN = re.compile(r"[a-zæøå][\w-]*")
"""A key of the concept's own (`antal`, `månedligt-overordnet`); a quoted key such as
`"Anna Holm":` may be a person's name and is not quoted back."""
_COMMENTED_KEY = re.compile(r"^\s*#\s+(?P<key>[a-zæøå][\w-]*):(?:\s|$)")
"""A key written out in a comment (`#   udvælgelse:`); prose such as `# Her 6 enheder:`
or `# Baseline: …` starts with a capital or has spaces, as no key in a concept does."""


def marked_key(lines: list[str], index: int) -> str:
    """The key a `RET:` marker on `lines[index]` is about, as the user would name it
    ('antal' (under 'månedligt-overordnet')), or "" when that is not clear.

    A marker after a value is about that line's key; a marker in a comment block is
    about a commented-out key later in the block, else the key right after the block.
    """
    code = lines[index].split("#", 1)[0]
    if code.strip():
        return _named(lines, index)
    after = index + 1
    while after < len(lines) and lines[after].lstrip().startswith("#"):
        commented = _COMMENTED_KEY.match(lines[after])
        if commented:
            return f"den udkommenterede '{commented['key']}'"
        after += 1
    return _named(lines, after) if after < len(lines) else ""


def _named(lines: list[str], index: int) -> str:
    found = _KEY.match(lines[index])
    if not found or not _PLAIN.fullmatch(found["key"]):
        return ""
    indent = len(found["indent"])
    for above in reversed(lines[:index]):
        parent = _KEY.match(above)
        if parent and len(parent["indent"]) < indent and not above.lstrip().startswith("-"):
            if _PLAIN.fullmatch(parent["key"]):
                return f"'{found['key']}' (under '{parent['key']}')"
            break
    return f"'{found['key']}'"

"""What `tilsyn init` left for the municipality to fill in, found by `tjek`.

The presets mark every value to adapt with a `# RET:` comment, and the
municipality's name with a placeholder that would otherwise stand at the top
of every report. Both are warnings (the concept works), each at its line.
A marker is done with once its value differs from the value in every preset
(the user has adapted it, whether or not the comment is deleted); a value
left as the preset has it is warned about until it is changed or the `RET:`
is deleted. The comment's own text is never quoted (someone may have written
a name there).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

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
        # From the line's first `#` only: searched from every one, a line of 64,000 took 47 s.
        marker = _MARKER.match(line, line.find("#")) if "#" in line else None
        if marker is None:
            continue
        key = marked_key(lines, number - 1)
        if key == "'kommune'" and placeholder:  # A010 says it already
            continue
        target = _target(lines, number - 1)
        path = _path(lines, target) if target is not None else None
        value = _at(doc.data, path) if path is not None else _MISSING
        if value is not _MISSING and value not in _preset_values(path or ()):
            continue  # adapted: the marker has done its work
        what = f"{key} er" if key else "værdien under linjen er"
        hint = (
            "ret værdien; når den er ændret, forsvinder advarslen. Er forlæggets værdi "
            f"den rigtige for jer, så slet 'RET:' på linje {number}."
            if value is not _MISSING
            else f"ret det, og slet så 'RET:' på linje {number}."
        )
        found.append(
            Diagnostic(
                doc.file,
                number,
                marker.start("marker") + 1,
                "A011",
                f"{what} markeret med 'RET:' fra forlægget og står, som forlægget har det.",
                hint,
                Severity.WARNING,
            )
        )
    return found


_MISSING = object()
"""No value to compare: the marker is about a commented-out key or a list item."""


def _at(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return _MISSING
        data = data[key]
    return data


@cache
def _preset_data() -> tuple[Any, ...]:
    """Every preset's concept as the YAML reader reads it (values as text)."""
    from ledelsestilsyn.io.yaml import parse_text
    from ledelsestilsyn.workspace.init import preset_text, presets

    return tuple(parse_text(preset_text(name), f"{name}.yaml").data for name in presets())


def _preset_values(path: tuple[str, ...]) -> list[Any]:
    return [v for data in _preset_data() if (v := _at(data, path)) is not _MISSING]


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
    after = index + 1
    while not lines[index].split("#", 1)[0].strip() and after < len(lines):
        if not lines[after].lstrip().startswith("#"):
            break
        commented = _COMMENTED_KEY.match(lines[after])
        if commented:
            return f"den udkommenterede '{commented['key']}'"
        after += 1
    target = _target(lines, index)
    return _named(lines, target) if target is not None else ""


def _target(lines: list[str], index: int) -> int | None:
    """The line of the key a marker on `lines[index]` is about: its own line, or the first
    line after its comment block (None after a commented-out key or at the end)."""
    if lines[index].split("#", 1)[0].strip():
        return index
    after = index + 1
    while after < len(lines) and lines[after].lstrip().startswith("#"):
        if _COMMENTED_KEY.match(lines[after]):
            return None
        after += 1
    return after if after < len(lines) else None


def _path(lines: list[str], index: int) -> tuple[str, ...] | None:
    """The keys from the top down to the key on `lines[index]` (None inside a list or
    where a line is not a plain key)."""
    found = _KEY.match(lines[index])
    if not found or lines[index].lstrip().startswith("-"):
        return None
    path = [found["key"].strip("'\"")]
    indent = len(found["indent"])
    for above in reversed(lines[:index]):
        parent = _KEY.match(above)
        if parent is None or len(parent["indent"]) >= indent or not above.strip():
            continue
        if above.lstrip().startswith("-"):
            return None
        path.insert(0, parent["key"].strip("'\""))
        indent = len(parent["indent"])
        if indent == 0:
            break
    return tuple(path) if indent == 0 else None


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

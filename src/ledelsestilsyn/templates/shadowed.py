"""T022: a local template with a built-in one's id and version, and other content (a probe:
it replaced the built-in silently, and reviews answered under the built-in wording were
reported under the new one; `tjek` said nothing)."""

from __future__ import annotations

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity
from ledelsestilsyn.templates.catalog import Catalog


def shadow_warnings(catalog: Catalog) -> list[Diagnostic]:
    """A warning at each local template that is used instead of a built-in one."""
    return [
        Diagnostic(
            local,
            None,
            None,
            "T022",
            f"skabelonen har samme id og version som den indbyggede {ident}@{version}, men et "
            "andet indhold; den lokale bruges, også for gennemgange besvaret under den "
            "indbyggedes ordlyd.",
            'giv den lokale skabelon en ny version (fx version: "2026.1") og flyt '
            "gennemgangene med 'tilsyn migrer', eller slet den lokale.",
            Severity.WARNING,
        )
        for (ident, version), local in sorted(catalog.shadowed.items())
    ]

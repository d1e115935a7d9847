"""A paragraph in the concept written with a stk. or a nr. (`52 stk. 3`): read as the whole
paragraph, without a word (found by probe X: `paragraffer: ["52 stk. 3"]` drew every § 52
decision). A case is drawn by its decision's paragraph; `tjek` says so (K019)."""

from __future__ import annotations

import re

from ledelsestilsyn.core.cpr import mask_cpr
from ledelsestilsyn.core.diagnostics import Diagnostic, Severity
from ledelsestilsyn.core.quote import quote
from ledelsestilsyn.export.values import normalise_paragraph
from ledelsestilsyn.io.document import Path_, YamlDocument
from ledelsestilsyn.models.concept import Concept

_DETAIL = re.compile(r"\b(?:stk|nr|litra)\b|,", re.IGNORECASE)


def _shown(written: str) -> str:
    """The reference as written, when it is short: a paragraph's words, not free text."""
    text = " ".join(mask_cpr(written).split())
    return f"'{text}'" if len(text) <= _SHORT else quote(text)


_SHORT = 30


def paragraph_details(concept: Concept, doc: YamlDocument) -> list[Diagnostic]:
    """K019, a warning at each paragraph written with more than the paragraph."""
    lists: list[tuple[Path_, list[str]]] = [
        (("udvælgelse", "paragraffer"), concept.eligibility.paragraphs)
    ]
    for name, series in concept.series.items():
        own = series.eligibility.paragraphs
        if own is not None:
            lists.append((("tilsyn", name, "udvælgelse", "paragraffer"), own))
    found = []
    for path, paragraphs in lists:
        for i, written in enumerate(paragraphs):
            paragraph = normalise_paragraph(written)
            if paragraph is None or not _DETAIL.search(written):
                continue
            found.append(
                doc.diagnostic(
                    (*path, i),
                    "K019",
                    f"{_shown(written)} læses som § {paragraph}: en sag trækkes efter sin "
                    "afgørelses paragraf, ikke efter stk. eller nr.",
                    hint=f"skriv '{paragraph}'; skal kun nogle afgørelser efter § {paragraph} "
                    "med, så vælg dem med 'filtre' på en kolonne i eksporten, der siger det.",
                    severity=Severity.WARNING,
                )
            )
    return found

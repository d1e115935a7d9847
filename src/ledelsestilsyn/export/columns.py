"""The export's header: where each mapped column is, or why it cannot be found."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ledelsestilsyn.core.diagnostics import Diagnostic, TilsynError
from ledelsestilsyn.export.encoding import clean_name, show_delimiter
from ledelsestilsyn.models.concept import ExportSpec

OWN_COLUMNS = ("sag", "rådgiver", "team", "paragraf", "afgørelsesdato", "cpr")


@dataclass(frozen=True)
class Layout:
    """Column positions of the mapped columns; `extras` are the concept's further columns."""

    key: int
    caseworker: int
    team: int | None
    paragraph: int
    decided: int
    extras: tuple[tuple[str, int], ...]
    width: int


def find_layout(
    names: list[str], spec: ExportSpec, display: str, line: int, other: str | None
) -> Layout:
    """The layout of a header row; every missing or repeated column is reported at once.

    `other` is a delimiter that would fit the header better than the chosen one.
    """
    cleaned = [clean_name(n) for n in names]
    folded = [n.casefold() for n in cleaned]
    index: dict[str, int] = {}
    problems: list[Diagnostic] = []
    for tool, header in spec.columns.items():
        if tool == "cpr":
            continue
        want = clean_name(header).casefold()
        hits = [i for i, n in enumerate(folded) if n == want]
        if len(hits) > 1:
            problems.append(
                Diagnostic(
                    display,
                    line,
                    hits[1] + 1,
                    "E004",
                    f"kolonnen '{header}' ({tool}) står {len(hits)} gange i overskriften.",
                    "giv kolonnerne forskellige navne i eksporten.",
                )
            )
        elif not hits:
            problems.append(_missing(display, line, tool, header, cleaned, other))
        else:
            index[tool] = hits[0]
    if problems:
        raise TilsynError(problems)
    extras = tuple((t, i) for t, i in index.items() if t not in OWN_COLUMNS)
    return Layout(
        index["sag"],
        index["rådgiver"],
        index.get("team"),
        index["paragraf"],
        index["afgørelsesdato"],
        extras,
        max(index.values()) + 1,
    )


def _missing(
    display: str, line: int, tool: str, header: str, names: list[str], other: str | None
) -> Diagnostic:
    close = difflib.get_close_matches(header, names, n=1, cutoff=0.5)
    shown = ", ".join(f"'{n}'" for n in names[:30]) or "ingen"
    hint = f"mente du '{close[0]}'? " if close else ""
    if other:
        shown_other = show_delimiter(other)
        hint += (
            f"filen ser ud til at bruge '{shown_other}' som skilletegn; angiv det ved "
            "kørslen eller under eksport: skilletegn. "
        )
    hint += "ret eksport.kolonner i koncept.yaml."
    return Diagnostic(
        display,
        line,
        None,
        "E003",
        f"kolonnen '{header}' ({tool}) findes ikke i eksporten; filen har: {shown}.",
        hint,
    )

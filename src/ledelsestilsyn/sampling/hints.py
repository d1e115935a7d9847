"""Why a quota came up short, in words a consultant can act on.

A quota whose `hvor` names a value no case has (a typo, or a team renamed in
the case system) used to say only "kun 0 mulige sager". Here the values that
match nothing are named, with the nearest value the column does hold and the
values it has, so the concept can be corrected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol

from ledelsestilsyn.core.cpr import find_cpr
from ledelsestilsyn.core.names import as_read
from ledelsestilsyn.core.unknown_names import likely_names
from ledelsestilsyn.models.located import did_you_mean

MAX_VALUES = 10


def unmatched(
    values_of: Callable[[str], Iterable[str]],
    where: Mapping[str, Sequence[str]],
    normalise: Callable[[str], str],
    noun: str = "sager",
    among: str | None = None,
    known: Callable[[str], Iterable[str]] | None = None,
) -> str | None:
    """`ingen sager har team 'X' (mente du 'Y'?); kolonnen team har: …`, or None.

    `values_of(column)` gives the column's values in the cases the quota drew
    from. Only values that match no case at all are named; `noun` says what was
    searched (cases, or an export's rows); `among`, what the values were taken from, when
    that is not the whole column ("de mulige sager": after filters and quarantine);
    `known(column)`, the column's values in the wider population (a level's other units): a
    value found there is real, only absent here, so no near value is suggested for it.
    """
    parts = []
    for column, wanted in where.items():
        present: dict[str, str] = {}
        for value in values_of(column):
            text = " ".join(value.split())
            if text and _shown(text, wanted):
                present.setdefault(normalise(text), text)
        missing = [w for w in wanted if normalise(w) not in present]
        if not missing:
            continue
        shown = sorted(present.values())
        real = {normalise(v) for v in known(column)} if known else set()
        for value in missing:
            guess = None if normalise(value) in real else did_you_mean(value, shown)
            hint = f" (mente du '{guess}'?)" if guess else ""
            parts.append(f"ingen {noun} har {column} '{value}'{hint}")
        values = _listed_values(shown)
        if not shown:
            parts.append(
                f"{among} har ingen værdi i kolonnen {column}"
                if among
                else f"kolonnen {column} er tom"
            )
        elif among:
            parts.append(f"{among} har i kolonnen {column}: {values}")
        else:
            parts.append(f"kolonnen {column} har: {values}")
    return "; ".join(parts) or None


def _shown(text: str, wanted: Sequence[str]) -> bool:
    """Whether a column's value may be named: never one that holds a CPR-like number or
    seems to name someone (`vold – Emil Karimi`; a probe), from any case of the export."""
    return not find_cpr(text) and not likely_names(as_read(text), wanted)


def _listed_values(shown: list[str]) -> str:
    """At most `MAX_VALUES` values, and how many more."""
    listed = ", ".join(shown[:MAX_VALUES])
    more = len(shown) - MAX_VALUES
    return listed + (f" og {more} flere" if more > 0 else "")


class Valued(Protocol):
    def value(self, column: str) -> str: ...


def quota_short(
    where: Mapping[str, Sequence[str]],
    pool: Sequence[Valued],
    everyone: Sequence[Valued],
    normalise: Callable[[str], str],
) -> str | None:
    """`unmatched` for a quota drawn from `pool` (its unit's possible cases): a value that
    another unit of a level has (`everyone`) is real, so it gets no 'mente du'."""
    return unmatched(
        lambda column: (c.value(column) for c in pool),
        where,
        normalise,
        noun="af de mulige sager",
        among="de mulige sager",
        known=lambda column: (c.value(column) for c in everyone),
    )

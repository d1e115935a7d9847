"""Random workspaces over several periods, for the committee's disclosure tests.

Monthly rounds of overordnet@2024.1 (underretning in focus) from August to December
2026, each with few cases spread over three teams; a round of tematiseret@2024.1 in
November with few cases (often too few for the committee to see the template); and a
tiltag on underretning decided at some date, before and after which the rounds fall,
sometimes with a level (`mål: niveau`). Answers are picked by bits of a pattern per
case, so that small counts (a single `nej`) come up often.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st
from report_data import TEAMS, themed, write_round

from ledelsestilsyn.templates.catalog import Catalog

MONTHS = ("2026-08", "2026-09", "2026-10", "2026-11", "2026-12")
DAY = "2027-01-05"
"""The report's date: after every round."""
OVERORDNET = ("ja", "nej", "ikke relevant")
TEMATISERET = ("høj grad", "nogen grad", "lav grad", "ikke relevant")
PATTERNS = (0, 0, 0, 1, 0b10, 0b1001, 0b110, 0b100000, 0b10101010, 0b11111111)
DECIDED = ("2026-09-01", "2026-10-15", "2026-11-01", "2026-12-01")
PERIODS = ("2026-11", "2026-K4", "2026-10-01..2026-12-31")


@dataclass(frozen=True)
class Workspace:
    """What a random workspace holds: per month the patterns of its cases' answers."""

    rounds: tuple[tuple[int, ...], ...]
    """One tuple of answer patterns per month of `MONTHS` (case i is team i mod 3's)."""
    themed: tuple[int, ...] = ()
    """The November round of tematiseret@2024.1."""
    decided: str = "2026-11-01"
    level: str | None = None
    """The tiltag's `mål: niveau`, or none."""


def _answer(patterns: tuple[int, ...], values: tuple[str, ...]):  # type: ignore[no-untyped-def]
    def answer(case: int, question: int) -> tuple[str, str]:
        bits = patterns[case] >> (question % 8)
        value = values[0] if not bits & 1 else values[1 + (bits >> 1 & 1) % (len(values) - 1)]
        note = "Mangler." if value in ("nej", "lav grad") else ""
        return value, note

    return answer


def tiltag_yaml(space: Workspace) -> str:
    level = f'\n      niveau: "{space.level}"' if space.level else ""
    return (
        "tiltag:\n"
        '  - id: "vurdering"\n'
        '    titel: "Hurtig vurdering af underretninger"\n'
        f'    besluttet: "{space.decided}"\n'
        '    status: "i gang"\n'
        "    mål:\n"
        "      spørgsmål: [underretning-1]\n"
        f"      sagsskridt: [underretning]{level}\n"
    )


def write(root: Path, space: Workspace) -> None:
    """`space` into an existing `tilsyn init --forlæg sbst` folder."""
    catalog = Catalog.load(root)
    for month, patterns in zip(MONTHS, space.rounds, strict=True):
        if not patterns:
            continue
        write_round(
            root,
            catalog,
            series="månedligt-overordnet",
            ref="overordnet@2024.1",
            period=month,
            focus=["underretning"],
            cases=len(patterns),
            answer=_answer(patterns, OVERORDNET),
            day=f"{month}-20",
            teams=TEAMS,
        )
    if space.themed:
        themed(root, len(space.themed), _answer(space.themed, TEMATISERET))
    (root / "tiltag.yaml").write_text(tiltag_yaml(space), encoding="utf-8")


def workspaces() -> st.SearchStrategy[Workspace]:
    patterns = st.sampled_from(PATTERNS)
    month = st.lists(patterns, min_size=0, max_size=9).map(tuple)
    return st.builds(
        Workspace,
        rounds=st.tuples(*(month for _ in MONTHS)),
        themed=st.lists(patterns, max_size=6).map(tuple),
        decided=st.sampled_from(DECIDED),
        level=st.sampled_from([None, "0.9", "0.75"]),
    )


def from_seed(seed: int) -> tuple[Workspace, str]:
    """A workspace and a report period picked by `seed` (to search many quickly)."""
    pick = random.Random(seed)

    def patterns(most: int) -> tuple[int, ...]:
        return tuple(pick.choice(PATTERNS) for _ in range(pick.randint(0, most)))

    space = Workspace(
        tuple(patterns(9) for _ in MONTHS),
        patterns(6),
        pick.choice(DECIDED),
        pick.choice([None, "0.9", "0.75"]),
    )
    return space, pick.choice(PERIODS)

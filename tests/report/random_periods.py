"""Random workspaces over several periods, for the committee's disclosure tests.

Monthly rounds of overordnet@2024.1 (underretning in focus) from August to December
2026, each with few cases spread over three teams; a round of tematiseret@2024.1 in
November with few cases (often too few for the committee to see the template); and a
tiltag on underretning decided at some date, before and after which the rounds fall,
sometimes with a level (`mål: niveau`). Answers are picked by bits of a pattern per
case, so that small counts (a single `nej`) come up often. The concept lets the department
see examples (`afdeling_eksempler: med_samtykke`), and the caseworkers given by the bits of
`consent` agree; with 9 caseworkers each team has 3, so that its shares can be shown. Some
cases have a correction (`rettelse`: done, open or overdue), so that the report has its table
of corrections, and a month's cases can stand three times over (`copies`), so that a tiltag's
verdict is shown to the committee.

Every workspace also has a number (`from_seed`): a failure names it, and
`random_periods.describe` prints the workspace as Python, to paste into a test.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from pathlib import Path

from hypothesis import strategies as st
from report_data import TEAMS, WORKERS, themed, write_round

from ledelsestilsyn.templates.catalog import Catalog

MONTHS = ("2026-08", "2026-09", "2026-10", "2026-11", "2026-12")
DAY = "2027-01-05"
"""The report's date: after every round."""
OVERORDNET = ("ja", "nej", "ikke relevant")
TEMATISERET = ("høj grad", "nogen grad", "lav grad", "ikke relevant")
PATTERNS = (0, 0, 0, 1, 0b10, 0b1001, 0b110, 0b100000, 0b10101010, 0b11111111)
DECIDED = ("2026-09-01", "2026-10-15", "2026-11-01", "2026-12-01")
PERIODS = ("2026-11", "2026-K4", "2026-10-01..2026-12-31")
STAFF = (*WORKERS, "Gitte Ravn", "Hans Vang", "Ida Skov")
"""Nine caseworkers: with `Workspace.workers` 9, case i is STAFF[i % 9]'s, 3 on each team."""


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
    consent: int = 0
    """Bit i set: caseworker i (of `STAFF`) consents to examples for the department."""
    workers: int = 6
    """How many caseworkers of `STAFF` the cases go round (6: two a team, 9: three)."""
    copies: int = 1
    """Each month's cases `copies` times over (case i has pattern i mod its round's length):
    with 3, a month has up to 27 cases, enough that a tiltag's verdict is shown to the
    committee (every round it pools has 5 cases, and 5 of each answer, on the target)."""
    corrections: int = 0
    """Bit i set: case i of each monthly round (mod 9) has a `rettelse` under its first `nej`,
    done, open or overdue on the report's day by i mod 3 (`CORRECTIONS`)."""


def _answer(patterns: tuple[int, ...], values: tuple[str, ...]):  # type: ignore[no-untyped-def]
    def answer(case: int, question: int) -> tuple[str, str]:
        bits = patterns[case % len(patterns)] >> (question % 8)
        value = values[0] if not bits & 1 else values[1 + (bits >> 1 & 1) % (len(values) - 1)]
        note = "Mangler." if value in ("nej", "lav grad") else ""
        return value, note

    return answer


def tiltag_yaml(space: Workspace) -> str:
    """Two tiltag: one on overordnet's underretning-1 and its step (with the level), one on
    the step underretning in every template that has it (overordnet and tematiseret). The
    question is in both templates, so the first says which (else O003, and no tiltag at all
    reaches the report: O015)."""
    level = f'\n      niveau: "{space.level}"' if space.level else ""
    return (
        "tiltag:\n"
        '  - id: "vurdering"\n'
        '    titel: "Hurtig vurdering af underretninger"\n'
        f'    besluttet: "{space.decided}"\n'
        '    status: "i gang"\n'
        '    skabelon: "overordnet"\n'
        "    mål:\n"
        "      spørgsmål: [underretning-1]\n"
        f"      sagsskridt: [underretning]{level}\n"
        '  - id: "skridtet"\n'
        '    titel: "Underretninger i alle tilsyn"\n'
        f'    besluttet: "{space.decided}"\n'
        '    status: "i gang"\n'
        "    mål:\n"
        "      sagsskridt: [underretning]\n"
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
            cases=len(patterns) * space.copies,
            answer=_answer(patterns, OVERORDNET),
            day=f"{month}-20",
            teams=TEAMS,
            workers=STAFF[: space.workers],
        )
    if space.themed:
        themed(root, len(space.themed) * space.copies, _answer(space.themed, TEMATISERET))
    (root / "tiltag.yaml").write_text(tiltag_yaml(space), encoding="utf-8")
    _consent(root, space)
    _corrections(root, space)


CORRECTIONS = (
    {"handling": "afgørelsen begrundes", "frist": "{month}-25", "udført": "{month}-26"},
    {"handling": "barnets plan udarbejdes", "frist": "2027-02-01"},
    {"handling": "partshøring gennemføres", "frist": "{month}-28"},
)
"""A correction done, open and overdue on the report's day (`DAY`), its deadline after the
review (the 20th of its month)."""


def _corrections(root: Path, space: Workspace) -> None:
    """A `rettelse` under the first `nej` of the cases `space.corrections` picks."""
    for path in sorted((root / "udtræk").glob("*-månedligt-overordnet/S-*.yaml")):
        case = int(path.stem.rsplit("-", 1)[1])
        lines = path.read_text(encoding="utf-8").splitlines()
        if not space.corrections >> (case % 9) & 1 or '      svar: "nej"' not in lines:
            continue
        at = lines.index('      svar: "nej"')
        month = path.parent.name[: len("2026-11")]
        fields = {k: v.format(month=month) for k, v in CORRECTIONS[case % 3].items()}
        block = ["      rettelse:"] + [f'        {k}: "{v}"' for k, v in fields.items()]
        lines[at + 2 : at + 2] = block
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _consent(root: Path, space: Workspace) -> None:
    """The concept shows examples to the department; the consenting caseworkers' reviews say so."""
    concept = root / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    allow = "formidling:\n  afdeling_eksempler: med_samtykke\n"
    concept.write_text(text.replace("formidling:\n", allow, 1), encoding="utf-8")
    agreeing = [name for i, name in enumerate(STAFF) if space.consent >> i & 1]
    for path in (root / "udtræk").glob("*/S-*.yaml"):
        body = path.read_text(encoding="utf-8")
        if any(f'rådgiver: "{name}"' in body for name in agreeing):
            path.write_text(body + "samtykke_til_eksempel: ja\n", encoding="utf-8")


def workspaces() -> st.SearchStrategy[Workspace]:
    patterns = st.sampled_from(PATTERNS)
    month = st.lists(patterns, min_size=0, max_size=9).map(tuple)
    return st.builds(
        Workspace,
        rounds=st.tuples(*(month for _ in MONTHS)),
        themed=st.lists(patterns, max_size=6).map(tuple),
        decided=st.sampled_from(DECIDED),
        level=st.sampled_from([None, "0.9", "0.75"]),
        consent=st.integers(0, 0b111111111),
        workers=st.sampled_from([6, 9]),
        copies=st.sampled_from([1, 3]),
        corrections=st.integers(0, 0b111111111),
    )


def from_seed(seed: int) -> tuple[Workspace, str]:
    """A workspace and a report period picked by `seed` (to search many quickly). What was
    added later (consent, caseworkers, copies, corrections) is picked last, so that a number
    keeps its patterns."""
    pick = random.Random(seed)

    def patterns(most: int) -> tuple[int, ...]:
        return tuple(pick.choice(PATTERNS) for _ in range(pick.randint(0, most)))

    rounds = tuple(patterns(9) for _ in MONTHS)
    space = Workspace(rounds, patterns(6), pick.choice(DECIDED), pick.choice([None, "0.9", "0.75"]))
    period = pick.choice(PERIODS)
    space = replace(space, consent=pick.randint(0, 0b111111111), workers=pick.choice([6, 9]))
    space = replace(space, copies=pick.choice([1, 3]))
    return replace(space, corrections=pick.randint(0, 0b111111111)), period


def describe(space: Workspace, period: str, seed: int | None = None) -> str:
    """How to build the failing workspace again: Python to paste into a test."""
    origin = f"from_seed({seed}) = " if seed is not None else ""
    return f"{origin}{space!r}, period={period!r}"

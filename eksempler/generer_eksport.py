"""Genererer et syntetisk sagsudtræk (CSV) som fra et sagssystem som DUBU.

Alle data er opdigtede: sagsnumre, navne og CPR-numre findes ikke. CPR-numrene
har en gyldig dato og et løbenummer, der passer til århundredet, men er ellers
tilfældige (modulus 11 bruges ikke, ligesom for numre udstedt efter 2007).

Filen ligner et rigtigt udtræk, også på de punkter, hvor et rigtigt udtræk
er besværligt:

- én række pr. afgørelse, så samme sag står på flere rækker;
- `;` som skilletegn, Windows-1252, CRLF, datoer som dd-mm-åååå;
- paragraffen skrevet på flere måder (`§ 32`, `§32`, `BL § 32, stk. 1, nr. 3`,
  `Barnets lov § 46`) og paragraffer uden for tilsynet (§ 20, § 30, § 91);
- en CPR-kolonne, som værktøjet aldrig må kopiere;
- nogle sager har skiftet sagsbehandler, så ældre rækker står med den forrige;
- fritekst med `;` og anførselstegn, så CSV-citering er nødvendig.

Eksempel (filen i eksempler/ er lavet sådan):

    python eksempler/generer_eksport.py --ud eksempler/eksport.csv

Til benchmark findes en realistisk form (`REALISTIC`, `--realistisk`): ca. 5
rækker pr. sag, ca. 30 % af rækkerne med en afgørelse efter § 32 eller § 46
(de fleste rækker i et rigtigt udtræk er andre paragraffer: § 20, § 30,
§ 91, § 95, § 103), og afgørelser over 3 år, så 12-måneders-vinduet også
sorterer fra:

    python eksempler/generer_eksport.py --realistisk --rækker 1000000 --ud stor.csv

Til forlægget "handicap" findes et udtræk fra en børnehandicapafdeling
(`HANDICAP`, `--handicap`): afgørelser efter barnets lov kapitel 8 (merudgifter
§ 86, tabt arbejdsfortjeneste § 87, ledsagelse § 89, hjælpemidler m.m. § 90,
hjemmetræning § 85, rådgivning § 81) og nogle støttende indsatser efter § 32:

    python eksempler/generer_eksport.py --handicap --ud handicap.csv

Fra Python: `write(sti, itertools.islice(iter_rows(seed, REALISTIC), 1_000_000))`.
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import os
import random
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import IO, Generic, TypeVar

import dansk_argparse  # noqa: F401  (argparse's own texts in Danish)

T = TypeVar("T")

DEFAULT_CASES = 300
DEFAULT_SEED = 2026
EXPORT_DATE = date(2026, 11, 1)
WINDOW_START = date(2025, 5, 1)  # ca. 18 måneder før udtræksdatoen
ENCODING = "cp1252"

COLUMNS: tuple[str, ...] = (
    "Sagsnr.",
    "CPR-nr.",
    "Sagsbehandler",
    "Team",
    "Paragraf",
    "Afgørelse",
    "Afgørelsesdato",
    "Sagsfase",
    "Risikoområde",
)

TEAMS: dict[str, tuple[str, ...]] = {
    "Team Nord": (
        "Mette Bøgh Sørensen",
        "Søren Kjærgaard",
        "Anne-Sofie Lærkesen",
        "Jens Østergaard",
        "Birgitte Ravn Møller",
    ),
    "Team Syd": (
        "Åse Thomsen",
        "Mads Højlund",
        "Line Skovgaard Nørgaard",
        "Peter Frølund",
        "Camilla Bjørnholt",
    ),
    "Team Vest": (
        "Signe Æbelø Hansen",
        "Ole Brøndum",
        "Hanne Kærsgaard",
        "Rasmus Møllgaard",
        "Trine Søndergaard",
    ),
    "Team Unge": (
        "Louise Ågaard",
        "Kristian Fjællegaard",
        "Maja Rønnow",
        "Nikolaj Sæbye",
    ),
    "Døgnvagten": ("Bente Løvstrøm", "Torben Græsbøll"),
}
ON_CALL_TEAM = "Døgnvagten"
ON_CALL_SHARE = 0.06

PARAGRAPH_FORMS: dict[str, tuple[str, ...]] = {
    "32": (
        "§ 32",
        "§ 32",
        "§32",
        "BL § 32, stk. 1, nr. 3",
        "BL § 32, stk. 1, nr. 7",
        "Barnets lov § 32",
    ),
    "46": ("§ 46", "§ 46", "§46", "Barnets lov § 46", "BL § 46, stk. 1"),
    "20": ("§ 20", "BL § 20, stk. 1", "Barnets lov § 20"),
    "30": ("§ 30", "§30"),
    "91": ("§ 91", "BL § 91"),
    "95": ("§ 95", "BL § 95, stk. 2", "Barnets lov § 95"),
    "103": ("§ 103", "BL § 103, stk. 2"),
    "81": ("§ 81", "BL § 81, stk. 4"),
    "85": ("§ 85", "Barnets lov § 85"),
    "86": ("§ 86", "§86", "BL § 86, stk. 1", "Barnets lov § 86"),
    "87": ("§ 87", "BL § 87, stk. 1", "Barnets lov § 87"),
    "89": ("§ 89", "BL § 89, stk. 1"),
    "90": ("§ 90", "BL § 90, nr. 4", "BL § 90, nr. 8"),
}

DECISION_TEXTS: dict[str, tuple[str, ...]] = {
    "32": (
        "Støttende indsats efter § 32",
        "Familiebehandling bevilget",
        "Fast kontaktperson til barnet",
        "Aflastning i plejefamilie; 1 weekend om måneden",
        "Praktisk pædagogisk støtte i hjemmet",
        "Kontaktperson for hele familien",
        'Forlængelse af "Familiehuset"-forløb',
    ),
    "46": (
        "Anbringelse uden for hjemmet med samtykke",
        "Anbringelse i plejefamilie",
        "Anbringelse på døgninstitution",
        "Anbringelse i netværksplejefamilie",
    ),
    "20": ("Afgørelse om børnefaglig undersøgelse", "Børnefaglig undersøgelse iværksat"),
    "30": ("Tidlig forebyggende indsats", "Forløb i åben rådgivning"),
    "91": ("Barnets plan udarbejdet", "Barnets plan revideret"),
    "95": ("Opfølgning på indsatsen", "Første opfølgning efter 3 måneder"),
    "103": ("Afgørelse om samvær", "Samvær med netværket"),
    "81": ("Tilbud om familievejleder", "Rådgivning om hjælpemidler"),
    "85": ("Hjemmetræning godkendt", "Tilsyn med hjemmetræning"),
    "86": ("Merudgifter bevilget", "Merudgifter; delvist afslag", "Merudgifter genberegnet"),
    "87": ("Tabt arbejdsfortjeneste; 15 timer om ugen", "Tabt arbejdsfortjeneste bevilget"),
    "89": ("Ledsagelse; 15 timer om måneden", "Ledsageordning; selvvalgt ledsager"),
    "90": ("Hjælpemiddel bevilget", "Boligindretning", "Individuel befordring"),
}

# Sagsprofiler: (andel, vægte for paragraffen på hver række, paragraf sagen skal have).
PROFILES: tuple[tuple[float, dict[str, float], str | None], ...] = (
    (0.55, {"32": 0.70, "20": 0.10, "91": 0.15, "30": 0.05}, "32"),
    (0.20, {"46": 0.55, "32": 0.15, "91": 0.20, "20": 0.10}, "46"),
    (0.25, {"30": 0.50, "20": 0.40, "91": 0.10}, None),
)

# Sagsfase efter profil (sagens aktuelle fase, ens på alle sagens rækker).
PHASES: tuple[dict[str, float], ...] = (
    {"handleplan": 0.55, "opfølgning": 0.25, "undersøgelse": 0.10, "underretning": 0.10},
    {"anbringelse": 0.60, "opfølgning": 0.30, "handleplan": 0.10},
    {"underretning": 0.40, "undersøgelse": 0.50, "opfølgning": 0.10},
)
ON_CALL_PHASES = {"underretning": 0.50, "handleplan": 0.30, "anbringelse": 0.20}

ROWS_PER_CASE = {1: 0.50, 2: 0.25, 3: 0.13, 4: 0.07, 5: 0.03, 6: 0.02}
CASEWORKER_CHANGE_SHARE = 0.05

Profile = tuple[float, dict[str, float], str | None]


@dataclass(frozen=True)
class Shape:
    """How the export looks: its date window, the case profiles and rows per case."""

    window_start: date
    profiles: tuple[Profile, ...]
    rows_per_case: Mapping[int, float]
    gap_days: int
    """Later decisions follow 7 + up to this many days after the one before."""
    phases: tuple[dict[str, float], ...] = PHASES
    """The case phase's weights, one table per profile."""


EXAMPLE = Shape(WINDOW_START, PROFILES, ROWS_PER_CASE, 140)
"""The example workspace's export (`eksempler/eksport.csv`)."""

REALISTIC = Shape(
    window_start=date(2023, 11, 1),  # 3 år før udtræksdatoen
    profiles=(
        (0.40, {"32": 0.50, "95": 0.20, "91": 0.15, "20": 0.10, "30": 0.05}, "32"),
        (0.14, {"46": 0.35, "32": 0.05, "95": 0.20, "91": 0.15, "103": 0.15, "20": 0.10}, "46"),
        (0.46, {"20": 0.35, "30": 0.35, "91": 0.10, "95": 0.10, "103": 0.10}, None),
    ),
    rows_per_case={
        1: 0.08,
        2: 0.10,
        3: 0.12,
        4: 0.13,
        5: 0.13,
        6: 0.12,
        7: 0.10,
        8: 0.08,
        10: 0.07,
        12: 0.05,
        15: 0.02,
    },
    gap_days=60,
)
"""A case list as DUBU gives it: ~5 rows per case, ~30 % § 32/46 rows, 3 years."""

HANDICAP = Shape(
    window_start=WINDOW_START,
    profiles=(
        (0.40, {"86": 0.75, "90": 0.15, "81": 0.10}, "86"),  # merudgifter
        (0.25, {"87": 0.70, "86": 0.20, "81": 0.10}, "87"),  # tabt arbejdsfortjeneste
        (0.15, {"89": 0.60, "90": 0.40}, "89"),  # ledsagelse og hjælpemidler
        (0.10, {"85": 0.40, "87": 0.30, "20": 0.30}, "85"),  # hjemmetræning
        (0.10, {"32": 0.60, "20": 0.25, "91": 0.15}, "32"),  # støttende indsats
    ),
    rows_per_case=ROWS_PER_CASE,
    gap_days=140,
    phases=(
        {"bevilget": 0.60, "ansøgning": 0.20, "opfølgning": 0.20},
        {"bevilget": 0.60, "ansøgning": 0.20, "opfølgning": 0.20},
        {"bevilget": 0.70, "ansøgning": 0.30},
        {"bevilget": 0.50, "undersøgelse": 0.30, "opfølgning": 0.20},
        {"handleplan": 0.60, "undersøgelse": 0.20, "opfølgning": 0.20},
    ),
)
"""A children's handicap department: mostly barnets lov kap. 8 decisions (`--handicap`)."""


class _Table(Generic[T]):
    """Weighted choice from a fixed table with one `random()` call (fast and stable)."""

    def __init__(self, weights: Mapping[T, float]) -> None:
        self.values: list[T] = list(weights)
        total = sum(weights.values())
        acc = 0.0
        self.cum: list[float] = []
        for weight in weights.values():
            acc += weight / total
            self.cum.append(acc)
        self.cum[-1] = 1.0

    def pick(self, rng: random.Random) -> T:
        x = rng.random()
        for value, edge in zip(self.values, self.cum, strict=True):
            if x < edge:
                return value
        return self.values[-1]


class _Generator:
    """Builds the rows case by case from one seeded `random.Random`."""

    def __init__(self, seed: int, shape: Shape = EXAMPLE) -> None:
        self.rng = random.Random(seed)
        self.shape = shape
        self.window = (EXPORT_DATE - shape.window_start).days
        self.dates = [_dmy(shape.window_start + timedelta(days=d)) for d in range(self.window)]
        teams = [t for t in TEAMS if t != ON_CALL_TEAM]
        load = random.Random(seed ^ 0x5EED)  # fast belastning pr. rådgiver, uafhængig af antal
        self.workers = _Table(
            {(team, name): 0.6 + 0.8 * load.random() for team in teams for name in TEAMS[team]}
        )
        self.on_call = TEAMS[ON_CALL_TEAM]
        self.profiles = _Table({i: p[0] for i, p in enumerate(shape.profiles)})
        self.paragraphs = [_Table(p[1]) for p in shape.profiles]
        self.phases = [_Table(p) for p in shape.phases]
        self.on_call_phases = _Table(ON_CALL_PHASES)
        self.row_counts = _Table(shape.rows_per_case)

    def case(self, index: int) -> list[dict[str, str]]:
        rng = self.rng
        profile = self.profiles.pick(rng)
        on_call = rng.random() < ON_CALL_SHARE
        if on_call:
            team, worker = ON_CALL_TEAM, self.on_call[int(rng.random() * len(self.on_call))]
            phase = self.on_call_phases.pick(rng)
        else:
            team, worker = self.workers.pick(rng)
            phase = self.phases[profile].pick(rng)
        days = self._decision_days(self.row_counts.pick(rng))
        paragraphs = [self.paragraphs[profile].pick(rng) for _ in days]
        required = self.shape.profiles[profile][2]
        if required is not None and required not in paragraphs:
            paragraphs[int(rng.random() * len(paragraphs))] = required
        first = self.shape.window_start + timedelta(days=days[0])
        opened = first.year - (1 if rng.random() < 0.35 else 0)
        case_id = f"S-{opened}-{index + 101:05d}"
        cpr = self._cpr(first)
        risk = self._risk(phase)
        previous = None
        if len(days) > 1 and not on_call and rng.random() < CASEWORKER_CHANGE_SHARE:
            previous = TEAMS[team][int(rng.random() * len(TEAMS[team]))]
        rows = []
        for i, (day, paragraph) in enumerate(zip(days, paragraphs, strict=True)):
            forms = PARAGRAPH_FORMS[paragraph]
            texts = DECISION_TEXTS[paragraph]
            rows.append(
                {
                    "Sagsnr.": case_id,
                    "CPR-nr.": cpr,
                    "Sagsbehandler": previous if previous and i == 0 else worker,
                    "Team": team,
                    "Paragraf": forms[int(rng.random() * len(forms))],
                    "Afgørelse": texts[int(rng.random() * len(texts))],
                    "Afgørelsesdato": self.dates[day],
                    "Sagsfase": phase,
                    "Risikoområde": risk,
                }
            )
        return rows

    def _decision_days(self, count: int) -> list[int]:
        """Day offsets in the window, ascending; later decisions follow within weeks/months."""
        rng = self.rng
        day = int(rng.random() * self.window)
        days = [day]
        for _ in range(count - 1):
            day += 7 + int(rng.random() * self.shape.gap_days)
            if day >= self.window:
                break
            days.append(day)
        return days

    def _cpr(self, first_decision: date) -> str:
        """A date-valid fake CPR number of a child aged 0-17 at the first decision."""
        rng = self.rng
        born = first_decision - timedelta(days=int(rng.random() * 18 * 365))
        # Født 2000-2036: 7. ciffer 4-9 passer til århundredet for alle år her.
        serial = 4000 + int(rng.random() * 6000)
        return f"{born.day:02d}{born.month:02d}{born.year % 100:02d}-{serial:04d}"

    def _risk(self, phase: str) -> str:
        x = self.rng.random()
        if phase == "handleplan":
            return "sikkerhedsplan" if x < 0.12 else "kort snor" if x < 0.22 else ""
        return "sikkerhedsplan" if x < 0.02 else "kort snor" if x < 0.03 else ""


def _dmy(day: date) -> str:
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


def iter_rows(seed: int = DEFAULT_SEED, shape: Shape = EXAMPLE) -> Iterator[dict[str, str]]:
    """Rows case after case, without end; the first n cases never depend on how many follow."""
    generator = _Generator(seed, shape)
    index = 0
    while True:
        yield from generator.case(index)
        index += 1


def generate(
    cases: int = DEFAULT_CASES, seed: int = DEFAULT_SEED, shape: Shape = EXAMPLE
) -> list[dict[str, str]]:
    """All rows of `cases` cases (one row per decision, so more rows than cases)."""
    generator = _Generator(seed, shape)
    rows: list[dict[str, str]] = []
    for index in range(cases):
        rows.extend(generator.case(index))
    return rows


def generate_rows(
    rows: int, seed: int = DEFAULT_SEED, shape: Shape = EXAMPLE
) -> list[dict[str, str]]:
    """Exactly `rows` rows (the last case may be cut short); for benchmarks."""
    result: list[dict[str, str]] = []
    for row in iter_rows(seed, shape):
        if len(result) >= rows:
            break
        result.append(row)
    return result


def _write_to(handle: IO[str], rows: Iterable[dict[str, str]]) -> None:
    writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([row[c] for c in COLUMNS] for row in rows)


def write(path: Path | str, rows: Iterable[dict[str, str]]) -> None:
    """Write the export as the case system does: `;`, Windows-1252, CRLF; `-` is stdout.

    The file is written to a temporary name and renamed, so a broken run never
    leaves half an export behind.
    """
    if str(path) == "-":
        sys.stdout.flush()
        stream = io.TextIOWrapper(sys.stdout.buffer, encoding=ENCODING, newline="")
        try:
            _write_to(stream, rows)
            stream.flush()
        finally:
            stream.detach()
        return
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding=ENCODING, newline="") as handle:
            _write_to(handle, rows)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Skriv et syntetisk sagsudtræk (CSV; ';', Windows-1252, CRLF).",
        epilog="Eksempel: python eksempler/generer_eksport.py --ud eksempler/eksport.csv",
    )
    size = parser.add_mutually_exclusive_group()
    size.add_argument(
        "--sager", type=int, default=DEFAULT_CASES, help=f"antal sager (standard {DEFAULT_CASES})"
    )
    size.add_argument("--rækker", "--raekker", type=int, help="præcis dette antal rækker")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="frø (standard 2026)")
    parser.add_argument(
        "--realistisk",
        action="store_true",
        help="som et rigtigt udtræk: ca. 5 rækker pr. sag, ca. 30 %% § 32/46, 3 års afgørelser",
    )
    parser.add_argument(
        "--handicap",
        action="store_true",
        help="en børnehandicapafdeling: afgørelser efter barnets lov kap. 8 (§§ 81-90) og § 32",
    )
    parser.add_argument("--ud", required=True, metavar="FIL", help="outputfil; '-' er stdout")
    args = parser.parse_args(argv)
    if (args.rækker if args.rækker is not None else args.sager) < 0:
        parser.error("antallet må ikke være negativt")
    if args.realistisk and args.handicap:
        parser.error("vælg enten --realistisk eller --handicap")
    shape = REALISTIC if args.realistisk else HANDICAP if args.handicap else EXAMPLE
    if args.rækker is not None:
        write(args.ud, itertools.islice(iter_rows(args.seed, shape), args.rækker))
    else:
        write(args.ud, generate(args.sager, args.seed, shape))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Drawing the sample: eligibility, quarantine, quotas, rotation, calibration (pure, no I/O).

Every case gets a priority from a keyed hash of its id and the seed, so a
case's chance never depends on the other rows, and the same seed always
gives the same order. The draw is greedy: in each stratum, the next case is
the one whose caseworker (or team) has been drawn least in this sample, then
reviewed least in the last 12 months, then a seeded tie-break; within the
chosen caseworker, the case with the lowest priority. The sequence of picks does not
depend on how many are wanted, so a larger `antal` with the same seed keeps the cases drawn.

Quotas (`kvoter`) nest (`heraf`): a case belongs to the first quota whose
`hvor` it matches, and inside that to the first sub-quota. A quota is never
exceeded; a stratum with too few cases gives all it has, and the shortfall is
filled from elsewhere only when the concept says `fyld_op: ja`.
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import compress
from typing import Any, Literal, NamedTuple

from ledelsestilsyn.core.periods import add_months
from ledelsestilsyn.core.words import count
from ledelsestilsyn.models.concept import Quota
from ledelsestilsyn.sampling.hints import quota_short
from ledelsestilsyn.sampling.strata import group_label

Rotation = Literal["rådgiver", "team", "ingen"]
REST = "øvrige"


class Case(NamedTuple):
    """One case (grouped from its rows). `attrs` holds the other mapped columns, never CPR."""

    id: str
    caseworker: str
    team: str
    attrs: Mapping[str, str]
    line: int = 0

    def value(self, column: str) -> str:
        field_name = CASE_FIELDS.get(column)
        return getattr(self, field_name) if field_name else self.attrs.get(column, "")


CASE_FIELDS = {"rådgiver": "caseworker", "team": "team", "sag": "id"}
"""The concept's names for a case's own fields; any other column is one of its `attrs`."""


CPR_STEP = "uden sagsnøgler, der ligner et CPR-nummer"
"""The population step that leaves out cases numbered like a CPR number (`cpr_keys`)."""


@functools.lru_cache(maxsize=4096)
def normalise_value(text: str) -> str:
    """How stratum and filter values are compared: case and spacing do not matter."""
    return " ".join(text.split()).casefold()


class Matcher:
    """A compiled `hvor`/`filtre` condition: every column must hold one of its values."""

    def __init__(self, where: Mapping[str, Sequence[str]]) -> None:
        self.tests = [
            (column, frozenset(normalise_value(v) for v in values))
            for column, values in where.items()
        ]

    def __call__(self, case: Case) -> bool:
        return all(normalise_value(case.value(c)) in allowed for c, allowed in self.tests)

    def select(self, cases: Sequence[Case]) -> list[Case]:
        """The cases that match, in order; each distinct value is judged once (an export
        has many cases, but few caseworkers, teams and phases)."""
        kept = list(cases)
        for column, allowed in self.tests:
            verdicts = _Verdicts(allowed)
            kept = list(compress(kept, map(verdicts.__getitem__, map(_getter(column), kept))))
        return kept


class _Verdicts(dict[str, bool]):
    """Whether a value is one of `allowed` (normalised), computed once per distinct value."""

    def __init__(self, allowed: frozenset[str]) -> None:
        super().__init__()
        self.allowed = allowed

    def __missing__(self, value: str) -> bool:
        verdict = self[value] = normalise_value(value) in self.allowed
        return verdict


def _getter(column: str) -> Callable[[Case], str]:
    """`Case.value` for one column, as a C-level getter where the column is a field."""
    field_name = CASE_FIELDS.get(column)
    if field_name is not None:
        return operator.attrgetter(field_name)
    return lambda case: case.attrs.get(column, "")


@dataclass(frozen=True)
class StepCount:
    """One population count for the manifest: after this step, `count` cases remain."""

    name: str
    count: int


@dataclass(frozen=True)
class History:
    """What earlier samples say: cases in quarantine and reviews per caseworker and team."""

    quarantined: frozenset[str] = frozenset()
    caseworkers: Mapping[str, int] = field(default_factory=dict)
    teams: Mapping[str, int] = field(default_factory=dict)
    scope: str = ""
    """What the counts are of, as the reason says it ("i 'niveau-2' " for a level, whose
    history is its own earlier rounds; empty for the export's samples)."""


@dataclass(frozen=True)
class EarlierCase:
    """A case in an earlier manifest: when its period started, and whose it was."""

    period_start: date
    case_id: str
    caseworker: str
    team: str
    overlapping: bool = False
    """In the same series, for a period overlapping this one: never drawn again."""


def build_history(
    earlier: Iterable[EarlierCase],
    start: date,
    quarantine_months: int,
    history_months: int = 12,
    scope: str = "",
    end: date | None = None,
) -> History:
    """Quarantine (samples from `quarantine_months` before `start` to as many after `end`: a
    round drawn after the next one must not draw its cases) and rotation counts."""
    quarantine_from = _months_before(start, quarantine_months)
    quarantine_until = _months_before(end or start, -quarantine_months - 1)
    history_from = _months_before(start, history_months)
    quarantined: set[str] = set()
    caseworkers: Counter[str] = Counter()
    teams: Counter[str] = Counter()
    for case in earlier:
        recent = quarantine_from <= case.period_start < quarantine_until
        if case.overlapping or (quarantine_months and recent):
            quarantined.add(case.case_id)
        if history_from <= case.period_start < start:
            caseworkers[case.caseworker] += 1
            teams[case.team] += 1
    return History(frozenset(quarantined), dict(caseworkers), dict(teams), scope)


def _months_before(day: date, months: int) -> date:
    """The first day of the month `months` months before `day`'s month."""
    return date(*add_months(day.year, day.month, -months), 1)


def eligible(
    cases: Sequence[Case],
    *,
    filters: Mapping[str, Sequence[str]],
    exclude: Iterable[str],
    quarantined: frozenset[str],
    numbered: Iterable[Case],
) -> tuple[list[Case], list[StepCount]]:
    """The cases that may be drawn, and the count after each filter (for the manifest);
    `numbered` are those numbered like a CPR number (`cpr_keys.cpr_numbered`)."""
    steps: list[StepCount] = []
    current = list(cases)
    left_out = {c.id for c in numbered}
    if left_out:
        current = [c for c in cases if c.id not in left_out]
    if len(current) != len(cases):
        steps.append(StepCount(CPR_STEP, len(current)))
    for column, values in sorted(filters.items()):
        current = Matcher({column: values}).select(current)
        steps.append(StepCount(f"filter {column}: {', '.join(values)}", len(current)))
    excluded = {e.strip() for e in exclude}
    if excluded:
        current = [c for c in current if c.id not in excluded]
        steps.append(StepCount("efter udelukkede sager (udeluk)", len(current)))
    current = [c for c in current if c.id not in quarantined]
    steps.append(StepCount("efter karantæne (trukket i de seneste måneder)", len(current)))
    return current, steps


@dataclass(frozen=True)
class DrawSpec:
    size: int
    seed: int
    quotas: Sequence[Quota] = ()
    fill_up: bool = False
    rotation: Rotation = "rådgiver"
    history: History = field(default_factory=History)
    keep: Sequence[str] = ()
    """Case ids drawn before (an extension): taken first, never dropped."""


@dataclass(frozen=True)
class Pick:
    case: Case
    stratum: str | None
    reason: str


@dataclass(frozen=True)
class QuotaOutcome:
    stratum: str
    quota: int
    eligible: int
    achieved: int
    note: str | None


@dataclass
class DrawResult:
    picks: list[Pick] = field(default_factory=list)
    quotas: list[QuotaOutcome] = field(default_factory=list)


@functools.lru_cache(maxsize=64)
def _keyed(seed: int) -> Any:
    return hashlib.blake2b(digest_size=8, key=seed.to_bytes(16, "big", signed=False))


def priority(seed: int, key: str) -> bytes:
    """A case's place in the seeded random order (keyed BLAKE2b of its id)."""
    hasher = _keyed(seed).copy()
    hasher.update(key.encode("utf-8"))
    digest: bytes = hasher.digest()
    return digest


def draw(cases: Sequence[Case], spec: DrawSpec) -> DrawResult:
    """Draw `spec.size` cases (fewer if there are not enough) as described above."""
    drawer = _Drawer(spec, cases)
    drawer.fill(list(cases), spec.quotas, spec.size, None)
    return drawer.result


class _Drawer:
    def __init__(self, spec: DrawSpec, everyone: Sequence[Case]) -> None:
        self.spec, self.everyone = spec, everyone  # everyone: a level's units together
        self.keep = {case_id: i for i, case_id in enumerate(spec.keep)}
        self.picked: set[str] = set()
        self.by_caseworker: Counter[str] = Counter()
        self.by_team: Counter[str] = Counter()
        self.result = DrawResult()

    def fill(self, pool: list[Case], quotas: Sequence[Quota], total: int, label: str | None) -> int:
        """Draw `total` cases from `pool` into `quotas` (and the rest); returns how many."""
        assigned: list[list[Case]] = [[] for _ in quotas]
        rest: list[Case] = []
        tests = [Matcher(q.where) for q in quotas]
        for case in pool:
            for i, test in enumerate(tests):
                if test(case):
                    assigned[i].append(case)
                    break
            else:
                rest.append(case)
        drawn = 0
        for quota, members in zip(quotas, assigned, strict=True):
            name = f"{label} / {quota.name}" if label else quota.name
            slot = len(self.result.quotas)
            self.result.quotas.append(QuotaOutcome(name, quota.count, len(members), 0, None))
            got = self.fill(members, quota.sub_quotas, quota.count, name)
            note = _quota_note(quota, members, pool, got, self.everyone)
            self.result.quotas[slot] = QuotaOutcome(name, quota.count, len(members), got, note)
            drawn += got
        free = total - sum(q.count for q in quotas)
        rest_label = (f"{label} / {REST}" if label else REST) if quotas else label
        drawn += self.take(rest, free, rest_label, "tilfældigt udvalgt")
        if self.spec.fill_up and drawn < total:
            reason = "fyldt op, fordi et stratum havde for få sager (fyld_op: ja)"
            drawn += self.take(pool, total - drawn, label, reason)
        return drawn

    def take(self, pool: Sequence[Case], wanted: int, stratum: str | None, why: str) -> int:
        available = [c for c in pool if c.id not in self.picked]
        kept = sorted((c for c in available if c.id in self.keep), key=lambda c: self.keep[c.id])
        for case in kept:
            self.record(case, stratum, why)
        need = wanted - len(kept)
        if need <= 0:
            return len(kept)
        units: dict[tuple[str, str], list[tuple[bytes, str, Case]]] = {}
        seed = self.spec.seed
        rotate = self.spec.rotation != "ingen"
        for case in available:
            if case.id in self.keep:
                continue
            unit = (case.caseworker, case.team) if rotate else ("", "")
            units.setdefault(unit, []).append((priority(seed, case.id), case.id, case))
        for heap in units.values():
            heapq.heapify(heap)
        taken = len(kept)
        while need > 0 and units:
            unit = min(units, key=lambda u: (*self.unit_key(u), units[u][0][0]))
            _, _, case = heapq.heappop(units[unit])
            if not units[unit]:
                del units[unit]
            self.record(case, stratum, why)
            taken += 1
            need -= 1
        return taken

    def unit_key(self, unit: tuple[str, str]) -> tuple[int | bytes, ...]:
        caseworker, team = unit
        history = self.spec.history
        mine = (self.by_caseworker[caseworker], history.caseworkers.get(caseworker, 0))
        theirs = (self.by_team[team], history.teams.get(team, 0))
        if self.spec.rotation == "ingen":
            return ()
        first, second = (theirs, mine) if self.spec.rotation == "team" else (mine, theirs)
        tie = priority(self.spec.seed, f"{caseworker}\x00{team}\x00{first[0]}")
        return (first[0], second[0], first[1], second[1], tie)

    def record(self, case: Case, stratum: str | None, why: str) -> None:
        history = self.spec.history
        reason = why
        months = f"{history.scope}de seneste 12 måneder"
        if self.spec.rotation == "rådgiver" and not case.caseworker:
            reason += "; sagen har ingen rådgiver i eksporten"
        elif self.spec.rotation == "rådgiver":
            reason += (
                f"; rådgiveren havde {count(self.by_caseworker[case.caseworker], 'sag', 'sager')} "
                "i stikprøven og "
                f"{history.caseworkers.get(case.caseworker, 0)} {months}"
            )
        elif self.spec.rotation == "team":
            reason += (
                f"; teamet havde {count(self.by_team[case.team], 'sag', 'sager')} i stikprøven og "
                f"{history.teams.get(case.team, 0)} {months}"
            )
        self.picked.add(case.id)
        self.by_caseworker[case.caseworker] += 1
        self.by_team[case.team] += 1
        self.result.picks.append(Pick(case, stratum, reason))


def _quota_note(
    quota: Quota,
    members: Sequence[Case],
    pool: Sequence[Case],
    achieved: int,
    everyone: Sequence[Case],
) -> str | None:
    if len(members) < quota.count:
        why = quota_short(quota.where, pool, everyone, normalise_value)
        return why or f"kun {count(len(members), 'mulig sag', 'mulige sager')}; alle er taget"
    return f"{quota.count - achieved} for få" if achieved < quota.count else None


def choose_calibration(
    drawn: Sequence[str], count: int, seed: int, previous: Sequence[str] = ()
) -> list[str]:
    """The drawn cases that get extra reviewers: earlier choices kept, then by seeded hash."""
    chosen = [c for c in previous if c in set(drawn)]
    others = sorted(
        (c for c in drawn if c not in set(chosen)), key=lambda c: priority(seed, f"kalib:{c}")
    )
    return chosen + others[: max(0, count - len(chosen))]


def draw_per_group(cases: Sequence[Case], spec: DrawSpec, per: str | None) -> DrawResult:
    """A level's draw: `spec.size` (with its quotas) for each value of `per`, or overall."""
    if per is None:
        return draw(cases, spec)
    groups: dict[str, list[Case]] = {}
    for case in cases:
        groups.setdefault(case.value(per), []).append(case)
    combined = DrawResult()
    for value in sorted(groups):
        part = _Drawer(spec, cases)
        part.fill(groups[value], spec.quotas, spec.size, group_label(per, value))
        combined.picks.extend(part.result.picks)
        combined.quotas.extend(part.result.quotas)
    return combined


def seed_for(series: str, period: str) -> int:
    """The default seed, derived from series and period (recorded in the manifest)."""
    digest = hashlib.sha256(f"{series}|{period}".encode()).hexdigest()
    return int(digest[:8], 16)

"""The reader's knowledge as an integer programme, for `backcalc`.

A `System` holds what the reader of a report knows: integer variables with
bounds (a shown count is exact, `< 5` is 1–4, `x` at least 5), the shares read
back to numerator and denominator (`read_share`), and linear relations between
them. `revealed` solves it (HiGHS, through scipy): a hidden cell whose least and
greatest value over every integer assignment are the same is given away.
"""

from __future__ import annotations

import html as htmllib
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from ledelsestilsyn.report.formats import decimal, percent
from ledelsestilsyn.report.stats import Interval, wilson, wilson_share

INF = math.inf
MAX_ANSWERS = 600
LARGE = 1_000_000


@dataclass
class System:
    """Variables with integer bounds, and linear relations Σ c·x = 0 (or ≤ 0)."""

    min_count: int = 5
    bounds: dict[str, tuple[float, float]] = field(default_factory=dict)
    hidden: dict[str, str] = field(default_factory=dict)  # var -> what the reader saw
    relations: list[tuple[list[tuple[str, int]], bool]] = field(default_factory=list)
    series: list[str] = field(default_factory=list)  # the overview's rows, in its order
    shared: bool = False  # the report's note: a case in several series counts once
    on_cases: bool = True
    """A step's interval is on the reviews behind it (the committee's and the department's),
    not on an effective size (the leader's): `read_report` tells them by the recipient."""
    teams_under: int | None = None
    """`intet team har 5 eller flere gennemgåede sager`: every team's cases are under 5, to a
    reader who knows the teams (from another report, or the municipality's own)."""
    assumed: list[tuple[list[tuple[str, int]], bool]] = field(default_factory=list)
    """What a reader takes for granted unless the numbers say otherwise: one focus for all
    the period's reviews of a template (one round). A quarter of rounds with other focus
    contradicts it, and the reader drops it (`revealed`)."""

    def var(self, name: str, low: float = 0, high: float = INF) -> str:
        lo, hi = self.bounds.get(name, (0, INF))
        self.bounds[name] = (max(lo, low), min(hi, high))
        return name

    def cell(self, name: str, text: str) -> str:
        """A published count: a number, `< 5` or `x`."""
        text = htmllib.unescape(text).strip().replace(".", "")
        if text.startswith("<"):
            self.hidden[name] = text
            return self.var(name, 1, self.min_count - 1)
        if text == "x":
            self.hidden[name] = text
            return self.var(name, self.min_count, INF)
        return self.var(name, int(text), int(text))

    def share(self, name: str, text: str, interval: str, per_review: int = 1) -> tuple[str, str]:
        """A published share: its numerator and denominator, as exactly as the text allows.

        The text alone puts pos/ans within half a tenth of a percent of it (no cap on the
        answers). `per_review` is the most answers one review gives to it (a step's
        questions). Then its interval does not give the denominator, but the reviews behind
        it (`.cases`, between the answers divided by `per_review` and the answers): exactly
        in a report that hides small counts, at most in the leader's (`on_cases`)."""
        pos, ans = self.var(f"{name}.pos"), self.var(f"{name}.ans")
        self.relate([(pos, 1), (ans, -1)], equal=False)
        if per_review > 1:
            cases = self.var(f"{name}.cases")
            self.relate([(cases, 1), (ans, -1)], equal=False)
            self.relate([(ans, 1), (cases, -per_review)], equal=False)
        text = text.replace("⚠", "").strip()
        if text in ("–", ""):
            self.hidden[pos] = self.hidden[ans] = "–"
            return pos, ans
        self.var(ans, 1)
        tenths = round(_number(text) * 10)  # the text rounds pos/ans to a tenth of a percent
        self.relate([(ans, 2 * tenths - 1), (pos, -2000)], equal=False)
        self.relate([(pos, 2000), (ans, -(2 * tenths + 1))], equal=False)
        if not interval:
            return pos, ans
        found = read_share(text, interval, per_review, on_cases=self.on_cases)
        assert found, f"andelen {text} ({interval}) passer ikke med nogen tæller/nævner"
        self.var(pos, min(p for p, _, _ in found), max(p for p, _, _ in found))
        self.var(ans, min(n for _, n, _ in found), max(n for _, n, _ in found))
        if per_review > 1:  # on the cases: exactly; on an effective size: at most
            least = min(k for _, _, k in found) if self.on_cases else 0
            self.var(f"{name}.cases", least, max(k for _, _, k in found))
        return pos, ans

    def relate(self, terms: list[tuple[str, int]], *, equal: bool = True) -> None:
        for name, _ in terms:
            self.var(name)
        self.relations.append((terms, equal))

    def total(self, total: str, parts: Iterable[str]) -> None:
        self.relate([(total, 1), *((p, -1) for p in parts)])

    def assume(self, terms: list[tuple[str, int]], *, equal: bool = True) -> None:
        for name, _ in terms:
            self.var(name)
        self.assumed.append((terms, equal))

    def revealed(self) -> dict[str, float]:
        """Hidden cells pinned to one value (for a share's parts: to a small one)."""
        try:
            solver = _Solver(self, self.assumed)
        except AssertionError:  # the numbers contradict an assumption: the reader drops it
            solver = _Solver(self, [])
        found: dict[str, float] = {}
        for name, seen in sorted(self.hidden.items()):
            if name == "D" or name.startswith("d["):
                continue  # the drawn cases: the concept says them (probe BF), nothing to pin
            value = solver.pinned({name: 1})
            if value is not None and (seen != "–" or 0 < value < self.min_count):
                found[name] = value
        for name, seen in sorted(self.hidden.items()):
            if seen == "–" and name.endswith(".pos"):
                base = name[: -len(".pos")]
                rest = solver.pinned({f"{base}.ans": 1, name: -1})
                if rest is not None and 0 < rest < self.min_count:
                    found[f"{base}.rest"] = rest
        return found


class _Solver:
    """The reader's integer programme: min and max of a linear form over all integer
    assignments that keep the bounds and relations (HiGHS, through scipy's `milp`)."""

    def __init__(self, system: System, assumed: list[tuple[list[tuple[str, int]], bool]]) -> None:
        self.names = sorted(system.bounds)
        self.index = {n: i for i, n in enumerate(self.names)}
        rows, cols, data, lower, upper = [], [], [], [], []
        relations = [*system.relations, *assumed]
        for r, (terms, equal) in enumerate(relations):
            for name, coef in terms:
                rows.append(r)
                cols.append(self.index[name])
                data.append(coef)
            lower.append(0 if equal else -INF)
            upper.append(0)
        shape = (len(relations), len(self.names))
        matrix = sparse.csr_array((data, (rows, cols)), shape=shape)
        self.constraints = [LinearConstraint(matrix, lower, upper)]
        low = [system.bounds[n][0] for n in self.names]
        # No bound is a large one, so that every optimum exists (HiGHS may call an
        # unbounded integer programme infeasible); a value that reaches it is not pinned.
        high = [min(system.bounds[n][1], LARGE) for n in self.names]
        self.bounds = Bounds(low, high)
        self.seen: list[list[float]] = []  # assignments found so far
        self.seen.append(self._solve({}))  # fails if the report's numbers do not add up

    def pinned(self, form: dict[str, int]) -> float | None:
        """The one value `form` takes in every assignment, or None if it can take two."""
        values = {self._value(form, x) for x in self.seen}
        if len(values) > 1:
            return None
        value = values.pop()
        for sign in (1, -1):
            other = self._solve({n: sign * c for n, c in form.items()})
            self.seen.append(other)
            if self._value(form, other) != value:
                return None
        return value

    def _value(self, form: dict[str, int], x: list[float]) -> float:
        return sum(c * x[self.index[n]] for n, c in form.items())

    def _solve(self, objective: dict[str, int]) -> list[float]:
        """An assignment minimising `objective`."""
        cost = np.zeros(len(self.names))
        for name, coef in objective.items():
            cost[self.index[name]] = coef
        result = milp(
            cost,
            integrality=np.ones(len(self.names)),
            bounds=self.bounds,
            constraints=self.constraints,
        )
        assert result.status == 0, result.message
        return [round(v) for v in result.x]


def read_share(
    text: str, interval: str, per_review: int = 1, *, on_cases: bool = True
) -> list[tuple[int, int, int]]:
    """Every (positive, answered, reviews) that reads as `text` with `interval`.

    With one answer per review (a question) the interval is the plain Wilson interval on
    the answers, so it must match exactly and the reviews are the answers. With several
    (a step), the committee's and department's interval is Wilson's on the reviews behind
    the share (`Tally.case_interval`, `on_cases`): every whole number k in [n / per_review,
    n] whose interval reads the same is possible, and exact. The leader's is on an
    effective size s between the reviews and the answers (`stats.effective_size`): every s
    in [n / per_review, n] whose interval reads the same, and the reviews are at most ⌊s⌋.
    """
    value = _number(text) / 100
    out = []
    for n in range(1, MAX_ANSWERS * per_review):
        for p in sorted({math.floor(value * n), math.ceil(value * n)}):
            if not (0 <= p <= n and percent(p / n) == text):
                continue
            if per_review == 1:
                if _shown(wilson(p, n)) == interval:
                    out.append((p, n, n))
                continue
            sizes = size_range(p / n, interval, n / per_review, n)
            if sizes is None:
                continue
            if not on_cases:
                out.append((p, n, math.floor(sizes[1] + 1e-9)))
                continue
            low, high = math.ceil(sizes[0] - 1e-6), math.floor(sizes[1] + 1e-6)
            out.extend(
                (p, n, k)
                for k in range(max(low, 1), high + 1)
                if _shown(wilson_share(p / n, k)) == interval
            )
    return out


def largest_size(p: float, interval: str, least: float, most: float) -> float | None:
    """The largest size in [least, most] whose Wilson interval for share `p` reads
    `interval`, or None if none does (`size_range`)."""
    sizes = size_range(p, interval, least, most)
    return None if sizes is None else sizes[1]


def size_range(p: float, interval: str, least: float, most: float) -> tuple[float, float] | None:
    """The sizes in [least, most] whose Wilson interval for share `p` reads `interval`, or
    None if none does. As the size grows, the interval's low end rises and its high end
    falls, so the sizes that read the same lie in one stretch: bisect its ends."""
    want = tuple(_number(t) for t in interval.split("–"))

    def wide(size: float) -> bool:
        low, high = _ends(p, size)
        return low < want[0] or high > want[1]

    def narrow(size: float) -> bool:
        low, high = _ends(p, size)
        return low > want[0] or high < want[1]

    if wide(most) or narrow(least):
        return None
    smallest = least if not wide(least) else _bisect(wide, least, most)[1]
    largest = most if not narrow(most) else _bisect(lambda s: not narrow(s), least, most)[0]
    return (smallest, largest) if smallest <= largest else None


def _bisect(before: Callable[[float], bool], low: float, high: float) -> tuple[float, float]:
    """Where `before` (true at `low`, false at `high`) turns false: the last point found
    where it is true and the first where it is false."""
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if before(middle) else (low, middle)
    return low, high


def _ends(p: float, size: float) -> tuple[float, float]:
    w = wilson_share(p, size)
    assert w is not None
    return _number(decimal(w.low * 100)), _number(percent(w.high))


def _shown(w: Interval | None) -> str:
    assert w is not None
    return f"{decimal(w.low * 100)}–{percent(w.high)}"


def _number(text: str) -> float:
    return float(text.replace("%", "").replace(".", "").replace(",", ".").strip())

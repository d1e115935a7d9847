"""Pure statistics for the report: Wilson interval, design effect, agreement, kappa, AC1.

No I/O and no knowledge of reviews: plain numbers and category labels in,
floats out, so every formula can be checked against hand-computed values.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from operator import mul

Z_95 = 1.959963984540054


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float


def share(positive: int, total: int) -> float | None:
    """positive / total, or None when there is nothing to divide by."""
    return positive / total if total > 0 else None


def wilson(positive: int, total: int, z: float = Z_95) -> Interval | None:
    """The Wilson score interval for a binomial share (95 % by default).

    Unlike the textbook p ± z·se it stays inside [0, 1] and is honest for small
    n and for shares near 0 or 1 (2 of 3 gives 21 %–94 %, not 67 % ± 53 %).
    """
    if total <= 0:
        return None
    if not 0 <= positive <= total:
        raise ValueError("positive must lie between 0 and total")
    return wilson_share(positive / total, total, z)


def wilson_share(p: float, size: float, z: float = Z_95) -> Interval | None:
    """The Wilson interval for share `p` on `size` observations, which may be an effective
    (not whole) number: answers that hang together count as fewer (`effective_size`)."""
    if size <= 0:
        return None
    z2 = z * z
    centre = (p + z2 / (2 * size)) / (1 + z2 / size)
    half = z * math.sqrt(p * (1 - p) / size + z2 / (4 * size * size)) / (1 + z2 / size)
    low = 0.0 if p <= 0 else max(0.0, centre - half)
    high = 1.0 if p >= 1 else min(1.0, centre + half)
    return Interval(min(low, p), max(high, p))


def difference(
    before: float, before_interval: Interval, after: float, after_interval: Interval
) -> Interval:
    """A 95 % interval for the change `after − before` of two independent shares, from each
    share's own interval (Newcombe 1998, method 10: the square-and-add of the Wilson limits).

    Whether two intervals overlap is a far stricter test than whether the change's own
    interval holds 0 (Schenker & Gentleman 2001): 10 of 20 against 17 of 20 overlap
    (29,9–70,1 % and 64,0–94,8 %), though the change, 5,9–57,3 pp, is plainly more
    than chance. The shares' intervals carry the design effect, so this one does too.
    """
    change = after - before
    down = math.hypot(after - after_interval.low, before_interval.high - before)
    up = math.hypot(after_interval.high - after, before - before_interval.low)
    return Interval(change - down, change + up)


@dataclass(frozen=True, slots=True)
class CaseSums:
    """What the design effect needs of the cases: per case y positive of n answers, summed.

    Only cases with at least one answer count in `cases`; a case without adds 0 to every sum.
    """

    cases: int
    positive: int
    """Σy"""
    answers: int
    """Σn"""
    yy: int
    yn: int
    nn: int

    @classmethod
    def of(cls, positive: Sequence[int], answered: Sequence[int]) -> CaseSums:
        """From two columns, one place per case (summed in C: a report sums a million)."""
        return cls(
            cases=len(answered) - answered.count(0),
            positive=sum(positive),
            answers=sum(answered),
            yy=sum(map(mul, positive, positive)),
            yn=sum(map(mul, positive, answered)),
            nn=sum(map(mul, answered, answered)),
        )

    @classmethod
    def of_pairs(cls, per_case: Sequence[tuple[int, int]]) -> CaseSums:
        """From (positive, answered) per case."""
        return cls.of([y for y, _ in per_case], [n for _, n in per_case])


def effective_size(sums: CaseSums) -> float:
    """The answers divided by the design effect, between the number of cases and of answers.

    Answers in one case file hang together (one caseworker, one reviewer), so a case with
    many answers is not that many independent observations (Kish's design effect).

    The design effect compares the variance of the share between cases (the ratio
    estimator's) with what independent answers would give. When it cannot be told
    (one case, or every answer the same), the cases are the honest count.
    """
    cases, answers, positive = sums.cases, sums.answers, sums.positive
    if answers == cases:
        return float(answers)
    p = positive / answers
    independent = p * (1 - p) / answers
    if cases < 2 or independent == 0:
        return float(cases)
    # Σ(y − p·n)² times answers², in whole numbers: exact, and 0 exactly when it is 0.
    scaled = answers**2 * sums.yy - 2 * answers * positive * sums.yn + positive**2 * sums.nn
    if scaled == 0:
        return float(answers)
    spread = scaled / answers**4 * cases / (cases - 1)
    return min(float(answers), max(float(cases), answers * independent / spread))


def percent_agreement(items: Sequence[Sequence[str]]) -> float | None:
    """Share of agreeing rater pairs, averaged over items with two or more ratings.

    For two raters this is the plain share of items where they agree.
    """
    rated = [item for item in items if len(item) >= 2]
    if not rated:
        return None
    return sum(_pair_agreement(item) for item in rated) / len(rated)


def _pair_agreement(item: Sequence[str]) -> float:
    r = len(item)
    return sum(c * (c - 1) for c in Counter(item).values()) / (r * (r - 1))


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa for two raters; None when undefined (no pairs, or chance agreement 1)."""
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(a == b for a, b in pairs) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    if expected >= 1:
        return None
    return (observed - expected) / (1 - expected)


def gwet_ac1(items: Sequence[Sequence[str]], categories: Sequence[str]) -> float | None:
    """Gwet's AC1 for any number of raters per item (Gwet 2008, multi-rater form).

    `categories` is the full answer scale (q), not only the answers seen:
    p_e = 1/(q-1) · Σ π_k (1 - π_k), π_k the mean share of ratings in category k.
    Stays meaningful when nearly every answer is the same, where kappa collapses.
    """
    rated = [item for item in items if len(item) >= 2]
    q = len(categories)
    if not rated or q < 2:
        return None
    observed = sum(_pair_agreement(item) for item in rated) / len(rated)
    pi: dict[str, float] = {}
    for item in rated:
        for category, count in Counter(item).items():
            pi[category] = pi.get(category, 0.0) + count / len(item)
    expected = sum(
        _mean(pi, k, len(rated)) * (1 - _mean(pi, k, len(rated))) for k in categories
    ) / (q - 1)
    if expected >= 1:
        return None
    return (observed - expected) / (1 - expected)


def _mean(totals: dict[str, float], category: str, n: int) -> float:
    return totals.get(category, 0.0) / n

"""Disclosure control for the committee version (`--modtager udvalg`).

As Danmarks Statistik practises it: a count of 1 to `min_count - 1` is shown
as `< 5`; no share is shown on fewer than `min_count` answers; and secondary
suppression hides one more cell in a row where exactly one cell is hidden,
so the hidden cell cannot be computed from the row's total. A cell hidden
only for that reason is shown as `x` (it is not small; `< 5` would be false). A share is shown
only when none of the cells it is computed from is hidden, because a share
and the visible cells would give the hidden one back. Zero is never hidden:
it reveals no one. For leaders (`leder`) nothing is hidden.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ledelsestilsyn.report.formats import number

SECONDARY = "x"


@dataclass(frozen=True)
class Disclosure:
    min_count: int = 5
    active: bool = False

    def small(self, count: int) -> bool:
        return self.active and 0 < count < self.min_count

    def hidden(self, counts: Sequence[int]) -> list[bool]:
        """Which cells of a row (whose total is shown) must be hidden."""
        hidden = [self.small(c) for c in counts]
        if sum(hidden) == 1 and not self.small(sum(counts)):
            others = [(c, i) for i, c in enumerate(counts) if not hidden[i] and c > 0]
            if others:
                hidden[min(others)[1]] = True
        return hidden

    def count(self, value: int, hidden: bool = False) -> str:
        """A count as text: `< 5` when small, `x` when hidden to protect another cell."""
        if self.small(value):
            return f"< {self.min_count}"
        if hidden and self.active:
            return SECONDARY
        return number(value)

    def total(self, value: int) -> str:
        return self.count(value)

    def share_allowed(
        self, answered: int, parts: Sequence[int], hidden: Sequence[bool] = ()
    ) -> bool:
        """May a share over `answered` non-neutral answers, made of `parts`, be shown?"""
        if answered <= 0:
            return False
        if not self.active:
            return True
        if answered < self.min_count or any(hidden):
            return False
        return not any(self.small(p) for p in parts)

    def column_with_total(self, counts: Sequence[int]) -> tuple[list[str], bool]:
        """A column whose cells are also shown elsewhere (per-series sections): when
        exactly one cell is small, the total is hidden instead of a second cell.

        Returns the cell texts and whether the total must be hidden.
        """
        small = [self.small(c) for c in counts]
        hide_total = sum(small) == 1 and not self.small(sum(counts))
        return [self.count(c) for c in counts], hide_total

    def total_text(self, value: int, hidden: bool) -> str:
        return SECONDARY if hidden and self.active else self.count(value)

    def column(self, counts: Sequence[int]) -> list[str]:
        """A column of counts with a shown total: primary and secondary suppression applied."""
        hidden = self.hidden(counts)
        return [self.count(c, h) for c, h in zip(counts, hidden, strict=True)]

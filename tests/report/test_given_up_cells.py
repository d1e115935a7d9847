"""A hidden cell that nothing can protect is given up on (`secondary.Secondary.protector`).

Such a cell is pinned by figures that stay shown whatever this report does (a zero, or a
count another report the same readers have shows). In a large committee report, hundreds of
them came one per round, each round a new audit of every hidden cell with nothing changed:
half the rounds of a department report. They are given up on together now, from one audit,
and the others are still protected.
"""

from __future__ import annotations

import pytest

from ledelsestilsyn.report import audit
from ledelsestilsyn.report.reader import revealed
from ledelsestilsyn.report.suppress import Ledger, decide


def _ledger(rows: int) -> Ledger:
    """`rows` rows t = x + 0 with x small and t shown by another report, and one row whose
    small cell can be protected (10 = 3 + 7)."""
    ledger = Ledger(5)
    for i in range(rows):
        x, zero, total = ("x", str(i)), ("zero", str(i)), ("t", str(i))
        ledger.count(x, 3)
        ledger.count(zero, 0)
        ledger.count(total, 3)
        ledger.units[total].fixed = True
        ledger.total(total, [x, zero])
    ledger.count(("a",), 3)
    ledger.count(("b",), 7)
    ledger.count(("sum",), 10)
    ledger.total(("sum",), [("a",), ("b",)])
    return ledger


def test_cells_nothing_protects_are_given_up_on_from_one_audit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    audits = 0
    why = audit.Audit.why

    def counted(self: audit.Audit, *args: object) -> object:
        nonlocal audits
        audits += 1
        return why(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(audit.Audit, "why", counted)
    ledger = _ledger(4)
    rules = decide(ledger, active=True)
    assert rules.lost == {("x", str(i)) for i in range(4)}
    assert not rules.shows(("a",)) and not rules.shows(("b",))  # 3 protected by hiding 7
    assert rules.shows(("sum",)) and all(rules.shows(("zero", str(i))) for i in range(4))
    # one audit to find the pinned cells and hide b; one to see that a is safe now
    assert audits == 2
    assert revealed(ledger, set(rules.hidden)) == sorted(rules.lost)

"""The numbers each committee and department report showed, to warn before a second version.

A report for November made before a late review and one made after it differ by that
review's answers: if the committee gets both, a small number follows by subtraction
(5 nej, then 6: the late review said nej). Which reports were sent, tilsyn cannot know,
so each version an aggregate audience's report is made in is recorded in `rapporter/.tal`
(the counts it shows, nothing else), and a new version of the same period whose shown
counts differ from an earlier version's by 1 to `mindste_antal - 1` is said (L015) before
it is delivered. It is a warning, not a refusal: a leader may remake a report that was
never sent. Deleting the record only stops the warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ledelsestilsyn.core.diagnostics import Diagnostic, warning
from ledelsestilsyn.io.files import read_regular
from ledelsestilsyn.io.stamped_json import parse_json
from ledelsestilsyn.report.build import Report
from ledelsestilsyn.report.published import ledger_for
from ledelsestilsyn.report.suppress import Disclosure
from ledelsestilsyn.workspace.layout import REPORTS_DIR, SHOWN_NUMBERS

Numbers = dict[str, int]


@dataclass(frozen=True)
class Version:
    """One version of a report: who got it, of what period, and the counts it showed."""

    audience: str
    period: str
    numbers: Numbers


def shown_numbers(report: Report, rules: Disclosure) -> Numbers:
    """Every count the audience's report of `report` shows, by a name for it."""
    ledger = ledger_for(report)
    found: Numbers = {}
    for key, unit in ledger.units.items():
        if unit.bound or not (rules.publishes(key) and rules.shows(key)):
            continue
        for cell in unit.cells:
            found["|".join(cell)] = ledger.values[cell]
    return found


def versions(root: Path) -> list[Version]:
    """The versions recorded in the workspace at `root` (none if there is no record, or it
    is not one)."""
    try:
        data = parse_json(read_regular(root / REPORTS_DIR / SHOWN_NUMBERS))
    except OSError:
        return []
    entries = data.get("rapporter") if isinstance(data, dict) else None
    found = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        audience, period, numbers = entry.get("modtager"), entry.get("periode"), entry.get("tal")
        if isinstance(audience, str) and isinstance(period, str) and isinstance(numbers, dict):
            kept = {k: v for k, v in numbers.items() if isinstance(v, int)}
            found.append(Version(audience, period, kept))
    return found


def changed_by_little(new: Version, earlier: list[Version], min_count: int) -> bool:
    """Whether an earlier version of the same report shows a count that `new` shows too,
    changed by 1 to `min_count - 1`: what the two together give away."""
    return any(
        0 < abs(value - old.numbers[name]) < min_count
        for old in earlier
        if (old.audience, old.period) == (new.audience, new.period)
        for name, value in new.numbers.items()
        if name in old.numbers
    )


def second_version_warning(new: Version, min_count: int) -> Diagnostic:
    reader = "udvalget" if new.audience == "udvalg" else "afdelingen"
    return warning(
        f"{REPORTS_DIR}/{SHOWN_NUMBERS}",
        "L015",
        f"rapporten for {new.period} til {reader} er lavet før med andre tal: nogle er ændret "
        f"med 1 til {min_count - 1} (en sen eller rettet gennemgang); har {reader} fået den "
        "første, viser forskellen et lille tal.",
        hint=f"giv ikke {reader} begge; er den første sendt, så tag de sene gennemgange med i "
        "næste periodes rapport i stedet.",
    )


def record_version(root: Path, new: Version, display: str) -> None:
    """Add `new` to the record, unless the same version is there already."""
    from ledelsestilsyn.core.gate import gated_json
    from ledelsestilsyn.io.atomic import writable_folder, write_atomic

    recorded = versions(root)
    if new in recorded:
        return
    folder = root / REPORTS_DIR
    writable_folder(folder, display=display)
    entries = [
        {"modtager": v.audience, "periode": v.period, "tal": v.numbers} for v in [*recorded, new]
    ]
    text = gated_json({"format": 1, "rapporter": entries}, separators=(",", ":"))
    write_atomic(folder / SHOWN_NUMBERS, text + "\n", overwrite=True)

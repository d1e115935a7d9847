"""The committee's and the department's reports as made: each version's period and counts.

Which reports were sent, tilsyn cannot know, so each version of an aggregate audience's
report is recorded in `rapporter/.udgivet` before it is delivered: its period and the counts
it shows, nothing else. The record is used twice:

- Date ranges. Each calendar period's report is decided as if the audience had them all
  (`period_reports`), but a date range can be any run of months, so the ranges an audience
  gets are not known in advance, and two of them can give a month away: August..October less
  September..October is August. A range is decided with the ranges made before it (all, for
  one not made yet), as with the calendar periods; made again, it is decided as it was. The
  department's reports reach the committee's members, so the two audiences share the record.
- A second version. A report for November made before a late review and one made after it
  differ by that review's answers (6 nej, then 7: the late review said nej). A version whose
  shown counts differ from an earlier one's by 1 to `mindste_antal - 1` is said (L015): a
  warning, since a leader may remake a report that was never sent. So is a report that shows
  counts of another period (the quarter around November, December's comparison with it) whose
  recorded version differs so from its counts now (`changed_since_warning`).

It is not a cache: deleted, a later range may show what gives a small number away together
with an earlier one, and a second version is not said. Two runs at the same time would each
decide without the other's version, and the later write would lose the earlier one's, so a
run holds a lock (`issuing`) from reading the record to adding to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ledelsestilsyn.core.diagnostics import Diagnostic, TilsynError, fail, warning
from ledelsestilsyn.core.periods import Period, parse_period
from ledelsestilsyn.io.files import read_regular
from ledelsestilsyn.io.os_reasons import reason
from ledelsestilsyn.io.stamped_json import parse_json
from ledelsestilsyn.report.disclosure import audience_name
from ledelsestilsyn.report.suppress import Disclosure, Ledger
from ledelsestilsyn.workspace.layout import ISSUED, ISSUED_LOCK, REPORTS_DIR

Numbers = dict[str, int]
PATIENCE_SECONDS = 300.0
"""How long a run waits for another to finish its report (a year's range report takes seconds)."""


@dataclass(frozen=True)
class Version:
    """One version of a report: who got it, of what period, and the counts it showed."""

    audience: str
    period: str
    numbers: Numbers


def shown_numbers(ledger: Ledger, rules: Disclosure) -> Numbers:
    """Every count the audience's report with this `ledger` (`published.ledger_for`) shows,
    by a name for it."""
    found: Numbers = {}
    for key, unit in ledger.units.items():
        if unit.bound or not (rules.publishes(key) and rules.shows(key)):
            continue
        for cell in unit.cells:
            found["|".join(cell)] = ledger.values[cell]
    return found


def versions(root: Path) -> list[Version]:
    """The versions recorded in the workspace at `root` (none if there is no record); an
    entry of the wrong shape is passed over. A record that cannot be read as one (cut short,
    a merge conflict) is L018: written over, the versions in it would be lost without a word."""
    path = root / REPORTS_DIR / ISSUED
    try:
        raw = read_regular(path)
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise _unreadable(f"den kan ikke læses ({reason(exc)})") from None
    data = parse_json(raw)
    entries = data.get("rapporter") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise _unreadable("den er ikke den liste over rapporter, tilsyn skrev")
    found = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        audience, period, numbers = entry.get("modtager"), entry.get("periode"), entry.get("tal")
        if isinstance(audience, str) and isinstance(period, str) and isinstance(numbers, dict):
            kept = {k: v for k, v in numbers.items() if isinstance(v, int)}
            found.append(Version(audience, period, kept))
    return found


def _unreadable(why: str) -> TilsynError:
    return fail(
        f"{REPORTS_DIR}/{ISSUED}",
        "L018",
        f"{why}. Filen husker de rapporter, udvalget og afdelingen har fået, og uden den kan "
        "en ny rapport afsløre et lille tal.",
        hint="gendan filen fra en sikkerhedskopi, eller ret den; slet den kun, hvis udvalget og "
        "afdelingen ikke har fået rapporter fra denne arbejdsmappe.",
    )


def issued_ranges(made: list[Version]) -> list[Period]:
    """The date ranges of the versions `made`, in the order first made, whoever got them: the
    department's reports reach the committee's members (and the committee's may be for all),
    so a range either got is decided as got by both."""
    found: list[Period] = []
    for version in made:
        period = _range(version.period)
        if period is not None and period not in found:
            found.append(period)
    return found


def _range(label: str) -> Period | None:
    try:
        period = parse_period(label)
    except TilsynError:
        return None
    return period if period.kind == "interval" else None


def changed_by_little(new: Version, earlier: list[Version], min_count: int) -> list[str]:
    """The audiences of the earlier versions of the same period's report (to either, as with
    `issued_ranges`) that show a count `new` shows too, changed by 1 to `min_count - 1`: what
    the two together give away. Empty when there is none."""
    found = {
        old.audience
        for old in earlier
        if old.period == new.period
        and any(
            0 < abs(value - old.numbers[name]) < min_count
            for name, value in new.numbers.items()
            if name in old.numbers
        )
    }
    return sorted(found, reverse=True)  # udvalg before afdeling


def changed_since_warning(earlier: str, period: str, min_count: int) -> Diagnostic:
    """L015 for a report that shows counts of another period (inside it, around it, or as a
    point of its trend) whose report was made before with other counts."""
    return warning(
        f"{REPORTS_DIR}/{ISSUED}",
        "L015",
        f"rapporten for {earlier} er lavet før med andre tal, end perioden har nu: nogle er "
        f"ændret med 1 til {min_count - 1} (en sen eller rettet gennemgang); rapporten for "
        f"{period} bygger på de nye, så sammen med den første kan den vise et lille tal.",
        hint=f"giv ikke udvalget eller afdelingen rapporten for {period}, hvis de har fået den "
        f"første rapport for {earlier}; vent evt. til næste periode.",
    )


def second_version_warning(new: Version, earlier: list[str], min_count: int) -> Diagnostic:
    """L015 for a version of the period's report whose counts differ by a little from the
    versions made before for the audiences `earlier` (`changed_by_little`)."""
    reader = audience_name(new.audience)
    later = "næste periodes rapport"
    if earlier == [new.audience]:
        before, got = "", reader
        hint = f"giv ikke {reader} begge; er den første sendt, så tag de sene gennemgange med i "
        hint += f"{later} i stedet."
    else:  # the department's report reaches the committee's members, and the other way
        got = " og ".join(audience_name(a) for a in earlier)
        before = f" til {got}"
        hint = f"giv ikke {reader} denne, hvis {got} har fået den første; tag i stedet de sene "
        hint += f"gennemgange med i {later}."
    return warning(
        f"{REPORTS_DIR}/{ISSUED}",
        "L015",
        f"rapporten for {new.period} til {reader} er lavet før{before} med andre tal: nogle er "
        f"ændret med 1 til {min_count - 1} (en sen eller rettet gennemgang); har {got} fået den "
        "første, viser forskellen et lille tal.",
        hint=hint,
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
    write_atomic(folder / ISSUED, text + "\n", overwrite=True)


@contextmanager
def issuing(root: Path, display: str, waiting: Callable[[], None]) -> Iterator[None]:
    """Hold the record's lock while a report is decided with it and added to it, waiting for
    another run that holds it (`waiting` is called when it must); L016 (exit 75) if that run
    is not done within `PATIENCE_SECONDS`."""
    from ledelsestilsyn.io.lock import one_at_a_time

    with one_at_a_time(
        root / REPORTS_DIR / ISSUED_LOCK,
        waiting,
        display=display,
        patience=PATIENCE_SECONDS,
        code="L016",
        run="'tilsyn rapport' til udvalget eller afdelingen",
        undone="denne rapport er ikke lavet",
    ):
        yield

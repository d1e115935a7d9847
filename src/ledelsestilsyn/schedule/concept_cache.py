"""The concept's plan and mail settings, read once per change of `koncept.yaml`.

`.tilsyn/påmind.json` (0600, safe to delete) holds them keyed by the SHA-256
of the concept's bytes, the stamps of the template folders (the plan holds the
titles of the steps in focus, from the series' templates) and the tool version,
so `påmind` and `tilsyn cron` get them without importing pydantic or YAML, or
loading a template, when neither changed. `schedule.scan` keeps its per-folder
summaries in the same file.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import ledelsestilsyn
from ledelsestilsyn.core.diagnostics import ErrorKind, TilsynError
from ledelsestilsyn.core.masking_code import MASKING_FILES
from ledelsestilsyn.io.files import open_error, read_regular
from ledelsestilsyn.io.stamped_json import code_stamp, read_stamped, write_stamped
from ledelsestilsyn.schedule.mail_settings import MailSettings
from ledelsestilsyn.schedule.plan import Plan
from ledelsestilsyn.schedule.series_plans import series_plans
from ledelsestilsyn.schedule.stamps import folder_stamp
from ledelsestilsyn.workspace.layout import (
    CACHE_DIR,
    CONCEPT_FILE,
    REMINDER_CACHE,
    TEMPLATES_DIR,
)

if TYPE_CHECKING:
    from ledelsestilsyn.models.concept import Concept

T = TypeVar("T")

CACHE_SHAPE_ERRORS = (KeyError, IndexError, TypeError, ValueError, AttributeError)
"""What reading a cache with the right stamp but the wrong shape raises (edited by hand,
damaged, or written by a build whose format changed without a new `FORMAT`)."""

FORMAT = 20  # 3: case ids from the manifest; 4: meetings; 5: DATED_LATER; 6: letters due;
# 7: FILE_GONE; 8: the steps' titles; 9: a level's lag; 10: the committee's meetings;
# 11: an unreadable manifest; 12: a future `udført`, the questions with a correction;
# 13: the future `udført` itself; 14: the review's date with each correction; 15: the kinds of
# period the meetings' reports are for; 16: a tiltag's title without a name nobody knows; 17: each
# folder's files that count nowhere (`strays`) and the names of the gone ones; 18: more words
# that name no one (`core/ord.txt`), so fewer titles with `[navn]`; 19: a correction's responsible
# person that no other file names is `[navn]`; 20: more first names, and a surname after `Hr.`
# or `Familien`, are `[navn]` in a tiltag's title (a probe: an old title stood from the cache);
# since then the stamp also holds a digest of the masking code (`core.masking_code`)


def find_concept_fast(start: Path, explicit: Path | None) -> Path:
    """Like `workspace.find_concept`, without importing the models; its errors on failure."""
    if explicit is not None and explicit.is_file():
        return explicit
    if explicit is None:
        here = start.resolve()
        for folder in (here, *here.parents):
            if (folder / CONCEPT_FILE).is_file():
                return folder / CONCEPT_FILE
    from ledelsestilsyn.workspace.open import find_concept

    return find_concept(start, explicit)


@dataclass
class JsonCache:
    """One JSON file in `.tilsyn/`, stamped with its format and the tool version."""

    path: Path
    data: dict[str, Any] = field(default_factory=dict)
    changed: bool = False

    @classmethod
    def open(cls, root: Path, name: str = REMINDER_CACHE, *, fresh: bool = False) -> JsonCache:
        """The cache file `name`; empty when `fresh` (what is there is not read), and when
        its content is not what tilsyn sealed (edited by hand, or damaged)."""
        path = root / CACHE_DIR / name
        data = {} if fresh else read_stamped(path, _STAMP) or {}
        return cls(path, data)

    def save(self) -> None:
        write_stamped(self.path, _STAMP, self.data)


_STAMP = {"format": FORMAT, "tool": code_stamp(MASKING_FILES)}
"""The titles it keeps are masked: a change of the masking rules makes it stale."""


def cached_concept(
    concept_path: Path, cache: JsonCache, broken: ErrorKind = ErrorKind.USAGE
) -> tuple[Plan, MailSettings]:
    """The concept's plan and mail settings: from `cache` while the concept's bytes and
    the templates are unchanged, else read, validated and cached. A broken concept is a
    wrong call for `påmind` (exit 2, so cron mails it), `broken` for another command."""
    try:  # as every command reads it (Y001), not a plain read (W003 at the edge: a probe)
        text = read_regular(concept_path)
    except OSError as exc:
        error = open_error(exc, shown_path(concept_path), "Y001")
        raise TilsynError(error.diagnostics, broken) from None
    key = {
        "sha256": hashlib.sha256(text).hexdigest(),
        "templates": templates_stamp(concept_path.parent),
    }
    cached = cache.data.get("concept")
    if isinstance(cached, dict) and cached.get("key") == key:
        return Plan.from_json(cached["plan"]), MailSettings.from_json(cached["mail"])
    from ledelsestilsyn.workspace.open import load_concept

    try:
        concept, _ = load_concept(concept_path, shown_path(concept_path))
    except TilsynError as exc:
        raise TilsynError(exc.diagnostics, kind=broken) from None
    plan = plan_from_concept(concept, step_titles(concept, concept_path.parent))
    mail = MailSettings.of(concept)
    cache.data["concept"] = {"key": key, "plan": plan.to_json(), "mail": mail.to_json()}
    cache.data.pop("files", None)
    cache.changed = True
    return plan, mail


def shown_path(path: Path) -> str:
    """The concept as the other commands name it in a message: relative to the current
    folder when it lies under it (`koncept.yaml`), else as given (cron's `--koncept`)."""
    from ledelsestilsyn.io.named import resolved  # a link in a loop stays as it is

    try:
        return str(resolved(path).relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def templates_stamp(root: Path) -> str:
    """Stamps of the shipped templates and the workspace's own (`templates.catalog` reads both)."""
    shipped = Path(ledelsestilsyn.__file__).parent / TEMPLATES_DIR
    return f"{folder_stamp(shipped)}/{folder_stamp(root / TEMPLATES_DIR)}"


def step_titles(concept: Concept, root: Path) -> dict[str, dict[str, str]]:
    """Series name → step id → the step's title in the series' template. A template that
    cannot be read leaves its series without titles (its steps are shown by their ids);
    `tjek` and `valider` say what is wrong with it."""
    from ledelsestilsyn.templates.catalog import Catalog

    try:
        catalog = Catalog.load(root)
    except TilsynError:
        return {}
    templates = catalog.resolve_each(spec.template for spec in concept.series.values())
    return {
        name: {step.id: step.title for step in templates[spec.template].steps}
        for name, spec in concept.series.items()
        if spec.template in templates
    }


def plan_from_concept(concept: Concept, titles: dict[str, dict[str, str]] | None = None) -> Plan:
    """The concept's schedule, with the titles of each series' steps (`step_titles`)."""
    spread = concept.dissemination
    days = spread.feedback_days if spread.caseworker_feedback else None
    meetings, committee = tuple(spread.department_meetings), tuple(spread.committee_meetings)
    kinds = concept.report.aggregate_periods
    plans = series_plans(concept, titles)
    return Plan(plans, meetings, days, committee, tuple(kinds) if kinds else None)


def without_bad_cache(read: Callable[[bool], T]) -> T:
    """`read(False)`, or `read(True)` (as with no cache, which it then rewrites) when a
    cache read has the wrong shape: a cache only makes a run faster, never breaks it."""
    try:
        return read(False)
    except CACHE_SHAPE_ERRORS:
        return read(True)


def read_settings(concept_path: Path) -> tuple[Plan, MailSettings]:
    """Plan and mail settings alone, without looking at the samples (for `tilsyn cron`)."""

    def read(fresh: bool) -> tuple[Plan, MailSettings]:
        cache = JsonCache.open(concept_path.parent, fresh=fresh)
        plan, mail = cached_concept(concept_path, cache)
        save_quietly(cache)
        return plan, mail

    return without_bad_cache(read)


def save_quietly(cache: JsonCache) -> None:
    """Save a changed cache; one that cannot be written only makes the next run slower."""
    if cache.changed:
        with contextlib.suppress(OSError, TilsynError):
            cache.save()

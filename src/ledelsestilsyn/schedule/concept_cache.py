"""The concept's plan and mail settings, read once per change of `koncept.yaml`.

`.tilsyn/påmind.json` (0600, safe to delete) holds them keyed by the SHA-256
of the concept's bytes and the tool version, so `påmind` and `tilsyn cron`
get them without importing pydantic or YAML when the concept is unchanged.
`schedule.scan` keeps its per-folder summaries in the same file.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ledelsestilsyn import __version__
from ledelsestilsyn.core.diagnostics import ErrorKind, TilsynError
from ledelsestilsyn.io.stamped_json import read_stamped, write_stamped
from ledelsestilsyn.schedule.mail_settings import MailSettings
from ledelsestilsyn.schedule.plan import Plan, plan_from_concept
from ledelsestilsyn.workspace.layout import CACHE_DIR, CONCEPT_FILE, REMINDER_CACHE

FORMAT = 7  # 3: case ids from the manifest; 4: meetings; 5: DATED_LATER; 6: letters due;
# 7: FILE_GONE


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
    def open(cls, root: Path, name: str = REMINDER_CACHE) -> JsonCache:
        path = root / CACHE_DIR / name
        return cls(path, read_stamped(path, _STAMP) or {})

    def save(self) -> None:
        write_stamped(self.path, _STAMP, self.data)


_STAMP = {"format": FORMAT, "tool": __version__}


def cached_concept(concept_path: Path, cache: JsonCache) -> tuple[Plan, MailSettings]:
    """The concept's plan and mail settings: from `cache` while the concept's bytes are
    unchanged, else read, validated (a broken concept is a wrong call) and cached."""
    digest = hashlib.sha256(concept_path.read_bytes()).hexdigest()
    cached = cache.data.get("concept")
    if isinstance(cached, dict) and cached.get("sha256") == digest:
        return Plan.from_json(cached["plan"]), MailSettings.from_json(cached["mail"])
    from ledelsestilsyn.workspace.open import load_concept

    try:
        concept, _ = load_concept(concept_path)
    except TilsynError as exc:
        raise TilsynError(exc.diagnostics, kind=ErrorKind.USAGE) from None
    plan, mail = plan_from_concept(concept), MailSettings.of(concept)
    cache.data["concept"] = {"sha256": digest, "plan": plan.to_json(), "mail": mail.to_json()}
    cache.data.pop("files", None)
    cache.changed = True
    return plan, mail


def read_settings(concept_path: Path) -> tuple[Plan, MailSettings]:
    """Plan and mail settings alone, without looking at the samples (for `tilsyn cron`)."""
    cache = JsonCache.open(concept_path.parent)
    plan, mail = cached_concept(concept_path, cache)
    save_quietly(cache)
    return plan, mail


def save_quietly(cache: JsonCache) -> None:
    """Save a changed cache; one that cannot be written only makes the next run slower."""
    if cache.changed:
        with contextlib.suppress(OSError, TilsynError):
            cache.save()

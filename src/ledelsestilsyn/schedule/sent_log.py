"""What was sent when, and the lock that keeps overlapping runs from sending twice.

`.tilsyn/påmind-sendt.json` (0600) maps recipient → reminder key → the day it
was last sent. A reminder is sent again only after `gentag_efter_dage` days,
or at once when it changes stage (a deadline passes). A feedback letter
(`tilbagemelding --mail`) is sent again only when it has changed. Deleting the
file only means the next run sends again.

`.tilsyn/påmind.lock` is held with a lock (`io.portable.try_lock`) while a run decides, delivers and
records; a second run at the same time exits 75 with one line and changes
nothing. The kernel releases the lock when its holder dies, so a killed run
never leaves a stale lock.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ledelsestilsyn.core.diagnostics import ErrorKind, fail
from ledelsestilsyn.io.files import read_regular
from ledelsestilsyn.io.lock import open_lock
from ledelsestilsyn.io.portable import try_lock
from ledelsestilsyn.io.stamped_json import parse_json
from ledelsestilsyn.workspace.layout import CACHE_DIR, REMINDER_LOCK, SENT_LOG

KEEP_DAYS = 400


@contextmanager
def run_lock(cache_dir: Path, refused: str = "der sendes intet") -> Iterator[None]:
    """Hold the påmind lock, or raise exit 75 if another run holds it.

    A cache folder that is a symbolic link is refused as a wrong setup (exit 2, as a broken
    concept, so that cron's mail and systemd say it), named as påmind names the workspace's
    files, with what is not done (`refused`, e.g. no reminders are sent)."""
    from ledelsestilsyn.io.atomic import writable_folder

    if cache_dir.is_symlink():
        raise fail(
            CACHE_DIR,
            "W002",
            f"mappen er et symbolsk link; tilsyn skriver ikke gennem links, så {refused}.",
            hint=f"slet linket ({CACHE_DIR} er kun en cache, som tilsyn laver igen), eller "
            "erstat det med en almindelig mappe.",
            kind=ErrorKind.USAGE,
        )
    writable_folder(cache_dir)
    path = cache_dir / REMINDER_LOCK
    fd = open_lock(path)
    try:
        if not try_lock(fd):
            raise fail(
                str(path),
                "R030",
                "en anden kørsel, der sender mail ('tilsyn påmind' eller 'tilsyn "
                "tilbagemelding'), er i gang; denne kørsel sender ingenting.",
                kind=ErrorKind.BUSY,
            ) from None
        yield
    finally:
        os.close(fd)


@dataclass
class SentLog:
    path: Path
    sent: dict[str, dict[str, str]] = field(default_factory=dict)
    marked: bool = False
    """Whether anything was marked: a look at the status, which marks nothing, writes
    nothing, so it works in a `.tilsyn` that cannot be written (a probe)."""

    @classmethod
    def load(cls, cache_dir: Path) -> SentLog:
        path = cache_dir / SENT_LOG
        try:
            data = parse_json(read_regular(path))
        except OSError:
            return cls(path)
        sent = data.get("sendt") if isinstance(data, dict) else None
        if not isinstance(sent, dict):
            return cls(path)
        clean = {
            str(who): {str(k): str(v) for k, v in keys.items()}
            for who, keys in sent.items()
            if isinstance(keys, dict)
        }
        return cls(path, clean)

    def is_due(self, recipient: str, key: str, today: date, repeat_days: int) -> bool:
        """Not sent to this recipient before, or last sent `repeat_days` or more ago. A mark
        from a later day than `today` (a look ahead with `--dato`) does not count: it would
        keep the run of the day itself quiet until a week after the day looked at."""
        last = self.sent.get(recipient, {}).get(key)
        if last is None:
            return True
        try:
            days = (today - date.fromisoformat(last)).days
        except ValueError:
            return True
        return days < 0 or days >= repeat_days

    def sent_on(self, recipient: str, key: str) -> str | None:
        """The day (ÅÅÅÅ-MM-DD) `key` was last sent to this recipient, if it was."""
        return self.sent.get(recipient, {}).get(key)

    def mark(self, recipient: str, keys: tuple[str, ...], today: date) -> None:
        self.sent.setdefault(recipient, {}).update(dict.fromkeys(keys, today.isoformat()))
        self.marked = True

    def save(self, today: date) -> None:
        from ledelsestilsyn.io.atomic import writable_folder, write_atomic

        if not self.marked:
            return

        oldest = (today - timedelta(days=KEEP_DAYS)).isoformat()
        kept = {
            who: {k: d for k, d in sorted(keys.items()) if d >= oldest}
            for who, keys in sorted(self.sent.items())
        }
        text = json.dumps({"format": 1, "sendt": kept}, ensure_ascii=False, indent=1)
        writable_folder(self.path.parent)
        write_atomic(self.path, text + "\n", overwrite=True)

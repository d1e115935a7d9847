"""`påmind --altid` shows the status; it is not the reminder cron sends.

A consultant who looked at the status in the morning (`tilsyn påmind --altid`) silenced
the day's cron run, and so its mail to MAILTO, for `gentag_efter_dage` days: the view
was logged as said.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli


def test_looking_at_the_status_does_not_silence_crons_reminder(
    example_workspace: Path, cli: Cli
) -> None:
    view = cli("påmind", "--dato", "2026-11-03", "--altid")
    assert view.exit_code == 0 and "stikprøven er ikke trukket" in view.output, view.output
    cron = cli("påmind", "--dato", "2026-11-03")
    assert cron.output == view.output, cron.output
    assert cli("påmind", "--dato", "2026-11-03").output == ""  # said once: then quiet
    assert cli("påmind", "--dato", "2026-11-03", "--altid").output == view.output


def test_looking_at_the_status_writes_nothing(
    example_workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Probe BC: with `.tilsyn` read-only, `påmind --altid` said only W003 (exit 2) and showed
    no status: it saved its log of what was said, though a look marks nothing in it."""
    import ledelsestilsyn.io.atomic as atomic

    def refused(path: Path, *_: object, **__: object) -> None:
        raise atomic.cannot_write(path.parent, "der er ikke adgang til at skrive i mappen.")

    monkeypatch.setattr(atomic, "write_atomic", refused)
    view = cli("påmind", "--dato", "2026-11-03", "--altid")
    assert view.exit_code == 0 and "stikprøven er ikke trukket" in view.output, view.output

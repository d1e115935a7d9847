"""`tilsyn rapport` again into rapporter/: a report the leader edited (a preface for the
committee) was overwritten without a word by the next run (a review finished late)."""

from __future__ import annotations

from pathlib import Path

from conftest import Cli

ARGS = ("rapport", "--periode", "2026-11", "--format", "md")


def test_a_report_edited_by_hand_is_kept_beside_the_new_one(cli: Cli, rapport_ws: Path) -> None:
    first = cli(*ARGS, "--dato", "2026-11-25")
    assert first.exit_code == 0, first.output
    target = rapport_ws / "rapporter" / "2026-11-leder.md"
    edited = "Forord til udvalget.\n\n" + target.read_text(encoding="utf-8")
    target.write_text(edited, encoding="utf-8")
    again = cli(*ARGS, "--dato", "2026-11-26")
    assert again.exit_code == 0, again.output
    backup = target.with_name("2026-11-leder.md.bak")
    assert backup.read_text(encoding="utf-8") == edited
    assert not target.read_text(encoding="utf-8").startswith("Forord")
    assert "rapporter/2026-11-leder.md: advarsel L013: rapporten er rettet" in again.stderr
    assert "rapporter/2026-11-leder.md.bak" in again.stderr
    third = cli(*ARGS, "--dato", "2026-11-27")  # the new one is tilsyn's: no new backup
    assert third.exit_code == 0 and "L013" not in third.stderr
    assert sorted(p.name for p in target.parent.iterdir() if not p.name.startswith(".")) == [
        "2026-11-leder.md",
        "2026-11-leder.md.bak",
    ]


def test_a_file_tilsyn_did_not_write_is_kept_too(cli: Cli, rapport_ws: Path) -> None:
    own = rapport_ws / "rapporter" / "2026-11-leder.md"
    own.parent.mkdir(exist_ok=True)
    own.write_text("Mine egne noter til rapporten.\n", encoding="utf-8")
    result = cli(*ARGS, "--dato", "2026-11-25")
    assert result.exit_code == 0, result.output
    assert own.with_name("2026-11-leder.md.bak").read_text(encoding="utf-8") == (
        "Mine egne noter til rapporten.\n"
    )
    assert "L013" in result.stderr

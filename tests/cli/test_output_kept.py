"""`rapport -o FIL` and `årshjul -o FIL` over a file tilsyn did not write (a new export not
yet drawn from, someone's notes, a calendar): it was replaced without a word and without a
`.bak`. A file there that tilsyn wrote itself, unedited, is replaced without a backup."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import Cli

REPORT = ("rapport", "--periode", "2026-11")


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def test_a_new_export_named_with_o_is_kept(cli: Cli, filled_example: Path) -> None:
    export = filled_example / "eksport-december.csv"
    export.write_bytes(b"Sagsnr.;Afg\xf8relsesdato\r\nS-2026-09999;01-12-2026\r\n")
    result = cli(*REPORT, "--dato", "2026-11-25", "-o", "eksport-december.csv")
    assert result.exit_code == 0, result.output
    backup = filled_example / "eksport-december.csv.bak"
    assert backup.read_bytes() == b"Sagsnr.;Afg\xf8relsesdato\r\nS-2026-09999;01-12-2026\r\n"
    assert "eksport-december.csv: advarsel L013:" in result.stderr
    assert "eksport-december.csv.bak" in result.stderr


def test_notes_in_another_folder_are_kept_and_a_rerun_makes_no_new_backup(
    cli: Cli, filled_example: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    notes = folder / "noter.md"
    notes.write_text("mine noter\n", encoding="utf-8")
    first = cli(*REPORT, "--dato", "2026-11-25", "-o", str(notes))
    assert first.exit_code == 0, first.output
    assert (folder / "noter.md.bak").read_text(encoding="utf-8") == "mine noter\n"
    assert "L013" in first.stderr
    for day in ("2026-11-26", "2026-11-27"):  # tilsyn's own report: replaced, no backup
        again = cli(*REPORT, "--dato", day, "-o", str(notes))
        assert again.exit_code == 0 and "L013" not in again.stderr, again.output
    assert _names(folder) == ["noter.md", "noter.md.bak"]  # no record in the user's folder
    notes.write_text("rettet\n" + notes.read_text(encoding="utf-8"), encoding="utf-8")
    edited = cli(*REPORT, "--dato", "2026-11-28", "-o", str(notes))
    assert "L013" in edited.stderr
    assert (folder / "noter.md.2.bak").read_text(encoding="utf-8").startswith("rettet\n")


def test_a_calendar_over_someones_file_is_kept(example_workspace: Path, cli: Cli) -> None:
    plan = Path("plan.ics")
    plan.write_text("mine noter\n", encoding="utf-8")
    result = cli("årshjul", "2027", "-o", "plan.ics")
    assert result.exit_code == 0, result.output
    assert Path("plan.ics.bak").read_text(encoding="utf-8") == "mine noter\n"
    assert "plan.ics: advarsel L013:" in result.stderr
    assert plan.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    concept = example_workspace / "koncept.yaml"
    os.utime(concept, (concept.stat().st_atime, concept.stat().st_mtime + 60))
    again = cli("årshjul", "2027", "-o", "plan.ics")  # other bytes, but tilsyn's own file
    assert again.exit_code == 0 and "L013" not in again.stderr, again.output
    assert not Path("plan.ics.2.bak").exists()

"""A symbolic link that points at itself under `udtræk/` or `tilbagemeldinger/` (found by
probe V): `påmind`, the daily cron job, and `årshjul` ended in an internal error (exit 3),
for `os.DirEntry.is_dir` raises where `Path.is_dir` says no. Now such a link is no folder
and no review, as everywhere else."""

from __future__ import annotations

from pathlib import Path

from conftest import Cli


def test_a_link_to_itself_stops_no_command(filled_example: Path, cli: Cli) -> None:
    example_workspace = filled_example
    folders = sorted(p for p in (example_workspace / "udtræk").iterdir() if p.is_dir())
    (example_workspace / "udtræk" / "loop").symlink_to("loop")
    (folders[0] / "S-x.yaml").symlink_to("S-x.yaml")
    (example_workspace / "tilbagemeldinger").mkdir(exist_ok=True)
    (example_workspace / "tilbagemeldinger" / "2026-11").symlink_to("2026-11")
    for args in (("påmind", "--altid", "--dato", "2026-11-25"), ("årshjul", "2026")):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.output)
        assert "intern fejl" not in result.output

"""Start-up: `tilsyn --help` against importing yaml and pydantic in a bare interpreter."""

from __future__ import annotations

from pathlib import Path

from .common import Figure, python, tilsyn, time_command


def run(tmp: Path) -> list[Figure]:
    floor = time_command([python(), "-c", "import yaml, pydantic"], repeat=7)
    help_time = time_command([tilsyn(), "--help"], repeat=7)
    return [Figure("opstart (tilsyn --help)", help_time, "s", floor)]

"""Shared helpers for `make bench`: timing, peak memory and the output line."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Figure:
    """One benchmark result: `name: value unit (ratio× floor)`."""

    name: str
    value: float
    unit: str
    floor: float | None = None
    note: str = ""

    def line(self) -> str:
        text = f"{self.name}: {self.value:.3f} {self.unit}"
        if self.floor:
            text += f" ({self.value / self.floor:.2f}× floor {self.floor:.3f} {self.unit})"
        if self.note:
            text += f" [{self.note}]"
        return text


def time_command(args: list[str], *, cwd: Path | None = None, repeat: int = 1) -> float:
    """Median wall time in seconds of running `args` (output discarded; must exit 0 or 1)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(args, cwd=cwd, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{args} fejlede ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return statistics.median(times)


def peak_memory_mb(args: list[str], *, cwd: Path | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one run of `args`, measured via wait4."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{args} fejlede")
    return elapsed, usage.ru_maxrss / 1024


def tilsyn() -> str:
    return str(BIN / "tilsyn")


def python() -> str:
    return sys.executable

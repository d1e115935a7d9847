"""`make bench`: generate data in a temp folder and print one line per figure.

Each `bench_*.py` module has `run(tmp) -> list[Figure]`; figures are printed
as `name: value unit (ratio× floor)`, the floor being plain parsing of the
same input measured in the same run. Select modules with arguments:
`python bench/run.py startup udtraek`.

The package is byte-compiled first, as `pip install` does: with
PYTHONDONTWRITEBYTECODE set (as in some shells and CI) an editable install
would otherwise compile every module on every run, and a floor of stdlib and
site-packages code never does.
"""

from __future__ import annotations

import compileall
import importlib
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MODULES = (
    "startup",
    "udtraek",
    "xlsx",
    "valider",
    "rapport",
    "paamind",
    "niveauer",
    "tilbagemelding",
)


def main(selected: list[str]) -> None:
    names = [m for m in MODULES if not selected or m in selected]
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "src", quiet=1)
    for name in names:
        try:
            module = importlib.import_module(f"bench.bench_{name}")
        except ModuleNotFoundError:
            continue
        with tempfile.TemporaryDirectory(prefix=f"tilsyn-bench-{name}-") as tmp:
            for figure in module.run(Path(tmp)):
                print(figure.line(), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

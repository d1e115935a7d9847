"""`make demo` (eksempler/demo.sh) written to a file or a pipe: plain text, no terminal codes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import EKSEMPLER


def test_demo_prints_no_ansi_codes_when_not_a_terminal(tmp_path: Path) -> None:
    tilsyn = Path(sys.executable).parent / "tilsyn"
    bash = shutil.which("bash")
    assert bash is not None
    result = subprocess.run(
        [bash, str(EKSEMPLER / "demo.sh"), str(tilsyn), str(tmp_path / "demo")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "==> tilsyn tjek" in result.stdout
    assert "\x1b" not in result.stdout + result.stderr

"""The README's `tilsyn migrer` example: a 2026-10 sample on overordnet@2024.1 in every state.

S-1 not started, S-2 partly filled in with a correction under afdækning-2 (changed in
2025.1) and two of the reviewer's own comment lines, S-3 finished and S-4 invalid: the
`sample` of test_migrate, with S-2's correction moved to afdækning-2 as in the README.
"""

from __future__ import annotations

from pathlib import Path

from test_migrate import CORRECTION, sample  # noqa: F401 (the fixture)

from conftest import Cli
from readme_examples import argv, assert_shown

DRY = "migrer udtræk/2026-10-månedligt-overordnet --til overordnet@2025.1 --tør"
REAL = "migrer udtræk/2026-10-månedligt-overordnet --til overordnet@2025.1"


def _as_in_the_readme(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    correction = CORRECTION.rstrip("\n")
    assert "\n" + correction in text
    text = text.replace("\n" + correction, "", 1)
    comment = "      kommentar: 'Fagpersoner ikke inddraget.'"
    assert comment in text
    mine = f"      # egen note: spørg teamlederen\n{comment}  # ring mandag\n{correction}"
    path.write_text(text.replace(comment, mine, 1), encoding="utf-8")


def test_migrer_says_what_it_would_do_and_then_does_it(cli: Cli, sample: Path) -> None:  # noqa: F811
    _as_in_the_readme(sample / "S-2.yaml")
    for command in (DRY, REAL):
        result = cli(*argv(command))
        assert result.exit_code == 1, result.output  # S-4 is invalid
        assert_shown(result.output, command)
    assert (sample / "S-2.yaml.bak").is_file()

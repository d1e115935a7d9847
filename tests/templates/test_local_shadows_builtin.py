"""A local template with a built-in one's id and version (probe BC): it replaced the built-in
silently, and reviews answered under the built-in wording were reported under the new one."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import Cli
from ledelsestilsyn.templates.catalog import shipped_dir

BUILT_IN = shipped_dir() / "overordnet-2025.1.yaml"


def test_a_local_template_that_changes_a_built_in_one_is_warned_of(
    example_workspace: Path, cli: Cli
) -> None:
    text = BUILT_IN.read_text(encoding="utf-8")
    changed = text.replace("senest 24 timer efter modtagelsen", "LOKAL ÆNDRING", 1)
    assert changed != text
    (example_workspace / "skabeloner").mkdir()
    (example_workspace / "skabeloner" / "min.yaml").write_text(changed, encoding="utf-8")
    result = cli("tjek")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "skabeloner/min.yaml: advarsel T022: " in said, said
    assert "overordnet@2025.1" in said and "1 advarsel" in said


def test_a_local_copy_that_changes_nothing_is_not_warned_of(
    example_workspace: Path, cli: Cli
) -> None:
    (example_workspace / "skabeloner").mkdir()
    copy = example_workspace / "skabeloner" / "overordnet-2025.1.yaml"
    copy.write_text(BUILT_IN.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("tjek")
    assert result.exit_code == 0 and "T022" not in result.output, result.output


def test_a_template_without_a_scale_is_told_what_a_scale_is(
    example_workspace: Path, cli: Cli
) -> None:
    """Probe BC: `en skabelon uden 'udvider' skal have en 'skala'`, no full stop, no help."""
    text = BUILT_IN.read_text(encoding="utf-8").replace('version: "2025.1"', 'version: "2099.1"')
    without = re.sub(r"(?m)^skala:\n(?:[ -].*\n)+", "", text, count=1)
    assert without != text
    (example_workspace / "skabeloner").mkdir()
    (example_workspace / "skabeloner" / "uden.yaml").write_text(without, encoding="utf-8")
    said = " ".join(cli("tjek").output.split())
    assert "skal have en 'skala' (svarene, fx ja, nej og ikke relevant)" in said, said
    assert "med 'udvider'." in said

"""A tiltag whose target question a new template version removed says so, and how to fix it.

Before, the report said "no review has answered the target yet", which was untrue: the
question was answered until the template changed, and will never be answered again.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from remind_support import MONTHLY, draw, fill, reviews

from conftest import Cli
from ledelsestilsyn.templates.catalog import shipped_dir

TILTAG = """\
tiltag:
  - id: "partshøring"
    titel: "Partshøring før anbringelse"
    besluttet: "2026-10-15"
    status: "i gang"
    mål:
      spørgsmål: [anbringelse-7, anbringelse-8]
      sagsskridt: []
      pejlemærker: []
    skabelon: "overordnet"
  - id: "kun-fjernet"
    titel: "Kun det fjernede spørgsmål"
    besluttet: "2026-10-15"
    status: "planlagt"
    mål:
      spørgsmål: [anbringelse-7]
    skabelon: "overordnet"
"""


def new_version(workspace: Path) -> None:
    """overordnet@2026.1: overordnet@2025.1 without the question anbringelse-7."""
    text = (shipped_dir() / "overordnet-2025.1.yaml").read_text(encoding="utf-8")
    text = text.replace('version: "2025.1"', 'version: "2026.1"', 1)
    without = re.sub(r"      - id: anbringelse-7\n(?:        .*\n)+", "", text, count=1)
    assert "anbringelse-7" not in without and "anbringelse-8" in without
    (workspace / "skabeloner").mkdir(exist_ok=True)
    (workspace / "skabeloner" / "overordnet-2026.1.yaml").write_text(without, encoding="utf-8")


@pytest.fixture
def changed(example_workspace: Path, cli: Cli) -> Path:
    """Reviews in 2025.1 before the tiltag, in 2026.1 (without its question) after it."""
    for path in reviews(draw(cli, MONTHLY, "2026-10")):
        fill(path, "Karen Holm Madsen", "2026-10-12")
    (example_workspace / "tiltag.yaml").write_text(TILTAG, encoding="utf-8")
    new_version(example_workspace)
    for path in reviews(draw(cli, MONTHLY, "2026-11")):
        fill(path, "Karen Holm Madsen", "2026-11-12")
    return example_workspace


def test_the_report_says_the_question_left_the_template(changed: Path, cli: Cli) -> None:
    result = cli("rapport", "--periode", "2026-11", "--format", "md", "-o", "-")
    assert result.exit_code == 0, result.output
    text = str(result.stdout)
    gone = (
        "Spørgsmålet anbringelse-7 er ikke længere i skabelonen overordnet (version 2026.1), "
        "så effekten kan ikke måles på det. Ret målet i tiltag.yaml."
    )
    both = text.split("### partshøring", 1)[1].split("\n### ", 1)[0]
    assert gone in both and "| anbringelse-8 |" in both, both  # the one still there keeps its row
    only = text.split("### kun-fjernet", 1)[1].split("\n## ", 1)[0]
    assert gone in only and "Ingen gennemgange har besvaret" not in only, only


def test_tilsyn_tiltag_warns_where_the_target_stands(changed: Path, cli: Cli) -> None:
    result = cli("tiltag", "--dato", "2026-11-25")
    assert result.exit_code == 0, result.output
    line = TILTAG.splitlines().index("      spørgsmål: [anbringelse-7, anbringelse-8]") + 1
    assert (
        f"tiltag.yaml:{line}:19: advarsel O005: spørgsmålet 'anbringelse-7' er ikke længere i "
        "skabelonen 'overordnet' (version 2026.1)" in result.stderr
    ), result.stderr
    assert "ret målet i tiltag.yaml" in result.stderr
    assert "tilsyn skabelon forskel overordnet@2025.1 overordnet@2026.1" in result.stderr
    assert "  mål: anbringelse-7, anbringelse-8 (overordnet)\n" in result.stdout
    assert (
        "  ikke længere i skabelonen (overordnet 2026.1): anbringelse-7; ret målet i tiltag.yaml"
        in result.stdout
    )


def test_tjek_warns_too(changed: Path, cli: Cli) -> None:
    result = cli("tjek")
    assert "advarsel O005" in result.output and "fejl O0" not in result.output, result.output

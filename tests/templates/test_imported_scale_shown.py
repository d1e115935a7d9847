"""A question taken from another template keeps its scale, and `skabelon` shows it (probe BK:
the tree said `svar: ja / nej / ikke relevant` over the thematic template's questions, and the
printable checklist gave them boxes under those answers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli

LOCAL = (
    'id: lokal\ntitel: "Lokal"\nversion: "1"\ntype: overordnet\nudvider: overordnet\n'
    "hent:\n  - skabelon: tematiseret\n    spørgsmål: [intentioner]\n"
)


def test_the_checklist_and_the_tree_give_a_taken_question_its_own_scale(
    workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    (workspace / "skabeloner" / "lokal.yaml").write_text(LOCAL, encoding="utf-8")
    md = cli("skabelon", "lokal", "--format", "md")
    assert md.exit_code == 0, md.output
    taken = md.output.split("## På tværs af sagen: ", 1)[1]
    header = "| Nr. | Spørgsmål | Hjemmel | lav grad | nogen grad | høj grad | ikke relevant |"
    assert header in taken and "| ja |" not in taken, taken
    first = md.output.split("\n## ", 2)[1]
    assert "| Nr. | Spørgsmål | Hjemmel | ja | nej | ikke relevant | Kommentar |" in first
    tree = " ".join(cli("skabelon", "lokal").output.split())
    assert "svar: lav grad / nogen grad / høj grad / ikke relevant" in tree, tree

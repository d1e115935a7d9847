"""`skabelon --format md`: a local template's texts stand as written, never as markup.

Found by the hostile review (round 9): the checklist escaped only `|`, so a question text
with `010203 *1234*` or `&#48;&#49;…` showed a CPR number in any Markdown viewer, which
the output gate never saw in the file, and `<img src=…>` made the viewer load a picture
from a server.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import Cli
from ledelsestilsyn.core.cpr import find_cpr

HOSTILE = (
    "Har Emil 010203 *1234* og &#48;&#50;&#48;&#51;&#48;&#52;-1111 en plan?"
    " <img src=https://evil.example/t.png> 030405 `2222`"
)


def _template(version: str, text: str) -> str:
    return (
        f'id: lokal\ntitel: "Lokal *040506* `3333`"\nversion: "{version}"\ntype: overordnet\n'
        "skala:\n  - svar: ja\n  - svar: nej\n"
        "sagsskridt:\n  - id: a\n    titel: A\n    spørgsmål:\n"
        f'      - {{id: a-1, tekst: "{text}", hjemmel: "§ 1 &#48;50607-4444"}}\n'
    )


def _shown(markdown: str) -> tuple[str, str]:
    page = MarkdownIt("commonmark").enable("table").render(markdown)
    return page, html.unescape(re.sub(r"<[^>]+>", "", page))


@pytest.mark.parametrize(
    "call", [("skabelon", "lokal@2"), ("skabelon", "forskel", "lokal@1", "lokal@2")]
)
def test_a_templates_text_shows_no_number_and_loads_nothing(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch, call: tuple[str, ...]
) -> None:
    monkeypatch.chdir(workspace)
    folder = workspace / "skabeloner"
    (folder / "lokal-1.yaml").write_text(_template("1", "Har barnet en plan?"), encoding="utf-8")
    (folder / "lokal-2.yaml").write_text(_template("2", HOSTILE), encoding="utf-8")
    result = cli(*call, "--format", "md")
    assert result.exit_code == 0, result.output
    assert "plan" in result.stdout
    page, text = _shown(result.stdout)
    assert "<img" not in page
    assert not find_cpr(text), [text[a:b] for a, b in find_cpr(text)]

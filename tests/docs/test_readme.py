"""The README is the user's manual: every visible command and every code is documented."""

from __future__ import annotations

import re

from conftest import ROOT
from ledelsestilsyn.cli.app import app

README = (ROOT / "README.md").read_text(encoding="utf-8")
SRC = ROOT / "src" / "ledelsestilsyn"


def visible_commands() -> list[str]:
    return [c.name for c in app.registered_commands if c.name and not c.hidden]


def test_every_command_has_a_section_with_an_example() -> None:
    for name in visible_commands():
        heading = f"### `tilsyn {name}`"
        assert heading in README, f"README mangler afsnittet {heading}"
        section = README.split(heading, 1)[1].split("\n### ", 1)[0]
        assert f"tilsyn {name}" in section.split("\n", 1)[1], f"intet eksempel under {heading}"


def test_every_diagnostic_code_in_the_source_is_documented() -> None:
    codes: set[str] = set()
    for path in SRC.rglob("*.py"):
        codes.update(re.findall(r'"([A-Z]\d{3})"', path.read_text(encoding="utf-8")))
    documented = set(re.findall(r"\b([A-Z]\d{3})\b", README))
    for match in re.finditer(r"\b([A-Z])(\d{3})–\1?(\d{3})\b", README):
        documented.update(f"{match[1]}{n:03d}" for n in range(int(match[2]), int(match[3]) + 1))
    missing = sorted(codes - documented)
    assert not missing, f"koder uden forklaring i README: {missing}"

"""The README is the user's manual: every visible command and every code is documented."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from typing import Any

from typer.core import TyperOption
from typer.main import get_command

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


def _comment_above(text: str, key: str) -> str:
    """The comment lines right above `key:` in a preset."""
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{key}:"))
    block: list[str] = []
    for line in reversed(lines[:at]):
        if not line.strip().startswith("#"):
            break
        block.insert(0, line.strip().lstrip("# "))
    return " ".join(block)


def test_readme_and_every_preset_say_who_sees_small_counts() -> None:
    """Issue 12 §5: the README and the presets agree with the code (`decision.AGGREGATE`)."""
    from ledelsestilsyn.report.decision import AGGREGATE

    assert {"udvalg", "afdeling"} == AGGREGATE
    for preset in sorted((SRC / "forlæg").glob("*.yaml")):
        comment = _comment_above(preset.read_text(encoding="utf-8"), "mindste_antal")
        for audience in sorted(AGGREGATE):
            assert audience in comment, f"{preset.name}: nævner ikke {audience}"
        assert "Lederens rapport viser alle tal" in comment, preset.name
    committee = README.split("**`--modtager udvalg`**", 1)[1].split("\n\n", 1)[0]
    assert "Små tal skjules her og i afdelingens rapport" in committee
    assert "lederens rapport\n(`--modtager leder`) viser alle tal" in committee


def _commands(*, hidden: bool = False) -> Iterator[tuple[list[str], Any]]:
    """Every visible command and subcommand, with its path (`['tiltag', 'ny']`); with
    `hidden` also the ASCII aliases (`paamind`)."""
    root = get_command(app)
    for name, command in getattr(root, "commands", {}).items():
        if command.hidden and not hidden:
            continue
        yield [name], command
        for sub, subcommand in getattr(command, "commands", {}).items():
            yield [name, sub], subcommand


def _option_names(command: Any) -> list[list[str]]:
    return [
        [*p.opts, *p.secondary_opts]
        for p in command.params
        if isinstance(p, TyperOption) and "--help" not in p.opts
    ]


def _section(name: str) -> str:
    return re.split(r"\n##+ ", README.split(f"### `tilsyn {name}`", 1)[1], maxsplit=1)[0]


def test_every_option_is_documented_in_its_commands_section() -> None:
    """`--koncept` is documented once, under Arbejdsmappen, for every command."""
    assert "`--koncept FIL`" in README.split("## Kommandoer", 1)[0]
    for path, command in _commands():
        section = _section(path[0])
        for names in _option_names(command):
            if "--koncept" in names:
                continue
            assert any(f"{n}" in section for n in names), f"tilsyn {' '.join(path)}: {names}"


def test_every_option_in_a_readme_example_exists() -> None:
    """Both the `$ tilsyn …` lines and the commands written in the text (`tilsyn … --x`)."""
    known = {" ".join(p): _option_names(c) for p, c in _commands(hidden=True)}
    known[""] = _option_names(get_command(app))
    lines = re.findall(r"^\$ tilsyn (.+)$", README, flags=re.MULTILINE)
    inline = re.findall(r"`tilsyn ([^`]+)`", README)  # not `tilsyn → bedømmere` (a key)
    lines += [t for t in inline if t.split()[0] in known or t.startswith("-")]
    for line in lines:
        words = shlex.split(line.split("  #", 1)[0].split("&&", 1)[0])
        path = " ".join(words[:2]) if " ".join(words[:2]) in known else words[0]
        path = "" if path.startswith("-") else path  # `tilsyn --version`
        flat = {n for names in known[path] for n in names} | {"-h", "--help"}
        for word in words:
            option = word.split("=", 1)[0]
            if option.startswith("-") and option != "-":
                assert option in flat, f"README: 'tilsyn {line}': {option} findes ikke"

"""The README's examples, read from the README itself: `$ tilsyn …` and the lines shown after it.

The tests run each command and check that every shown line is in the real output, so the
manual cannot drift from the tool. A line that is only `…` (or a table row of `…`), a
`(… …)` note, and `...` stand for output the README leaves out; a line starting with `…`
is the end of a real line (`…/S-2.yaml …`).
"""

from __future__ import annotations

import re
import shlex

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
_OMITTED = re.compile(r"^[\s│┃]*(…|\.\.\.)[\s│┃]*$")


def shown(command: str) -> list[str]:
    """The lines the README shows after `$ tilsyn {command}`, up to the next `$` or ```."""
    lines = README.splitlines()
    at = lines.index(f"$ tilsyn {command}")
    out: list[str] = []
    for line in lines[at + 1 :]:
        if line.startswith(("$ ", "```")):
            break
        out.append(line)
    return out


def argv(command: str) -> list[str]:
    """The command's arguments, as a shell would split them."""
    return shlex.split(command)


def block_after(marker: str) -> list[str]:
    """The lines of the first code block after the README text `marker`."""
    rest = README.split(marker, 1)[1]
    body = rest.split("```", 2)[1]
    return body.split("\n")[1:-1]


def missing(output: str, lines: list[str]) -> list[str]:
    """The README lines that are not lines of `output` (compared without outer blanks)."""
    have = [line.strip() for line in output.splitlines()]
    gone: list[str] = []
    for line in lines:
        text = line.strip()
        if not text or _OMITTED.match(text) or text.startswith("(…"):
            continue
        tail = text.startswith("…")
        if not (any(h.endswith(text[1:]) for h in have) if tail else text in have):
            gone.append(line)
    return gone


def unshown_diagnostics(output: str, lines: list[str]) -> list[str]:
    """Warnings and errors in `output` that the README does not show: a reader who runs the
    example as written would meet a message the manual never mentions. An example that
    leaves output out (a `…` line) may leave a message out too."""
    have = {line.strip() for line in lines}
    if any(_OMITTED.match(line) for line in lines):
        return []
    said = re.compile(r": (advarsel|fejl) [A-Z]\d{3}: ")
    return [x for x in output.splitlines() if said.search(x) and x.strip() not in have]


def assert_shown(output: str, command: str) -> None:
    extra = unshown_diagnostics(output, shown(command))
    assert not extra, f"'tilsyn {command}' skriver beskeder, README ikke viser:\n" + "\n".join(
        extra
    )
    gone = missing(output, shown(command))
    assert not gone, (
        f"README viser linjer, som 'tilsyn {command}' ikke skriver:\n"
        + "\n".join(gone)
        + f"\n--- uddata ---\n{output}"
    )


def assert_in_order(text: str, excerpt: list[str], skip: tuple[str, ...] = ()) -> None:
    """Every excerpt line (but those starting with `skip`) is a line of `text`, in order."""
    lines = text.splitlines()
    at = 0
    for line in excerpt:
        if skip and line.startswith(skip):
            continue
        assert line in lines[at:], f"README-uddraget har en linje, filen ikke har: {line}"
        at = lines.index(line, at) + 1

"""The one output gate: every byte tilsyn prints, writes or mails is masked first."""

from __future__ import annotations

import ast
import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, Cli
from ledelsestilsyn.core.cpr import find_cpr
from ledelsestilsyn.core.gate import gate

SRC = ROOT / "src" / "ledelsestilsyn"
SOURCES = sorted(SRC.rglob("*.py"))

# The only places that may put bytes out of the process, and why each is safe.
ALLOWED: dict[str, set[str]] = {
    # the terminal: echo and the rich console, both gated
    "cli/console.py": {"typer.echo", "sys.stdout", "sys.stderr", "Console", "os.open"},
    # (os.open: /dev/null onto a stdout whose reader has gone, `reader_gone`; nothing written)
    # every file: write_atomic gates the text before it opens the temp file
    "io/atomic.py": {"os.open", "os.fdopen"},
    # a new sample folder: write_into_new_folder gates every text before it opens the file
    "io/new_folder.py": {"os.open", "os.fdopen"},
    # the mail: _email gates subject and body
    "schedule/notify.py": {"send_message"},
    # read_regular: a workspace file opened read-only (without blocking on a pipe), never written
    "io/files.py": {"os.open", "os.fdopen"},
    # a lock file (påmind's, the record of the committee's reports): opened for flock, never
    # written
    "io/lock.py": {"os.open"},
    # the pipe from the forked reader of an export's second half (pickled rows, not output)
    "export/scan.py": {"os.fdopen"},
    # the streams' encoding is chosen before anything is printed (`speak_any_text`); and
    # 'Afbrudt.', a constant, when Ctrl+C comes before the gated console is loaded
    "cli/entry.py": {"sys.stdout", "sys.stderr"},
    # only asked whether it is a terminal (`person_reads`), never written to
    "cli/keyboard.py": {"sys.stdout"},
    # where there are no hard links: an empty claim on a name (`place_new`), and the backup
    # `migrer` keeps as a copy of the user's own file beside it, as the link would (`copy_new`)
    "io/portable.py": {"os.open", "os.fdopen"},
}
WRITERS = {
    "print",
    "typer.echo",
    "click.echo",
    "typer.secho",
    "sys.stdout",
    "sys.stderr",
    "Console",
    "os.open",
    "os.fdopen",
    "os.write",
    "write_text",
    "write_bytes",
    "send_message",
    "sendmail",
    "open",
    "shutil.copy",
    "shutil.copy2",
    "shutil.copyfile",
    "json.dump",
}


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return "?"  # a call or subscript: `console().print` is the gated console


def _writers(path: Path) -> set[str]:
    """Every output call or stream a module touches (`Path.open` only when writing)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and _dotted(node) in ("sys.stdout", "sys.stderr"):
            found.add(_dotted(node))
        if not isinstance(node, ast.Call):
            continue
        name = _dotted(node.func)
        last = name.rsplit(".", 1)[-1]
        if name in WRITERS:
            found.add(name)
        elif last in ("write_text", "write_bytes", "send_message", "sendmail"):
            found.add(last)
        elif last == "open" and name != "os.open":
            modes = [a.value for a in node.args if isinstance(a, ast.Constant)]
            modes += [k.value.value for k in node.keywords if isinstance(k.value, ast.Constant)]
            if any(isinstance(m, str) and set(m) & set("wax+") for m in modes):
                found.add("open")
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_writes_around_the_gate(path: Path) -> None:
    where = str(path.relative_to(SRC))
    extra = _writers(path) - ALLOWED.get(where, set())
    assert not extra, f"{where} skriver uden om porten: {sorted(extra)}"


# json.dumps escapes a line break inside a number as `\n`, which the gate then cannot see:
# JSON that is output is written by `core.gate.gated_json`, which gates such texts first.
JSON_DUMPS: dict[str, str] = {
    "core/gate.py": "gated_json itself",
    "io/yaml_quote.py": "a printable text only: nothing in it is escaped but quote and backslash",
    "schedule/sent_log.py": "reminder keys and dates, tilsyn's own",
    "io/document_cache.py": "only looked at (may_hold_cpr), never written",
}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(SRC)))
def test_json_that_is_output_is_gated_before_it_is_escaped(path: Path) -> None:
    where = str(path.relative_to(SRC))
    calls = {
        _dotted(node.func)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
    }
    assert "json.dumps" not in calls or where in JSON_DUMPS, f"{where}: brug gated_json"


def test_the_scan_sees_every_way_to_write(tmp_path: Path) -> None:
    """The check above can fail: each way around the gate is caught."""
    module = tmp_path / "m.py"
    module.write_text(
        "import sys, typer\n"
        "print(1)\n"
        "typer.echo('x')\n"
        "sys.stdout.write('x')\n"
        "p.write_text('x')\n"
        "p.open('w')\n"
        "open(p, mode='a')\n"
        "p.open('rb')\n"
        "console().print('x')\n"
    )
    assert _writers(module) == {"print", "typer.echo", "sys.stdout", "write_text", "open"}


def test_masks_cpr_numbers() -> None:
    assert gate("Emil 010203-1234 og 0102031234.") == "Emil XXXXXX-XXXX og XXXXXXXXXX."
    assert gate("ingen her: 2026-11-30, 12345") == "ingen her: 2026-11-30, 12345"


def test_keeps_digests_and_named_tokens_but_nothing_around_them() -> None:
    digest = "ab" + "0102031234" + "cd" * 26
    assert find_cpr(digest)
    assert gate(f"sha256: {digest}\n") == f"sha256: {digest}\n"
    text = "seed: 1203851234\nandet: 0102031234\n"
    assert gate(text, keep=("1203851234",)) == "seed: 1203851234\nandet: XXXXXXXXXX\n"
    assert gate("99912038512340", keep=("1203851234",)) == "99912038512340"


def test_a_number_run_into_hex_letters_is_no_digest() -> None:
    """Any run of 24 or more hex digits with a letter passed as a digest, so a number typed
    against a word of hex letters (`0102031234cafebabe0102031234`) passed unmasked (a probe).
    Only the lengths tilsyn writes are digests: a SHA-256 (64) and a template index (24)."""
    assert gate("0102031234cafebabe0102031234") == "XXXXXXXXXXcafebabeXXXXXXXXXX"
    index = "0102031234abcdef01234567"
    assert len(index) == 24 and gate(index) == index


PIECES = ["010203-1234", "0102031234", "01 02 03 12 34", "1203851234", "7", "-", " ", "\t"]
PIECES += ["\u00ad", "ab" * 13, "x"]
# Each line begins with a letter, as the answer section does (`svar:`): a CPR-like number
# crosses a line end only into a line that begins with a digit or a dash.
LINE = st.lists(st.sampled_from(PIECES), max_size=6).map(lambda pieces: "s" + "".join(pieces))


@given(st.lists(LINE, min_size=2), st.sets(st.sampled_from(["1203851234", "0102031234"])))
def test_a_text_can_be_gated_line_by_line(lines: list[str], keep: set[str]) -> None:
    """No CPR-like number spans a line end before a letter, so gating a text in parts that end
    there is gating it whole (`sampling.files` gates the part all review files share once)."""
    text = "\n".join(lines) + "\n"
    parts = [line + "\n" for line in lines]
    cut = len(parts) // 2
    whole = gate(text, keep=keep)
    assert gate("".join(parts[:cut]), keep=keep) + gate("".join(parts[cut:]), keep=keep) == whole
    assert "".join(gate(part, keep=keep) for part in parts) == whole


def test_a_real_sha256_survives() -> None:
    for n in range(2000):
        digest = hashlib.sha256(str(n).encode()).hexdigest()
        assert gate(digest) == digest


def test_every_written_file_is_gated(tmp_path: Path) -> None:
    from ledelsestilsyn.io.atomic import write_atomic

    path = tmp_path / "ud.txt"
    write_atomic(path, "Emil 010203-1234, seed 1203851234\n", keep=("1203851234",))
    assert path.read_text() == "Emil XXXXXX-XXXX, seed 1203851234\n"


def test_every_mail_is_gated() -> None:
    from ledelsestilsyn.schedule.notify import _email
    from ledelsestilsyn.schedule.reminder_text import Message

    message = Message("a@kommune.dk", "Sag 010203-1234 mangler", "Sag 0102031234 mangler.\n", ())
    email = _email(message, "tilsyn@kommune.dk")
    assert email["Subject"] == "Sag XXXXXX-XXXX mangler"
    assert "XXXXXXXXXX" in email.get_content() and "0102031234" not in email.as_string()


def test_no_control_character_from_a_file_reaches_a_mail() -> None:
    """A tiltag's title or a correction's `ansvarlig` with an escape sequence (set the
    terminal's title, clear the screen) was shown as '�' on the screen but mailed raw by
    `påmind --mail`, to leaders who may read mail in a terminal."""
    from ledelsestilsyn.schedule.notify import _email
    from ledelsestilsyn.schedule.reminder_text import Message

    title = "Tiltag \x1b]0;ond\x07 om \x1b[2Jfrister"
    message = Message("a@kommune.dk", title, f"- {title}\n", (), html=f"<p>{title}</p>")
    email = _email(message, "tilsyn@kommune.dk")
    sent = email.as_string() + "".join(part.get_content() for part in email.iter_parts())
    assert "\x1b" not in sent and "\x07" not in sent
    assert (
        "Tiltag \ufffd]0;ond\ufffd om \ufffd[2Jfrister" in email.get_body(("plain",)).get_content()
    )


def test_every_printed_line_is_gated(capsys: pytest.CaptureFixture[str]) -> None:
    from rich.table import Table

    from ledelsestilsyn.cli.console import console, echo

    echo("Emil 010203-1234")
    echo("Emil 0102031234", err=True)
    table = Table(title="Sag 010203-1234")
    table.add_column("navn")
    table.add_row("Emil 0102031234")
    console().print(table)
    out, err = capsys.readouterr()
    assert "XXXXXX-XXXX" in out and "XXXXXXXXXX" in out and "XXXXXXXXXX" in err
    assert not find_cpr(out + err)


def test_a_seed_that_looks_like_a_cpr_number_survives(
    cli: Cli, example_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """About one default seed in twenty is CPR-shaped; masked, the manifest would be lost."""
    monkeypatch.setenv("COLUMNS", "200")
    seed = "1203851234"
    assert find_cpr(seed)
    args = ("eksport.csv", "--periode", "2026-11")
    first = cli("udtræk", *args, "--tilsyn", "månedligt-overordnet", "--seed", seed)
    assert first.exit_code == 0, first.output
    assert f"(seed {seed})" in first.output
    folder = example_workspace / "udtræk" / "2026-11-månedligt-overordnet"
    assert f"seed: {seed}\n" in (folder / "udtræk.yaml").read_text(encoding="utf-8")
    second = cli("udtræk", *args, "--tilsyn", "tematiseret")  # reads the first manifest
    assert second.exit_code == 0, second.output
    cache = json.loads((example_workspace / ".tilsyn" / "udtræk.json").read_text("utf-8"))
    assert [str(entry["seed"]) for entry in cache["entries"].values()] == [seed]
    again = cli("udtræk", *args, "--tilsyn", "månedligt-overordnet", "--antal", "9")
    assert again.exit_code == 0 and f"(seed {seed})" in again.output


@pytest.mark.parametrize("mark", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066"])
@pytest.mark.parametrize("more", ["\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"])
def test_no_direction_character_passes_the_gate(
    mark: str, more: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Direction overrides, isolates and marks passed the gate into files and mails as they
    were, so a reader saw another text than the file held ('‮4321-302010' shows as a CPR
    number). Now the gate masks first (the detector reads the number mirrored while the
    override is there) and then writes each as '�': in a file, a mail and on the screen."""
    from rich.text import Text

    from ledelsestilsyn.cli.console import console, echo
    from ledelsestilsyn.schedule.notify import _email
    from ledelsestilsyn.schedule.reminder_text import Message

    text = f"Se {mark}nej{more} og \u202e4321-302010."
    assert gate(text) == "Se \ufffdnej\ufffd og \ufffdXXXX-XXXXXX."
    message = Message("a@kommune.dk", text, text, (), html=text)
    email = _email(message, "tilsyn@kommune.dk")
    sent = email["Subject"] + "".join(part.get_content() for part in email.iter_parts())
    echo(text)
    console().print(Text(text))
    out, _ = capsys.readouterr()
    for shown in (sent, out):
        assert mark not in shown and more not in shown and "4321" not in shown


def test_a_number_split_by_control_characters_is_masked_wherever_it_is_written(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A bell, an escape or a NUL between the digits ('010203\\a1234' in YAML) was no number to
    the gate: a terminal shows a bell as nothing, and every output that writes it as '�'
    showed '010203�1234'. Now the detector reads past control characters and '�', and the
    gate writes a NUL as '�' first: masked in a file, on the screen and in a mail."""
    from ledelsestilsyn.cli.console import echo
    from ledelsestilsyn.schedule.notify import _email
    from ledelsestilsyn.schedule.reminder_text import Message

    for text in ("010203\x071234", "0102\x0003\x001234", "01\x1b02031234", "010203\ufffd1234"):
        assert not any(c.isdigit() for c in gate(text)), repr(text)
        echo(text)
        email = _email(Message("a@kommune.dk", text, text, ()), "tilsyn@kommune.dk")
        sent = email["Subject"] + email.get_content()
        assert "0203" not in sent and "1234" not in sent, repr(text)
    out, _ = capsys.readouterr()
    assert "0203" not in out and "1234" not in out

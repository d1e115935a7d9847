"""A name or title with a line break in it (a YAML "\\n", a block scalar, Word's manual line
break) stays on its own line in påmind, 'tilsyn tiltag' and every diagnostic: it must not
start a line of its own that reads as a reminder, a tiltag or a message."""

from __future__ import annotations

from pathlib import Path

from conftest import Cli

TILTAG = """\
tiltag:
  - id: "tiltag-1"
    titel: "Partshøring\\n  - Falsk punkt:\\u2028intet at gøre"
    besluttet: "2026-06-15"
    ansvarlig: "Karen\\r\\nHolm"
    frist: "2026-11-20"
    status: "i gang"
    mål:
      spørgsmål: [anbringelse-7]
    skabelon: "overordnet"
    evaluer_efter_måneder: 6
"""


def _no_forged_line(text: str) -> None:
    lines = text.splitlines()
    assert not any(
        line.lstrip().startswith(("- Falsk", "Falsk", "Holm", "- falsk")) for line in lines
    )
    assert not any(line.startswith("intet at gøre") for line in lines)


def test_a_line_break_in_a_title_or_name_starts_no_line_in_the_reminders(
    example_workspace: Path, cli: Cli
) -> None:
    """'  - Falsk punkt:' stood as a reminder of its own in påmind (terminal, cron's mail,
    --mail) under a tiltag whose title had a line break; so did a kommune's."""
    Path("tiltag.yaml").write_text(TILTAG, encoding="utf-8")
    concept = Path("koncept.yaml")
    text = concept.read_text(encoding="utf-8")
    assert 'kommune: "Eksempelby Kommune"' in text
    concept.write_text(
        text.replace('kommune: "Eksempelby Kommune"', 'kommune: "Eksempelby\\n  - falsk linje"'),
        encoding="utf-8",
    )
    out = cli("påmind", "--dato", "2026-11-18", "--altid").output
    _no_forged_line(out)
    assert "  - Partshøring - Falsk punkt: intet at gøre (tiltag-1), ansvarlig Karen Holm: " in out
    assert out.startswith("Ledelsestilsyn i Eksempelby - falsk linje, status 18. november 2026.")
    listed = cli("tiltag", "--dato", "2026-11-18")
    assert listed.exit_code == 0, listed.output
    _no_forged_line(listed.output)
    assert listed.output.startswith("tiltag-1 · Partshøring - Falsk punkt: intet at gøre\n")
    assert "ansvarlig: Karen Holm" in listed.output


def test_a_line_break_in_a_quoted_value_stays_inside_its_diagnostic(
    example_workspace: Path, cli: Cli
) -> None:
    """A message quotes what the user wrote ('skabelonen … findes ikke'): with a line break
    in it, the rest of the message stood at the left margin, as if a message of its own
    ('falsk: fejl O999: alt ok'); now it is indented as a continuation, like U006's steps."""
    Path("tiltag.yaml").write_text(
        TILTAG.replace('skabelon: "overordnet"', 'skabelon: "over\\nfalsk: fejl O999: alt ok"'),
        encoding="utf-8",
    )
    result = cli("tiltag")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    # Free text is not quoted at all now (only its length), so no line of it can stand out.
    assert lines[0].startswith("tiltag.yaml:") and "skabelonen (en tekst på" in lines[0]
    assert all(line.startswith(("tiltag.yaml:", "  ")) for line in lines), result.stderr
    assert "O999" not in result.stderr

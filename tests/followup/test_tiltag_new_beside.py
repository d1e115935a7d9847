"""`tiltag ny` beside what tiltag.yaml already holds: other templates' tiltag, Windows line ends."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.followup.tiltag import load_tiltag
from ledelsestilsyn.workspace.open import open_workspace

NEW = ("tiltag", "ny", "--skabelon", "overordnet", "--spørgsmål", "underretning-1")

THEMED = """\
tiltag:
  - id: "perspektiv"
    titel: "Barnets perspektiv"
    besluttet: "2026-06-15"
    skabelon: "tematiseret"
    mål:
      spørgsmål: [intentioner-1]
      pejlemærker: [inddragelse]
"""


@pytest.fixture(autouse=True)
def _inside(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workspace)


def test_new_adds_a_tiltag_beside_one_for_another_template(workspace: Path, cli: Cli) -> None:
    """A tiltag for the tematiseret template (a pejlemærke, a question only it has) made
    every 'tiltag ny --skabelon overordnet' fail with O012 and a hint about '[...]': the new
    file was checked as if every tiltag were about overordnet."""
    path = workspace / "tiltag.yaml"
    path.write_text(THEMED, encoding="utf-8")
    result = cli(*NEW, "--dato", "2026-11-25")
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8").startswith(THEMED)
    [old, new] = load_tiltag(open_workspace(workspace))
    assert (old.id, new.id, new.template) == ("perspektiv", "tiltag-2", "overordnet")


def test_new_keeps_windows_line_ends(workspace: Path, cli: Cli) -> None:
    """A tiltag.yaml saved on Windows (CR LF) was written back with LF on every line, so the
    other tiltag were changed after all (every line differs in git and in a diff)."""
    path = workspace / "tiltag.yaml"
    old = THEMED.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(old)
    assert cli(*NEW, "--dato", "2026-11-25").exit_code == 0
    written = path.read_bytes()
    assert written.startswith(old)
    assert b"\n" not in written.replace(b"\r\n", b"")  # the new entry has the file's line ends
    assert [t.id for t in load_tiltag(open_workspace(workspace))] == ["perspektiv", "tiltag-2"]


GOOD = """\
tiltag:
  - id: "partshøring"
    titel: "Partshøring før anbringelse"
    besluttet: "2026-06-15"
    frist: "2026-09-30"
    evalueret: ""
    mål:
      spørgsmål: [anbringelse-7]
    skabelon: "overordnet"
"""


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ('frist: "2026-09-30"', 'frist: "2026-06-14"', "O008"),
        ('evalueret: ""', 'evalueret: "2025-12-01"', "O009"),
    ],
)
def test_a_date_before_the_decision_is_a_located_error(
    workspace: Path, cli: Cli, old: str, new: str, code: str
) -> None:
    """A deadline (or an evaluation) before the tiltag was decided passed every check: the
    tiltag was 'overskredet' from the day it was decided (påmind: '70 dage for sent'), or
    its evaluation stopped the reminders before there was anything to evaluate."""
    path = workspace / "tiltag.yaml"
    path.write_text(GOOD.replace(old, new), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index(f"    {new}") + 1
    for command in (("tiltag",), ("tjek",)):
        result = cli(*command)
        assert result.exit_code == 1, result.output
        assert f"tiltag.yaml:{line}:" in result.output and f"fejl {code}:" in result.output
        assert "15. juni 2026" in result.output  # the decision it must not precede
    path.write_text(GOOD, encoding="utf-8")
    assert cli("tiltag").exit_code == 0


def test_new_refuses_a_deadline_before_the_decision_and_writes_nothing(
    workspace: Path, cli: Cli
) -> None:
    """'tiltag ny --frist 2026-10-01 --dato 2026-11-01' wrote a tiltag overdue the day it
    was decided."""
    result = cli(*NEW, "--frist", "2026-10-01", "--dato", "2026-11-01")
    assert result.exit_code == 2, result.output
    assert "--frist: fejl O008:" in result.stderr and "1. november 2026" in result.stderr
    assert not (workspace / "tiltag.yaml").exists()
    assert cli(*NEW, "--frist", "2026-11-01", "--dato", "2026-11-01").exit_code == 0


def test_a_target_twice_is_a_located_error(workspace: Path, cli: Cli) -> None:
    """'spørgsmål: [anbringelse-7, anbringelse-7]' passed: the report then showed the target's
    row twice in the tiltag's effect, and 'tilsyn tiltag' listed it twice."""
    path = workspace / "tiltag.yaml"
    path.write_text(
        GOOD.replace("spørgsmål: [anbringelse-7]", "spørgsmål: [anbringelse-7, anbringelse-7]"),
        encoding="utf-8",
    )
    line = (
        path.read_text(encoding="utf-8")
        .splitlines()
        .index("      spørgsmål: [anbringelse-7, anbringelse-7]")
        + 1
    )
    result = cli("tiltag")
    assert result.exit_code == 1, result.output
    assert f"tiltag.yaml:{line}:" in result.stderr and "fejl O019:" in result.stderr
    assert "'anbringelse-7' står to gange" in result.stderr


def test_a_tiltag_without_any_target_is_said(workspace: Path, cli: Cli) -> None:
    """A tiltag without 'mål' passed without a word, and the leader's report said 'Ingen
    gennemgange har besvaret tiltagets mål endnu', as if it had one."""
    path = workspace / "tiltag.yaml"
    text = GOOD.replace("    mål:\n      spørgsmål: [anbringelse-7]\n", "")
    assert "mål" not in text
    path.write_text(text, encoding="utf-8")
    for command in (("tiltag",), ("tjek",)):
        result = cli(*command)
        assert "tiltag.yaml:2:" in result.output and "advarsel O024:" in result.output
        assert "intet mål" in result.output


def test_new_writes_a_question_given_twice_once(workspace: Path, cli: Cli) -> None:
    """'--spørgsmål underretning-1 --spørgsmål underretning-1' (a repeated line in a script)
    must not write a target twice, which tiltag.yaml does not allow (O019)."""
    result = cli(*NEW, "--spørgsmål", "underretning-1", "--dato", "2026-11-25")
    assert result.exit_code == 0, result.output
    [tiltag] = load_tiltag(open_workspace(workspace))
    assert tiltag.targets.questions == ["underretning-1"]


@pytest.mark.parametrize(
    "empty", ["tiltag:\n", "tiltag: \n", "# Ledelsens tiltag\ntiltag:\n", "tiltag: []\n"]
)
def test_a_list_with_every_tiltag_deleted_is_no_tiltag(
    workspace: Path, cli: Cli, empty: str
) -> None:
    """`tiltag:` with nothing under it (the last tiltag deleted) was error M003 ('her skal stå
    en liste') in `tiltag`, `tjek`, the reports and `påmind`, and `tiltag ny` refused it."""
    path = workspace / "tiltag.yaml"
    path.write_text(empty, encoding="utf-8")
    listed = cli("tiltag")
    assert listed.exit_code == 0, listed.output
    assert "Ingen tiltag endnu" in listed.stdout
    assert "M003" not in cli("tjek").output
    assert cli(*NEW, "--dato", "2026-11-25").exit_code == 0
    # `tiltag: []` (an empty list as YAML writes it, refused with O012) becomes `tiltag:`
    assert path.read_text(encoding="utf-8").startswith(empty.replace(" []", ""))
    assert [t.id for t in load_tiltag(open_workspace(workspace))] == ["tiltag-1"]


def test_new_adds_to_a_list_written_at_the_margin(workspace: Path, cli: Cli) -> None:
    """`- id:` at the start of the line under `tiltag:` is YAML as good as the indented list,
    and read so, but `tiltag ny` refused it (O012) with a tip to do what the file did (found
    by a probe). The new entry takes the list's own indent."""
    path = workspace / "tiltag.yaml"
    margin = "\n".join(line.removeprefix("  ") for line in THEMED.splitlines()) + "\n"
    path.write_text(margin, encoding="utf-8")
    result = cli(*NEW, "--dato", "2026-11-25")
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8").startswith(margin)
    assert '\n- id: "tiltag-2"' in path.read_text(encoding="utf-8")
    assert [t.id for t in load_tiltag(open_workspace(workspace))] == ["perspektiv", "tiltag-2"]


def test_the_same_call_again_adds_no_copy(workspace: Path, cli: Cli) -> None:
    """A probe: `tiltag ny` run twice made tiltag-1 and tiltag-2, the same, and `påmind`
    reminded of both. The same title and questions decided the same day are the same tiltag;
    another day, or another title, is a new one."""
    path = workspace / "tiltag.yaml"
    first = cli(*NEW, "--titel", "Hurtig vurdering", "--dato", "2026-11-25")
    assert first.exit_code == 0, first.output
    before = path.read_bytes()
    again = cli(*NEW, "--titel", "Hurtig vurdering ", "--dato", "2026-11-25")
    assert again.exit_code == 0, again.output
    assert "står allerede i tiltag.yaml" in again.output
    said = " ".join(again.output.split())  # probe BJ: it said 'besluttet i dag'
    assert "besluttet den 25. november 2026); intet er føjet til." in said, said
    assert path.read_bytes() == before
    assert cli(*NEW, "--titel", "Hurtig vurdering", "--dato", "2026-12-02").exit_code == 0
    assert cli(*NEW, "--titel", "Anden titel", "--dato", "2026-11-25").exit_code == 0
    ids = [t.id for t in load_tiltag(open_workspace(workspace))]
    assert ids == ["tiltag-1", "tiltag-2", "tiltag-3"]

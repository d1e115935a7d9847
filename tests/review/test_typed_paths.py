"""A Windows path typed in double quotes in a review's free text reaches no output mangled.

YAML reads `"S:\\nyt\\barn\\test.docx"` with a line break, a backspace and a tab in it.
The review was counted as finished with only a warning (Y013), so the report and the
letter showed the mangled comment. Now a review's free text (kommentar, udgangspunkt, a
rettelse's handling) is read as typed when Y013 applies and it is probably a path; the
review still counts as finished, and the warning says how the text was read.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import TESTS, Cli
from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.io.yaml import parse_text
from ledelsestilsyn.models.review import Answer
from ledelsestilsyn.review.typed import parse_review
from ledelsestilsyn.sampling.fillin import Filled, render_review
from ledelsestilsyn.templates.catalog import Catalog

sys.path.insert(0, str(TESTS / "report"))
from report_data import build_workspace

PATH = r"Notat ligger i S:\nyt\barn\test.docx"
TASK = r"flyt notatet til S:\arkiv\nyt"
NOV = "udtræk/2026-11-månedligt-overordnet"
DAY = ("--dato", "2026-11-25")


@pytest.fixture
def ws(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The report workspace, with Anna Holm's November case commented with a path in "…"."""
    build_workspace(workspace)
    monkeypatch.chdir(workspace)
    first = workspace / NOV / "S-2026-11-000.yaml"
    lines = first.read_text(encoding="utf-8").splitlines()
    at = lines.index('      svar: "nej"')
    lines[at + 1] = f'      kommentar: "{PATH}"'
    lines[at + 2 : at + 2] = ["      rettelse:", f'        handling: "{TASK}"']
    first.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return workspace


def test_valider_counts_the_review_finished_and_says_how_the_path_is_read(
    cli: Cli, ws: Path
) -> None:
    result = cli("valider", f"{NOV}/S-2026-11-000.yaml", *DAY, "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"tilstand": "færdig"' in result.output, result.output
    assert "Y013" in result.output and "læses derfor, som den er skrevet" in result.output


def test_the_report_and_the_letter_show_the_path_as_typed(cli: Cli, ws: Path) -> None:
    report = cli("rapport", "--periode", "2026-11", *DAY, "--format", "md", "-o", "-")
    assert report.exit_code == 0, report.output
    shown = [md(PATH), md(TASK)]  # as written: no backslash here escapes anything
    assert shown == [PATH, TASK]
    assert all(text in report.output for text in shown), report.output
    assert "\b" not in report.output and "S:\nyt" not in report.output
    letters = cli("tilbagemelding", "--periode", "2026-11", *DAY)
    assert letters.exit_code == 0, letters.output
    [anna] = (ws / "tilbagemeldinger" / "2026-11").glob("Anna_Holm*.md")
    text = anna.read_text(encoding="utf-8")
    assert all(line in text for line in shown) and "\b" not in text, text


def md(text: str) -> str:
    """A path as Markdown shows it: a backslash is escaped only before punctuation."""
    return re.sub(r"\\(?=[!-/:-@\[-`{-~])", r"\\\\", text)


def test_only_free_text_is_read_as_typed() -> None:
    text = f'kommentar: "{PATH}"\nsvar: "ja\\tnej"\nok: "sagde \\"nej\\" \\\\ x"\n'
    doc = parse_review(text, "S-1.yaml")
    assert doc.data == {"kommentar": PATH, "svar": "ja\tnej", "ok": 'sagde "nej" \\ x'}
    assert parse_text(text, "S-1.yaml").data["kommentar"] == PATH.replace(r"\n", "\n").replace(
        r"\b", "\b"
    ).replace(r"\t", "\t")
    folded = parse_review('kommentar: "S:\\nyt og\n  videre"\n', "S-1.yaml")
    assert folded.data == {"kommentar": "S:\\nyt og videre"}


def test_a_line_break_meant_without_a_path_stays_a_line_break() -> None:
    """No drive and no invisible character: `\\n` may be meant (`migrer` writes it so)."""
    doc = parse_review('kommentar: "Screeningen mangler.\\nDrøftet med teamlederen."\n', "S-1.yaml")
    assert doc.data == {"kommentar": "Screeningen mangler.\nDrøftet med teamlederen."}
    assert doc.warnings == []  # a line break written as YAML writes it: as meant
    tab = parse_review('kommentar: "mappen Sager\\tyt"\n', "S-1.yaml")
    assert [w.code for w in tab.warnings] == ["Y013"]  # \t is no line break
    assert "læses derfor" not in tab.warnings[0].message
    control = parse_review('kommentar: "mappen Sager\\barn"\n', "S-1.yaml")
    assert control.data == {"kommentar": "mappen Sager\\barn"}


def _written_and_read(comment: str, start: str) -> tuple[str, str, list[str]]:
    """A review with `comment` on its first question and `start` as udgangspunkt, as
    `udfyld` and `migrer` write it, read back: (comment, udgangspunkt, warning codes)."""
    template = Catalog.load(None).resolve("overordnet")
    step, first = template.steps[0].id, template.steps[0].questions[0].id
    answer = Answer.model_validate({"svar": "nej", "kommentar": comment})
    filled = Filled(starting_point=start, answers={(step, first): answer})
    text = render_review(
        template,
        series="månedligt-overordnet",
        period="2026-11",
        case_id="S-1",
        caseworker="Rådgiver A",
        team="Team Nord",
        focus=[step],
        filled=filled,
    )
    doc = parse_review(text, "S-1.yaml")
    read = doc.data["svar"][step][first]["kommentar"]
    return read, doc.data["udgangspunkt"], [w.code for w in doc.warnings]


def test_a_carried_comment_over_lines_with_a_path_reads_back_as_written() -> None:
    """`migrer` writes a text over lines in double quotes, `\\n` for each line break and
    `\\\\` for a backslash: that is no path typed by hand, and reads back as it was."""
    comment, start = "første linje\nanden\tlinje med S:\\nyt\\barn", "henvendelse\nfra S:\\nyt"
    # what tilsyn writes, it reads without a warning
    assert _written_and_read(comment, start) == (comment, start, [])


_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=150, deadline=None)
@example(comment="A:\x1f", start="S:\x7f og S:\\nyt")  # a drive before a character code
@given(comment=_TEXT, start=_TEXT)
def test_free_text_tilsyn_writes_reads_back_as_it_was_without_a_warning(
    comment: str, start: str
) -> None:
    """`udfyld` and `migrer` write a review's free text: any text, over lines, with tabs,
    control characters, paths and quotes, reads back unchanged (a comment as the model
    keeps it), and `valider` does not warn about tilsyn's own writing (Y013)."""
    kept = Answer.model_validate({"svar": "nej", "kommentar": comment}).comment
    read, read_start, codes = _written_and_read(comment, start)
    assert (read, read_start) == (kept, start)
    assert "Y013" not in codes


@pytest.mark.parametrize(
    "typed",
    [r"Se S:\Familie\notater\brev.docx", r"S:\boern\2026\brev.docx", r"S:\Børn\Fjordby\notat.docx"],
)
def test_a_path_with_a_backslash_yaml_knows_no_code_for_is_read_as_typed(typed: str) -> None:
    """A probe: `\\F`, `\\2`, `\\B` (a capital or a digit after a `\\`, as most paths have)
    stopped YAML (Y003), and the finished review was invalid; `S:\\nyt` was read as typed."""
    text = f'svar: "nej"\nkommentar: "{typed}" # note\nhandling: "{TASK}"\nok: "x"\n'
    doc = parse_review(text, "S-1.yaml")
    assert doc.data == {"svar": "nej", "kommentar": typed, "handling": TASK, "ok": "x"}
    assert [(w.code, w.line, w.column) for w in doc.warnings] == [("Y013", 2, 12), ("Y013", 3, 11)]
    assert "læses derfor, som den er skrevet" in doc.warnings[0].message
    assert doc.locate(("ok",)).line == 4


@pytest.mark.parametrize(
    "text",
    [
        'svar: "S:\\Familie"\n',  # not free text: an answer is checked against fixed words
        'kommentar: "mappen \\Familie"\n',  # no drive, no invisible character: no path
        'kommentar: "S:\\Familie\n  videre"\n',  # over two lines
    ],
)
def test_an_unknown_code_that_is_no_path_in_free_text_stays_an_error(text: str) -> None:
    with pytest.raises(TilsynError) as raised:
        parse_review(text, "S-1.yaml")
    assert raised.value.diagnostics[0].code == "Y003"


def test_valider_counts_a_review_with_such_a_path_finished(cli: Cli, ws: Path) -> None:
    first = ws / NOV / "S-2026-11-000.yaml"
    typed = r"Se S:\Familie\Notater\2026\brev.docx"
    first.write_text(first.read_text(encoding="utf-8").replace(PATH, typed), encoding="utf-8")
    result = cli("valider", f"{NOV}/S-2026-11-000.yaml", *DAY, "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"tilstand": "færdig"' in result.output and "Y003" not in result.output
    report = cli("rapport", "--periode", "2026-11", *DAY, "--format", "md", "-o", "-")
    assert md(typed) in report.output, report.output

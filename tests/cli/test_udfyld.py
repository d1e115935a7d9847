"""`tilsyn udfyld`: the real form driven with Textual's Pilot; the file checked byte for byte."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml
from textual.widgets import Input, Static

from conftest import TESTS, Cli
from ledelsestilsyn.cli.udfyld.app import UdfyldApp
from ledelsestilsyn.cli.udfyld.form_screen import CPR_WARNING, FormScreen
from ledelsestilsyn.cli.udfyld.setup import Setup
from ledelsestilsyn.models.review import CORRECTION_KEYS
from ledelsestilsyn.review.form import HEADER_FIELDS, value_at
from ledelsestilsyn.review.session import ReviewFile
from ledelsestilsyn.sampling.fillin import render_review
from ledelsestilsyn.workspace.open import open_workspace

GOLDEN = TESTS / "golden"
HEADER_KEYS = [key for key, _ in HEADER_FIELDS]
DAY = date(2026, 11, 20)
FOLDER = Path("udtræk/2026-11-månedligt-overordnet")


@pytest.fixture(autouse=True)
def _in_workspace(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workspace)


def write_review(
    workspace: Path,
    case: str = "S-2026-00001",
    steps: tuple[str, ...] = ("underretning",),
    series: tuple[str, str] = ("månedligt-overordnet", "overordnet@2025.1"),
) -> Path:
    """A fresh review file, as `udtræk` writes it, in the series' folder for 2026-11."""
    name, ref = series
    template = open_workspace(workspace).catalog.resolve(ref)
    text = render_review(
        template,
        series=name,
        period="2026-11",
        case_id=case,
        caseworker="Anna Holm",
        team="Team A",
        focus=list(steps),
    )
    folder = workspace / "udtræk" / f"2026-11-{name}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{case}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def drive(
    workspace: Path,
    target: Path,
    keys: list[str],
    *,
    reviewer: str | None = "Mette Holm",
    between: Callable[[int], None] | None = None,
) -> UdfyldApp:
    """Run the app headless at 80×24 and press `keys`; `between(i)` runs before key i."""
    first = None if target.is_dir() else ReviewFile.open(target, str(target))
    app = UdfyldApp(Setup(open_workspace(workspace), target, reviewer, DAY), first)

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for number, key in enumerate(keys):
                if between is not None:
                    between(number)
                await pilot.press(key)
                await pilot.pause()
            screen = app.screen
            if isinstance(screen, FormScreen):
                seen["top"] = str(screen.query_one("#top", Static).render())
                seen["status"] = str(screen.query_one("#status", Static).render())
                for shown in ("where", "text", "meta", "guide", "choices"):
                    seen[shown] = str(screen.query_one(f"#{shown}", Static).render())
                seen["focused"] = type(screen.focused).__name__ if screen.focused else ""

    seen: dict[str, str] = {}
    asyncio.run(run())
    assert app.failure is None
    SEEN[app] = seen
    return app


SEEN: dict[UdfyldApp, dict[str, str]] = {}
"""What the form showed when the keys were pressed, by app."""


def status(app: UdfyldApp) -> str:
    return SEEN[app]["status"]


def top(app: UdfyldApp) -> str:
    return SEEN[app]["top"]


def typed(text: str) -> list[str]:
    return list(text)


def test_the_form_writes_the_same_file_with_only_the_values_changed(workspace: Path) -> None:
    path = write_review(workspace)
    keys = ["right", "j", "right", "n", *typed("Mangler i S:\\sag 'notat'"), "enter"]
    keys += ["k", "tab", *typed("ring til skolen"), "enter", "right", "i", "right"]
    drive(workspace, path, keys)
    assert path.read_bytes() == (GOLDEN / "udfyld-S-2026-00001.yaml").read_bytes()


def test_a_finished_review_says_faerdig(workspace: Path, cli: Cli) -> None:
    path = write_review(workspace)
    app = drive(workspace, path, ["right", *["j", "right"] * 8])
    assert "færdig" in top(app) and "8/8 besvaret" in top(app)
    assert "Gennemgangen er færdig." in status(app)
    result = cli("valider", str(path), "--færdige", "--dato", DAY.isoformat())
    assert result.exit_code == 0, result.output
    assert "færdig" in result.output


def test_a_required_comment_is_listed_as_missing_with_valider_s_words(workspace: Path) -> None:
    path = write_review(workspace)
    app = drive(workspace, path, ["right", "n", "escape"])
    assert "G023" in status(app)
    assert "svaret 'nej' på 'underretning-1' kræver en kommentar." in status(app)
    assert "1/8 besvaret" in top(app)


def test_a_file_changed_on_disk_is_not_overwritten(workspace: Path) -> None:
    path = write_review(workspace)

    def edit_meanwhile(number: int) -> None:
        if number == 1:  # after the form is open, before the answer key
            path.write_text(path.read_text(encoding="utf-8") + "# rettet i editoren\n", "utf-8")

    app = drive(workspace, path, ["right", "j"], between=edit_meanwhile)
    assert path.read_text(encoding="utf-8").endswith("# rettet i editoren\n")
    assert 'svar: "ja"' not in path.read_text(encoding="utf-8")
    assert "F010" in status(app) and "ctrl+r" in status(app)


def test_after_a_reload_the_answer_is_saved_and_the_other_edit_kept(workspace: Path) -> None:
    path = write_review(workspace)

    def edit_meanwhile(number: int) -> None:
        if number == 1:
            path.write_text(path.read_text(encoding="utf-8") + "# rettet i editoren\n", "utf-8")

    app = drive(workspace, path, ["right", "j", "ctrl+r", "j"], between=edit_meanwhile)
    text = path.read_text(encoding="utf-8")
    assert text.endswith("# rettet i editoren\n") and 'svar: "ja"' in text
    assert "F010" not in status(app)


def test_a_cpr_number_in_a_comment_is_never_saved(workspace: Path) -> None:
    path = write_review(workspace)
    before = path.read_bytes()
    app = drive(workspace, path, ["right", "k", *typed("Mors nr 150387-4321"), "escape"])
    assert CPR_WARNING in status(app)
    assert path.read_bytes() == before


def test_the_warning_shows_before_the_field_is_left(workspace: Path) -> None:
    path = write_review(workspace)
    app = drive(workspace, path, ["right", "k", *typed("150387-4321")])
    assert SEEN[app]["focused"] in ("Input", "CommentInput")
    assert CPR_WARNING in status(app)


def test_a_folder_opens_the_next_unfinished_review_for_the_reviewer(workspace: Path) -> None:
    write_review(workspace, "S-2026-00001")
    mine = write_review(workspace, "S-2026-00002")
    text = mine.read_text(encoding="utf-8")
    mine.write_text(text.replace('gennemført_af: ""', 'gennemført_af: "Mette Holm"'), "utf-8")
    app = drive(workspace, workspace / FOLDER, ["enter", "right", "j"])
    assert "S-2026-00002.yaml" in top(app)
    assert 'svar: "ja"' in mine.read_text(encoding="utf-8")


def test_without_a_terminal_udfyld_says_so_and_exits_2(
    workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_review(workspace)
    monkeypatch.setattr(os, "isatty", lambda fd: False)
    result = cli("udfyld", str(path))
    assert result.exit_code == 2
    assert "skal køre i en terminal" in result.output
    assert "F020" in result.output


@pytest.mark.parametrize("terminal", [True, False])
def test_a_missing_file_is_a_wrong_call(
    workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, terminal: bool
) -> None:
    """The path's mistake is said first, in a terminal or not (then F020 would hide it)."""
    monkeypatch.setattr(os, "isatty", lambda fd: terminal)
    result = cli("udfyld", "udtræk/findes-ikke.yaml")
    assert result.exit_code == 2
    assert "fejl F021: stien findes ikke. Tip: angiv en gennemgangsfil" in result.output
    assert "F020" not in result.output


def test_a_file_that_is_not_a_review_is_a_wrong_call(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "isatty", lambda fd: True)
    result = cli("udfyld", "koncept.yaml")
    assert result.exit_code == 2
    assert "F022" in result.output and "ikke en gennemgang" in result.output


def test_no_color_is_respected(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    path = write_review(workspace)
    app = drive(workspace, path, [])
    assert app.no_color


def test_only_udfyld_loads_textual() -> None:
    code = "import sys, ledelsestilsyn.cli.app; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_steps_and_the_missing_list_jump_to_the_question(workspace: Path) -> None:
    path = write_review(workspace, steps=("underretning", "screening"))
    app = drive(workspace, path, ["t", "down", "down", "enter"])
    assert "spørgsmål 9 af 14" in SEEN[app]["where"]
    app = drive(workspace, path, ["right", "n", "escape", "right", "right", "m", "enter"])
    assert "spørgsmål 1 af 14" in SEEN[app]["where"]


def test_a_graded_scale_answers_with_digits_and_asks_for_a_correction(workspace: Path) -> None:
    path = write_review(workspace, "S-2026-00009", ("anbringelse",), ("tematiseret", "tematiseret"))
    app = drive(workspace, path, ["right", "1", *"uden plan", "tab", *"plan laves", "enter"])
    answer = value_at(ReviewFile.open(path, "p").doc.data, ("svar", "anbringelse", "anbringelse-1"))
    assert answer["svar"] == "lav grad" and answer["kommentar"] == "uden plan"
    assert answer["rettelse"]["handling"] == "plan laves"
    assert "1/" in top(app)


def test_a_review_not_begun_says_how_to_begin_rather_than_an_error(workspace: Path) -> None:
    path = write_review(workspace)
    shown = status(drive(workspace, path, []))
    assert shown.startswith("Ikke påbegyndt. Tast → for det første spørgsmål; dit navn"), shown
    assert "G020" not in shown and "fejl" not in shown
    shown = status(drive(workspace, path, [], reviewer=None))
    assert shown.startswith("Ikke påbegyndt. Skriv dit navn og datoen"), shown


def test_one_other_point_is_said_in_the_singular(workspace: Path) -> None:
    path = write_review(workspace)
    app = drive(workspace, path, ["right", "n", "escape", "right", *["j", "right"] * 6, "j"])
    assert "7/8 besvaret" not in top(app) and "8/8 besvaret" in top(app), top(app)
    assert status(app).endswith("1 andet punkt mangler (tast m)."), status(app)


def test_a_cpr_number_in_a_local_template_is_masked_in_the_form(workspace: Path) -> None:
    """The form showed the question, hjemmel, vejledning and scale of a local template as
    written; every other output masks a CPR-like number in a template (README), the form too."""
    (workspace / "skabeloner" / "lokal.yaml").write_text(
        'id: lokal\ntitel: "Lokal"\nversion: "1"\ntype: overordnet\n'
        'skala:\n  - svar: "ja 010203-1234"\n  - svar: nej\n'
        'sagsskridt:\n  - id: a\n    titel: "Trin 020304 1234"\n    spørgsmål:\n'
        '      - id: a-1\n        tekst: "Har Emil 030405-1234 en plan?"\n'
        '        hjemmel: "§ 1, Emil 040506-1234"\n        vejledning: "Se 050607-1234."\n',
        encoding="utf-8",
    )
    path = write_review(workspace, steps=("a",), series=("månedligt-overordnet", "lokal@1"))
    seen = SEEN[drive(workspace, path, ["right"])]
    shown = " ".join(seen[k] for k in ("where", "text", "meta", "guide", "choices"))
    assert "Emil XXXXXX-XXXX" in shown and "1234" not in shown, shown


@pytest.mark.parametrize(
    "name", ["m[/bold]", "tom [b]x", "Emil 010203-1234 [link=https://x.example]"]
)
def test_a_folder_name_is_shown_as_written_not_as_markup(workspace: Path, name: str) -> None:
    """The list's title named the folder as Textual markup: '[b]' vanished, '[/bold]' stopped
    the form with a markup error, and a number in it was not masked."""
    folder = workspace / name  # '/' in the name makes a folder in a folder: still one path
    folder.mkdir(parents=True)
    app = UdfyldApp(Setup(open_workspace(workspace), folder, "Mette Holm", DAY), None)
    shown: list[str] = []

    async def run() -> None:
        async with app.run_test(size=(120, 24)) as pilot:
            await pilot.pause()
            shown.append(str(app.screen.query_one("#list-title", Static).render()))

    asyncio.run(run())
    assert app.failure is None
    assert shown == [f"Ingen gennemgange i {folder}.".replace("010203-1234", "XXXXXX-XXXX")]


def test_answering_on_past_an_empty_comment_field_goes_to_the_next_question(
    workspace: Path,
) -> None:
    """A `nej` opens the comment field by itself. A quick leader who went on with → and
    answered `j` got the comment 'j' on the question before, and the next one unanswered
    (found by following the README); while the field is empty, → still moves on."""
    path = write_review(workspace)
    drive(workspace, path, ["right", "n", "right", "j"])
    step = yaml.safe_load(path.read_text(encoding="utf-8"))["svar"]["underretning"]
    assert step["underretning-1"] == {"svar": "nej", "kommentar": ""}
    assert step["underretning-2"]["svar"] == "ja"
    # With a comment typed, → moves the cursor in it, as in any text field.
    path = write_review(workspace)
    drive(workspace, path, ["right", "n", *typed("mangler"), "left", "x", "enter"])
    assert "manglexr" in path.read_text(encoding="utf-8")


def test_typing_in_a_comment_adds_to_what_it_says(workspace: Path) -> None:
    """Found by a probe: entering a comment that had text selected all of it, so the first
    key typed replaced 'Mor ikke inddraget' with ' ok', saved at once, with no way back."""
    path = write_review(workspace)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("kommentar: ''", 'kommentar: "Mor ikke inddraget"', 1), "utf-8")
    drive(workspace, path, ["right", "k", *typed(" ok"), "enter"])
    assert 'kommentar: "Mor ikke inddraget ok"' in path.read_text(encoding="utf-8")


def test_typing_in_the_next_comment_adds_to_its_end(workspace: Path) -> None:
    """Found by a probe: the cursor stayed where it was in the previous question's comment
    ('Kort.', 5 characters), so ' ok' typed in the next one was saved inside a word."""
    path = write_review(workspace)
    text = path.read_text(encoding="utf-8")
    text = text.replace("kommentar: ''", 'kommentar: "Kort."', 1)
    text = text.replace("kommentar: ''", 'kommentar: "Ses af afgørelsen."', 1)
    path.write_text(text, "utf-8")
    drive(workspace, path, ["right", "right", "k", *typed(" ok"), "enter"])
    assert 'kommentar: "Ses af afgørelsen. ok"' in path.read_text(encoding="utf-8")


def test_a_date_is_typed_anew_and_a_text_is_added_to(workspace: Path) -> None:
    """Found by a probe: with every field adding to its text, re-typing a deadline gave
    '2026-12-042026-12-18', saved at once, and the review was invalid. A date is selected on
    entering it (typed anew); a name, a comment or an action is added to."""
    path = write_review(workspace)
    first = ReviewFile.open(path, str(path))
    app = UdfyldApp(Setup(open_workspace(workspace), path, "Mette Holm", DAY), first)
    fields: dict[str, bool] = {}

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for field in app.screen.query(Input):
                fields[str(field.id)] = field.select_on_focus

    asyncio.run(run())
    dates = {
        f"head-{HEADER_KEYS.index('dato')}",
        *(f"fix-{CORRECTION_KEYS.index(k)}" for k in ("frist", "udført")),
    }
    assert {k for k, selected in fields.items() if selected} == dates
    assert (
        fields["kommentar"] is False
        and fields[f"head-{HEADER_KEYS.index('gennemført_af')}"] is False
    )


def test_a_save_never_writes_x_into_the_leaders_other_text(workspace: Path) -> None:
    """Found by a probe: a save wrote the whole file through the output gate, so a comment
    elsewhere that it takes for a CPR number ('Udbetalt 15.03.24: 4500 kr.') was written as
    X's in the leader's own file, without a word. Now nothing is saved, and the form says
    which line to put right."""
    path = write_review(workspace)
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    at = [n for n, line in enumerate(lines) if line == "      kommentar: ''"][1]
    lines[at] = "      kommentar: 'Udbetalt 15.03.24: 4500 kr.'"
    path.write_text("\n".join(lines), encoding="utf-8")
    before = path.read_bytes()
    app = drive(workspace, path, ["right", "j"])
    assert path.read_bytes() == before
    assert "F011" in status(app) and f"linje {at + 1}" in status(app), status(app)


def test_word_s_quotes_around_nothing_get_the_reviewer_s_name(workspace: Path) -> None:
    """Found by probe Q: `gennemført_af: “”` (Word's quotes) is empty to `valider`, but
    `udfyld --bedømmer` left it, so the review stayed unfinished."""
    path = write_review(workspace)
    text = path.read_text(encoding="utf-8").replace('gennemført_af: ""', "gennemført_af: “”")
    path.write_text(text, encoding="utf-8")
    drive(workspace, path, ["right", "j"])
    assert "gennemført_af: 'Mette Holm'" in path.read_text(encoding="utf-8")


def test_an_answer_key_on_the_first_page_says_where_the_questions_are(workspace: Path) -> None:
    """Probe BJ: the form opens on the page of the review's details, and `j` there did
    nothing and said nothing; the file is still not changed."""
    path = write_review(workspace)
    before = path.read_bytes()
    app = drive(workspace, path, ["j"])
    assert status(app).startswith(
        "Her er oplysningerne, ikke et spørgsmål: tast → for spørgsmål 1."
    )
    assert path.read_bytes() == before

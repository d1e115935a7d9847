"""Hand-typed text in a review is untrusted (issue 12 §1): never a name or CPR number out.

- The header is checked against the manifest and the concept: a value the
  tool did not write is an error naming the key (G032, G033), and what is
  shown about the review comes from the manifest, never from the file.
- Messages quote as little as they need: one short token at most, never free
  text (`core.quote.quote` is the one rule).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_validate_cli import FOLDER, MANIFEST, TODAY, edit, one, review

from conftest import Cli
from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.core.quote import quote
from ledelsestilsyn.io.yaml import parse_text
from ledelsestilsyn.review.validate import ReviewState, run_checks
from ledelsestilsyn.workspace.open import Workspace, open_workspace

SECRET = "Emil Sørensen 010203-1234"
NAME = "Emil Sørensen"


@pytest.fixture
def ws(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.chdir(workspace)
    (workspace / FOLDER).mkdir(parents=True)
    return open_workspace(workspace)


def _manifest(ws: Workspace) -> None:
    (ws.root / FOLDER / "udtræk.yaml").write_text(
        MANIFEST.format(focus="underretning"), encoding="utf-8"
    )


def test_a_name_in_tilsyn_is_an_error_and_never_shown(ws: Workspace) -> None:
    _manifest(ws)
    path = review(ws)
    edit(path, 'tilsyn: "månedligt-overordnet"', f'tilsyn: "{SECRET}"')
    result = one(ws, path)
    assert result.state is ReviewState.INVALID
    assert [d.code for d in result.diagnostics if d.is_error] == ["G032"]
    assert result.series == "månedligt-overordnet"  # from the manifest
    [error] = [d for d in result.diagnostics if d.code == "G032"]
    assert error.line is not None and "'tilsyn'" in error.message


def test_a_file_that_cannot_be_read_gets_no_header_errors(ws: Workspace) -> None:
    """A YAML error leaves no header to compare: only the YAML error, at its line."""
    _manifest(ws)
    path = review(ws)
    edit(path, "kommentar: ''", 'kommentar: "Mor sagde "nej" til mødet"')
    assert [(d.code, d.line is not None) for d in one(ws, path).diagnostics] == [("Y012", True)]


def test_an_emptied_caseworker_is_still_a_header_error(ws: Workspace) -> None:
    _manifest(ws)
    path = review(ws)
    edit(path, 'rådgiver: "Rådgiver A"', 'rådgiver: ""')
    [error] = [d for d in one(ws, path).diagnostics if d.is_error]
    assert error.code == "G032" and "'sag.rådgiver'" in error.message and error.line is not None


def test_without_a_manifest_tilsyn_must_be_a_series_of_the_concept(ws: Workspace) -> None:
    path = review(ws)
    edit(path, 'tilsyn: "månedligt-overordnet"', f'tilsyn: "{SECRET}"')
    result = one(ws, path)
    assert result.state is ReviewState.INVALID
    assert "G032" in [d.code for d in result.diagnostics]
    assert result.series is None


def test_a_cpr_number_as_case_id_is_an_error_and_never_kept(ws: Workspace) -> None:
    path = review(ws, answer=None)
    edit(path, '  id: "S-1"', '  id: "010203-1234"')
    result = one(ws, path)
    assert "G033" in [d.code for d in result.diagnostics]
    assert result.case_id is None
    _manifest(ws)
    result = one(ws, path)
    assert "G033" in [d.code for d in result.diagnostics]
    assert result.case_id == "S-1"  # the manifest lists the file under S-1


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ('periode: "2026-11"', 'periode: "2026-10"', "G032"),
        ('skabelon: "overordnet@2025.1"', 'skabelon: "tematiseret@2024.1"', "G032"),
        ('rådgiver: "Rådgiver A"', 'rådgiver: "Emil Sørensen"', "G032"),
        ('team: "Team Nord"', 'team: "Emil"', "G032"),
        ('id: "S-1"', 'id: "S-2"', "G033"),
    ],
)
def test_every_header_field_is_compared_with_the_manifest(
    ws: Workspace, old: str, new: str, code: str
) -> None:
    _manifest(ws)
    path = review(ws)
    edit(path, old, new)
    result = one(ws, path)
    assert code in [d.code for d in result.diagnostics]
    assert result.state is ReviewState.INVALID
    assert (result.case_id, result.caseworker, result.team) == ("S-1", "Rådgiver A", "Team Nord")


def test_a_review_of_a_case_not_drawn_is_an_error(ws: Workspace) -> None:
    _manifest(ws)
    result = one(ws, review(ws, "S-9.yaml"))
    assert [d.code for d in result.diagnostics] == ["G033"]
    assert result.case_id is None


def test_the_header_check_holds_on_a_warm_run(ws: Workspace) -> None:
    _manifest(ws)
    path = review(ws)
    edit(path, 'tilsyn: "månedligt-overordnet"', f'tilsyn: "{SECRET}"')
    cold = run_checks(ws, today=TODAY)
    warm = run_checks(ws, today=TODAY)
    assert warm.from_cache == 1
    assert warm.results == cold.results


def test_valider_json_never_prints_the_header_values(ws: Workspace, cli: Cli) -> None:
    _manifest(ws)
    path = review(ws)
    edit(path, 'tilsyn: "månedligt-overordnet"', f'tilsyn: "{SECRET}"')
    edit(path, 'id: "S-1"', 'id: "0102031234"')
    result = cli("valider", "--format", "json", str(path))
    assert result.exit_code == 1
    for leak in ("Emil", "Sørensen", "010203", "0102031234"):
        assert leak not in result.output
        assert leak not in (result.stderr or "")


def _clean(text: str) -> None:
    for leak in ("Emil", "Sørensen", "010203", "1234"):
        assert leak not in text, text


def test_quote_keeps_a_short_token_and_never_free_text() -> None:
    assert quote("jaa") == "'jaa'"
    assert quote("børnefaglig-undersøgelse-11") == "'børnefaglig-undersøgelse-11'"
    assert quote("ja Emil Sørensen 0102031234") == "(en tekst på 27 tegn)"
    assert quote("Emil_Sørensen_010203-1234_og_mere") == "(en tekst på 33 tegn)"
    assert quote("0102031234") == "'XXXXXXXXXX'"
    assert quote("  ") == "(en tom tekst)"


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ('svar: "ja"', f'svar: "ja {NAME} 0102031234"', "G016"),
        ("  screening:", f'  "{SECRET}":', "G010"),
        ("    underretning-2:\n", f'    "{SECRET} q":\n', "G013"),
        ("      kommentar: ''", f"      \"{NAME}\": x\n      kommentar: ''", "G015"),
        ('skabelon: "overordnet@2025.1"', f'skabelon: "{SECRET}@1"', "G002"),
        ("tilsyn:", f'"{SECRET}": x\ntilsyn:', "M002"),
    ],
)
def test_messages_never_echo_free_text(ws: Workspace, old: str, new: str, code: str) -> None:
    path = review(ws, focus=("underretning", "screening"))
    edit(path, old, new)
    result = one(ws, path)
    assert code in [d.code for d in result.diagnostics]
    _clean("\n".join(d.format() for d in result.diagnostics))


def test_a_value_that_is_not_quoted_reads_in_its_place(ws: Workspace) -> None:
    path = review(ws, focus=("underretning", "screening"))
    edit(path, "  screening:", f'  "{SECRET}":')
    [message] = [d.message for d in one(ws, path).diagnostics if d.code == "G010"]
    assert message == f"ukendt sagsskridt (en tekst på {len(SECRET)} tegn)."


def test_a_repeated_key_is_named_without_its_text() -> None:
    with pytest.raises(TilsynError) as caught:
        parse_text(f'"{SECRET}": 1\n"{SECRET}": 2\n', "f.yaml")
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.code == "Y009"
    _clean(diagnostic.format())


@pytest.mark.parametrize("word", ["Emil_Barnesen", "Emil", "emil_barnesen"])
@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ('svar: "ja"', 'svar: "{w}"', "G016"),
        ("  screening:", '  "{w}":', "G010"),
        ("    underretning-2:\n", '    "{w}":\n', "G013"),
        ("      kommentar: ''", "      \"{w}\": x\n      kommentar: ''", "G015"),
        ("tilsyn:", '"{w}": x\ntilsyn:', "M002"),
        ('skabelon: "overordnet@2025.1"', 'skabelon: "{w}"', "G002"),
    ],
)
def test_a_single_word_a_person_typed_is_quoted_only_when_it_is_near_a_word_of_ours(
    ws: Workspace, word: str, old: str, new: str, code: str
) -> None:
    """A key or answer may be a child's name even without a space ('Emil_Barnesen'): a
    message quotes it only when it reads as a typo of a word the tool knows."""
    path = review(ws, focus=("underretning", "screening"))
    edit(path, old, new.format(w=word))
    found = [d for d in one(ws, path).diagnostics if d.code == code]
    assert found, code
    text = "\n".join(d.format() for d in found)
    assert "Emil" not in text and "emil" not in text and "Barnesen" not in text, text
    assert f"(en tekst på {len(word)} tegn)" in text, text


@pytest.mark.parametrize(
    ("old", "new", "code", "quoted"),
    [
        ('svar: "ja"', 'svar: "jaa"', "G016", "'jaa'"),
        ("      kommentar: ''", "      kommentra: ''", "G015", "'kommentra'"),
        ("    underretning-2:\n", "    underretning-22:\n", "G013", "'underretning-22'"),
        ("tilsyn:", "tilsynn: x\ntilsyn:", "M002", "'tilsynn'"),
        ("      kommentar: ''", "      Kommentar: ''", "G015", "'Kommentar'"),
    ],
)
def test_a_typo_of_a_word_of_ours_is_still_quoted(
    ws: Workspace, old: str, new: str, code: str, quoted: str
) -> None:
    path = review(ws, focus=("underretning", "screening"))
    edit(path, old, new)
    found = [d for d in one(ws, path).diagnostics if d.code == code]
    assert any(quoted in d.message for d in found), [d.format() for d in found]


def test_a_repeated_single_word_key_is_named_without_its_text() -> None:
    with pytest.raises(TilsynError) as caught:
        parse_text("Emil_Barnesen: 1\nEmil_Barnesen: 2\n", "f.yaml")
    [diagnostic] = caught.value.diagnostics
    assert "Emil" not in diagnostic.format() and "linje 1 og linje 2" in diagnostic.message
    with pytest.raises(TilsynError) as caught:
        parse_text("svar: 1\nsvar: 2\n", "f.yaml")
    assert "'svar'" in caught.value.diagnostics[0].message

"""The one YAML loader: text scalars, positions, and every trap refused with a location."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Cli, corpus
from ledelsestilsyn.core.diagnostics import ErrorKind, TilsynError
from ledelsestilsyn.io.yaml import MAX_BYTES, USING_LIBYAML, parse_text, read_document

KORPUS = corpus("yaml-test-suite")


def error(text: str) -> str:
    with pytest.raises(TilsynError) as info:
        parse_text(text, "f.yaml")
    assert len(info.value.diagnostics) == 1
    return info.value.diagnostics[0].format()


def test_c_parser_is_used() -> None:
    assert USING_LIBYAML


def test_every_scalar_stays_text() -> None:
    doc = parse_text(
        "svar: no\nja: yes\non: off\ncpr: 0102031234\ntid: 12:30\ndato: 2024-02-30\ntom:\n", "f"
    )
    assert doc.data == {
        "svar": "no",
        "ja": "yes",
        "on": "off",
        "cpr": "0102031234",
        "tid": "12:30",
        "dato": "2024-02-30",
        "tom": "",
    }


def test_positions_of_keys_and_values() -> None:
    doc = parse_text("a:\n  b:\n    - x\n    - y: 1\n", "f")
    assert doc.keys[("a", "b")].line == 2
    assert (doc.values[("a", "b", 1, "y")].line, doc.values[("a", "b", 1, "y")].column) == (4, 10)
    assert doc.locate(("a", "b", 1, "missing")) == doc.values[("a", "b", 1)]


def test_duplicate_key_names_both_lines() -> None:
    message = error("a: 1\nb:\n  c: 1\n  c: 2\n")
    assert message.startswith("f.yaml:4:3: fejl Y009")
    assert "linje 3 og linje 4" in message


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a: &x 1\nb: *x\n", "1:4"),
        ("a: &a [*a]\n", "1:4"),
        ("a: !!python/object:os.system 1\n", "1:4"),
        ("a: !lokal 1\n", "1:4"),
        ("- *ukendt\n", "1:3"),
    ],
)
def test_anchors_aliases_and_tags_are_refused(text: str, where: str) -> None:
    message = error(text)
    assert f"f.yaml:{where}: fejl Y004" in message


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.perf_counter()
    message = error("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 1.0
    assert "Y004" in message


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: b\n")
    assert read_document(path).data == {"a": "b"}


def test_windows_1252_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "ansi.yaml"
    path.write_bytes("a: b\nnavn: Søren\n".encode("cp1252"))
    with pytest.raises(TilsynError) as info:
        read_document(path, display="ansi.yaml")
    assert info.value.diagnostics[0].format().startswith("ansi.yaml:2:8: fejl Y002")
    assert "UTF-8" in info.value.diagnostics[0].message


def test_utf16_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "u16.yaml"
    path.write_bytes("a: b\n".encode("utf-16"))
    with pytest.raises(TilsynError, match="Y002"):
        read_document(path)


def test_crlf_is_fine() -> None:
    assert parse_text("a: 1\r\nb:\r\n  c: 2\r\n", "f").data == {"a": "1", "b": {"c": "2"}}


def test_tab_indentation() -> None:
    assert error("a:\n\tb: 1\n").startswith("f.yaml:2:1: fejl Y005")
    assert error("a:\n  \tb: 1\n").startswith("f.yaml:2:3: fejl Y005")


def test_nbsp_in_indentation_or_key() -> None:
    assert error("a:\n\u00a0 b: 1\n").startswith("f.yaml:2:1: fejl Y006")
    assert "Y006" in error("a:\n  b\u00a0c: 1\n")


def test_unclosed_quote_points_at_its_start() -> None:
    assert error('a: 1\nb: "abc\nc: 2\n').startswith("f.yaml:2:4: fejl Y003")


def test_an_unclosed_single_quote_is_said_on_its_line_not_at_the_next_quote() -> None:
    """Probe AX, M2: `kommentar: 'Screening ikke dokumenteret` without its closing quote was
    read on to the next comment's quote, many lines below, and told there as indentation."""
    lines = [
        "svar:",
        "  screening:",
        "    screening-1:",
        '      svar: "nej"',
        "      kommentar: 'Screening ikke dokumenteret",
        *(f'    screening-{n}:\n      svar: "ja"' for n in range(2, 9)),
        "    screening-9:",
        '      svar: "nej"',
        "      kommentar: 'Handleplanen er ikke revideret siden marts'",
        "      note: 'Jens'' mor er hørt'",
    ]
    said = error("\n".join(lines) + "\n")
    assert said.startswith("f.yaml:5:18: fejl Y003: et anførselstegn ser ud til ikke at være "), (
        said
    )
    assert "Tip: sæt ' i slutningen af værdien." in said


def test_bad_indentation() -> None:
    assert "Y003" in error("a:\n  b: 1\n c: 2\n")


def test_deep_nesting_is_controlled() -> None:
    assert "Y003" in error("[" * 10_000)
    deep = "".join("  " * i + f"k{i}:\n" for i in range(100)) + "  " * 100 + "x: 1\n"
    assert "Y007" in error(deep)


def test_empty_and_comment_only_files() -> None:
    assert parse_text("", "f").data is None
    assert parse_text("# kun en kommentar\n", "f").data is None


def test_two_documents_are_refused() -> None:
    assert "Y008" in error("a: 1\n---\nb: 2\n")


def test_complex_key_is_refused() -> None:
    assert "Y003" in error("? [a, b]\n: 1\n")


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "stor.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(TilsynError, match="Y010"):
        read_document(path)


def test_missing_file_is_a_call_error(tmp_path: Path) -> None:
    with pytest.raises(TilsynError) as info:
        read_document(tmp_path / "findes-ikke.yaml")
    assert info.value.kind is ErrorKind.USAGE


@pytest.mark.parametrize("name", sorted(p.name for p in KORPUS.glob("*.yaml")))
def test_yaml_test_suite_loads_or_gives_a_located_diagnostic(name: str) -> None:
    try:
        read_document(KORPUS / name)
    except TilsynError as exc:
        diagnostic = exc.diagnostics[0]
        assert diagnostic.file.endswith(name)
        assert diagnostic.code.startswith("Y")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab: -[]{}&*!#'\"\n\t|>?,0\u00a0æ")), max_size=60))
def test_random_text_gives_data_or_a_diagnostic(text: str) -> None:
    try:
        parse_text(text, "f")
    except TilsynError as exc:
        assert exc.diagnostics and exc.diagnostics[0].file == "f"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_give_data_or_a_diagnostic(
    tmp_path_factory: pytest.TempPathFactory, raw: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "x.yaml"
    path.write_bytes(raw)
    try:
        read_document(path)
    except TilsynError as exc:
        assert exc.diagnostics


def test_cpr_typed_as_a_key_is_never_printed(capsys: pytest.CaptureFixture[str]) -> None:
    from ledelsestilsyn.cli.console import print_diagnostics

    with pytest.raises(TilsynError) as info:
        parse_text("0101901234: a\n0101901234: b\n", "f.yaml")
    print_diagnostics(info.value.diagnostics, err=True)
    message = capsys.readouterr().err
    assert "Y009" in message
    assert "0101901234" not in message and "XXXXXXXXXX" in message


@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32"),
    ],
)
@pytest.mark.parametrize("text", ['sag:\n  rådgiver: "Søren"\n', 'sag:\n  id: "S-1"\n'])
def test_utf16_or_utf32_without_a_bom_is_named_as_such(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch, encoding: str, name: str, text: str
) -> None:
    """Notepad's 'Unicode' without a byte order mark is not Windows-1252, and a file with
    only ASCII letters would even pass as UTF-8 with a NUL after each letter."""
    monkeypatch.chdir(workspace)
    folder = workspace / "udtræk" / "2026-11-x"
    folder.mkdir(parents=True)
    (folder / "S-1.yaml").write_bytes(text.encode(encoding))
    result = cli("valider", str(folder))
    assert f"fejl Y002: filen er gemt som {name}, ikke UTF-8." in result.output, result.output
    assert "Windows-1252" not in result.output


@pytest.mark.parametrize(
    ("damage", "line"),
    [(lambda raw: b"\x00" * len(raw), 1), (lambda raw: raw[:40] + b"\x00" * 4096, 4)],
)
def test_a_file_a_sync_left_zero_filled_is_called_damaged(
    cli: Cli,
    workspace: Path,
    monkeypatch: pytest.MonkeyPatch,
    damage: Callable[[bytes], bytes],
    line: int,
) -> None:
    """Found by probe Q: a file a failed sync left full of NUL bytes was told to be saved as
    UTF-8 (it was 'UTF-32'), and one with a NUL tail to delete 'the character'."""
    monkeypatch.chdir(workspace)
    folder = workspace / "udtræk" / "2026-11-x"
    folder.mkdir(parents=True)
    raw = b'tilsyn: "x"\nperiode: "2026-11"\nsag:\n  id: "S-1"\n'
    (folder / "S-1.yaml").write_bytes(damage(raw))
    result = cli("valider", str(folder))
    assert f"S-1.yaml:{line}: fejl Y014: filen er beskadiget" in result.output, result.output
    assert "Tidligere versioner" in result.output
    assert "UTF-32" not in result.output and "slet tegnet" not in result.output


def test_an_indent_gone_astray_names_both_lines_and_their_indents() -> None:
    """A probe: `svar:` one space short was reported at the `kommentar:` under it, which
    was right; the message now gives both lines' indents, so the one that is off is found."""
    text = "svar:\n  trin:\n    trin-3:\n     svar: \"ja\"\n\n      # note\n      kommentar: ''\n"
    with pytest.raises(TilsynError) as raised:
        parse_text(text, "S-1.yaml")
    [problem] = raised.value.diagnostics
    assert (problem.code, problem.line) == ("Y003", 7)
    assert "Linje 4 er rykket 5 tegn ind, linje 7 6." in problem.message, problem.message

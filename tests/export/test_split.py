"""A large export's second half is read in a forked process: the result must not show it.

`SPLIT_FROM` is lowered so that small files are split too; every test reads
the same file split and unsplit and compares what a user would see.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.export import scan as export_scan
from ledelsestilsyn.export.read import Export, Meanwhile, ReadOptions, read_export
from ledelsestilsyn.models.concept import ExportSpec

HEADER = "Sagsnr.;CPR-nr.;Sagsbehandler;Team;Paragraf;Afgørelsesdato;Sagsfase"
WINDOW = (date(2025, 11, 1), date(2026, 10, 31))
SPEC = ExportSpec.model_validate(
    {
        "kolonner": {
            "sag": "Sagsnr.",
            "rådgiver": "Sagsbehandler",
            "team": "Team",
            "paragraf": "Paragraf",
            "afgørelsesdato": "Afgørelsesdato",
            "fase": "Sagsfase",
            "cpr": "CPR-nr.",
        },
        "maks_andel_fejl": 1.0,
    }
)


PAD = 1200
"""Rows of a paragraph outside the sample; 1,200 of them are more than a first block."""


def read(path: Path, split_from: int, spec: ExportSpec = SPEC) -> Export | TilsynError:
    saved = export_scan.SPLIT_FROM
    export_scan.SPLIT_FROM = split_from
    try:
        return read_export(path, spec, ReadOptions(["32", "46"], WINDOW), path.name)
    except TilsynError as exc:
        return exc
    finally:
        export_scan.SPLIT_FROM = saved


def seen(result: Export | TilsynError) -> object:
    """Everything a user could see of a result."""
    if isinstance(result, TilsynError):
        return ("fejl", [d.format() for d in result.diagnostics], result.kind)
    return (result.cases, result.steps, result.source, [d.format() for d in result.diagnostics])


def same_split_or_not(path: Path, spec: ExportSpec = SPEC) -> Export | TilsynError:
    split = read(path, 0, spec)
    assert seen(split) == seen(read(path, 1 << 40, spec))
    return split


@pytest.fixture(autouse=True)
def two_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """Splitting needs a second CPU; pretend there is one wherever the tests run."""
    monkeypatch.setattr(export_scan, "_cpus", lambda: 2)


@pytest.fixture
def joins(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Records each time a child's half is joined (the split really happened)."""
    calls: list[int] = []
    original = export_scan.SecondHalf.join

    def join(self: export_scan.SecondHalf, scan: export_scan.Scan) -> None:
        calls.append(scan.line)
        original(self, scan)

    monkeypatch.setattr(export_scan.SecondHalf, "join", join)
    return calls


def row(case: str, paragraph: str = "§ 32", day: str = "01-03-2026", who: str = "Anne") -> str:
    return f"{case};010203-1234;{who};Team Nord;{paragraph};{day};handleplan"


def pad(count: int = PAD) -> list[str]:
    return [row(f"P-{i}", "§ 20") for i in range(count)]


def write(path: Path, first: list[str], second: list[str], ending: str = "\r\n") -> Path:
    """Header, padding, `first`, padding, `second`, padding: the middle is in the second padding,
    so `first` is read here and `second` by the child."""
    lines = [HEADER, *pad(), *first, *pad(), *second, *pad(), ""]
    path.write_bytes(ending.join(lines).encode("cp1252"))
    return path


def line_of(index: int, first: list[str]) -> int:
    """The line number of `second[index]`."""
    return 1 + PAD + len(first) + PAD + index + 1


def test_bad_rows_in_both_halves_report_the_first_ten(tmp_path: Path, joins: list[int]) -> None:
    first = [row(f"S-{i}", day="31-02-2026" if i < 4 else "01-03-2026") for i in range(8)]
    second = [row(f"T-{i}", day="") for i in range(12)]
    result = same_split_or_not(write(tmp_path / "e.csv", first, second))
    assert isinstance(result, Export) and joins
    reported = [d.line for d in result.diagnostics if d.line is not None]
    assert reported == [2 + PAD + i for i in range(4)] + [line_of(i, first) for i in range(6)]
    assert "i alt 16 ugyldige rækker" in result.diagnostics[-1].message


def test_same_day_in_both_halves_keeps_the_first(tmp_path: Path, joins: list[int]) -> None:
    first = [row("S-1", who="Første")]
    result = same_split_or_not(write(tmp_path / "e.csv", first, [row("S-1", who="Sidste")]))
    assert isinstance(result, Export) and joins
    assert [(c.id, c.caseworker, c.line) for c in result.cases] == [("S-1", "Første", 2 + PAD)]


def test_newer_decision_in_second_half_wins_with_its_line(tmp_path: Path, joins: list[int]) -> None:
    first = [row("S-1")]
    second = [row("S-2"), row("S-1", day="2026-04-01")]
    result = same_split_or_not(write(tmp_path / "e.csv", first, second))
    assert isinstance(result, Export) and joins
    assert [c.line for c in result.cases] == [line_of(1, first), line_of(0, first)]
    assert [s.count for s in result.steps] == [3 * PAD + 3, 3, 2, 2]


def test_quoted_line_breaks_across_the_middle(tmp_path: Path, joins: list[int]) -> None:
    note = "\n".join(f"linje {i}" for i in range(8 * PAD))
    path = write(tmp_path / "e.csv", [row("S-9", who=f'"Søren {note}"')], [row("S-10")])
    result = same_split_or_not(path)
    assert isinstance(result, Export) and not joins
    assert [c.id for c in result.cases] == ["S-10", "S-9"]
    assert result.source.rows == 3 * PAD + 2


def test_unclosed_quote_in_second_half_names_its_line(tmp_path: Path, joins: list[int]) -> None:
    first = [row("S-1")]
    path = write(tmp_path / "e.csv", first, [row("S-2"), 'S-99;x;"Søren;T;§ 32;01-03-2026;h'])
    result = same_split_or_not(path)
    assert isinstance(result, TilsynError)
    assert (result.diagnostics[0].code, result.diagnostics[0].line) == ("E009", line_of(1, first))


def test_utf8_guess_fails_in_second_half(tmp_path: Path, joins: list[int]) -> None:
    """An ASCII first half reads as UTF-8; the child's half shows it is Windows-1252."""
    columns = {**SPEC.columns, "afgørelsesdato": "Dato"}
    spec = ExportSpec.model_validate({"kolonner": columns})
    path = write(tmp_path / "e.csv", [row("S-1")], [row("S-2", who="Ærø")])
    path.write_bytes(path.read_bytes().replace("Afgørelsesdato".encode("cp1252"), b"Dato"))
    result = same_split_or_not(path, spec)
    assert isinstance(result, Export)
    assert result.source.encoding == "cp1252"
    assert [c.caseworker for c in result.cases] == ["Anne", "Ærø"]


def test_quote_left_open_for_too_long_stops_at_its_line(tmp_path: Path) -> None:
    first = [row("S-1"), 'S-99;x;"Søren;T;§ 32;01-03-2026;h', *pad(4 * PAD)]
    result = same_split_or_not(write(tmp_path / "e.csv", first, [row("S-2")]))
    assert isinstance(result, TilsynError)
    assert (result.diagnostics[0].code, result.diagnostics[0].line) == ("E009", 3 + PAD)


def test_work_without_the_export_is_done_while_the_child_reads(
    tmp_path: Path, joins: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`meanwhile` runs here once this process has read its half, before the child's half is
    joined; a file read in one pass leaves it to the caller."""
    monkeypatch.setattr(export_scan, "SPLIT_FROM", 0)
    path = write(tmp_path / "e.csv", [row("S-1")], [row("S-2")])
    joined_before: list[int] = []
    options = ReadOptions(["32", "46"], WINDOW)
    read_export(path, SPEC, options, path.name, lambda: joined_before.append(len(joins)))
    assert joined_before == [0] and len(joins) == 1
    monkeypatch.setattr(export_scan, "SPLIT_FROM", 1 << 40)
    read_export(path, SPEC, options, path.name, lambda: joined_before.append(len(joins)))
    assert joined_before == [0]


def test_meanwhile_gives_its_error_only_when_asked_and_works_once() -> None:
    calls: list[int] = []

    def work() -> int:
        calls.append(1)
        raise TilsynError([])

    later = Meanwhile(work)
    later.run()
    later.run()
    with pytest.raises(TilsynError):
        later.result()
    assert calls == [1]
    assert Meanwhile(lambda: 7).result() == 7


def test_small_file_is_not_split(tmp_path: Path, joins: list[int]) -> None:
    path = tmp_path / "e.csv"
    path.write_text(f"{HEADER}\n{row('S-1')}\n", encoding="utf-8")
    assert isinstance(read(path, 1 << 20), Export)
    assert not joins


PARAGRAPHS = ("§ 32", "§46", "BL § 32, stk. 1", "§ 20", "32", "§ 320", "Barnets lov § 46")
DAYS = ("01-03-2026", "2026-05-02", "5.1.2026", "01-03-2024", "31-02-2026", "", "I går")


@st.composite
def exports(draw: st.DrawFn) -> list[str]:
    lines = []
    for _ in range(draw(st.integers(1, 60))):
        kind = draw(st.integers(0, 9))
        if kind == 0:
            lines.append("")
        elif kind == 1:
            lines.append(row(draw(st.sampled_from(("S-1", "S-2"))), who='"Anne\nBo; 32"'))
        elif kind == 2:
            lines.append("I alt;5 rækker;;;;;")
        else:
            case = f"S-{draw(st.integers(1, 12))}"
            lines.append(row(case, draw(st.sampled_from(PARAGRAPHS)), draw(st.sampled_from(DAYS))))
    return lines


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(exports(), st.sampled_from(["\r\n", "\n"]))
def test_split_reading_equals_one_pass(tmp_path: Path, lines: list[str], ending: str) -> None:
    same_split_or_not(write(tmp_path / "e.csv", lines, lines, ending))


def test_one_cpu_reads_in_one_pass(
    tmp_path: Path, joins: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_scan, "_cpus", lambda: 1)
    path = write(tmp_path / "e.csv", [row("S-1")], [row("S-2")])
    assert isinstance(read(path, 0), Export)
    assert not joins

"""`validation.check_reviews`: states, focus, header dates, answers, the cache and the pool."""

from __future__ import annotations

import json
import os
import re
import stat
import time
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from ledelsestilsyn.io.atomic import STALE_AFTER_SECONDS, TEMP_PREFIX
from ledelsestilsyn.review import analyse_files
from ledelsestilsyn.review import validate as validation
from ledelsestilsyn.review.state import ReviewState
from ledelsestilsyn.review.validate import (
    check_reviews,
    run_checks,
    walk,
)
from ledelsestilsyn.sampling.fillin import render_review
from ledelsestilsyn.workspace.layout import REVIEW_CACHE
from ledelsestilsyn.workspace.open import Workspace, open_workspace

TODAY = date(2026, 11, 25)
FOLDER = "udtræk/2026-11-månedligt-overordnet"
MANIFEST = """tilsyn: månedligt-overordnet
periode: "2026-11"
skabelon: overordnet@2025.1
fokus: [{focus}]
oprettet: "2026-11-02T09:00:00"
oprettet_af: konsulent
værktøj: tilsyn
seed: 7
antal: 3
sager:
""" + "".join(
    f"""  - id: S-{n}
    rådgiver: Rådgiver A
    team: Team Nord
    begrundelse: tilfældig
    filer: [S-{n}.yaml]
"""
    for n in (1, 2, 3)
)


@pytest.fixture
def ws(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.chdir(workspace)
    (workspace / FOLDER).mkdir(parents=True)
    return open_workspace(workspace)


def review(
    ws: Workspace,
    name: str = "S-1.yaml",
    *,
    focus: tuple[str, ...] = ("underretning",),
    answer: str | None = "ja",
    template: str = "overordnet",
) -> Path:
    text = render_review(
        ws.catalog.resolve(template),
        series="månedligt-overordnet",
        period="2026-11",
        case_id=name.removesuffix(".yaml"),
        caseworker="Rådgiver A",
        team="Team Nord",
        focus=list(focus),
    )
    if answer is not None:
        text = text.replace('gennemført_af: ""', 'gennemført_af: "Leder B"')
        text = text.replace('dato: ""', 'dato: "2026-11-20"')
        text = text.replace('svar: ""', f'svar: "{answer}"')
    path = ws.root / FOLDER / name
    path.write_text(text, encoding="utf-8")
    return path


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def one(ws: Workspace, path: Path, today: date = TODAY) -> validation.ReviewResult:
    [result] = check_reviews(ws, [path], today=today)
    return result


def codes(result: validation.ReviewResult) -> list[str]:
    return [d.code for d in result.diagnostics]


def test_complete_review_has_header_and_canonical_answers(ws: Workspace) -> None:
    result = one(ws, review(ws))
    assert result.state is ReviewState.COMPLETE
    assert result.diagnostics == []
    assert result.display == f"{FOLDER}/S-1.yaml"
    assert (result.series, result.period, result.template_ref) == (
        "månedligt-overordnet",
        "2026-11",
        "overordnet@2025.1",
    )
    assert (result.case_id, result.caseworker, result.team, result.reviewer) == (
        "S-1",
        "Rådgiver A",
        "Team Nord",
        "Leder B",
    )
    assert result.review_date == date(2026, 11, 20)
    assert list(result.answers) == ["underretning"]
    assert set(result.answers["underretning"].values()) == {("ja", "")}


def test_untouched_file_is_not_started_and_partial_lists_what_is_missing(ws: Workspace) -> None:
    assert one(ws, review(ws, answer=None)).state is ReviewState.NOT_STARTED
    path = review(ws, "S-2.yaml")
    edit(path, 'svar: "ja"', 'svar: ""')
    result = one(ws, path)
    assert result.state is ReviewState.PARTIAL
    assert codes(result) == ["G021"]
    assert result.answers["underretning"]["underretning-1"] == (None, "")


def test_all_problems_of_a_file_at_once(ws: Workspace) -> None:
    path = review(ws)
    edit(path, 'svar: "ja"', 'svar: "jaa"')
    edit(path, 'svar: "ja"', "svar: Ja")
    edit(path, 'svar: "ja"', 'svar: "nej"')
    edit(path, "    underretning-4:\n", "    underretning-44:\n")
    edit(path, 'dato: "2026-11-20"', 'dato: "2026-02-30"')
    result = one(ws, path)
    assert result.state is ReviewState.INVALID
    assert sorted(codes(result)) == ["G005", "G013", "G016", "G017", "G022", "G023"]
    assert result.answers["underretning"]["underretning-2"] == ("ja", "")


def test_a_review_date_written_the_danish_way_is_read_like_a_deadline(ws: Workspace) -> None:
    """Found by a probe: `dato: 05-11-2026` made a finished review invalid (G005), gone from
    the report and the letters, while the same form under a correction's `frist` is read with
    a warning (G057); and a date with the year in two digits, without leading zeros or with the
    time got only an example date, not the day it is."""
    path = review(ws)
    edit(path, 'dato: "2026-11-20"', 'dato: "20-11-2026"')
    result = one(ws, path)
    assert result.state is ReviewState.COMPLETE and result.review_date == date(2026, 11, 20)
    [said] = result.diagnostics
    assert (said.code, said.is_error) == ("G057", False)
    assert said.message == "'dato' er skrevet som en dansk dato og læses som 2026-11-20."
    for written, hint in (
        ("20.11.26", "skriv datoen som ÅÅÅÅ-MM-DD med hele året: 2026-11-20."),
        ("2026-11-5", "skriv datoen som ÅÅÅÅ-MM-DD: 2026-11-05."),
        ("2026-11-20 10:30", "skriv datoen som ÅÅÅÅ-MM-DD uden klokkeslæt: 2026-11-20."),
        ("snarest", "skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-11-24."),
    ):
        path.write_text(re.sub('dato: "[^"]*"', f'dato: "{written}"', path.read_text("utf-8")))
        result = one(ws, path)
        assert result.state is ReviewState.INVALID and codes(result) == ["G005"], written
        assert result.diagnostics[0].hint == hint


def test_tematiseret_synonym_is_the_full_grade_with_a_warning(ws: Workspace) -> None:
    path = review(ws, template="tematiseret", answer="nogen grad")
    edit(path, 'svar: "nogen grad"', 'svar: " Høj "')
    result = one(ws, path)
    assert result.state is ReviewState.COMPLETE
    assert codes(result) == ["G017"]
    assert "'høj grad'" in result.diagnostics[0].message
    assert result.answers["underretning"]["underretning-1"] == ("høj grad", "")


def test_required_comment_for_lav_grad(ws: Workspace) -> None:
    path = review(ws, template="tematiseret", answer="lav grad")
    result = one(ws, path)
    assert result.state is ReviewState.PARTIAL
    assert set(codes(result)) == {"G023"}


@pytest.mark.parametrize("written", ["“”", "‘’", "\u200b", "“ \u200b ”"])
def test_a_comment_or_a_name_that_shows_nothing_is_not_filled_in(
    ws: Workspace, written: str
) -> None:
    """Found by a probe: `kommentar: “”` (Word's quotes for a typed `""`) or a pasted
    zero-width space under `nej` made the review finished, and the letter showed the
    comment as `“”` or `–`; `gennemført_af: “”` made one 'Gennemgået af “”'."""
    path = review(ws, answer="nej")
    missing = codes(one(ws, path)).count("G023")
    edit(path, "kommentar: ''", f"kommentar: '{written}'")
    result = one(ws, path)
    assert result.state is ReviewState.PARTIAL
    assert codes(result).count("G063") == 1 and codes(result).count("G023") == missing
    path = review(ws)
    edit(path, 'gennemført_af: "Leder B"', f"gennemført_af: '{written}'")
    result = one(ws, path)
    assert result.state is ReviewState.PARTIAL and codes(result) == ["G024"]


def test_values_in_words_quotation_marks_are_read_without_them(ws: Workspace) -> None:
    """Found by a probe: a review saved from Word has `“…”` for every `"…"`; it gave eight
    errors (the date 'not a date', the series and case unknown), none naming the quotes."""
    path = review(ws)
    text = path.read_text(encoding="utf-8")
    lines = [
        line if line.lstrip().startswith("#") else re.sub(r'"([^"]*)"', "\u201c\\1\u201d", line)
        for line in text.splitlines()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert "dato: \u201c2026-11-20\u201d" in path.read_text(encoding="utf-8")
    result = one(ws, path)
    assert result.state is ReviewState.COMPLETE, codes(result)
    assert set(codes(result)) == {"G064"}
    assert "står i typografiske anførselstegn" in result.diagnostics[0].message
    path = review(ws)  # the Danish ones (probe U: `svar: »ja«` was an error)
    edit(path, 'svar: "ja"', "svar: »ja«")
    result = one(ws, path)
    assert result.state is ReviewState.COMPLETE and codes(result) == ["G064"]


def test_one_cases_review_copied_to_another_is_said_to_be_a_copy(ws: Workspace) -> None:
    """Found by a probe: a review copied over another case's file gave G033 with the tip
    'skriv værdien tilbage'; done as told, the copy counted as the other case's review, with
    the first case's comments in the other caseworker's letter."""
    folder = ws.root / FOLDER
    (folder / "udtræk.yaml").write_text(MANIFEST.format(focus="underretning"), encoding="utf-8")
    review(ws, "S-1.yaml", answer="nej")
    review(ws, "S-3.yaml")
    (folder / "S-3.yaml").write_bytes((folder / "S-1.yaml").read_bytes())
    manifest = (folder / "udtræk.yaml").read_text(encoding="utf-8")
    other = manifest.replace(
        "  - id: S-1\n    rådgiver: Rådgiver A", "  - id: S-1\n    rådgiver: B"
    )
    (folder / "udtræk.yaml").write_text(other, encoding="utf-8")
    (folder / "S-1.yaml").write_text(
        (folder / "S-1.yaml").read_text(encoding="utf-8").replace("Rådgiver A", "B"), "utf-8"
    )
    (folder / "S-3.yaml").write_bytes((folder / "S-1.yaml").read_bytes())
    [copy] = [r for r in run_checks(ws, today=TODAY).results if r.path.name == "S-3.yaml"]
    assert [d.code for d in copy.diagnostics if d.code in ("G032", "G033")] == ["G033"]
    said = [(d.message, d.hint) for d in copy.diagnostics if d.code == "G033"]
    assert said == [
        (
            "hovedet er en anden sags fra samme udtræk: filen er en kopi af den sags "
            "gennemgang, og svarene i den er ikke denne sags.",
            "skriv hovedet som i udtræk.yaml (sag.id, rådgiver og team), og gennemgå sagen "
            "forfra: ret hvert svar og hver kommentar til denne sags.",
        )
    ]


def test_a_review_saved_with_decomposed_letters_reads_as_typed(ws: Workspace) -> None:
    """Found by a probe: a review saved in a Mac's form (`å` as `a` and a ring) gave
    "ukendt nøgle 'rådgiver'. Mente du 'rådgiver'?" and "'tilsyn' passer ikke med udtrækket
    ('månedligt-overordnet')": the leader sees no difference, and the review did not count."""
    folder = ws.root / FOLDER
    (folder / "udtræk.yaml").write_text(MANIFEST.format(focus="underretning"), encoding="utf-8")
    path = review(ws)
    text = path.read_text(encoding="utf-8")
    path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert "a\u030a" in path.read_text(encoding="utf-8")
    result = one(ws, path)
    assert result.state is ReviewState.COMPLETE and codes(result) == []


def test_dates_in_the_future_and_before_the_period(ws: Workspace) -> None:
    path = review(ws)
    edit(path, 'dato: "2026-11-20"', 'dato: "2026-12-01"')
    assert codes(one(ws, path)) == ["G006"]
    assert one(ws, path, today=date(2026, 12, 1)).state is ReviewState.COMPLETE
    edit(path, 'dato: "2026-12-01"', 'dato: "2026-10-31"')
    assert codes(one(ws, path)) == ["G007"]
    edit(path, 'periode: "2026-11"', 'periode: "november"')
    assert codes(one(ws, path)) == ["G004"]


def test_manifest_focus_missing_step_and_step_outside_focus(ws: Workspace) -> None:
    (ws.root / FOLDER / "udtræk.yaml").write_text(
        MANIFEST.format(focus="underretning, screening"), encoding="utf-8"
    )
    [missing] = one(ws, review(ws)).diagnostics
    assert missing.code == "G012"
    # a hint that can be followed: udtræk writes no file into a sample that is there (probe AX)
    assert (
        missing.hint
        == "kopiér sagsskridtet fra en anden gennemgang i samme stikprøve, eller tilføj det."
    )
    both = review(ws, "S-2.yaml", focus=("underretning", "screening"))
    assert one(ws, both).state is ReviewState.COMPLETE
    extra = review(ws, "S-3.yaml", focus=("underretning", "screening", "afdækning"))
    assert codes(one(ws, extra)) == ["G011"]


def test_no_manifest_means_the_steps_in_the_file(ws: Workspace) -> None:
    path = review(ws, focus=("screening", "afdækning"))
    result = one(ws, path)
    assert result.state is ReviewState.COMPLETE
    assert list(result.answers) == ["screening", "afdækning"]


def test_unknown_step_question_in_wrong_step_and_answered_twice(ws: Workspace) -> None:
    path = review(ws, focus=("underretning", "screening"))
    edit(path, "  screening:", "  screeninng:")
    assert "G010" in codes(one(ws, path))
    edit(path, "  screeninng:", "  screening:\n    underretning-1:\n      svar: ja\n  afd:")
    result = one(ws, path)
    assert {"G014", "G010"} <= set(codes(result))


def test_unknown_template_is_one_clear_error(ws: Workspace) -> None:
    path = review(ws)
    edit(path, 'skabelon: "overordnet@2025.1"', 'skabelon: "overordnt@2025.1"')
    result = one(ws, path)
    assert codes(result) == ["G002"]
    assert "mente du 'overordnet'?" in (result.diagnostics[0].hint or "")


def test_cpr_in_a_comment_is_located_and_never_printed(ws: Workspace) -> None:
    path = review(ws)
    edit(path, "kommentar: ''", 'kommentar: "Mors cpr er 010190-1234"')
    [warning] = one(ws, path).diagnostics
    assert (warning.code, warning.column) == ("G030", 31)
    assert "1234" not in warning.format()


def test_cpr_in_a_block_scalar_and_in_the_header_are_located(ws: Workspace) -> None:
    path = review(ws)
    edit(
        path,
        "kommentar: ''",
        "kommentar: |\n        Samtale holdt.\n        Far: 2802151234 ringede.",
    )
    edit(path, "udgangspunkt: '", "udgangspunkt: '010190-1234 ")
    warnings = [d for d in one(ws, path).diagnostics if d.code == "G030"]
    lines = path.read_text(encoding="utf-8").splitlines()
    header = next(n for n, line in enumerate(lines, 1) if line.startswith("udgangspunkt:"))
    block = next(n for n, line in enumerate(lines, 1) if "Far: 2802151234" in line)
    assert [(d.line, d.column) for d in warnings] == [(header, 16), (block, 14)]


def test_the_same_number_again_in_a_comment_is_one_warning(ws: Workspace) -> None:
    """Found by probe V: an 8 kB comment of one number written again and again gave 729
    identical G030 lines at the same line and column."""
    path = review(ws)
    edit(path, "kommentar: ''", "kommentar: '" + "010203-1234 " * 700 + "'")
    warnings = [d for d in one(ws, path).diagnostics if d.code == "G030"]
    assert len(warnings) == 1, len(warnings)


def test_cpr_split_over_two_lines_of_a_block_scalar_is_located(ws: Workspace) -> None:
    path = review(ws)
    edit(path, "kommentar: ''", "kommentar: |\n        Emil 010203-\n        1234 ringede.")
    warnings = [d for d in one(ws, path).diagnostics if d.code == "G030"]
    lines = path.read_text(encoding="utf-8").splitlines()
    block = next(n for n, line in enumerate(lines, 1) if "Emil 010203-" in line)
    assert [(d.line, d.column) for d in warnings] == [(block, 14)]


def test_a_cpr_number_in_a_key_is_masked_in_every_message(ws: Workspace) -> None:
    # Found by the fuzzer: the unknown-key message quoted the key itself.
    path = review(ws)
    edit(path, "tilsyn:", "010190-1234tilsyn:")
    edit(path, "    underretning-2:\n", "    2802151234:\n")
    result = one(ws, path)
    assert {"M002", "G013", "G030"} <= set(codes(result))
    text = "\n".join(d.format() for d in result.diagnostics)
    assert "1234" not in text and "XXXXXXXXXX" in text  # a number alone is shown masked
    # a number run into a word is a word like no key of ours: only its length is shown
    assert "ukendt nøgle (en tekst på 17 tegn)" in text


def test_comment_cut_by_hash_is_a_warning(ws: Workspace) -> None:
    path = review(ws)
    edit(path, "kommentar: ''", "kommentar: samtale #3 ikke afholdt")
    assert codes(one(ws, path)) == ["G019"]


def test_collect_skips_manifests_hidden_and_other_files(ws: Workspace) -> None:
    folder = ws.root / FOLDER
    review(ws)
    (folder / "udtræk.yaml").write_text(MANIFEST.format(focus="underretning"), encoding="utf-8")
    (folder / "noter.txt").write_text("noter", encoding="utf-8")
    (folder / ".skjult.yaml").write_text("x: 1", encoding="utf-8")
    (folder / "noter.yaml").write_text("huskeliste: [ring til Bo]\n", encoding="utf-8")
    assert [p.name for p in walk([ws.samples_dir]).files] == ["S-1.yaml", "noter.yaml"]
    run = run_checks(ws, today=TODAY)
    assert [r.display for r in run.results] == [f"{FOLDER}/S-1.yaml"]
    assert run.skipped == [(f"{FOLDER}/noter.yaml", "ikke en gennemgang")]


def test_the_lock_file_word_keeps_beside_an_open_review_is_no_review(ws: Workspace) -> None:
    """Found by a probe: Word on a shared drive keeps `~$2026-00300.yaml` (its owner file:
    the user's name, in binary) beside the review it has open. It was read as a ninth,
    invalid review of an eight-case round (Y002 'gemt som UTF-32', G033 with a tip to draw
    again), and påmind counted it."""
    folder = ws.root / FOLDER
    review(ws)
    owner = (
        bytes([10]) + b"Aisha Khan" + bytes(43) + bytes([10, 0]) + "Aisha Khan".encode("utf-16-le")
    )
    (folder / "~$S-1.yaml").write_bytes((owner + bytes(162))[:162])
    assert [p.name for p in walk([ws.samples_dir]).files] == ["S-1.yaml"]
    assert [r.display for r in run_checks(ws, today=TODAY).results] == [f"{FOLDER}/S-1.yaml"]


def test_one_walk_finds_the_reviews_and_every_sample_folder(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folders are walked once for both the reviews and the manifests; a folder whose
    reviews are all gone, or that is hidden, is found or skipped as before."""
    review(ws)
    gone = ws.samples_dir / "2026-10-månedligt-overordnet"
    hidden = ws.samples_dir / ".gammel"
    for folder in (gone, hidden):
        folder.mkdir()
        (folder / "udtræk.yaml").write_text(MANIFEST.format(focus="underretning"), "utf-8")
    (ws.root / FOLDER / "udtræk.yaml").write_text(MANIFEST.format(focus="underretning"), "utf-8")
    walked: list[Path] = []
    rglob = Path.rglob

    def counted(self: Path, pattern: str) -> object:
        walked.append(self)
        return rglob(self, pattern)

    monkeypatch.setattr(Path, "rglob", counted)
    found = walk([ws.samples_dir])
    assert [p.name for p in found.files] == ["S-1.yaml"]
    assert found.sample_folders == {ws.samples_dir / FOLDER.split("/")[1], gone}
    walked.clear()
    run_checks(ws, today=TODAY)
    assert walked == [ws.samples_dir]


def test_cache_is_used_private_and_never_trusted_over_the_file(ws: Workspace) -> None:
    path = review(ws)
    first = run_checks(ws, today=TODAY)
    assert first.from_cache == 0
    cache = ws.cache_dir / REVIEW_CACHE
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert stat.S_IMODE(ws.cache_dir.stat().st_mode) == 0o700
    second = run_checks(ws, today=TODAY)
    assert second.from_cache == 1
    assert second.results == first.results
    edit(path, 'svar: "ja"', 'svar: "jaa"')
    third = run_checks(ws, today=TODAY)
    assert third.from_cache == 0
    assert third.results[0].state is ReviewState.INVALID


def test_a_file_read_again_with_other_bytes_leaves_no_old_entry(ws: Workspace) -> None:
    """A probe: a child's name taken out of a comment stood on in the cache, in the entry for
    the file's old bytes (24 entries for 22 files)."""
    path = review(ws)
    edit(path, 'svar: "ja"', 'svar: "jaa"')
    run_checks(ws, today=TODAY)
    edit(path, 'svar: "jaa"', 'svar: "ja"')
    run_checks(ws, today=TODAY)
    cache = json.loads((ws.cache_dir / REVIEW_CACHE).read_text(encoding="utf-8"))
    assert len(cache["entries"]) == 1
    assert "jaa" not in json.dumps(cache, ensure_ascii=False)


def test_saving_the_cache_removes_a_killed_writers_temp_file(ws: Workspace) -> None:
    review(ws)
    ws.cache_dir.mkdir(mode=0o700)
    dead = ws.cache_dir / f"{TEMP_PREFIX}999999999-abcd-{REVIEW_CACHE}"
    dead.write_text("{halv")
    old = time.time() - 2 * STALE_AFTER_SECONDS
    os.utime(dead, (old, old))
    run_checks(ws, today=TODAY)
    assert not dead.exists() and (ws.cache_dir / REVIEW_CACHE).is_file()


def test_cache_respects_the_day_and_a_changed_focus(ws: Workspace) -> None:
    path = review(ws)
    run_checks(ws, today=TODAY)
    assert run_checks(ws, today=date(2026, 11, 1)).results[0].state is ReviewState.INVALID
    (path.parent / "udtræk.yaml").write_text(
        MANIFEST.format(focus="underretning, screening"), encoding="utf-8"
    )
    run = run_checks(ws, today=TODAY)
    assert run.from_cache == 0
    assert codes(run.results[0]) == ["G012"]


@pytest.mark.parametrize(
    "content", [b"", b"{not json", b'{"format": 1, "tool": "x"}', b"[1, 2]", b"\xff\xfe"]
)
def test_a_corrupt_or_foreign_cache_is_ignored(ws: Workspace, content: bytes) -> None:
    review(ws)
    expected = run_checks(ws, today=TODAY, use_cache=False).results
    ws.cache_dir.mkdir(exist_ok=True)
    (ws.cache_dir / REVIEW_CACHE).write_bytes(content)
    assert run_checks(ws, today=TODAY).results == expected
    assert run_checks(ws, today=TODAY).from_cache == 1


def test_a_broken_cache_entry_is_a_miss(ws: Workspace) -> None:
    review(ws)
    expected = run_checks(ws, today=TODAY).results
    cache = ws.cache_dir / REVIEW_CACHE
    data = json.loads(cache.read_text(encoding="utf-8"))
    for entry in data["entries"].values():
        entry["analysis"]["answers"] = 7
    cache.write_text(json.dumps(data), encoding="utf-8")
    run = run_checks(ws, today=TODAY)
    assert (run.from_cache, run.results) == (0, expected)


def test_a_new_template_version_invalidates_unknown_template_entries(ws: Workspace) -> None:
    path = review(ws)
    edit(path, 'skabelon: "overordnet@2025.1"', 'skabelon: "lokal@1"')
    assert codes(one(ws, path)) == ["G002"]
    (ws.root / "skabeloner").mkdir(exist_ok=True)
    (ws.root / "skabeloner" / "lokal.yaml").write_text(
        'id: lokal\ntitel: "Lokal"\nversion: "1"\ntype: overordnet\nudvider: overordnet@2024.1\n',
        encoding="utf-8",
    )
    fresh = open_workspace(ws.root)
    assert one(fresh, path).state is ReviewState.COMPLETE


def test_process_pool_gives_the_same_results(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(6):
        path = review(ws, f"S-{number}.yaml")
        if number % 2:
            edit(path, 'svar: "ja"', 'svar: "jaa"')
    serial = run_checks(ws, today=TODAY, use_cache=False).results
    monkeypatch.setattr(analyse_files, "PARALLEL_MIN", 2)
    monkeypatch.setattr(analyse_files, "CHUNK", 2)
    assert run_checks(ws, today=TODAY, use_cache=False).results == serial


def test_reviews_are_never_modified(ws: Workspace) -> None:
    path = review(ws)
    edit(path, 'svar: "ja"', "svar: Ja")
    before = path.read_bytes()
    run_checks(ws, today=TODAY)
    run_checks(ws, today=TODAY)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("ja, men notatet mangler dato", "skriv kun 'ja' i svar, og resten i kommentar."),
        ("Nej - se journalen", "skriv kun 'nej' i svar, og resten i kommentar."),
        (
            "ikke relevant (ingen anbringelse)",
            "skriv kun 'ikke relevant' i svar, og resten i kommentar.",
        ),
        ("jaa", None),
        ("nej.", None),
    ],
)
def test_an_answer_followed_by_a_remark_says_where_the_remark_goes(
    ws: Workspace, written: str, hint: str | None
) -> None:
    path = review(ws)
    edit(path, 'svar: "ja"', f'svar: "{written}"')
    found = [d for d in one(ws, path).diagnostics if d.code == "G016"]
    assert len(found) == 1 and found[0].hint == hint, found
    assert "notatet" not in found[0].message and "journalen" not in found[0].message


def test_an_answer_with_an_invisible_character_is_read_with_a_warning(ws: Workspace) -> None:
    """Found by probe Q: a zero-width space or a BOM copied into `ja` from Outlook gave
    "'ja' er ikke et gyldigt svar … Mente du 'ja'?", with nothing a leader could see to fix."""
    path = review(ws)
    edit(path, 'svar: "ja"', 'svar: "j\u200ba\ufeff"')
    result = one(ws, path)
    assert "G016" not in codes(result)
    [warning] = [d for d in result.diagnostics if d.code == "G017"]
    assert warning.message == "svaret med usynlige tegn (fra kopieret tekst) læses som 'ja'."


def test_a_child_s_name_in_a_comment_is_warned_about_by_its_initials(ws: Workspace) -> None:
    """Probe Y, F1: a child's or a parent's name in free text passed `valider` without a
    word. Now G068 at the field, with the name's initials only; the caseworker's own name,
    which the file gives, is no warning."""
    path = review(ws)
    edit(path, 'svar: "ja"', 'svar: "nej"')
    edit(
        path,
        "kommentar: ''",
        "kommentar: 'Emil Larsen er ikke hørt; moren oplyser, at han græder i skolen.'",
    )
    edit(path, "udgangspunkt: ''", "udgangspunkt: 'Underretning om Emil fra skolen'")
    result = one(ws, path)
    warnings = [d for d in result.diagnostics if d.code == "G068"]
    said = (
        "; et navn, arbejdsmappen ikke kender som en kollegas, står som [navn] i rapporter, "
        "breve og kalender."
    )
    assert [w.message for w in warnings] == [
        f"udgangspunktet ser ud til at nævne nogen ved navn (E.){said}",
        f"kommentaren ser ud til at nævne nogen ved navn (E. L.){said}",
    ]
    assert all(w.line for w in warnings)
    assert "Emil" not in " ".join(f"{w.message} {w.hint}" for w in warnings)
    assert result.state is ReviewState.COMPLETE  # a warning: the review counts


def test_a_colleague_the_file_names_is_no_warning(ws: Workspace) -> None:
    path = review(ws)
    edit(path, 'svar: "ja"', 'svar: "nej"')
    edit(path, 'rådgiver: "Rådgiver A"', 'rådgiver: "Ole Brøndum"')
    edit(path, "kommentar: ''", "kommentar: 'Aftalt med Ole Brøndum og Leder B i Team Nord.'")
    assert "G068" not in codes(one(ws, path))
    edit(path, "Team Nord.'", "Team Nord om Tina.'")
    assert "G068" in codes(one(ws, path))


def test_the_same_answer_spelled_otherwise_is_one_warning_in_a_file(ws: Workspace) -> None:
    """Probe AX, L3: `Høj grad` as Word writes it gave one G017 line per answer, 20 and more
    for one file, and hid the warnings that mattered. Now one, saying how many more."""
    path = review(ws)
    text = path.read_text(encoding="utf-8")
    answered = text.count('svar: "ja"')
    assert answered > 2
    path.write_text(text.replace('svar: "ja"', 'svar: "Ja"'), encoding="utf-8")
    result = one(ws, path)
    assert result.state is ReviewState.COMPLETE
    [warning] = [d for d in result.diagnostics if d.code == "G017"]
    assert warning.message == f"'Ja' læses som 'ja' (også i {answered - 1} svar mere i filen)."
    assert warning.line is not None

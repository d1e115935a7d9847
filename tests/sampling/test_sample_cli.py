"""`tilsyn udtræk` end to end on the example workspace, plus bad input and crash safety."""

from __future__ import annotations

import os
import re
import shutil
import time
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from conftest import TESTS, Cli
from ledelsestilsyn.core.gate import Gated
from ledelsestilsyn.io.atomic import STALE_AFTER_SECONDS, TEMP_PREFIX, cannot_write
from ledelsestilsyn.io.yaml import parse_text, read_document
from ledelsestilsyn.models.located import validate_document
from ledelsestilsyn.models.manifest import MAX_SEED, Manifest
from ledelsestilsyn.models.review import Review
from ledelsestilsyn.sampling import write as sample_write
from ledelsestilsyn.sampling.fillin import render_review
from ledelsestilsyn.templates.catalog import Catalog

SERIES = "månedligt-overordnet"
FOLDER = Path("udtræk") / f"2026-11-{SERIES}"
CPR = re.compile(r"(?<!\d)\d{6}-\d{4}(?!\d)")


def udtraek(cli: Cli, *args: str) -> tuple[int, str]:
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-11", *args)
    return result.exit_code, result.output


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_draws_files_that_load_back(cli: Cli, example_workspace: Path) -> None:
    code, output = udtraek(cli)
    assert code == 0, output
    manifest = validate_document(Manifest, read_document(FOLDER / "udtræk.yaml"))
    assert len(manifest.cases) == 8 and manifest.seed > 0
    assert manifest.source is not None and manifest.source.rows > 0
    for case in manifest.cases:
        (name,) = case.files
        text = (FOLDER / name).read_text(encoding="utf-8")
        schema = re.search(r"\$schema=(\S+)", text)
        assert schema and (FOLDER / schema[1]).resolve().is_file()
        review = validate_document(Review, read_document(FOLDER / name))
        assert review.case.id == case.id and review.period == "2026-11"
        assert all(a.answer == "" for step in review.answers.values() for a in step.values())


def test_no_cpr_number_is_written(cli: Cli, example_workspace: Path) -> None:
    export = (example_workspace / "eksport.csv").read_text(encoding="cp1252")
    numbers = {m[0] for m in CPR.finditer(export)}
    assert len(numbers) > 100
    code, output = udtraek(cli, "--antal", "40")
    assert code == 0, output
    for text in [*contents(FOLDER).values(), output.encode()]:
        found = {m[0] for m in CPR.finditer(text.decode("utf-8"))}
        assert not found & numbers


def test_rerun_touches_nothing(cli: Cli, example_workspace: Path) -> None:
    udtraek(cli)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in FOLDER.iterdir()}
    code, output = udtraek(cli)
    assert code == 0 and "findes allerede" in output
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in FOLDER.iterdir()} == before


def test_same_seed_gives_identical_files(cli: Cli, example_workspace: Path) -> None:
    udtraek(cli, "--seed", "42")
    first = contents(FOLDER)
    shutil.rmtree(FOLDER)
    udtraek(cli, "--seed", "42")
    second = contents(FOLDER)
    manifest = "udtræk.yaml"
    assert {k: v for k, v in first.items() if k != manifest} == {
        k: v for k, v in second.items() if k != manifest
    }

    def stable(text: bytes) -> list[str]:
        lines = text.decode().splitlines()
        return [line for line in lines if not line.startswith(("oprettet:", "oprettet_af:"))]

    assert stable(first[manifest]) == stable(second[manifest])


def test_extension_keeps_drawn_cases_and_filled_files(cli: Cli, example_workspace: Path) -> None:
    udtraek(cli)
    small = validate_document(Manifest, read_document(FOLDER / "udtræk.yaml"))
    filled = FOLDER / small.cases[0].files[0]
    filled.write_text(filled.read_text(encoding="utf-8") + "# udfyldt\n", encoding="utf-8")
    kept = filled.read_bytes()
    code, output = udtraek(cli, "--antal", "12")
    assert code == 0, output
    large = validate_document(Manifest, read_document(FOLDER / "udtræk.yaml"))
    assert [c.id for c in large.cases][:0] == [] and len(large.cases) == 12
    assert {c.id for c in small.cases} <= {c.id for c in large.cases}
    assert filled.read_bytes() == kept
    shutil.rmtree(FOLDER)
    udtraek(cli, "--antal", "12")
    fresh = validate_document(Manifest, read_document(FOLDER / "udtræk.yaml"))
    assert {c.id for c in fresh.cases} == {c.id for c in large.cases}


def test_an_extension_keeps_the_first_draw_on_record(
    cli: Cli, example_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The manifest documents how the sample was drawn: an extension from a newer export by
    someone else rewrote its `oprettet`, `oprettet_af` and `input`, so the first draw could no
    longer be checked against its export, and a caseworker gone from the new export lost the
    masking of their name in colleagues' letters."""
    udtraek(cli, "--antal", "5")
    first = validate_document(Manifest, read_document(FOLDER / "udtræk.yaml"))
    assert first.source is not None and first.caseworkers and not first.extensions
    leaver = first.caseworkers[0]
    export = Path("eksport.csv")
    lines = export.read_bytes().splitlines(keepends=True)
    export.write_bytes(b"".join(line for line in lines if leaver.encode("cp1252") not in line))
    monkeypatch.setenv("LOGNAME", "en anden konsulent")
    assert udtraek(cli, "--antal", "8")[0] == 0
    assert udtraek(cli, "--antal", "10")[0] == 0
    last = validate_document(Manifest, read_document(FOLDER / "udtræk.yaml"))
    assert (last.created, last.created_by, last.source) == (
        first.created,
        first.created_by,
        first.source,
    )
    assert [(e.size_before, e.sample_size) for e in last.extensions] == [(5, 8), (8, 10)]
    newer = last.extensions[0].source
    assert newer is not None and newer.sha256 != first.source.sha256
    assert {e.created_by for e in last.extensions} == {"en anden konsulent"}
    assert last.sample_size == 10 and len(last.cases) == 10
    assert leaver in last.caseworkers
    assert last.settings == first.settings and all(e.settings is None for e in last.extensions)
    concept = Path("koncept.yaml")
    concept.write_text(
        concept.read_text(encoding="utf-8").replace(
            "karantæne_måneder: 12", "karantæne_måneder: 6"
        ),
        encoding="utf-8",
    )
    assert udtraek(cli, "--antal", "11")[0] == 0
    changed = validate_document(Manifest, read_document(FOLDER / "udtræk.yaml"))
    assert changed.settings == first.settings  # as the first draw was made
    assert changed.extensions[-1].settings not in (None, first.settings)


def test_an_extension_keeps_every_drawn_case_as_it_was_drawn(
    cli: Cli, example_workspace: Path
) -> None:
    """A case drawn before stays in the manifest exactly as drawn, also when today's
    population no longer holds it (here: gone from the export) or the export now names
    another caseworker; its review file still matches the manifest, and the run says so."""
    udtraek(cli)
    small = validate_document(Manifest, read_document(FOLDER / "udtræk.yaml"))
    gone, moved = small.cases[0], small.cases[1]
    export = Path("eksport.csv")
    lines = export.read_bytes().splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(f"{gone.id};".encode())]
    assert len(kept) < len(lines)
    assert moved.caseworker
    old, new = moved.caseworker.encode("cp1252"), "Ny Rådgiver".encode("cp1252")
    kept = [
        line.replace(old, new) if line.startswith(f"{moved.id};".encode()) else line
        for line in kept
    ]
    export.write_bytes(b"".join(kept))
    code, output = udtraek(cli, "--antal", "12")
    assert code == 0, output
    assert "advarsel U011: 1 sag i stikprøven er ikke længere blandt de mulige sager" in output
    large = validate_document(Manifest, read_document(FOLDER / "udtræk.yaml"))
    entries = {c.id: c for c in large.cases}
    assert len(large.cases) == 12
    for case in small.cases:
        assert entries[case.id] == case
    result = cli("valider", str(FOLDER))
    assert "G033" not in result.output and "G032" not in result.output, result.output


def test_a_period_outside_the_plan_is_drawn_with_a_warning(
    cli: Cli, example_workspace: Path
) -> None:
    """The example's tematiseret runs in four months; December is not one of them."""
    off = cli("udtræk", "eksport.csv", "--tilsyn", "tematiseret", "--periode", "2026-12")
    assert off.exit_code == 0, off.output
    assert "koncept.yaml: advarsel U012: 2026-12 er ikke en runde for 'tematiseret'" in off.output
    assert (Path("udtræk") / "2026-12-tematiseret" / "udtræk.yaml").is_file()
    on = cli("udtræk", "eksport.csv", "--tilsyn", "tematiseret", "--periode", "2026-11")
    assert on.exit_code == 0 and "U012" not in on.output, on.output


def test_a_range_does_not_draw_again_what_a_round_inside_it_drew(
    cli: Cli, example_workspace: Path
) -> None:
    """`--periode 2026-10..2026-11` after November's round: a case of that round was drawn
    again (only rounds starting before the range were in quarantine), and counted twice in
    the report and the letter (found by a probe)."""
    assert udtraek(cli)[0] == 0
    args = ("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-10..2026-11")
    drawn = cli(*args, "--antal", "40")
    assert drawn.exit_code == 0, drawn.output
    november = {p.name for p in FOLDER.glob("S-*.yaml")}
    both = {p.name for p in (Path("udtræk") / f"2026-10-01..2026-11-30-{SERIES}").glob("S-*")}
    assert november and len(both) == 40 and not november & both


def test_extension_refuses_another_seed(cli: Cli, example_workspace: Path) -> None:
    udtraek(cli)
    code, output = udtraek(cli, "--antal", "12", "--seed", "1")
    assert code == 2 and "U003" in output


def test_a_seed_the_draw_cannot_take_is_an_error_not_an_internal_one(
    cli: Cli, example_workspace: Path
) -> None:
    """`--seed` of 2**128, or `seed: -5` edited into the manifest, gave exit 3 (OverflowError)
    at the draw (found by a probe): now a wrong call (exit 2), and a located M003 (exit 1)."""
    code, output = udtraek(cli, "--seed", str(2**128), "--tør")
    assert code == 2 and "--seed: fejl U025: frøet er for stort" in output, output
    assert udtraek(cli, "--seed", str(MAX_SEED), "--tør")[0] == 0
    udtraek(cli)
    manifest = next(Path("udtræk").glob("*/udtræk.yaml"))
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(re.sub(r"(?m)^seed: .*$", "seed: -5", text), encoding="utf-8")
    code, output = udtraek(cli, "--antal", "12")
    assert code == 1 and "M003: 'seed': skal være mindst 0." in output, output


def test_a_run_without_antal_never_changes_a_smaller_sample(
    cli: Cli, example_workspace: Path
) -> None:
    """Drawn with `--antal 3` (the concept says 8): the same command without `--antal`
    extended it to 8, and a sample short of cases rewrote its manifest on every run, though
    the README says an existing sample is left as it is (found by a probe)."""
    assert udtraek(cli, "--antal", "3")[0] == 0
    folder = next(Path("udtræk").iterdir())
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    code, output = udtraek(cli)
    assert code == 0 and "findes allerede" in output and "Brug --antal" in output, output
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    code, output = udtraek(cli, "--antal", "5")
    assert code == 0 and len(list(folder.glob("S-*.yaml"))) == 5, output


def test_a_sample_folder_spelt_as_a_mac_copies_it_is_not_drawn_again(
    cli: Cli, example_workspace: Path
) -> None:
    """`2026-11-månedligt-overordnet` copied from a Mac has its `å` as `a` and a ring (NFD):
    the folder was not found, and a second, different sample was drawn for the round beside
    the one the leaders fill in (found by a probe). Now U024, and nothing is drawn."""
    assert udtraek(cli)[0] == 0
    [folder] = Path("udtræk").glob("2026-*")
    folder.rename(folder.with_name(unicodedata.normalize("NFD", folder.name)))
    code, output = udtraek(cli)
    assert code == 1 and "fejl U024" in output and "intet er trukket" in output, output
    assert len(list(Path("udtræk").glob("2026-*"))) == 1


def test_dry_run_writes_nothing(cli: Cli, example_workspace: Path) -> None:
    code, output = udtraek(cli, "--tør")
    assert code == 0 and "Prøvekørsel" in output and "Pr. rådgiver" in output
    assert not (example_workspace / "udtræk").exists()


def test_calibration_writes_second_review(cli: Cli, example_workspace: Path) -> None:
    result = cli("udtraek", "eksport.csv", "--tilsyn", "tematiseret", "--periode", "2026-11")
    assert result.exit_code == 0, result.output
    folder = Path("udtræk") / "2026-11-tematiseret"
    manifest = validate_document(Manifest, read_document(folder / "udtræk.yaml"))
    doubles = [c for c in manifest.cases if len(c.files) == 2]
    assert len(doubles) == 2
    second = validate_document(Review, read_document(folder / doubles[0].files[1]))
    assert second.review_no == 2 and doubles[0].files[1].endswith(".2.yaml")


@pytest.mark.parametrize("other", ["2026-12", "2026-10"])
def test_quarantine_across_periods(cli: Cli, example_workspace: Path, other: str) -> None:
    """A round drawn after 2026-11 has none of its cases, also the round before it (found by
    probe W: a round drawn or extended after the next one could draw a case the next round
    had, for only samples of earlier periods were in quarantine)."""
    udtraek(cli, "--antal", "60")
    first = validate_document(Manifest, read_document(FOLDER / "udtræk.yaml"))
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", other)
    assert result.exit_code == 0, result.output
    folder = Path("udtræk") / f"{other}-{SERIES}"
    second = validate_document(Manifest, read_document(folder / "udtræk.yaml"))
    assert not {c.id for c in first.cases} & {c.id for c in second.cases}


def test_zero_eligible_cases(cli: Cli, example_workspace: Path) -> None:
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2030-01")
    assert result.exit_code == 1 and "U006" in result.output
    assert not (example_workspace / "udtræk").exists()
    lines = result.output.splitlines()
    first = next(i for i, x in enumerate(lines) if "U006" in x)
    assert "trinnet 'sager med afgørelse 2029-01-01–2029-12-31' giver 0 (før det: " in lines[first]
    assert lines[first].endswith("Tallene trin for trin:"), result.output
    assert lines[first + 1].startswith("  rækker i eksporten: "), result.output
    assert "population" not in result.output  # no pseudo-file, one error with its numbers


def test_an_old_export_is_said_to_be_old(cli: Cli, example_workspace: Path) -> None:
    """An export whose newest decision is before the window of the period drawn (last
    year's file left in the folder): U006's tip blamed paragraphs, filters and quarantine,
    none of which was wrong. Now it says the export seems old, its newest decision, and
    to make a new one."""
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2028-03")
    assert result.exit_code == 1 and "U006" in result.output
    text = " ".join(result.output.split())
    assert "ret paragraffer" not in text, text
    assert (
        "Tip: eksporten ser ud til at være gammel: dens nyeste afgørelse efter § 32, § 46 er "
        "fra 31. oktober 2026, men 2028-03 trækker sager med afgørelse 2027-03-01–2028-02-29; "
        "lav en ny eksport fra sagssystemet, og kør udtræk igen." in text
    ), text
    assert not (example_workspace / "udtræk").exists()


def test_an_export_older_than_the_period_is_warned_but_drawn(
    cli: Cli, example_workspace: Path
) -> None:
    """The example's export, whose newest decision is from 31 October 2026, drawn for
    2027-02: its window (2026-02-01–2027-01-31) still has cases, so the sample was drawn
    without a word, and three months of decisions were silently missing from the pool. Now
    a warning with the export's newest decision; the sample is drawn as before."""
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2027-02")
    drawn = example_workspace / "udtræk" / f"2027-02-{SERIES}" / "udtræk.yaml"
    assert result.exit_code == 0 and drawn.is_file(), result.output
    warned = (
        "eksport.csv: advarsel U008: eksportens nyeste afgørelse er fra "
        "31. oktober 2026, over en måned før 2027-02; en sag med en nyere afgørelse kan ikke "
        "komme med i stikprøven. Tip: er eksporten gammel, så lav en ny fra sagssystemet, "
        f"flyt udtræk/2027-02-{SERIES} væk, før noget er udfyldt, og træk igen"
    )
    assert warned in " ".join(result.stderr.split()), result.stderr
    fresh = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-11")
    assert fresh.exit_code == 0 and "U008" not in fresh.output, fresh.output


def test_a_decision_dated_after_today_is_left_out_and_said(
    cli: Cli, example_workspace: Path
) -> None:
    """One § 32 row typed with the year 2099 made the export look new: a draw for 2027-02
    from an export whose real newest decision is from October 2026 gave no U008 and no word
    about the row. Now the row is left out with its line (E005), and U008 is said."""
    export = example_workspace / "eksport.csv"
    lines = export.read_bytes().splitlines(keepends=True)
    row = lines[2].decode("cp1252").replace("02-01-2026", "01-03-2099")
    export.write_bytes(b"".join(lines) + row.encode("cp1252"))
    result = cli(
        "udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2027-02", "--dato", "2027-03-05"
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = " ".join(result.stderr.split())
    assert (
        f"eksport.csv:{len(lines) + 1}: advarsel E005: afgørelsen er dateret efter dagens dato "
        "(01-03-2099) i kolonnen 'Afgørelsesdato'; rækken er sprunget over." in text
    ), text
    assert "U008: eksportens nyeste afgørelse er fra 31. oktober 2026" in text, text


def test_usage_errors(cli: Cli, example_workspace: Path) -> None:
    assert cli("udtræk", "eksport.csv", "--tilsyn", "månedlig").exit_code == 2
    assert cli("udtræk", "eksport.csv").exit_code == 2  # two series: choose one
    assert cli("udtræk", "--tilsyn", SERIES, "--periode", "2026-11").exit_code == 2
    assert cli("udtræk", "mangler.csv", "--tilsyn", SERIES, "--periode", "2026-11").exit_code == 2
    assert cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "11-2026").exit_code == 2
    assert cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--dato", "i går").exit_code == 2


def test_case_key_with_path_characters(cli: Cli, example_workspace: Path) -> None:
    shutil.copy(TESTS / "eksport" / "sti_i_sagsnr.csv", "sti.csv")
    result = cli(
        "udtræk", "sti.csv", "--tilsyn", SERIES, "--periode", "2026-11", "--tegnsæt", "utf-8"
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in FOLDER.iterdir())
    assert len(names) == 3 and all("/" not in n and not n.startswith(".") for n in names)
    assert all(p.resolve().parent == FOLDER.resolve() for p in FOLDER.iterdir())


def test_killed_run_leaves_no_folder(
    cli: Cli, example_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = sample_write.write_into_new_folder

    def dying(folder: Path, files: Iterable[tuple[str, str | Gated]]) -> None:
        real(folder, list(files)[:2])  # two files written, then the run is killed
        raise KeyboardInterrupt

    monkeypatch.setattr(sample_write, "write_into_new_folder", dying)
    code, _ = udtraek(cli)
    assert code == 130
    assert not FOLDER.exists() and list(Path("udtræk").iterdir()) == []


def test_an_extension_that_cannot_write_its_manifest_takes_back_its_files(
    cli: Cli, example_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new reviews were written and the manifest was not (a full disk, or udtræk.yaml
    open in another program on a shared drive): the files stayed as reviews of cases outside
    the sample, and the message did not say so."""
    assert udtraek(cli)[0] == 0
    before = contents(FOLDER)
    real = sample_write.write_atomic

    def full_disk(path: Path, content: str | Gated, **options: Any) -> None:
        if path.name == "udtræk.yaml":
            raise cannot_write(
                path, "filen kan ikke skrives (disken er fuld); den er, som den var."
            )
        real(path, content, **options)

    monkeypatch.setattr(sample_write, "write_atomic", full_disk)
    code, output = udtraek(cli, "--antal", "12")
    assert code == 2, output
    assert "W003" in output and "disken er fuld" in output, output
    assert "U026" in output and "4 nye gennemgangsfiler er fjernet igen" in output, output
    assert contents(FOLDER) == before
    monkeypatch.setattr(sample_write, "write_atomic", real)
    code, output = udtraek(cli, "--antal", "12")
    assert code == 0, output
    assert len(validate_document(Manifest, read_document(FOLDER / "udtræk.yaml")).cases) == 12


def test_stale_temp_folder_is_cleaned(cli: Cli, example_workspace: Path) -> None:
    stale = Path("udtræk") / f"{TEMP_PREFIX}999999999-gammel"
    stale.mkdir(parents=True)
    (stale / "x.yaml").write_text("x", encoding="utf-8")
    old = time.time() - 2 * STALE_AFTER_SECONDS
    os.utime(stale, (old, old))
    assert udtraek(cli)[0] == 0
    assert not stale.exists()


@pytest.mark.parametrize("key", sorted(Catalog.load(None).templates))
def test_round_trip_for_every_shipped_template(key: tuple[str, str]) -> None:
    template = Catalog.load(None).resolve(f"{key[0]}@{key[1]}")
    for number in (None, 2):
        text = render_review(
            template,
            series="s",
            period="2026-11",
            case_id="S/../1",
            caseworker="Åse Ø",
            team='Team "Nord"',
            focus=[],
            review_no=number,
        )
        review = validate_document(Review, parse_text(text, "x.yaml"))
        assert review.case.id == "S/../1" and review.review_no == number
        assert sum(len(s) for s in review.answers.values()) == template.question_count()


def test_large_export(cli: Cli, example_workspace: Path) -> None:
    lines = (example_workspace / "eksport.csv").read_bytes().splitlines(keepends=True)
    header, body = lines[0], lines[1:]
    repeat = 1_000_000 // len(body) + 1
    with Path("stor.csv").open("wb") as handle:
        handle.write(header)
        for i in range(repeat):
            handle.write(b"".join(b"X%d" % i + line for line in body))
    result = cli("udtræk", "stor.csv", "--tilsyn", SERIES, "--periode", "2026-11", "--antal", "30")
    assert result.exit_code == 0, result.output
    manifest = validate_document(Manifest, read_document(FOLDER / "udtræk.yaml"))
    assert manifest.source is not None and manifest.source.rows >= 1_000_000
    assert len(manifest.cases) == 30


def test_ascii_alias_is_hidden(cli: Cli) -> None:
    output = cli("--help").output
    assert "udtræk" in output and "udtraek" not in output
    assert os.sep not in SERIES


def test_a_narrow_paragraph_filter_does_not_make_a_fresh_export_look_old(
    cli: Cli, example_workspace: Path
) -> None:
    """U008 looked only at the rows of the drawn paragraphs: with 'paragraffer: ["46"]' an
    export made yesterday, whose newest § 46 decision happened to be three months old, was
    called old. Now the export's newest decision of any kind decides."""
    concept = example_workspace / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    assert 'paragraffer: ["32", "46"]' in text
    concept.write_text(text.replace('paragraffer: ["32", "46"]', 'paragraffer: ["46"]'), "utf-8")
    export = example_workspace / "eksport.csv"
    row = "S-2027-00999;;Rådgiver X;Team Vest;§ 32;Kontaktperson;20-01-2027;undersøgelse;\r\n"
    export.write_bytes(export.read_bytes() + row.encode("cp1252"))
    result = cli(
        "udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2027-02", "--dato", "2027-03-01"
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "U008" not in result.output, result.output


def test_a_split_read_draws_the_same_and_reports_the_exports_error_first(
    cli: Cli, example_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Earlier samples are read while a second process reads the export's second half: the
    sample is the one a single pass draws, and when the export and an earlier manifest are
    both broken, the export's error is the one reported, as when they are read in turn."""
    from ledelsestilsyn.export import scan as export_scan

    monkeypatch.setattr(export_scan, "_cpus", lambda: 2)
    earlier = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-10")
    assert earlier.exit_code == 0, earlier.output  # quarantine and rotation come from it

    def drawn() -> list[tuple[str, str]]:
        code, output = udtraek(cli)
        assert code == 0, output
        manifest = validate_document(Manifest, read_document(FOLDER / "udtræk.yaml"))
        shutil.rmtree(FOLDER)
        return [(c.id, c.reason) for c in manifest.cases]

    one_pass = drawn()
    monkeypatch.setattr(export_scan, "SPLIT_FROM", 0)
    assert drawn() == one_pass
    broken = Path("udtræk") / f"2026-09-{SERIES}"
    broken.mkdir()
    (broken / "udtræk.yaml").write_text("tilsyn: [\n", encoding="utf-8")
    code, output = udtraek(cli)
    assert code == 1 and "2026-09" in output, output
    with Path("eksport.csv").open("ab") as export:
        export.write('S-99;x;"Søren;T;§ 32;01-03-2026;h\r\n'.encode("cp1252"))
    code, output = udtraek(cli)
    assert code == 1 and "E009" in output and "2026-09" not in output, output


@pytest.mark.parametrize("export", ["/dev/null", "udtræk", "mangler.csv"])
def test_a_wrong_export_is_a_wrong_call_also_when_the_sample_exists(
    cli: Cli, filled_example: Path, export: str
) -> None:
    """The sample for 2026-11 exists, so nothing would be read; a device, a folder or a
    missing file named as the export is still a wrong call (E001, exit 2), as it is before
    the first draw, not 'the sample exists already'."""
    result = cli("udtræk", export, "--tilsyn", "månedligt-overordnet", "--periode", "2026-11")
    assert result.exit_code == 2, result.output
    assert f"{export}: fejl E001: " in result.output, result.output
    again = cli("udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-11")
    assert again.exit_code == 0 and "findes allerede" in again.output, again.output


def test_a_past_round_drawn_from_a_later_export_is_told_why_its_rows_are_bad(
    cli: Cli, example_workspace: Path
) -> None:
    """Probe AX, M6: `--dato` early in the year with the year's export: most rows are decided
    after that day, and E011's hint spoke of date formats and of raising the limit."""
    result = cli(
        "udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-01", "--dato", "2026-01-03"
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    text = " ".join(result.stderr.split())
    assert re.search(
        r"E011: \d+ af \d+ relevante rækker er ugyldige \(over 5 %\), heraf \d+ med "
        r"en afgørelse efter dagens dato \(03-01-2026\); intet er trukket\.",
        text,
    ), text
    assert "brug eksporten fra rundens dag" in text and "maks_andel_fejl" not in text


def test_two_first_draws_at_once_tell_the_second_to_try_again(
    cli: Cli, example_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Probe AY, M1: two first draws in a new workspace (no lock without `udtræk/`): the second
    was told U009 'mappen findes allerede (uden manifest)' and to move or delete the folder,
    its colleague's new sample, with exit 1. Now: another run drew it; try again (busy, 75)."""
    real = Path.rename

    def first_run_wins(self: Path, target: Path) -> Path:  # type: ignore[override]
        if self.name.startswith(".tilsyn-tmp-") and not Path(target).exists():
            shutil.copytree(self, target)  # the other run, a moment earlier
        return real(self, target)

    monkeypatch.setattr(Path, "rename", first_run_wins)
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-11")
    said = " ".join(result.stderr.split())
    assert result.exit_code == 75, said
    assert "U009: en anden kørsel har netop trukket denne stikprøve; intet er skrevet." in said
    assert "slet" not in said

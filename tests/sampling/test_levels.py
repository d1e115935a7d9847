"""Levels end to end with the kk preset: niveau 1 each month of a quarter, then 2, 3 and 4.

Each level draws only among the *completed* reviews of its source series in
the period; niveau 3 pools niveau-2 and døgnvagten-niveau-2. The export is
generated here with the preset's teams, phases and risk areas; the reviews
are filled in as a leader would, some left unfinished or wrong.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.io.yaml import read_document
from ledelsestilsyn.models.located import validate_document
from ledelsestilsyn.models.manifest import DrawnCase, Manifest

UNITS = ("Enhed Amager", "Enhed Bispebjerg", "Enhed Indre By", "Enhed Nørrebro", "Enhed Valby")
ON_CALL = "Døgnvagten"
QUARTER = "2026-K4"
MONTHS = ("2026-10", "2026-11", "2026-12")
TODAY = "2027-01-10"
# (fase, risikoområde, cases per unit): enough for niveau 1's quotas each month.
UNIT_CASES = (
    ("underretning", "", 9),
    ("undersøgelse", "", 9),
    ("handleplan", "sikkerhedsplan", 6),
    ("handleplan", "kort snor", 6),
    ("handleplan", "", 8),
    ("anbringelse", "", 12),
    ("opfølgning", "", 8),
)
ON_CALL_CASES = (("underretning", "", 12), ("handleplan", "", 12))
LEVEL_2_QUOTAS = {
    "underretning": 3,
    "undersøgelse": 3,
    "handleplan": 7,
    "handleplan / sikkerhedsplan": 2,
    "handleplan / den korte snor": 2,
    "anbringelse": 4,
    "opfølgning": 3,
}
CPR = re.compile(r"(?<!\d)\d{6}-\d{4}(?!\d)")


def write_export(path: Path, units: Iterable[str] = UNITS) -> set[str]:
    """A small export in the kk preset's columns; returns its CPR numbers."""
    header = ["Sagsnr.", "CPR-nr.", "Sagsbehandler", "Team", "Paragraf"]
    header += ["Afgørelsesdato", "Sagsfase", "Risikoområde"]
    rows: list[list[str]] = []
    plans = [(unit, UNIT_CASES) for unit in units] + [(ON_CALL, ON_CALL_CASES)]
    for unit, plan in plans:
        for phase, risk, count in plan:
            for _ in range(count):
                n = len(rows) + 1
                day, month = n % 28 + 1, n % 9 + 1
                rows.append(
                    [
                        f"S-{n:05d}",
                        f"{day:02d}{month:02d}{n % 90 + 10:02d}-{n:04d}",
                        f"{unit} rådgiver {n % 3 + 1}",
                        unit,
                        "§ 46" if phase == "anbringelse" else "BL § 32, stk. 1, nr. 3",
                        f"{day:02d}-{month:02d}-2026",
                        phase,
                        risk,
                    ]
                )
    with path.open("w", newline="", encoding="cp1252") as handle:
        csv.writer(handle, delimiter=";").writerows([header, *rows])
    return {row[1] for row in rows}


def draw(cli: Cli, series: str, period: str, *extra: str) -> Manifest:
    result = cli("udtræk", *extra, "--tilsyn", series, "--periode", period, "--dato", TODAY)
    assert result.exit_code == 0, result.output
    return manifest(series, period)


def manifest(series: str, period: str) -> Manifest:
    return validate_document(Manifest, read_document(folder(series, period) / "udtræk.yaml"))


def folder(series: str, period: str) -> Path:
    return Path("udtræk") / f"{period}-{series}"


def fill(path: Path, day: str, *, answers: int | None = None, value: str = "ja") -> None:
    """Fill in the header and the first `answers` answers (all when None)."""
    text = path.read_text(encoding="utf-8")
    text = text.replace('gennemført_af: ""', 'gennemført_af: "Afdelingsleder Anne"', 1)
    text = text.replace('dato: ""', f'dato: "{day}"', 1)
    text = text.replace("udgangspunkt: ''", 'udgangspunkt: "Underretning fra skolen"', 1)
    text = re.sub('svar: ""', f'svar: "{value}"', text, count=answers or 0)
    path.write_text(text, encoding="utf-8")


def complete(series: str, period: str, day: str, *, unfinished: bool = True) -> set[str]:
    """Fill in a round's reviews; with `unfinished`, some are left partial, empty or
    wrong. Returns the ids of the completed ones."""
    done = set()
    for i, case in enumerate(sorted(manifest(series, period).cases, key=lambda c: c.id)):
        path = folder(series, period) / case.files[0]
        if unfinished and i % 10 == 1:
            fill(path, day, answers=3)
        elif unfinished and i % 10 == 4:
            fill(path, day, value="måske")
        elif not (unfinished and i % 10 == 7):
            fill(path, day)
            done.add(case.id)
    return done


def setup_kk(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unit_names: Iterable[str] = UNITS
) -> set[str]:
    """`tilsyn init --forlæg kk`, niveau 1 limited to the units (as the preset's
    RET comment says), and niveau 1 and Døgnvagten drawn for every month."""
    work = tmp_path / "kk"
    assert cli("init", str(work), "--forlæg", "kk").exit_code == 0
    monkeypatch.chdir(work)
    numbers = write_export(work / "eksport.csv", unit_names)
    concept = work / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    units = ", ".join(f'"{u}"' for u in unit_names)
    limit = f"    fyld_op: ja\n    udvælgelse:\n      filtre:\n        team: [{units}]\n"
    assert "    fyld_op: ja\n" in text
    concept.write_text(text.replace("    fyld_op: ja\n", limit, 1), encoding="utf-8")
    assert cli("tjek").exit_code == 0
    for month in MONTHS:
        draw(cli, "niveau-1", month, "eksport.csv")
        draw(cli, "døgnvagten", month, "eksport.csv")
    return numbers


def level_1_cases() -> dict[str, DrawnCase]:
    return {c.id: c for month in MONTHS for c in manifest("niveau-1", month).cases}


def in_stratum(case: DrawnCase, stratum: str) -> bool:
    """Whether a case belongs to one of niveau 2's strata ('handleplan / sikkerhedsplan')."""
    phase, _, sub = stratum.partition(" / ")
    risk = {"sikkerhedsplan": "sikkerhedsplan", "den korte snor": "kort snor"}.get(sub)
    return case.attributes.get("fase") == phase and (
        not sub or case.attributes.get("risikoområde") == risk
    )


def check_level_2_quotas(drawn: Manifest, done: set[str], source: dict[str, DrawnCase]) -> None:
    """Per team, each quota gets min(quota, completed cases in it) (fyld_op: ja), and the
    manifest reports what was possible and achieved, with a note on every shortfall."""
    reported = {q.stratum: q for q in drawn.quotas}
    assert len(reported) == len(UNITS) * len(LEVEL_2_QUOTAS)
    for unit in UNITS:
        mine = [source[i] for i in done if source[i].team == unit]
        for name, quota in LEVEL_2_QUOTAS.items():
            result = reported[f"team {unit} / {name}"]
            possible = sum(in_stratum(c, name) for c in mine)
            assert (result.quota, result.eligible) == (quota, possible)
            assert result.achieved == min(quota, possible)
            label = result.stratum
            picks = [c for c in drawn.cases if f"{c.stratum} /".startswith(f"{label} /")]
            assert len(picks) == result.achieved
            assert all(in_stratum(source[c.id], name) for c in picks if c.stratum == label)
            assert (result.note is not None) == (possible < quota)
    notes = [q.note for q in drawn.quotas if q.note]
    assert notes and any(q.achieved == q.quota for q in drawn.quotas)


def test_level_2_draws_complete_reviews_per_team_within_quotas(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    numbers = setup_kk(cli, tmp_path, monkeypatch)
    done = set().union(*(complete("niveau-1", m, f"{m}-20") for m in MONTHS))
    source = level_1_cases()
    drawn = draw(cli, "niveau-2", QUARTER)
    ids = [c.id for c in drawn.cases]
    assert drawn.source_series == ["niveau-1"] and drawn.source is None
    assert len(ids) == len(set(ids)) and set(ids) <= done
    per_team = Counter(source[i].team for i in ids)
    completed_per_team = Counter(source[i].team for i in done)
    assert set(per_team) == set(UNITS)
    assert per_team == {u: min(20, completed_per_team[u]) for u in UNITS}
    steps = {s.step: s.count for s in drawn.population}
    assert steps == {
        f"sager trukket i 'niveau-1' i {QUARTER}": len(source),
        "heraf med færdig gennemgang": len(done),
    }
    check_level_2_quotas(drawn, done, source)
    for path in folder("niveau-2", QUARTER).iterdir():
        assert not {m[0] for m in CPR.finditer(path.read_text(encoding="utf-8"))} & numbers


def test_level_1_is_sized_so_level_2_meets_every_quota_without_filling_up(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preset's derivation: 6 units × 8 cases a month (1/1/3 (1+1)/2/1 per unit)
    give niveau 2 its 3/3/7 (2+2)/4/3 per unit each quarter from the drawn cases alone."""
    six = (*UNITS, "Enhed Vesterbro")
    setup_kk(cli, tmp_path, monkeypatch, six)
    for month in MONTHS:
        drawn = manifest("niveau-1", month)
        assert len(drawn.cases) == 48
        assert not [c for c in drawn.cases if "fyldt op" in c.reason]
        assert Counter(c.team for c in drawn.cases) == dict.fromkeys(six, 8)
        complete("niveau-1", month, f"{month}-20", unfinished=False)
    level_2 = draw(cli, "niveau-2", QUARTER)
    assert len(level_2.cases) == 6 * 20
    assert all(q.achieved == q.quota and q.note is None for q in level_2.quotas)
    assert not [c for c in level_2.cases if "fyldt op" in c.reason]


def test_incomplete_source_reviews_are_never_drawn(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup_kk(cli, tmp_path, monkeypatch)
    done = complete("niveau-1", "2026-11", "2026-11-20")
    assert 0 < len(done) < len(manifest("niveau-1", "2026-11").cases)
    drawn = draw(cli, "niveau-2", QUARTER)
    assert {c.id for c in drawn.cases} == done
    assert all(c.team in UNITS for c in drawn.cases)


def test_levels_3_and_4_pool_and_sub_sample(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup_kk(cli, tmp_path, monkeypatch)
    for month in MONTHS:
        complete("niveau-1", month, f"{month}-20", unfinished=False)
        complete("døgnvagten", month, f"{month}-20", unfinished=False)
    draw(cli, "niveau-2", QUARTER)
    assert len(draw(cli, "døgnvagten-niveau-2", QUARTER).cases) == 5
    done_2 = complete("niveau-2", QUARTER, "2026-12-28")
    on_call = complete("døgnvagten-niveau-2", QUARTER, "2026-12-28", unfinished=False)
    level_3 = draw(cli, "niveau-3", QUARTER)
    ids_3 = [c.id for c in level_3.cases]
    assert level_3.source_series == ["niveau-2", "døgnvagten-niveau-2"]
    assert len(ids_3) == 60 == len(set(ids_3)) and set(ids_3) <= done_2 | on_call
    assert on_call <= set(ids_3), "rotation over teams takes all five of Døgnvagten's cases"
    assert [s.count for s in level_3.population] == [100, 5, len(done_2 | on_call)]
    done_3 = complete("niveau-3", QUARTER, "2026-12-30")
    level_4 = draw(cli, "niveau-4", QUARTER)
    ids_4 = [c.id for c in level_4.cases]
    assert len(ids_4) == min(30, len(done_3)) == len(set(ids_4)) and set(ids_4) <= done_3


@pytest.mark.parametrize("series", ["niveau-2", "niveau-3"])
def test_empty_source_gives_a_clear_message_and_writes_nothing(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, series: str
) -> None:
    setup_kk(cli, tmp_path, monkeypatch)
    first = manifest("niveau-1", "2026-10").cases[0]
    fill(folder("niveau-1", "2026-10") / first.files[0], "2026-10-20", answers=2)
    before = sorted(Path("udtræk").iterdir())
    result = cli("udtræk", "--tilsyn", series, "--periode", QUARTER, "--dato", TODAY)
    assert result.exit_code == 1, result.output
    assert f"ingen sager kan trækkes til '{series}' i {QUARTER}; intet er skrevet" in result.output
    assert "færdige gennemgange" in result.output
    assert "heraf med færdig gennemgang: 0" in result.output
    assert sorted(Path("udtræk").iterdir()) == before
    said = " ".join(result.output.split())
    if series == "niveau-3":  # nothing drawn at the level below: that step, not the next
        assert f"trinnet »sager trukket i 'niveau-2' i {QUARTER}« giver 0." in said, said
    assert "(før det: 0)" not in said


def concept_with(workspace: Path, old: str, new: str) -> None:
    path = workspace / "koncept.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def tjek(cli: Cli, tmp_path: Path, changes: Iterable[tuple[str, str]]) -> tuple[int, str]:
    work = tmp_path / "kk"
    assert cli("init", str(work), "--forlæg", "kk").exit_code == 0
    for old, new in changes:
        concept_with(work, old, new)
    result = cli("tjek", "--koncept", str(work / "koncept.yaml"))
    return result.exit_code, result.output


LEVEL_3 = "niveau: {fra: [niveau-2, døgnvagten-niveau-2]}"
LEVEL_4 = "niveau: {fra: niveau-3}"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ([(LEVEL_3, "niveau: {fra: niveau-2}")], None),
        (
            [(LEVEL_3, "niveau:\n      fra:\n        - niveau-2\n        - døgnvagten-niveau2")],
            "K013: tilsynsserien 'døgnvagten-niveau2' findes ikke. Tip: mente du "
            "'døgnvagten-niveau-2'?",
        ),
        (
            [(LEVEL_4, "niveau: {fra: [niveau-3, niveau-4]}")],
            "K013: en serie kan ikke trække fra sig selv.",
        ),
        (
            [(LEVEL_3, "niveau: {fra: [niveau-2, niveau-4]}")],
            "K013: niveauerne trækker fra hinanden i ring: niveau-3 → niveau-4 → niveau-3.",
        ),
        (
            [(LEVEL_3, "niveau: {fra: [niveau-2, niveau-2]}")],
            "serien 'niveau-2' står mere end én gang",
        ),
        ([(LEVEL_3, "niveau: {fra: []}")], "M003: 'fra': må ikke være tom."),
    ],
)
def test_tjek_checks_every_source_series(
    cli: Cli, tmp_path: Path, changes: list[tuple[str, str]], expected: str | None
) -> None:
    code, output = tjek(cli, tmp_path, changes)
    if expected is None:
        assert code == 0 and "0 fejl" in output, output
        return
    assert code == 1, output
    assert expected in output


def test_a_source_error_points_at_its_line(cli: Cli, tmp_path: Path) -> None:
    code, output = tjek(
        cli, tmp_path, [(LEVEL_3, "niveau:\n      fra:\n        - niveau-2\n        - niveau-9")]
    )
    text = (tmp_path / "kk" / "koncept.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, t in enumerate(text, 1) if t.strip() == "- niveau-9")
    assert code == 1 and f"koncept.yaml:{line}:11: fejl K013" in output, output


def test_manifest_reads_a_single_source_as_a_list() -> None:
    base: dict[str, object] = {"tilsyn": "niveau-2", "periode": QUARTER}
    base |= {
        "skabelon": "overordnet@2024.1",
        "oprettet": "nu",
        "oprettet_af": "test",
        "værktøj": "tilsyn",
        "seed": 1,
        "antal": 2,
    }
    assert Manifest.model_validate({**base, "fra_tilsyn": "niveau-1"}).source_series == ["niveau-1"]
    assert Manifest.model_validate(base).source_series is None


def test_editor_schema_allows_one_source_or_a_list() -> None:
    from ledelsestilsyn.models.concept import Concept

    schema = Concept.model_json_schema(by_alias=True)["$defs"]["Level"]["properties"]["fra"]
    assert sorted(s["type"] for s in schema["anyOf"]) == ["array", "string"]


def test_level_rotation_counts_the_levels_own_earlier_rounds(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The trial's reason said "0 de seneste 12 måneder" for a caseworker with 7 niveau-1
    cases: a level's history is its own earlier rounds, and the reason says so."""
    setup_kk(cli, tmp_path, monkeypatch)
    for month in MONTHS:
        complete("niveau-1", month, f"{month}-20", unfinished=False)
    first = draw(cli, "niveau-2", QUARTER)
    assert all(c.reason.endswith("og 0 i 'niveau-2' de seneste 12 måneder") for c in first.cases)
    draw(cli, "niveau-1", "2027-01", "eksport.csv")
    complete("niveau-1", "2027-01", "2027-01-05", unfinished=False)
    second = draw(cli, "niveau-2", "2027-K1")
    before = Counter(c.caseworker for c in first.cases)
    assert second.cases and any(before[c.caseworker] for c in second.cases)
    for case in second.cases:
        wanted = f"og {before[case.caseworker]} i 'niveau-2' de seneste 12 måneder"
        assert case.reason.endswith(wanted), case.reason


def test_a_source_series_without_completed_reviews_stops_the_draw(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A level is drawn once; drawn while Døgnvagten's niveau 2 is unfinished, its five
    cases would never reach niveau 3. So udtræk refuses (U013), naming the series,
    unless --trods-tom-kilde is given, and then it warns."""
    setup_kk(cli, tmp_path, monkeypatch)
    for month in MONTHS:
        complete("niveau-1", month, f"{month}-20", unfinished=False)
        complete("døgnvagten", month, f"{month}-20", unfinished=False)
    draw(cli, "niveau-2", QUARTER)
    draw(cli, "døgnvagten-niveau-2", QUARTER)
    complete("niveau-2", QUARTER, "2026-12-28", unfinished=False)
    before = sorted(Path("udtræk").iterdir())
    args = ("udtræk", "--tilsyn", "niveau-3", "--periode", QUARTER, "--dato", TODAY)
    refused = cli(*args)
    assert refused.exit_code == 1, refused.output
    assert "fejl U013" in refused.output
    assert "kildeserien 'døgnvagten-niveau-2' har ingen færdige gennemgange" in refused.output
    assert "'niveau-2'" not in refused.output.split("U013")[1].split("Tip")[0]
    assert "--trods-tom-kilde" in refused.output and "Traceback" not in refused.output
    assert sorted(Path("udtræk").iterdir()) == before
    drawn = cli(*args, "--trods-tom-kilde")
    assert drawn.exit_code == 0, drawn.output
    assert "advarsel U013" in drawn.output and "--trods-tom-kilde" not in drawn.output
    assert "kildeserien 'døgnvagten-niveau-2' har ingen færdige gennemgange" in drawn.output
    assert len(manifest("niveau-3", QUARTER).cases) == 60

"""A round's sample folder copied, renamed or moved (found by probe Q): `valider` read the
copy without a word, and after a rename `påmind` said the round was not drawn and `udtræk`
drew the same cases again, each counted twice once filled in. Now a review in a folder that
is not its sample's own counts nowhere (G067), and `udtræk` draws nothing when the round's
sample is under another name (U028)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import Cli

ROUND = "2026-11-månedligt-overordnet"
DRAW = ("udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-11")


def test_a_copy_of_a_round_s_folder_counts_nowhere(filled_example: Path, cli: Cli) -> None:
    samples = filled_example / "udtræk"
    shutil.copytree(samples / ROUND, samples / f"{ROUND} - Kopi")

    result = cli("valider")

    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "G067" in line]
    assert len(lines) == 8, result.output
    assert all(line.startswith(f"udtræk/{ROUND} - Kopi/") for line in lines)
    assert f"mappen {ROUND} er stikprøvens, og det er den, der tæller" in lines[0]
    named = cli("valider", f"udtræk/{ROUND} - Kopi")  # the folder named on the command line
    assert sum("G067" in line for line in named.output.splitlines()) == 8, named.output
    report = cli(
        "rapport", "--periode", "2026-11", "--dato", "2026-11-30", "-o", "-", "--format", "md"
    )
    assert f"| {ROUND.split('-', 2)[2]} | 8 | 8 | 8 |" in report.stdout, report.stdout


@pytest.mark.parametrize("moved", ["gammel", "arkiv/" + ROUND])
def test_a_round_renamed_or_moved_is_never_drawn_again(
    filled_example: Path, cli: Cli, moved: str
) -> None:
    samples = filled_example / "udtræk"
    (samples / moved).parent.mkdir(parents=True, exist_ok=True)
    (samples / ROUND).rename(samples / moved)

    result = cli(*DRAW)

    assert result.exit_code == 1
    assert (
        f"udtræk/{moved}: fejl U028: stikprøven til månedligt-overordnet 2026-11" in result.output
    )
    assert f"giv mappen navnet '{ROUND}' igen" in result.output
    assert not (samples / ROUND).exists()
    checked = cli("valider")
    assert f"men stikprøven hører til i mappen {ROUND}; her tæller den ikke med." in checked.output
    assert f"giv mappen navnet {ROUND} igen, direkte i mappen udtræk." in checked.output


def test_a_copy_s_correction_counts_nowhere(filled_example: Path, cli: Cli) -> None:
    """Found by probe Q: a sync copy's overdue correction was in the report (and the
    committee's totals) while `påmind` and the letters left the copy out, as `valider` says."""
    original = sorted((filled_example / "udtræk" / ROUND).glob("S-*.yaml"))[0]
    text = original.read_text(encoding="utf-8").replace(
        "      svar: \"ja\"\n      kommentar: ''",
        "      svar: \"nej\"\n      kommentar: 'Mangler.'\n      rettelse:\n"
        '        handling: "vurdering dateres"\n        ansvarlig: ""\n'
        '        frist: "2026-11-22"\n        udført: ""',
        1,
    )
    assert "vurdering dateres" in text
    original.with_name(f"{original.stem} (1).yaml").write_text(text, encoding="utf-8")

    report = cli(
        "rapport", "--periode", "2026-11", "--dato", "2026-11-30", "-o", "-", "--format", "md"
    )

    assert report.exit_code == 0, report.output
    assert "vurdering dateres" not in report.stdout
    assert "overskredet" not in report.stdout


def test_a_review_dropped_into_another_round_s_folder_is_told_where_it_belongs(
    filled_example: Path, cli: Cli
) -> None:
    """Found by probe Q: it was G033 "sagen står ikke i udtrækket" with the advice to run the
    extension again or move it out, not which round it belongs to."""
    october = ("udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-10")
    assert cli(*october).exit_code == 0
    samples = filled_example / "udtræk"
    drawn = {p.name for p in (samples / "2026-10-månedligt-overordnet").glob("S-*.yaml")}
    moved = next(p for p in sorted((samples / ROUND).glob("S-*.yaml")) if p.name not in drawn)
    moved.rename(samples / "2026-10-månedligt-overordnet" / moved.name)

    result = cli("valider")

    line = next(x for x in result.output.splitlines() if moved.name in x and "G066" in x)
    assert f"gennemgangen hører til udtrækket {ROUND}, men står i mappen 2026-10-" in line
    assert f"flyt den tilbage til mappen {ROUND}." in line
    assert not any(moved.name in x and "G033" in x for x in result.output.splitlines())


def test_a_review_in_another_round_s_folder_is_not_checked_against_its_focus_and_is_found(
    filled_example: Path, cli: Cli
) -> None:
    """Probe Q, F6 (the rest): in a round with another focus, `valider` also said five times
    "Slet sagsskridtet" of the complete review (G011), and `påmind` called the file "væk", so
    a leader would think the work lost. Now only G066, and the reminder says where it lies."""
    themed = ("udtræk", "eksport.csv", "--tilsyn", "tematiseret", "--periode", "2026-11")
    assert cli(*themed).exit_code == 0
    samples = filled_example / "udtræk"
    there = samples / "2026-11-tematiseret"
    drawn = {p.name for p in there.glob("S-*.yaml")}
    moved = next(p for p in sorted((samples / ROUND).glob("S-*.yaml")) if p.name not in drawn)
    moved.rename(there / moved.name)

    lines = [x for x in cli("valider").output.splitlines() if moved.name in x]
    assert any("G066" in x for x in lines)
    assert not any("G011" in x or "G012" in x for x in lines), lines

    reminded = cli("påmind", "--dato", "2026-11-25", "--altid").output
    case = moved.stem
    assert f"(1 fil ligger i mappen 2026-11-tematiseret): {case}." in reminded, reminded
    assert "væk" not in reminded

    (there / moved.name).rename(samples / ROUND / moved.name)
    assert case not in cli("påmind", "--dato", "2026-11-25", "--altid").output

"""A sample's manifest and its folder disagree: what `valider` and `rapport` say.

Found by an independent test of a shared drive: a folder where a review file should be was
skipped in silence (the report lost a filled case without a word), and a manifest entry edited
by hand (`S-1.yml` for `S-1.yaml`) made `valider` call the only, filled review a copy and tell
the leader to delete it. An entry pointing into another round's folder was taken as the review.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import Cli

FOLDER = Path("udtræk") / "2026-11-månedligt-overordnet"
DATE = ("--dato", "2026-11-30")


def _said(cli: Cli, *args: str) -> tuple[int, str]:
    result = cli(*args)
    return result.exit_code, " ".join(f"{result.stdout}{result.stderr}".split())


def _first_review(workspace: Path) -> Path:
    return sorted((workspace / FOLDER).glob("S-*.yaml"))[0]


def test_a_folder_where_a_review_should_be_is_said(cli: Cli, filled_example: Path) -> None:
    review = _first_review(filled_example)
    review.unlink()
    review.mkdir()
    code, said = _said(cli, "valider", *DATE)
    assert code == 1
    assert f"G034: gennemgangen {review.name} står i udtrækket, men er en mappe" in said
    assert "flyt mappen ud af udtrækket" in said
    code, said = _said(cli, "rapport", *DATE, "--format", "md", "-o", "-")
    assert f"G034: gennemgangen {review.name} står i udtrækket, men er en mappe" in said


def test_a_review_whose_manifest_entry_was_edited_is_not_called_a_copy(
    cli: Cli, filled_example: Path
) -> None:
    review = _first_review(filled_example)
    manifest = filled_example / FOLDER / "udtræk.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace(f"- {review.name}", f"- {review.stem}.yml"), "utf-8")
    code, said = _said(cli, "valider", *DATE)
    assert code == 1
    assert "slet kopien" not in said
    assert f"'{review.stem}.yml', findes ikke: er navnet i udtræk.yaml rettet ved en fejl?" in said
    assert "slet ikke denne fil; den er sagens gennemgang" in said
    assert f"Tip: filen {review.name} står i mappen: er navnet i udtræk.yaml rettet" in said
    assert "papirkurven" not in said
    assert f"Omdøb den til '{review.stem}.yml' (eller ret navnet i udtræk.yaml tilbage" in said
    # A real copy beside the listed file is still a copy.
    manifest.write_text(text, "utf-8")
    shutil.copy(review, review.with_name(f"{review.stem} - Kopi.yaml"))
    code, said = _said(cli, "valider", *DATE)
    assert "G036" in said and "slet kopien" in said


def test_a_manifest_entry_with_a_path_is_refused(cli: Cli, filled_example: Path) -> None:
    review = _first_review(filled_example)
    manifest = filled_example / FOLDER / "udtræk.yaml"
    elsewhere = f"- ../2026-10-månedligt-overordnet/{review.name}"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(f"- {review.name}", elsewhere), "utf-8"
    )
    code, said = _said(cli, "valider", *DATE)
    assert "en fil skal være et navn i udtrækkets egen mappe, ikke en sti" in said
    code, said = _said(cli, "udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet",
                       "--periode", "2026-11", "--antal", "12")  # fmt: skip
    assert code != 0 and "ikke en sti" in said


def test_a_review_renamed_by_hand_is_given_its_name_back(cli: Cli, filled_example: Path) -> None:
    """Found by a probe: a review Notepad saved as `S-….yaml.txt` (shown as `S-….yaml` in
    Explorer) was 'slettet eller flyttet', with a tip to look in the recycle bin; one renamed
    by Explorer's copy ('S-… - Kopi.yaml') got a tip to edit udtræk.yaml, which says 'Ret ikke
    i filen', to a name the tip left out ('en tekst på 24 tegn')."""
    review = _first_review(filled_example)
    text = review.with_name(f"{review.name}.txt")
    review.rename(text)
    code, said = _said(cli, "valider", *DATE)
    assert code == 1
    assert f"Tip: filen {text.name} står i mappen: omdøb den til {review.name}." in said
    assert "papirkurven" not in said
    copy = review.with_name(f"{review.stem} - Kopi.yaml")
    text.rename(copy)
    code, said = _said(cli, "valider", *DATE)
    assert f"Omdøb den til '{review.name}'" in said, said
    # and the manifest's G034 says the same, not the recycle bin (probe U)
    assert f"Tip: filen {copy.name} står i mappen" in said and "papirkurven" not in said, said
    copy.rename(review)
    assert _said(cli, "valider", *DATE)[0] == 0


def test_a_review_dragged_to_another_folder_is_asked_back(cli: Cli, filled_example: Path) -> None:
    """Found by a probe: a review dragged up into `udtræk/`, or into another round's folder,
    was 'slettet eller flyttet' with a tip to look in the recycle bin."""
    review = _first_review(filled_example)
    samples = filled_example / "udtræk"
    for place in (samples, samples / "2026-10-månedligt-overordnet"):
        place.mkdir(exist_ok=True)
        review.rename(place / review.name)
        code, said = _said(cli, "valider", *DATE)
        assert code == 1
        assert (
            f"Tip: filen står i mappen {place.name}: flyt den tilbage til mappen {FOLDER.name}."
            in said
        ), said
        (place / review.name).rename(review)


def test_a_review_outside_its_samples_folder_counts_nowhere(cli: Cli, filled_example: Path) -> None:
    """Found by a probe: a review dragged up into `udtræk/` still counted in the report (no
    manifest there to check it against), while `påmind` called it missing and no letter was
    written for it. Now it counts nowhere, and the file itself says where it belongs; a copy
    left in `udtræk/` beside the review in its folder is not counted twice."""
    review = _first_review(filled_example)
    stray = filled_example / "udtræk" / review.name

    def reviewed() -> str:
        """The report's overview row of the series: drawn, reviewed cases, reviews."""
        result = cli("rapport", *DATE, "--format", "md", "-o", "-")
        assert result.exit_code in (0, 1), result.stderr
        return next(r for r in result.stdout.splitlines() if r.startswith("| månedligt-"))

    before = reviewed()
    shutil.copy(review, stray)
    code, said = _said(cli, "valider", *DATE)
    assert code == 1
    assert f"udtræk/{review.name}" in said and "G066: gennemgangen hører til udtrækket" in said
    assert f"mappen {FOLDER.name} har allerede {review.name}" in said, said
    assert reviewed() == before, "counted twice"
    review.unlink()
    code, said = _said(cli, "valider", *DATE)
    assert f"G066: gennemgangen hører til udtrækket {FOLDER.name}, men står i mappen udtræk" in said
    assert f"Tip: flyt den tilbage til mappen {FOLDER.name}." in said, said
    drawn, cases, reviews = (int(n) for n in before.strip("|").split("|")[1:])
    assert reviewed() == f"| {FOLDER.name[8:]} | {drawn} | {cases - 1} | {reviews - 1} |"
    code, said = _said(cli, "påmind", *DATE, "--altid")
    assert f"(1 fil væk): {review.stem}" in said, said


def test_missing_reviews_are_looked_for_elsewhere_once(
    cli: Cli, filled_example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by probe V: each review a manifest lists but that is gone was looked for in
    every round's folder, so 500 old rounds with missing files took `valider` 11 s. Now
    `udtræk/` is listed once a run, and a dragged review is still found."""
    samples = filled_example / "udtræk"
    source = samples / FOLDER.name
    for month in range(1, 13):  # twelve old rounds whose reviews were all cleared away
        old = samples / f"2025-{month:02d}-månedligt-overordnet"
        old.mkdir()
        text = (source / "udtræk.yaml").read_text(encoding="utf-8")
        (old / "udtræk.yaml").write_text(text.replace("2026-11", f"2025-{month:02d}"), "utf-8")
    review = _first_review(filled_example)
    review.rename(samples / review.name)
    listed: list[str] = []
    real_iterdir, real_glob = Path.iterdir, Path.glob

    def iterdir(self: Path) -> Iterator[Path]:
        listed.append(f"iterdir {self.name}")
        return real_iterdir(self)

    def glob(self: Path, pattern: str) -> Iterator[Path]:
        listed.append(f"glob {self.name}")
        return real_glob(self, pattern)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    monkeypatch.setattr(Path, "glob", glob)
    code, said = _said(cli, "valider", *DATE)
    assert code == 1
    assert f"Tip: filen står i mappen udtræk: flyt den tilbage til mappen {FOLDER.name}." in said
    assert said.count("G034") > 12 * 5  # every old round's reviews are missing
    assert listed.count("iterdir udtræk") + listed.count("glob udtræk") <= 2, listed

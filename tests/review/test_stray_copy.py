"""G036: a copy of a review file beside it ('S-1 - Kopi.yaml', as Windows names a copy).

The manifest lists one file per review of a case. A copy the leader made before
editing (or edited by mistake) was taken as one more review of the case: no word
about it, except a G035 on the real file claiming a calibration, and the report or
a letter could count either of the two.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import Cli

FOLDER = Path("udtræk") / "2026-11-månedligt-overordnet"


def _filled_review(cli: Cli) -> Path:
    args = ("udtræk", "eksport.csv", "--tilsyn", "månedligt-overordnet", "--periode", "2026-11")
    assert cli(*args).exit_code == 0
    review = sorted(p for p in FOLDER.glob("*.yaml") if p.name != "udtræk.yaml")[0]
    text = review.read_text(encoding="utf-8").replace(
        'gennemført_af: ""', 'gennemført_af: "Afdelingsleder Mette Holm"'
    )
    text = text.replace('dato: ""', 'dato: "2026-11-20"').replace('svar: ""', 'svar: "ja"')
    review.write_text(text, encoding="utf-8")
    return review


def test_a_copy_of_a_review_beside_it_is_an_error(cli: Cli, example_workspace: Path) -> None:
    review = _filled_review(cli)
    copy = review.with_name(f"{review.stem} - Kopi.yaml")
    shutil.copyfile(review, copy)
    result = cli("valider", str(FOLDER), "--dato", "2026-11-25")
    assert result.exit_code == 1, result.output
    lines = [x for x in result.output.splitlines() if "G036" in x or "G035" in x]
    assert lines == [
        f"{copy}:21:7: fejl G036: filen står ikke i udtræk.yaml; udtrækket har sagens "
        f"gennemgang nr. 1 i '{review.name}', så denne fil er en gennemgang mere af samme sag "
        "(en kopi?) og tæller ikke. Tip: slet kopien, og ret i den fil, udtræk.yaml nævner; "
        "er den en ekstra gennemgang til kalibrering, så skriv 'gennemgang_nr: 2' øverst."
    ], result.output
    report = cli(
        "rapport", "--periode", "2026-11", "--dato", "2026-11-25", "-o", "-", "--format", "md"
    )
    assert f"{copy}: ikke medregnet: ugyldig" in report.stderr, report.stderr


def test_an_extra_calibration_review_added_by_hand_is_no_copy(
    cli: Cli, example_workspace: Path
) -> None:
    review = _filled_review(cli)
    extra = review.with_name(f"{review.stem}.2.yaml")
    text = review.read_text(encoding="utf-8").replace(
        "Afdelingsleder Mette Holm", "Teamleder Aisha Khan"
    )
    extra.write_text(text.replace("dato:", "gennemgang_nr: 2\ndato:", 1), encoding="utf-8")
    result = cli("valider", str(FOLDER), "--dato", "2026-11-25")
    assert "G036" not in result.output, result.output


def test_remind_does_not_take_a_copy_for_a_calibration(cli: Cli, example_workspace: Path) -> None:
    review = _filled_review(cli)
    shutil.copyfile(review, review.with_name(f"{review.stem} - Kopi.yaml"))
    status = cli("påmind", "--dato", "2026-11-25", "--altid").output
    assert "kalibrering" not in status and "ugyldig" not in status, status
    assert "1 af 8 gennemgange færdig (7 ikke påbegyndt)" in status, status

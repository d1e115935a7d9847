"""G068: a name in a free text, but not one the workspace knows (probe Z, G2).

`valider` knew only the names the file itself gives, so a colleague from the concept, a
caseworker of another case, another team and the municipality each gave a warning: 43 of 58
ordinary phrases did. Now only a name nobody told the tool about does.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import Cli

FOLDER = "udtræk/2026-11-månedligt-overordnet"


def _comment(root: Path, text: str) -> Path:
    """The first review, its first answer `nej` with `text` as the comment."""
    reviews = sorted((root / FOLDER).glob("S-*.yaml"))
    others = [re.search(r'rådgiver: "([^"]+)"', p.read_text(encoding="utf-8")) for p in reviews]
    review = reviews[0]
    body = review.read_text(encoding="utf-8")
    own = others[0]
    assert own is not None
    another = next(m[1] for m in others if m is not None and m[1] != own[1])
    body = body.replace(
        "svar: \"ja\"\n      kommentar: ''",
        f'svar: "nej"\n      kommentar: "{text.format(another=another)}"',
        1,
    )
    review.write_text(body, encoding="utf-8")
    return review


def _warnings(cli: Cli, review: Path) -> list[dict[str, object]]:
    result = cli("valider", str(review), "--format", "json")
    found = json.loads(result.stdout)
    return [d for r in found["gennemgange"] for d in r["problemer"] if d["kode"] == "G068"]


def test_names_the_workspace_knows_are_no_warning(filled_example: Path, cli: Cli) -> None:
    text = (
        "Drøftet med {another}, Lise Dahl Thøgersen og Jakob Bæk i Team Syd; "
        "sendt til Eksempelby Kommune."
    )
    assert _warnings(cli, _comment(filled_example, text)) == []


def test_each_unknown_name_of_a_text_is_in_one_warning(filled_example: Path, cli: Cli) -> None:
    review = _comment(
        filled_example, "Drøftet med {another}. Zlatan og mor Tina Karimi er ikke hørt."
    )
    [warning] = _warnings(cli, review)
    assert "(Z., T. K.)" in str(warning["besked"])
    assert "Zlatan" not in json.dumps(warning, ensure_ascii=False)


def _responsible(root: Path, who: str) -> Path:
    """The first review, its first answer `nej` with a correction `who` is responsible for."""
    review = sorted((root / FOLDER).glob("S-*.yaml"))[0]
    body = review.read_text(encoding="utf-8").replace(
        "svar: \"ja\"\n      kommentar: ''",
        "svar: \"nej\"\n      kommentar: 'Vurderingen er ikke dateret.'\n"
        f"      rettelse:\n        handling: 'Vurderingen dateres'\n        ansvarlig: '{who}'\n"
        "        frist: '2026-12-04'",
        1,
    )
    review.write_text(body, encoding="utf-8")
    return review


def test_a_responsible_person_no_other_file_names_is_a_warning(
    filled_example: Path, cli: Cli
) -> None:
    """A data protection probe (6 December 2026) typed a parent's name as a correction's
    `ansvarlig`: no warning, and the name stood in `påmind` and the caseworker's letter. A
    name typed there made itself known, so it was no warning in a comment either."""
    [warning] = _warnings(cli, _responsible(filled_example, "Sofie Karimi"))
    assert "rettelsens ansvarlige (S. K.)" in str(warning["besked"])
    assert "Karimi" not in json.dumps(warning, ensure_ascii=False)


def test_a_colleague_responsible_for_a_correction_is_no_warning(
    filled_example: Path, cli: Cli
) -> None:
    assert _warnings(cli, _responsible(filled_example, "Lise Dahl Thøgersen")) == []


def test_a_name_only_a_correction_names_does_not_make_itself_known(
    filled_example: Path, cli: Cli
) -> None:
    """A probe (6 December 2026): a child's name written as a correction's `ansvarlig` was
    known to every other file, so a comment naming the child had no G068, and the comment
    stood in the leader's report and in another caseworker's letter; the correction's own
    `handling` naming the child had none either."""
    review = _responsible(filled_example, "Zlatan Karimi")
    review.write_text(
        review.read_text(encoding="utf-8").replace(
            "handling: 'Vurderingen dateres'", "handling: 'partshøring af Zlatan Karimi'"
        ),
        encoding="utf-8",
    )
    other = sorted((filled_example / FOLDER).glob("S-*.yaml"))[1]
    body = other.read_text(encoding="utf-8").replace(
        "svar: \"ja\"\n      kommentar: ''",
        "svar: \"nej\"\n      kommentar: 'Zlatan Karimi er ikke hørt.'",
        1,
    )
    other.write_text(body, encoding="utf-8")
    found = cli("valider", str(review), str(other), "--format", "json")
    warned = {
        (Path(r["fil"]).name, d["besked"].split(" ")[0])
        for r in json.loads(found.stdout)["gennemgange"]
        for d in r["problemer"]
        if d["kode"] == "G068"
    }
    assert warned == {(review.name, "rettelsens"), (other.name, "kommentaren")}, warned
    assert len([w for w in warned if w[0] == review.name]) == 1
    text = json.dumps(json.loads(found.stdout), ensure_ascii=False)
    assert "Karimi" not in text  # nor in the corrections `valider` lists


def test_a_responsible_person_nobody_knows_is_a_name_in_every_output(
    filled_example: Path, cli: Cli
) -> None:
    """`påmind` and its mail, the caseworker's letter and the leader's report show such a
    responsible person as `[navn]`, as G068 says; a colleague stays named."""
    _responsible(filled_example, "Zlatan Karimi")
    day = "2026-12-20"
    reminded = cli("påmind", "--altid", "--dato", day)
    assert "ansvarlig [navn]" in reminded.stdout, reminded.stdout
    letters = cli("tilbagemelding", "--periode", "2026-11", "--dato", day)
    report = cli("rapport", "--periode", "2026-11", "--dato", day, "--format", "md", "-o", "-")
    assert report.exit_code == 0, report.output
    letter_files = filled_example.rglob("tilbagemeldinger/**/*.*")
    written = [p.read_text(encoding="utf-8") for p in letter_files]
    assert written, letters.output
    for text in (reminded.stdout, letters.stdout, report.stdout, *written):
        assert "Karimi" not in text and "Zlatan" not in text


def test_a_responsible_person_written_in_lower_case_is_a_name_too(
    filled_example: Path, cli: Cli
) -> None:
    """A data protection probe (7 December 2026): `yrsa qvist` as a correction's `ansvarlig`
    had no G068 and stood in `påmind`, its mail, the letter and the leader's report."""
    review = _responsible(filled_example, "yrsa qvist")
    [warning] = _warnings(cli, review)
    assert "rettelsens ansvarlige (y. q.)" in str(warning["besked"])
    day = "2026-12-20"
    reminded = cli("påmind", "--altid", "--dato", day)
    assert "ansvarlig [navn]" in reminded.stdout, reminded.stdout
    cli("tilbagemelding", "--periode", "2026-11", "--dato", day)
    report = cli(
        "rapport", "--periode", "2026-11", "--dato", day, "--rådgivere", "--format", "md", "-o", "-"
    )
    written = [
        p.read_text(encoding="utf-8") for p in filled_example.rglob("tilbagemeldinger/**/*.*")
    ]
    assert written
    for text in (reminded.stdout, report.stdout, *written):
        assert "qvist" not in text.lower(), text


def test_a_colleague_a_unit_or_a_role_in_lower_case_is_no_name(
    filled_example: Path, cli: Cli
) -> None:
    first = sorted((filled_example / FOLDER).glob("S-*.yaml"))[0]
    drawn = first.read_text(encoding="utf-8")
    for who in ("lise dahl thøgersen", "familieteamet", "sagens rådgiver", "myndighedsleder"):
        first.write_text(drawn, encoding="utf-8")
        assert _warnings(cli, _responsible(filled_example, who)) == [], who

"""A child's or a parent's name typed in free text reaches no output (probe Y, F1).

The workspace never knows the child's name, so the known-name scrubbers let it through: into
the department's examples, the leader's report (comment and correction), the caseworker's
letter, the committee's tiltag table and the shared calendar. Each now shows `[navn]`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import Cli

CONSENTING = Path("udtræk/2026-11-månedligt-overordnet/S-2026-11-002.yaml")
COMMENT = "Emil Larsen (7 år) er ikke hørt; moren Tina Larsen oplyser, at Emil græder i skolen."
MASKED = "[navn] (7 år) er ikke hørt; moren [navn] oplyser, at [navn] græder i skolen."
ACTION = "børnesamtale med Emil Larsen gennemføres"
CHILD = re.compile(r"Emil|Larsen|Tina")


def _name_the_child(root: Path) -> None:
    """The consenting review's first comment names the child and the mother, its correction
    the child; the concept shows consented examples to the department."""
    concept = root / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    concept.write_text(
        text.replace("  tiltag: ja\n", "  tiltag: ja\n  afdeling_eksempler: med_samtykke\n", 1),
        encoding="utf-8",
    )
    review = root / CONSENTING
    body = review.read_text(encoding="utf-8")
    body = body.replace("\nsvar:\n", "\nsamtykke_til_eksempel: ja\nsvar:\n", 1)
    old = "Se notat om barnet, cpr 010203-1234, og <script>alert(1)</script>."
    line = next(x for x in body.splitlines() if old in x)
    correction = f"\n      rettelse:\n        handling: '{ACTION}'\n        frist: '2026-12-15'"
    body = body.replace(line, line.replace(old, COMMENT) + correction)
    review.write_text(body, encoding="utf-8")


def test_a_child_s_name_in_a_comment_reaches_no_report(cli: Cli, rapport_ws: Path) -> None:
    _name_the_child(rapport_ws)
    for audience in ("leder", "afdeling"):
        for fmt in ("md", "html"):
            result = cli(
                "rapport", "--periode", "2026-11", "--dato", "2026-11-30",
                "--modtager", audience, "--format", fmt, "-o", "-",
            )  # fmt: skip
            assert result.exit_code == 0, result.output
            assert not CHILD.search(result.stdout), (audience, fmt)
            assert MASKED in result.stdout, (audience, fmt)
    leader = cli("rapport", "--periode", "2026-11", "--dato", "2026-11-30", "-o", "-").stdout
    assert "børnesamtale med [navn] gennemføres" in leader


def test_a_child_s_name_reaches_no_letter(cli: Cli, rapport_ws: Path) -> None:
    _name_the_child(rapport_ws)
    result = cli("tilbagemelding", "--periode", "2026-11", "--dato", "2026-11-30")
    assert result.exit_code == 0, result.output
    letters = [p.read_text(encoding="utf-8") for p in rapport_ws.glob("tilbagemeldinger/**/*.*")]
    assert letters
    assert any(MASKED in letter for letter in letters)
    assert not any(CHILD.search(letter) for letter in letters)


def _commented(cli: Cli, root: Path, comment: str) -> list[object]:
    """The consenting review's first comment as `comment`; the G068 warnings `valider` gives."""
    _name_the_child(root)
    review = root / CONSENTING
    review.write_text(review.read_text(encoding="utf-8").replace(COMMENT, comment), "utf-8")
    checked = cli("valider", str(CONSENTING), "--format", "json", "--dato", "2026-11-30")
    found = json.loads(checked.stdout)["gennemgange"]
    return [d for r in found for d in r["problemer"] if d["kode"] == "G068"]


def test_an_e_mail_address_in_a_comment_reaches_neither_report_nor_letter(
    cli: Cli, rapport_ws: Path
) -> None:
    """Probe AW, F1: `yasmin.alhassan@gmail.com` in a comment stood in the leader's report
    and the caseworker's letter, and `valider` said nothing."""
    address = "Mail fra yasmin.alhassan@gmail.com og mathiasskov2015@hotmail.com."
    warned = _commented(cli, rapport_ws, address)
    assert any("nævne nogen ved navn (en e-mailadresse)" in str(d) for d in warned), warned
    outputs = [cli("rapport", "--periode", "2026-11", "--dato", "2026-11-30", "-o", "-").stdout]
    cli("tilbagemelding", "--periode", "2026-11", "--dato", "2026-11-30")
    outputs += [p.read_text(encoding="utf-8") for p in rapport_ws.glob("tilbagemeldinger/**/*.*")]
    assert any("Mail fra [navn] og [navn]." in text for text in outputs)
    assert not any(re.search("yasmin|mathias|hotmail|gmail", text, re.I) for text in outputs)


def test_a_name_in_a_script_without_capitals_reaches_neither_report_nor_letter(
    cli: Cli, rapport_ws: Path
) -> None:
    """Probe BB: a mother's and a child's name in Arabic stood in the department's report,
    the leader's and the letter: names are found by their capitals, and Arabic has none."""
    assert _commented(cli, rapport_ws, "Moren (فاطمة الزهراء) ønsker tolk; barnet hedder محمد.")
    day = ("--periode", "2026-11", "--dato", "2026-11-30")
    outputs = [
        cli("rapport", *day, "--modtager", audience, "-o", "-").stdout
        for audience in ("leder", "afdeling")
    ]
    cli("tilbagemelding", *day)
    outputs += [p.read_text(encoding="utf-8") for p in rapport_ws.glob("tilbagemeldinger/**/*.*")]
    assert any("Moren ([navn]) ønsker tolk; barnet hedder [navn]." in text for text in outputs)
    assert not any(re.search("[\u0600-\u06ff]", text) for text in outputs)


def _new_tiltag(cli: Cli, title: str) -> None:
    made = cli(
        "tiltag", "ny", "--skabelon", "overordnet", "--spørgsmål", "underretning-1",
        "--titel", title, "--dato", "2026-11-25",
    )  # fmt: skip
    assert made.exit_code == 0, made.output


def test_a_child_s_name_in_a_tiltag_title_reaches_neither_committee_nor_calendar(
    cli: Cli, rapport_ws: Path
) -> None:
    title = "Børnesamtaler i Team Nord: lær af sagen om Emil Larsen"
    _new_tiltag(cli, title)
    for audience in ("udvalg", "afdeling", "leder"):
        result = cli(
            "rapport", "--periode", "2026-11", "--dato", "2026-11-30",
            "--modtager", audience, "--format", "md", "-o", "-",
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        # a team of the workspace is no one's name
        assert "Børnesamtaler i Team Nord: lær af sagen om [navn]" in result.stdout, audience
        assert not CHILD.search(result.stdout), audience
    calendar = cli("årshjul", "2027", "--dato", "2026-11-30", "--format", "ics", "-o", "-")
    assert calendar.exit_code == 0, calendar.output
    unfolded = re.sub(r"\r?\n[ \t]", "", calendar.stdout)  # a long line is folded
    assert "Børnesamtaler i Team Nord: lær af sagen om [navn]" in unfolded, unfolded[-1500:]
    assert not CHILD.search(unfolded)


def test_a_name_in_a_tiltag_title_is_found_in_lower_case_in_its_conclusion(
    cli: Cli, rapport_ws: Path
) -> None:
    """Probe AW, F2: the title's `Mathias Skov` was `[navn]`, the conclusion's `mathias skov`
    stood in `tilsyn tiltag`, the leader's and the department's report."""
    _new_tiltag(cli, "Lær af sagen om Emil Larsen")
    path = rapport_ws / "tiltag.yaml"
    text = (
        path.read_text(encoding="utf-8")
        .replace('evalueret: ""', 'evalueret: "2026-11-28"')
        .replace('konklusion: ""', 'konklusion: "Fortsæt; drøftet med emil larsen og emils mor."')
    )
    path.write_text(text, encoding="utf-8")
    shown = [cli("tiltag", "--dato", "2026-11-30")]
    for audience in ("leder", "afdeling"):
        shown.append(
            cli(
                "rapport", "--periode", "2026-11", "--dato", "2026-11-30",
                "--modtager", audience, "--format", "md", "-o", "-",
            )
        )  # fmt: skip
    for result in shown:
        assert result.exit_code == 0, result.output
        assert "Fortsæt; drøftet med [navn] og [navn]" in result.stdout, result.stdout
        assert not re.search("emil|larsen", result.stdout, re.I)


def test_a_tiltag_id_that_may_name_a_child_is_shown_by_its_place(
    cli: Cli, rapport_ws: Path
) -> None:
    """Probe Z: an id the leader typed with the child's name (`zlatan-karimi`) reached the
    committee's and the department's report, as only a colleague's name in it was seen; and
    probe AU: the leader's report (md, html) and `tilsyn tiltag` showed it beside the title's
    `[navn]`, and a message about the tiltag quoted it."""
    _new_tiltag(cli, "Partshøring")
    path = rapport_ws / "tiltag.yaml"
    text = path.read_text(encoding="utf-8")
    tiltag_id = re.search(r'id: "([^"]+)"', text)
    assert tiltag_id is not None
    text = text.replace(tiltag_id[1], "zlatan-karimi").replace("evaluer_efter_måneder", "x_")
    path.write_text(text.replace("\n    x_:", "\n    # x_:"), encoding="utf-8")
    for audience in ("udvalg", "afdeling", "leder"):
        for fmt in ("md", "html"):
            result = cli(
                "rapport", "--periode", "2026-11", "--dato", "2026-11-30",
                "--modtager", audience, "--format", fmt, "-o", "-",
            )  # fmt: skip
            assert result.exit_code == 0, result.output
            assert "zlatan" not in result.output.casefold(), (audience, fmt)
            assert "tiltag 1" in result.stdout, (audience, fmt)
    listed = cli("tiltag", "--dato", "2026-11-30")
    assert "O031" in listed.output and "zlatan" not in listed.output.casefold(), listed.output
    assert "tiltag 1 · Partshøring" in listed.stdout, listed.output


def test_a_name_one_command_knows_every_command_knows(cli: Cli, rapport_ws: Path) -> None:
    """`valider`, `rapport` and the letters each gathered the workspace's names on their own:
    a tiltag's responsible was known to the report, but a warning (G068) in `valider` and
    `[navn]` in the letter. Now all three ask `workspace.known_names`."""
    made = cli(
        "tiltag", "ny", "--skabelon", "overordnet", "--spørgsmål", "underretning-1",
        "--titel", "Partshøring", "--dato", "2026-11-25", "--ansvarlig", "Mette Lund",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    review = rapport_ws / CONSENTING
    old = "Se notat om barnet, cpr 010203-1234, og <script>alert(1)</script>."
    said = "Partshøringen er aftalt med Mette Lund."
    review.write_text(review.read_text(encoding="utf-8").replace(old, said), encoding="utf-8")

    checked = cli("valider", str(CONSENTING), "--format", "json", "--dato", "2026-11-30")
    found = json.loads(checked.stdout)["gennemgange"]
    assert [d for r in found for d in r["problemer"] if d["kode"] == "G068"] == []
    leader = cli("rapport", "--periode", "2026-11", "--dato", "2026-11-30", "-o", "-")
    assert leader.exit_code == 0, leader.output
    assert said in leader.stdout
    written = cli("tilbagemelding", "--periode", "2026-11", "--dato", "2026-11-30")
    assert written.exit_code == 0, written.output
    letters = [p.read_text(encoding="utf-8") for p in rapport_ws.glob("tilbagemeldinger/**/*.md")]
    assert any(said in letter for letter in letters)
    assert not any("aftalt med [navn]" in letter for letter in letters)


def test_a_child_s_name_in_a_review_s_file_name_reaches_no_report(
    cli: Cli, rapport_ws: Path
) -> None:
    """Probe BD: a copy of a review named for the child (`… kopi Noah Hansen.yaml`) stood in
    the leader's table of reviews left out, as its file name."""
    copy = CONSENTING.with_name("S-2026-11-002 kopi Noah Hansen.yaml")
    (rapport_ws / copy).write_text("tilsyn: [\n", encoding="utf-8")
    result = cli("rapport", "--periode", "2026-11", "--dato", "2026-11-30", "-o", "-")
    assert result.exit_code == 0, result.output
    assert "Noah" not in result.stdout and "Hansen" not in result.stdout
    assert "S-2026-11-002 kopi [navn].yaml" in result.stdout


def test_a_phone_number_in_a_comment_reaches_neither_report_nor_letter(
    cli: Cli, rapport_ws: Path
) -> None:
    """Probe BD: `tlf. 22 33 44 55` stood in the leader's report and the letters."""
    review = rapport_ws / CONSENTING
    old = "Se notat om barnet, cpr 010203-1234, og <script>alert(1)</script>."
    body = review.read_text(encoding="utf-8").replace(old, "Ring til mor på tlf. 22 33 44 55.")
    review.write_text(body, encoding="utf-8")
    leader = cli("rapport", "--periode", "2026-11", "--dato", "2026-11-30", "--format", "md",
                 "-o", "-")  # fmt: skip
    assert leader.exit_code == 0 and "tlf. XX XX XX XX" in leader.stdout, leader.output
    assert "22 33" not in leader.stdout
    letters = cli("tilbagemelding", "--periode", "2026-11", "--dato", "2026-11-30")
    assert letters.exit_code == 0, letters.output
    written = "".join(
        p.read_text(encoding="utf-8") for p in rapport_ws.rglob("tilbagemeldinger/*/*")
    )
    assert "tlf. XX XX XX XX" in written and "22 33" not in written

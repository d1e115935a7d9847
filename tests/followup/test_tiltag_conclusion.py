"""What the leadership concluded when it evaluated a tiltag (`konklusion`).

The report can say whether the figures moved; only the leaders can say what they make of
it (keep going, adjust, stop). SBST asks the leadership to say what the results lead to, and
KK to look at whether the initiatives have the wished-for effect: the conclusion is written
in tiltag.yaml and shown where the tiltag are shown, to the department without names.
"""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import TESTS

sys.path.insert(0, str(TESTS / "report"))  # report_data, for the rapport_ws fixture

TILTAG = """\
tiltag:
  - id: "vurdering"
    titel: "Hurtig vurdering af underretninger"
    besluttet: "2026-10-15"
    status: "gennemført"
    skabelon: "overordnet"
    mål:
      spørgsmål: [underretning-1]
    evaluer_efter_måneder: 1
    evalueret: "2026-11-20"
    konklusion: "Tjeklisten alene rækker ikke; Anna Holm viser sin metode på teammødet."
"""


def run(cli, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = cli(*args)
    assert result.exit_code == 0, result.output + (result.stderr or "")
    return str(result.stdout)


def test_the_conclusion_is_shown_with_the_tiltag(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    (rapport_ws / "tiltag.yaml").write_text(TILTAG, encoding="utf-8")
    listed = run(cli, "tiltag", "--dato", "2026-11-25")
    assert (
        "  konklusion: Tjeklisten alene rækker ikke; Anna Holm viser sin metode på teammødet."
        in listed
    )
    report = ("rapport", "--dato", "2026-11-25", "-o", "-", "--periode", "2026-11")
    leader = run(cli, *report, "--format", "md")
    assert (
        "Konklusion ved evalueringen 20. november 2026: Tjeklisten alene rækker ikke; "
        "Anna Holm viser sin metode på teammødet." in leader
    )
    department = run(cli, *report, "--format", "md", "--modtager", "afdeling")
    assert (
        "- **vurdering**, evalueret 20. november 2026: Tjeklisten alene rækker ikke; [navn] "
        "viser sin metode på teammødet." in department
    )
    assert "Anna Holm" not in department
    committee = run(cli, *report, "--format", "md", "--modtager", "udvalg")
    assert "Tjeklisten" not in committee


def test_a_conclusion_that_is_not_text_is_a_located_error(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    (rapport_ws / "tiltag.yaml").write_text(
        TILTAG.replace('konklusion: "Tjeklisten', 'konklusion: ["Tjeklisten').replace(
            'teammødet."', 'teammødet."]'
        ),
        encoding="utf-8",
    )
    result = cli("tiltag")
    assert result.exit_code == 1 and "tiltag.yaml:11:17: fejl M003" in result.stderr


def test_a_new_tiltag_has_room_for_the_evaluation(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    """`tiltag ny` writes the keys a leader fills in at the evaluation, so they are found."""
    made = cli("tiltag", "ny", "--skabelon", "overordnet", "--spørgsmål", "underretning-1")
    assert made.exit_code == 0, made.output
    text = (rapport_ws / "tiltag.yaml").read_text(encoding="utf-8")
    assert '    evalueret: ""  # ÅÅÅÅ-MM-DD, når I har vurderet effekten' in text
    assert '    konklusion: ""  # hvad I konkluderede: fortsæt, justér eller stop' in text
    assert "tiltag.yaml" not in cli("tjek").output  # the empty keys are no mistake


def test_the_department_reads_no_name_in_a_tiltag_title(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    """A tiltag aimed at one caseworker may name her in its title; the department's status
    table printed the title as it was, while the conclusion below it said [navn]."""
    text = TILTAG.replace("Hurtig vurdering af underretninger", "Anna Holm oplæres i vurdering")
    (rapport_ws / "tiltag.yaml").write_text(text, encoding="utf-8")
    report = ("rapport", "--dato", "2026-11-25", "-o", "-", "--periode", "2026-11")
    assert "Anna Holm oplæres" in run(cli, *report, "--format", "md")  # the leaders' own
    for fmt in ("md", "html"):
        department = run(cli, *report, "--format", fmt, "--modtager", "afdeling")
        assert "[navn] oplæres i vurdering" in department
        assert "Anna Holm" not in department


def test_the_department_reads_no_name_of_a_responsible_only_tiltag_yaml_knows(  # type: ignore[no-untyped-def]
    cli, rapport_ws: Path
) -> None:
    """A local lawyer responsible for a tiltag is named nowhere else in the workspace (no
    caseworker, reviewer or leader): her name in the title and the conclusion reached the
    department, for the name filter only knew the concept's, manifests' and reviews' names."""
    text = TILTAG.replace("Hurtig vurdering af underretninger", "Lise Brandt underviser")
    text = text.replace("Anna Holm viser", "Brandt viser").replace(
        '    skabelon: "overordnet"\n', '    skabelon: "overordnet"\n    ansvarlig: "Lise Brandt"\n'
    )
    (rapport_ws / "tiltag.yaml").write_text(text, encoding="utf-8")
    report = ("rapport", "--dato", "2026-11-25", "-o", "-", "--periode", "2026-11")
    assert "Lise Brandt underviser" in run(cli, *report, "--format", "md")  # the leaders' own
    for fmt in ("md", "html"):
        department = run(cli, *report, "--format", fmt, "--modtager", "afdeling")
        assert "[navn] underviser" in department and "[navn] viser sin metode" in department
        assert "Lise" not in department and "Brandt" not in department


def test_the_leader_report_says_when_the_tiltag_is_evaluated(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    """The leaders evaluate at their meeting with the report in hand: it says when the
    evaluation is due (and when it is overdue), and that a conclusion is missing."""
    due = TILTAG.replace('    evalueret: "2026-11-20"\n', "").replace(
        '    konklusion: "', '    # "'
    )
    (rapport_ws / "tiltag.yaml").write_text(due, encoding="utf-8")
    report = ("rapport", "--dato", "2026-11-25", "-o", "-", "--periode", "2026-11")
    leader = run(cli, *report, "--format", "md")
    assert (
        "Status: gennemført · besluttet 15. oktober 2026 · frist – · ansvarlig: – · evaluering "
        "15. november 2026 (overskredet)" in leader
    )
    assert "evaluering 15. november 2026 (overskredet)</p>" in run(cli, *report)
    later = due.replace("evaluer_efter_måneder: 1", "evaluer_efter_måneder: 2")
    (rapport_ws / "tiltag.yaml").write_text(later, encoding="utf-8")
    assert "· evaluering 15. december 2026\n" in run(cli, *report, "--format", "md")
    unconcluded = TILTAG.replace('konklusion: "Tjeklisten', '# "Tjeklisten')
    (rapport_ws / "tiltag.yaml").write_text(unconcluded, encoding="utf-8")
    assert "· evalueret 20. november 2026, men uden konklusion i tiltag.yaml" in run(
        cli, *report, "--format", "md"
    )
    (rapport_ws / "tiltag.yaml").write_text(TILTAG, encoding="utf-8")
    assert "· evalue" not in run(cli, *report, "--format", "md")  # evaluated and concluded

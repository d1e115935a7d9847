"""The leadership's open tiltag on a caseworker's findings are named in their letter.

SBST: the caseworkers should know "hvilke opmærksomhedspunkter der er i sagerne samt eventuelle
justeringer, som tilsynet giver anledning til"; the handicap recommendations have the tiltag
decided together with them. A letter names the open tiltag aimed at the reader's own findings
(by question, step or pejlemærke), and nothing else: a tiltag done, given up or aimed at
another question is left out, and a colleague's name in it is "en kollega".
"""

from __future__ import annotations

from pathlib import Path

from test_letters import ARGS, letters, own, ws  # noqa: F401  (ws: the letters' workspace)

from conftest import Cli

TILTAG = """\
tiltag:
  - id: "akut"
    titel: "Akutte indsatser straks"
    beskrivelse: "Bo Lind gennemgår tjeklisten på teammødet."
    besluttet: "2026-10-01"
    frist: "2027-01-31"
    status: "i gang"
    skabelon: "overordnet"
    mål:
      spørgsmål: [underretning-2]
  - id: "screening"
    titel: "Screening efter tjekliste"
    besluttet: "2026-10-01"
    status: "planlagt"
    skabelon: "overordnet"
    mål:
      sagsskridt: [screening]
  - id: "færdig"
    titel: "Et gammelt tiltag"
    besluttet: "2026-01-01"
    status: "gennemført"
    skabelon: "overordnet"
    mål:
      spørgsmål: [underretning-2]
  - id: "andet"
    titel: "Vurdering inden 24 timer"
    besluttet: "2026-10-01"
    status: "i gang"
    skabelon: "overordnet"
    mål:
      spørgsmål: [underretning-1]
"""


def test_a_letter_names_the_open_tiltag_on_the_readers_findings(cli: Cli, ws: Path) -> None:  # noqa: F811
    (ws / "tiltag.yaml").write_text(TILTAG, encoding="utf-8")
    result = cli(*ARGS)
    assert result.exit_code == 0, result.output
    found = letters(ws)
    anna = own(found, "Anna Holm", ".md")
    section = anna.split("## Ledelsens tiltag\n\n", 1)[1].split("## Det gik godt")[0]
    assert section == (
        "Ledelsen har besluttet tiltag på spørgsmål, hvor du har fund i denne periode:\n\n"
        "- **Akutte indsatser straks** (underretning-2, frist 31. januar 2027): en kollega "
        "gennemgår tjeklisten på teammødet.\n"
        "- **Screening efter tjekliste** (screening-1, screening-4)\n\n"
    )
    html = own(found, "Anna Holm", ".html")
    assert "<h2>Ledelsens tiltag</h2>" in html
    assert "<strong>Akutte indsatser straks</strong>" in html and "Bo Lind" not in html
    assert "Et gammelt tiltag" not in anna and "Vurdering inden 24 timer" not in anna


def test_no_tiltag_section_without_an_open_tiltag_on_a_finding(cli: Cli, ws: Path) -> None:  # noqa: F811
    only_other = TILTAG.split('  - id: "færdig"')[0].replace("underretning-2", "opfølgning-1")
    (ws / "tiltag.yaml").write_text(only_other.split('  - id: "screening"')[0], encoding="utf-8")
    assert cli(*ARGS).exit_code == 0
    assert "Ledelsens tiltag" not in own(letters(ws), "Anna Holm", ".md")


def test_a_broken_tiltag_file_leaves_the_tiltag_out_and_says_so(cli: Cli, ws: Path) -> None:  # noqa: F811
    (ws / "tiltag.yaml").write_text(TILTAG.replace("i gang", "igang", 1), encoding="utf-8")
    result = cli(*ARGS)
    assert result.exit_code == 0, result.output
    assert "advarsel O017: ledelsens tiltag er udeladt af brevene" in result.stderr
    assert "Ledelsens tiltag" not in own(letters(ws), "Anna Holm", ".md")


def test_a_tiltag_past_its_deadline_is_marked_in_the_letter(cli: Cli, ws: Path) -> None:  # noqa: F811
    """An open tiltag whose deadline had passed on the letter's date stood as 'frist 20.
    november 2026' in a letter dated 25 November; the corrections beside it, 'tilsyn tiltag'
    and the reports say '(overskredet)'."""
    (ws / "tiltag.yaml").write_text(TILTAG.replace("2027-01-31", "2026-11-20"), encoding="utf-8")
    assert cli(*ARGS).exit_code == 0
    anna = own(letters(ws), "Anna Holm", ".md")
    assert "(underretning-2, frist 20. november 2026 (overskredet))" in anna
    assert "frist 20. november 2026 (overskredet)" in own(letters(ws), "Anna Holm", ".html")


def test_a_tiltag_decided_after_the_letters_day_is_not_in_the_letter(cli: Cli, ws: Path) -> None:  # noqa: F811
    """'besluttet: 2026-12-01' (decided later, or a slip): the letter of 25 November said
    "Ledelsen har besluttet tiltag" of it on a day before that (found by a probe)."""
    later = TILTAG.replace('besluttet: "2026-10-01"', 'besluttet: "2026-12-01"', 1)
    (ws / "tiltag.yaml").write_text(later, encoding="utf-8")
    assert cli(*ARGS).exit_code == 0
    anna = own(letters(ws), "Anna Holm", ".md")
    assert "Akutte indsatser straks" not in anna and "Screening efter tjekliste" in anna

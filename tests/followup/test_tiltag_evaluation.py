"""Will the evaluation of a tiltag have anything to look at, and is its conclusion written?

KK's concept uses the tilsyn to see "om de initiativer, der sættes i værk ... får den ønskede
effekt", and SBST has the leaders adjust the steps in focus after what the tilsyn showed. The
årshjul moves the focus month by month, so a tiltag on an underretning question decided in
March is not asked about again before November: evaluated after 6 months, the report has no
review after the decision. That is said when the tiltag is written (O006), not on the day of
the evaluation. And writing `evalueret` stops the reminders: without `konklusion`, what the
leadership decided is written nowhere (O007).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli

NEW = ("tiltag", "ny", "--skabelon", "overordnet", "--titel", "Akutte indsatser")

TILTAG = """\
tiltag:
  - id: "opfølgning"
    titel: "Opfølgning til tiden"
    besluttet: "2027-03-05"
    skabelon: "overordnet"
    mål:
      sagsskridt: [opfølgning]
    evaluer_efter_måneder: 6
  - id: "partshøring"
    titel: "Partshøring før anbringelse"
    besluttet: "2026-06-15"
    skabelon: "overordnet"
    mål:
      spørgsmål: [anbringelse-7]
    evaluer_efter_måneder: 6
    evalueret: "2026-12-20"
    konklusion: ""
"""


@pytest.fixture(autouse=True)
def _inside(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workspace)


def test_a_new_tiltag_whose_question_is_out_of_focus_until_the_evaluation_is_warned(
    workspace: Path, cli: Cli
) -> None:
    """sbst's årshjul has underretning in focus in January, February, November and December."""
    made = cli(*NEW, "--spørgsmål", "underretning-2", "--dato", "2027-03-05")
    assert made.exit_code == 0, made.output
    assert "Tiltaget 'tiltag-1' er føjet til tiltag.yaml." in made.stdout
    line = (workspace / "tiltag.yaml").read_text(encoding="utf-8").splitlines()
    number = next(i for i, text in enumerate(line, 1) if "evaluer_efter_måneder" in text)
    assert made.stderr.strip() == (
        f"tiltag.yaml:{number}:28: advarsel O006: tiltaget 'tiltag-1' evalueres 5. september "
        "2027, men ingen runde fra beslutningen til da har spørgsmålet underretning-2 "
        "(sagsskridtet Underretning) i fokus, så der er ingen gennemgange efter beslutningen at "
        "måle effekten på. Tip: første runde med det i fokus er 'Månedligt overordnet "
        "ledelsestilsyn 2027-11' (færdig 20. november 2027): sæt evaluer_efter_måneder: 9, "
        "eller sæt sagsskridtet i fokus i årshjulet i koncept.yaml."
    )
    assert cli("tjek").exit_code == 0  # a warning: the tiltag is still valid


def test_a_tiltag_with_its_question_in_focus_before_the_evaluation_is_not_warned(
    cli: Cli,
) -> None:
    made = cli(*NEW, "--spørgsmål", "underretning-2", "--dato", "2026-10-05")
    assert made.exit_code == 0, made.output
    assert made.stderr == ""  # the rounds of November to February ask about it


def test_a_round_not_finished_by_the_evaluation_does_not_count(workspace: Path, cli: Cli) -> None:
    """Opfølgning is in focus in September 2027, but its reviews are due on the 20th, after
    the evaluation on the 5th; 7 months reach them."""
    (workspace / "tiltag.yaml").write_text(TILTAG, encoding="utf-8")
    result = cli("tiltag", "--dato", "2027-03-10")
    assert result.exit_code == 0, result.output
    assert (
        "advarsel O006: tiltaget 'opfølgning' evalueres 5. september 2027, men ingen runde fra "
        "beslutningen til da har sagsskridtet opfølgning i fokus" in result.stderr
    )
    assert "(færdig 20. september 2027): sæt evaluer_efter_måneder: 7," in result.stderr
    fixed = TILTAG.replace("evaluer_efter_måneder: 6\n  - id", "evaluer_efter_måneder: 7\n  - id")
    (workspace / "tiltag.yaml").write_text(fixed, encoding="utf-8")
    assert "O006" not in cli("tiltag", "--dato", "2027-03-10").stderr


def test_an_evaluation_without_a_conclusion_is_warned_where_the_tiltag_are_read(
    workspace: Path, cli: Cli
) -> None:
    (workspace / "tiltag.yaml").write_text(TILTAG, encoding="utf-8")
    said = (
        "tiltag.yaml:17:17: advarsel O007: tiltaget 'partshøring' er evalueret (20. december "
        "2026), men 'konklusion' er tom, så ledelsens beslutning står ingen steder. Tip: skriv, "
        "hvad I konkluderede: fortsæt, justér eller stop, og hvorfor"
    )
    assert said in cli("tiltag", "--dato", "2027-03-10").stderr
    checked = cli("tjek")
    assert checked.exit_code == 0 and said in checked.output
    concluded = TILTAG.replace('konklusion: ""', 'konklusion: "Fortsæt i alle teams."')
    (workspace / "tiltag.yaml").write_text(concluded, encoding="utf-8")
    assert "O007" not in cli("tiltag", "--dato", "2027-03-10").stderr


def test_a_tiltag_given_up_or_evaluated_is_not_warned_about_its_rounds(
    workspace: Path, cli: Cli
) -> None:
    given_up = TILTAG.replace(
        "sagsskridt: [opfølgning]", 'sagsskridt: [opfølgning]\n    status: "opgivet"'
    )
    (workspace / "tiltag.yaml").write_text(given_up, encoding="utf-8")
    assert "O006" not in cli("tiltag", "--dato", "2027-03-10").stderr


def test_without_any_round_finished_by_the_evaluation_the_timing_is_named_not_the_focus(
    cli: Cli,
) -> None:
    """The tematiseret series runs in February, May, August and November (its reviews due on
    the 28th): decided on 5 February and evaluated after 3 months, no round is done by then,
    whatever its focus. The handicap preset (March and September) meets this with 6 months."""
    made = cli(
        "tiltag", "ny", "--skabelon", "tematiseret", "--spørgsmål", "opfølgning-1",
        "--evaluer-efter", "3", "--dato", "2027-02-05",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    assert (
        "advarsel O006: tiltaget 'tiltag-1' evalueres 5. maj 2027, men ingen runde fra "
        "beslutningen til da er færdig, så der er ingen gennemgange efter beslutningen at måle "
        "effekten på. Tip: første runde med spørgsmålet opfølgning-1 (sagsskridtet Opfølgning) i "
        "fokus er 'Tematiseret ledelsestilsyn 2027-11' (færdig 28. november 2027): sæt "
        "evaluer_efter_måneder: 10." in made.stderr
    )


def test_an_evaluation_before_the_evaluation_date_is_warned(workspace: Path, cli: Cli) -> None:
    """'evalueret: 2026-09-01' for a tiltag decided 15 June 2026 and evaluated after 6 months
    (15 December): a typo, most often, and writing it stops the reminder of the evaluation,
    without a word. Now a warning (O027) in tiltag and tjek; the tiltag is still valid."""
    early = TILTAG.replace('evalueret: "2026-12-20"', 'evalueret: "2026-09-01"')
    (workspace / "tiltag.yaml").write_text(early, encoding="utf-8")
    said = (
        "tiltag.yaml:16:16: advarsel O027: tiltaget 'partshøring' er evalueret 1. september "
        "2026, før evalueringsdatoen 15. december 2026 (besluttet 15. juni 2026 og "
        "evaluer_efter_måneder: 6), så påmindelsen om evalueringen er stoppet før tid. Tip: er "
        "datoen en slåfejl, så ret den; er tiltaget evalueret før tid med vilje, så ret "
        "evaluer_efter_måneder, så de passer sammen."
    )
    listed = cli("tiltag", "--dato", "2027-03-10")
    assert listed.exit_code == 0, listed.output
    assert said in " ".join(listed.stderr.split()), listed.stderr
    checked = cli("tjek")
    assert checked.exit_code == 0 and said in " ".join(checked.output.split()), checked.output
    on_time = TILTAG.replace('evalueret: "2026-12-20"', 'evalueret: "2026-12-15"')
    (workspace / "tiltag.yaml").write_text(on_time, encoding="utf-8")
    assert "O027" not in cli("tiltag", "--dato", "2027-03-10").stderr


def test_an_evaluation_before_the_decision_is_still_an_error(workspace: Path, cli: Cli) -> None:
    before = TILTAG.replace('evalueret: "2026-12-20"', 'evalueret: "2026-06-01"')
    (workspace / "tiltag.yaml").write_text(before, encoding="utf-8")
    for result in (cli("tiltag", "--dato", "2027-03-10"), cli("tjek")):
        assert result.exit_code == 1, result.output
        assert "fejl O009: evalueringen 1. juni 2026 ligger før beslutningen" in result.output
        assert "O027" not in result.output


@pytest.mark.parametrize(("status", "warned"), [("i gang", True), ("opgivet", False)])
def test_a_tiltag_written_by_hand_without_an_evaluation_date_is_warned(
    workspace: Path, cli: Cli, status: str, warned: bool
) -> None:
    """Without `evaluer_efter_måneder` (only `tiltag ny` writes it) a tiltag had no evaluation
    date: no reminder, no date in the årshjul, and no word anywhere (a probe of the cycle)."""
    text = TILTAG.replace("    evaluer_efter_måneder: 6\n", "", 1)
    text = text.replace(
        '    besluttet: "2027-03-05"\n', f'    besluttet: "2027-03-05"\n    status: "{status}"\n'
    )
    (workspace / "tiltag.yaml").write_text(text, encoding="utf-8")
    for args in (("tiltag", "--dato", "2027-03-10"), ("tjek",)):
        result = cli(*args)
        assert result.exit_code == 0, result.output
        said = (
            "tiltag.yaml:2:9: advarsel O031: tiltaget 'opfølgning' har ingen evalueringsdato "
            "(evaluer_efter_måneder), så intet minder jer om at vurdere, om det virker. Tip: skriv "
            "fx evaluer_efter_måneder: 6 (evaluering 6 måneder efter besluttet)."
        )
        assert (said in " ".join(result.output.split())) is warned, result.output


def warned_on_the_day_only(cli: Cli, said: str, day: str) -> None:
    """`said` by `tiltag` on 10 March 2027, and its code no longer on `day`."""
    listed = cli("tiltag", "--dato", "2027-03-10")
    assert listed.exit_code == 0, listed.output
    assert said in " ".join(listed.stderr.split()), listed.stderr
    assert said.split(": ")[1].split()[1] not in cli("tiltag", "--dato", day).stderr


def test_an_evaluation_after_today_is_warned(workspace: Path, cli: Cli) -> None:
    """'evalueret: 2028-05-03' where 2027 was meant stopped the reminder of the evaluation
    without a word (the same slip in a correction's `udført` is G052; a probe of the cycle)."""
    later = TILTAG.replace('evalueret: "2026-12-20"', 'evalueret: "2028-05-03"')
    later = later.replace('konklusion: ""', 'konklusion: "Fortsæt"')
    (workspace / "tiltag.yaml").write_text(later, encoding="utf-8")
    said = (
        "tiltag.yaml:16:16: advarsel O032: tiltaget 'partshøring' er evalueret 3. maj 2028, "
        "efter i dag (10. marts 2027), så påmindelsen om evalueringen er stoppet. Tip: er "
        "datoen en slåfejl (fx året), så ret den; er tiltaget ikke evalueret endnu, så lad "
        "'evalueret' stå tom."
    )
    warned_on_the_day_only(cli, said, "2028-05-03")


def test_a_decision_after_today_is_warned(workspace: Path, cli: Cli) -> None:
    """'besluttet: 2028-03-05' where 2027 was meant was taken silently: the rounds after the
    real decision counted as "før", "efter" was empty and the evaluation moved a year on
    (found by a probe)."""
    later = TILTAG.replace('besluttet: "2027-03-05"', 'besluttet: "2028-03-05"')
    (workspace / "tiltag.yaml").write_text(later, encoding="utf-8")
    said = (
        "tiltag.yaml:4:16: advarsel O034: tiltaget 'opfølgning' er besluttet 5. marts 2028, "
        "efter i dag (10. marts 2027), så runderne indtil da tæller som før tiltaget, og "
        "evalueringen ligger tilsvarende senere. Tip: er datoen en slåfejl (fx året), så ret "
        "den; skriv den dag, tiltaget blev besluttet."
    )
    warned_on_the_day_only(cli, said, "2028-03-05")
    checked = cli("tjek")  # today, before 2028 too
    assert checked.exit_code == 0 and "advarsel O034" in checked.output, checked.output


def test_a_cpr_number_written_into_the_file_by_hand_is_warned(workspace: Path, cli: Cli) -> None:
    """A probe: `tiltag ny` refuses a CPR number in the title (O030), but one written in with
    an editor passed `tilsyn tiltag` and `tjek` without a word. Each output masks it; the
    warning names the line, never the number."""
    typed = (
        TILTAG.replace('titel: "Opfølgning til tiden"', 'titel: "Opfølgning for 01.02.2003 1234"')
        + "  # barnet 0102031234 er nævnt\n"
    )
    (workspace / "tiltag.yaml").write_text(typed, encoding="utf-8")
    for args in (("tiltag", "--dato", "2027-03-10"), ("tjek",)):
        result = cli(*args)
        said = " ".join(str(result.stderr or result.output).split()) + result.output
        assert result.exit_code == 0, result.output
        assert "tiltag.yaml:3:" in said and "advarsel O037" in said, said
        assert "tiltag.yaml:18:" in said, said
        assert "1234" not in said and "0102031234" not in said

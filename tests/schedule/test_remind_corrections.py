"""`tilsyn påmind` and overdue corrections: to the responsible person's leader, no free text."""

from __future__ import annotations

import re
from pathlib import Path

from remind_support import MONTHLY, THEMED, finish_round, reviews

from conftest import Cli
from ledelsestilsyn.cli.entry import nothing_due_fast

SECRET_ACTION = "Mor 010203-1234 skal partshøres om volden"
SECRET_COMMENT = "Far truer naboen"


def add_correction(path: Path, fields: str) -> tuple[str, str, str]:
    """Answer the file's first question `nej` with a correction; (case, question, caseworker)."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("      svar: "))
    question = lines[at - 1].strip().rstrip(":")
    lines[at] = '      svar: "nej"'
    lines[at + 1] = f'      kommentar: "{SECRET_COMMENT}"'
    lines[at + 2 : at + 2] = ["      rettelse:", f'        handling: "{SECRET_ACTION}"'] + [
        f"        {line}" for line in fields.splitlines()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    case = re.search(r'^  id: "(.*)"$', text, re.M)
    worker = re.search(r'^  rådgiver: "(.*)"$', text, re.M)
    assert case and worker
    return case.group(1), question, worker.group(1)


def all_done(cli: Cli) -> Path:
    """Both November rounds finished by Karen and the letters written: nothing is due until
    the report."""
    finish_round(cli, "2026-11-12")
    return reviews(Path("udtræk") / f"2026-11-{MONTHLY}")[0]


def test_an_overdue_correction_reminds_the_leader_without_free_text(
    example_workspace: Path, cli: Cli
) -> None:
    path = all_done(cli)
    case, question, worker = add_correction(path, 'frist: "2026-11-20"')
    assert cli("valider", str(path)).exit_code == 0
    assert cli("påmind", "--dato", "2026-11-20").output == ""  # on the day: not yet late
    assert not nothing_due_fast(["--dato", "2026-11-25"])
    out = cli("påmind", "--dato", "2026-11-25").output
    assert "Rettelser i sagerne med overskreden frist:" in out
    assert (
        f"  - {case}, {question}: rettelse, ansvarlig {worker}, frist 20. november 2026 "
        "(5 dage for sent). Leder: Karen Holm Madsen." in out.splitlines()
    )
    lines = out.splitlines()  # and how the reminder stops, as in the leader's own mail
    said = lines.index("Rettelser i sagerne med overskreden frist:")
    assert (
        lines[said + 2] == "  Skriv datoen under 'udført:' i gennemgangen, når rettelsen er gjort."
    )
    assert "0 forfaldne" not in out
    for secret in ("010203", "1234", "Mor", "volden", "Far", "naboen", "partshør"):
        assert secret not in out
    assert cli("påmind", "--dato", "2026-11-26").output == ""  # told once per interval


def test_a_done_correction_is_silent_and_the_concept_names_the_leader(
    example_workspace: Path, cli: Cli
) -> None:
    path = all_done(cli)
    add_correction(path, 'frist: "2026-11-20"\nudført: "2026-11-24"')
    assert cli("påmind", "--dato", "2026-11-25").output == ""
    assert nothing_due_fast(["--dato", "2026-11-25"])
    other = reviews(path.parent)[1]
    # a colleague the concept names (one only the correction names is `[navn]`: G068)
    case, _, _ = add_correction(other, 'frist: "2026-11-21"\nansvarlig: "Jakob Bæk"')
    team = re.search(r'^  team: "(.*)"$', other.read_text(encoding="utf-8"), re.M)
    assert team
    concept = Path("koncept.yaml")
    text = concept.read_text(encoding="utf-8")
    block = f'påmindelse:\n  ledere:\n    "{team.group(1)}": "Lise Dahl Thøgersen"\n'
    concept.write_text(text.replace("påmindelse:\n", block, 1), encoding="utf-8")
    out = cli("påmind", "--dato", "2026-11-25").output
    line = next(x for x in out.splitlines() if x.startswith(f"  - {case}"))
    assert "ansvarlig Jakob Bæk" in line and line.endswith("Leder: Lise Dahl Thøgersen.")
    # the team written as a person writes it ('team  syd'): the same team, not the reviewer
    sloppy = block.replace(team.group(1), team.group(1).casefold().replace(" ", "  "))
    concept.write_text(text.replace("påmindelse:\n", sloppy, 1), encoding="utf-8")
    out = cli("påmind", "--altid", "--dato", "2026-11-25").output
    line = next(x for x in out.splitlines() if x.startswith(f"  - {case}"))
    assert line.endswith("Leder: Lise Dahl Thøgersen."), line


def test_a_correction_done_in_the_future_is_still_reminded_of_until_that_day(
    example_workspace: Path, cli: Cli
) -> None:
    """`udført` a year ahead (a slip): the correction is not done yet, and its deadline has
    passed, so the leader is reminded; from the day written on, it is done (the cached check
    is redone when the day changes). It used to make the review 'dated later', and the
    reminder disappeared."""
    path = all_done(cli)
    case, question, _ = add_correction(path, 'frist: "2026-11-20"\nudført: "2027-11-24"')
    checked = cli("valider", str(path))
    assert checked.exit_code == 0 and "G052" in checked.output
    out = cli("påmind", "--dato", "2026-11-25").output
    said = [x for x in out.splitlines() if x.startswith(f"  - {case}, {question}: rettelse")]
    # the date is written, only not reached: the reminder says so, not 'skriv datoen'
    assert len(said) == 1, out
    assert "'udført:' er sat til 24. november 2027, som ikke er nået: ret datoen." in said[0]
    assert "senere" not in out and "ugyldig" not in out
    assert not nothing_due_fast(["--dato", "2026-11-25"])
    assert case not in cli("påmind", "--altid", "--dato", "2027-11-24").output


def test_a_done_date_before_the_review_keeps_the_correction_open(
    example_workspace: Path, cli: Cli
) -> None:
    """`udført` a year before the review (2025 for 2026) was taken as done, silently: the
    overdue correction disappeared from påmind. It cannot have been done before it was asked
    for, so it is G059, a warning, and open until the date is put right; a `frist` decades
    ahead (2062), when påmind would not remind of it in years, is G060."""
    path = all_done(cli)
    case, question, _ = add_correction(path, 'frist: "2026-11-20"\nudført: "2025-11-19"')
    checked = cli("valider", str(path))
    assert checked.exit_code == 0 and "G059" in checked.output, checked.output
    out = cli("påmind", "--dato", "2026-11-25").output
    said = [x for x in out.splitlines() if x.startswith(f"  - {case}, {question}: rettelse")]
    assert len(said) == 1, out
    assert "'udført:' er sat til 19. november 2025, før gennemgangen: ret datoen." in said[0]
    text = path.read_text(encoding="utf-8").replace('"2025-11-19"', '"2026-11-19"')
    path.write_text(text, encoding="utf-8")
    assert "G059" not in cli("valider", str(path)).output
    assert case not in cli("påmind", "--altid", "--dato", "2026-11-25").output
    other = reviews(path.parent)[1]
    add_correction(other, 'frist: "2062-11-20"')
    checked = cli("valider", str(other))
    assert checked.exit_code == 0 and "G060" in checked.output, checked.output


def test_a_deadline_before_the_review_is_reminded_of_as_a_date_to_put_right(
    example_workspace: Path, cli: Cli
) -> None:
    """A `frist` before the review's `dato` (year 1 for 2026) is G051, an error; påmind still
    reminded of the correction, as "frist 1. januar 1 (739954 dage for sent)" (found by a
    probe). It says which date is wrong instead, and no count of days."""
    path = all_done(cli)
    case, question, _ = add_correction(path, 'frist: "0001-01-01"')
    assert "G051" in cli("valider", str(path)).output
    out = cli("påmind", "--dato", "2026-11-25").output
    said = [x for x in out.splitlines() if x.startswith(f"  - {case}, {question}: rettelse")]
    assert len(said) == 1, out
    assert "frist 1. januar 1, før gennemgangen den 12. november 2026: ret datoen." in said[0]
    assert "for sent" not in said[0], said[0]


def test_a_done_mark_that_is_no_date_keeps_the_review_finished_and_the_correction_open(
    example_workspace: Path, cli: Cli
) -> None:
    """`udført: "ja"` (or `x`) under a finished review's correction was G050, an error: the
    review became invalid, its caseworker's letter was taken back and påmind called a review
    finished weeks ago missing (found by a probe). A mark that is no date is a warning (G061),
    the correction stays open, and the hint's example is no day in the future."""
    path = all_done(cli)
    case, question, _ = add_correction(path, 'frist: "2026-11-20"\nudført: "ja"')
    checked = cli("valider", str(path), "--dato", "2026-11-25")
    assert checked.exit_code == 0, checked.output
    assert "advarsel G061: 'udført' er ikke en dato" in checked.output, checked.output
    assert "fx 2026-11-12" in checked.output and "2026-12-15" not in checked.output
    out = cli("påmind", "--altid", "--dato", "2026-11-25").output
    assert f"  - {case}, {question}: rettelse" in out, out
    assert "ugyldig" not in out and case not in out.split("Rettelser i sagerne")[0], out
    text = path.read_text(encoding="utf-8").replace('frist: "2026-11-20"', 'frist: "ja"')
    path.write_text(text, encoding="utf-8")
    assert "fejl G050: 'frist' er ikke en gyldig dato" in cli("valider", str(path)).output


def test_a_sample_drawn_for_a_date_range_is_followed_by_påmind(
    example_workspace: Path, cli: Cli
) -> None:
    """`udtræk --periode 2026-10..2026-11` is no round (U012, which says påmind follows it):
    påmind did not read its folder, so its overdue corrections were never reminded of, and
    the round and its missing report were not listed (found by a probe)."""
    all_done(cli)
    args = ("udtræk", "eksport.csv", "--tilsyn", MONTHLY, "--periode", "2026-10..2026-11")
    assert cli(*args, "--antal", "3").exit_code == 0
    folder = Path("udtræk") / f"2026-10-01..2026-11-30-{MONTHLY}"
    case, question, _ = add_correction(reviews(folder)[0], 'frist: "2026-11-20"')
    out = cli("påmind", "--altid", "--dato", "2026-11-25").output
    assert f"  - {case}, {question}: rettelse" in out, out
    assert "ledelsestilsyn 2026-10-01..2026-11-30, ikke fordelt: 3 gennemgange mangler" in out
    # the range says nothing of where the rounds begin: October's is not asked for
    assert "2026-10: stikprøven er ikke trukket" not in out, out
    assert cli("rapport", "--periode", "2026-10..2026-11", "--dato", "2026-11-25").exit_code == 0
    out = cli("påmind", "--altid", "--dato", "2026-11-25").output
    line = next(x for x in out.splitlines() if "2026-10-01..2026-11-30 (fokus" in x)
    assert line.endswith("rapport lavet."), out  # its report, named 2026-10-01_til_2026-11-30


def test_a_calibration_pairs_corrections_are_reminded_of_as_the_letter_takes_them(
    example_workspace: Path, cli: Cli
) -> None:
    """Both leaders of a pair ask for a correction under the same question: it is one
    correction, the first review's, as in the caseworker's letter. påmind reminded of both,
    and of the second's even when the first was marked done."""
    all_done(cli)
    second = sorted((Path("udtræk") / f"2026-11-{THEMED}").glob("*.2.yaml"))[0]
    first = second.with_name(second.name.replace(".2.yaml", ".yaml"))
    for path, fields in ((first, 'frist: "2026-11-20"'), (second, 'frist: "2026-11-21"')):
        case, question, _ = add_correction(path, fields)
        text = path.read_text(encoding="utf-8").replace('svar: "nej"', 'svar: "lav grad"')
        path.write_text(text, encoding="utf-8")
    assert cli("valider", str(first), str(second)).exit_code == 0
    out = cli("påmind", "--dato", "2026-11-25").output
    said = [x for x in out.splitlines() if x.startswith(f"  - {case}, {question}")]
    assert len(said) == 1 and "frist 20. november 2026" in said[0], out
    done = '        frist: "2026-11-20"\n        udført: "2026-11-22"'
    text = first.read_text(encoding="utf-8").replace('        frist: "2026-11-20"', done)
    first.write_text(text, encoding="utf-8")
    assert cli("valider", str(first)).exit_code == 0
    assert case not in cli("påmind", "--altid", "--dato", "2026-11-25").output


def _pair(second_leader: str = "Lise Dahl Thøgersen") -> tuple[Path, Path]:
    """A themed calibration pair, its second review by another leader."""
    second = sorted((Path("udtræk") / f"2026-11-{THEMED}").glob("*.2.yaml"))[0]
    first = second.with_name(second.name.replace(".2.yaml", ".yaml"))
    text = second.read_text(encoding="utf-8")
    text = text.replace('gennemført_af: "Karen Holm Madsen"', f'gennemført_af: "{second_leader}"')
    second.write_text(text, encoding="utf-8")
    return first, second


def _correct(path: Path, fields: str, *, action: str | None = None) -> tuple[str, str, str]:
    """`add_correction` on a themed review (its scale has no nej)."""
    found = add_correction(path, fields)
    text = path.read_text(encoding="utf-8").replace('svar: "nej"', 'svar: "lav grad"')
    if action is not None:
        text = text.replace(SECRET_ACTION, action)
    path.write_text(text, encoding="utf-8")
    return found


def test_a_finished_reviews_correction_counts_before_an_unfinished_ones(
    example_workspace: Path, cli: Cli
) -> None:
    """The first review of a pair is not finished; the second, finished, has a correction under
    the same question. The letter takes the finished one's (it takes finished reviews only),
    and so must påmind: it reminded of the unfinished one's, and said nothing once that was
    marked done, while the letter said the leader is reminded of the other."""
    all_done(cli)
    first, second = _pair()
    case, question, _ = _correct(first, 'frist: "2026-11-28"\nudført: "2026-11-29"')
    _correct(second, 'frist: "2026-11-25"')
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace('svar: "høj grad"', 'svar: ""', 1), encoding="utf-8")
    assert "delvist udfyldt" in cli("valider", str(first)).output
    out = cli("påmind", "--dato", "2026-11-30").output
    said = [x for x in out.splitlines() if x.startswith(f"  - {case}, {question}")]
    assert len(said) == 1 and "frist 25. november 2026" in said[0], out
    assert said[0].endswith("Leder: Lise Dahl Thøgersen.")
    report = cli(
        "rapport", "--periode", "2026-11", "--dato", "2026-11-30", "--format", "md", "-o", "-"
    )
    rows = [x for x in str(report.stdout).splitlines() if x.startswith("|") and case in x]
    assert len([x for x in rows if "25. november 2026" in x]) == 1, rows
    assert not [x for x in rows if "28. november 2026" in x], rows


def _letter(cli: Cli, worker: str) -> str:
    """The caseworker's letter for November, as Markdown."""
    args = ("--periode", "2026-11", "--dato", "2026-11-25", "--rådgiver", worker)
    written = cli("tilbagemelding", *args)
    assert written.exit_code == 0, written.output
    [path] = Path("tilbagemeldinger/2026-11").glob(f"{worker.replace(' ', '_')}-*.md")
    return path.read_text(encoding="utf-8")


def test_both_leaders_correction_under_one_question_is_one_in_the_report_and_the_letter(
    example_workspace: Path, cli: Cli
) -> None:
    """The leader report listed both leaders' corrections (4 in all where påmind and the
    letter had 3), and the second stayed overdue there after the first was marked done. A
    correction only the second leader asked for tells the caseworker to tell that leader
    (the letter named the first review's)."""
    all_done(cli)
    first, second = _pair()
    untouched = first.read_text(encoding="utf-8")
    *_, worker = _correct(first, 'frist: "2026-11-20"', action="Første leders")
    _correct(second, 'frist: "2026-11-21"', action="Anden leders")
    args = ("rapport", "--periode", "2026-11", "--dato", "2026-11-25", "--format", "md", "-o", "-")
    rows = [x for x in str(cli(*args).stdout).splitlines() if "leders" in x]
    assert len(rows) == 1 and "Første leders" in rows[0], rows
    letter = _letter(cli, worker)
    assert "Anden leders" not in letter and "Første leders" in letter
    first.write_text(untouched, encoding="utf-8")  # only the second leader asks for it
    letter = _letter(cli, worker)
    assert "Anden leders" in letter
    assert "giv Lise Dahl Thøgersen besked" in letter, letter
    # the answer and comment in its row are the first review's: the letter says whose it is
    row = next(x for x in letter.splitlines() if "Anden leders" in x)
    assert "bedt om ved den anden gennemgang af sagen (Lise Dahl Thøgersen)" in row, row
    rows = [x for x in str(cli(*args).stdout).splitlines() if "leders" in x]
    assert len(rows) == 1 and "Anden leders" in rows[0], rows


def test_an_edited_review_number_is_warned_of_and_the_manifests_place_counts(
    example_workspace: Path, cli: Cli
) -> None:
    """`gennemgang_nr: 1` in a pair's second file (or the line deleted) passed without a word,
    and the leaders' names then decided which review was first, and whose correction counted.
    G058 warns, and the file's place in udtræk.yaml counts."""
    all_done(cli)
    first, second = _pair("Anne Bech")  # before Karen Holm Madsen, who did the first
    case, question, _ = _correct(first, 'frist: "2026-11-20"')
    _correct(second, 'frist: "2026-11-21"')
    text = second.read_text(encoding="utf-8")
    assert "gennemgang_nr: 2\n" in text
    cases = [("gennemgang_nr: 1\n", "er 1"), ("", "mangler")]
    # there, but no number: not 'mangler' (the line is there)
    cases += [(f"gennemgang_nr: {v}\n", "er ikke et nummer (1, 2, …)") for v in ("-1", "2.0")]
    for edited, said in cases:
        second.write_text(text.replace("gennemgang_nr: 2\n", edited), encoding="utf-8")
        checked = cli("valider", str(second))
        assert checked.exit_code == 0, checked.output
        out = " ".join((checked.output + str(checked.stderr or "")).split())
        assert (
            f"advarsel G058: 'gennemgang_nr' {said}, men udtræk.yaml har filen som sagens " in out
        )
        assert "Tip: skriv 'gennemgang_nr: 2' øverst i filen." in out
        late = cli("påmind", "--altid", "--dato", "2026-11-25").output
        lines = [x for x in late.splitlines() if x.startswith(f"  - {case}, {question}")]
        assert len(lines) == 1 and "frist 20. november 2026" in lines[0], late
    lines = first.read_text(encoding="utf-8").splitlines()
    first.write_text("\n".join(["gennemgang_nr: 3", *lines]) + "\n", encoding="utf-8")
    out = " ".join(cli("valider", str(first)).output.split())
    assert (
        "G058: 'gennemgang_nr' er 3, men udtræk.yaml har filen som sagens gennemgang nr. 1" in out
    )
    assert "slet linjen 'gennemgang_nr' (den første gennemgang har ingen)." in out


TILTAG = """\
tiltag:
  - id: "partshøring"
    titel: "Partshøring før anbringelse"
    besluttet: "2026-05-20"
    ansvarlig: "Karen Holm Madsen"
    frist: "2026-11-28"
    status: "i gang"
    skabelon: "overordnet"
    mål:
      spørgsmål: [anbringelse-7]
    evaluer_efter_måneder: 6
  - id: "opgivet"
    titel: "Gammelt forsøg"
    besluttet: "2026-01-10"
    frist: "2026-11-26"
    status: "opgivet"
"""


def test_tiltag_deadlines_and_evaluations_are_reminded(example_workspace: Path, cli: Cli) -> None:
    all_done(cli)
    path = Path("tiltag.yaml")
    path.write_text(TILTAG, encoding="utf-8")
    assert not nothing_due_fast(["--dato", "2026-11-25"])
    out = cli("påmind", "--dato", "2026-11-25").output.splitlines()
    assert "Tiltag:" in out
    assert (
        "  - Partshøring før anbringelse (partshøring), ansvarlig Karen Holm Madsen: "
        "evaluering af effekten 20. november 2026 (5 dage for sent). Se 'Tiltag og effekt' i "
        "lederrapporten, og skriv evalueret: ÅÅÅÅ-MM-DD og jeres konklusion (fortsæt, justér "
        "eller stop) i tiltag.yaml, når I har vurderet den." in out
    )  # what to do, and how the reminder stops: the conclusion is the point of it
    assert (
        "  - Partshøring før anbringelse (partshøring), ansvarlig Karen Holm Madsen: "
        "frist 28. november 2026 (om 3 dage). Skriv status: gennemført (eller opgivet) i "
        "tiltag.yaml, når det er afgjort." in out
    )  # the deadline reminder says how it stops, too
    assert not any("Gammelt forsøg" in line for line in out)  # opgivet: no reminder
    done = TILTAG.replace('status: "i gang"', 'status: "gennemført"').replace(
        "evaluer_efter_måneder: 6", 'evaluer_efter_måneder: 6\n    evalueret: "2026-11-24"'
    )
    path.write_text(done, encoding="utf-8")
    assert cli("påmind", "--dato", "2026-11-25").output == ""
    assert nothing_due_fast(["--dato", "2026-11-25"])


def test_a_broken_tiltag_file_is_said_every_run_and_stops_no_other_reminder(
    example_workspace: Path, cli: Cli
) -> None:
    """cron mails what påmind prints: the mistake is said on each run (not a silent day), and
    the rest of the status still shows (before: exit 2 and no reminder at all)."""
    Path("tiltag.yaml").write_text(TILTAG.replace("i gang", "igang"), encoding="utf-8")
    assert not nothing_due_fast(["--dato", "2026-11-25"])
    for _ in range(2):
        result = cli("påmind", "--dato", "2026-11-25")
        assert result.exit_code == 0, result.output
        assert "tiltag.yaml:7:13: advarsel M003" in result.stderr
        assert "advarsel O016: tiltagenes frister og evalueringer er udeladt" in result.stderr
    status = cli("påmind", "--dato", "2026-11-25", "--altid")
    assert "Runder:" in status.stdout
    wheel = cli("årshjul", "2026")
    assert wheel.exit_code == 0 and "advarsel O016" in wheel.stderr

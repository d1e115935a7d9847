"""`rapport --modtager afdeling`: general findings for the department meeting, no one named."""

from __future__ import annotations

import re
import stat
from dataclasses import replace
from datetime import date
from pathlib import Path

from report_data import TEAMS, WORKERS

from conftest import ROOT, Cli
from ledelsestilsyn.core.cpr import mask_cpr
from ledelsestilsyn.core.periods import parse_period
from ledelsestilsyn.report.department import examples, small_teams
from ledelsestilsyn.report.records import ReviewRecord
from ledelsestilsyn.report.scrub import scrubber
from ledelsestilsyn.templates.catalog import Catalog

ARGS = ("rapport", "--periode", "2026-11", "--dato", "2026-11-30", "--modtager", "afdeling")
COMMENTS = ("Partshøring mangler", "Barnets perspektiv", "alert(1)", "010203")
REVIEWERS = ("Leder Lund", "Leder Juul")
CONSENTING = Path("udtræk/2026-11-månedligt-overordnet/S-2026-11-002.yaml")


def _department(cli: Cli, fmt: str) -> str:
    result = cli(*ARGS, "--format", fmt, "-o", "-")
    assert result.exit_code == 0, result.output
    return result.stdout


def _case_ids(root: Path) -> list[str]:
    return sorted({p.stem.split(".")[0] for p in root.glob("udtræk/*/S-*.yaml")})


def _allow_examples(root: Path) -> None:
    """The concept shows consented examples to the department."""
    concept = root / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    concept.write_text(
        text.replace("  tiltag: ja\n", "  tiltag: ja\n  afdeling_eksempler: med_samtykke\n", 1),
        encoding="utf-8",
    )


def _consenting_body(root: Path, *, allow: bool = True) -> str:
    """The consenting review's text with its caseworker's consent; examples are allowed
    first (unless they are already)."""
    if allow:
        _allow_examples(root)
    body = (root / CONSENTING).read_text(encoding="utf-8")
    return body.replace("\nsvar:\n", "\nsamtykke_til_eksempel: ja\nsvar:\n", 1)


def test_no_name_case_id_or_comment_without_consent(cli: Cli, rapport_ws: Path) -> None:
    for fmt in ("md", "html"):
        text = _department(cli, fmt)
        assert "Afdelingsmødet" in text and "Tiltag" in text
        for secret in (*WORKERS, *REVIEWERS, "Gert Dahl", *COMMENTS, *_case_ids(rapport_ws)):
            assert secret not in text, (fmt, secret)
        assert "Rapporten viser ingen kommentarer eller eksempler" in text
        assert "Pr. rådgiver" not in text and "Enighed mellem niveauerne" not in text


def test_a_team_with_fewer_than_three_caseworkers_shows_no_shares(
    cli: Cli, rapport_ws: Path
) -> None:
    """Every team here has two caseworkers (case % 6 and case % 3), so no team share. (No
    team has 5 cases, each case counted once though reviewed with both templates, so the
    committee's rules leave the team tables out as a whole; `small_teams` is checked on
    its own below.)"""
    text = _department(cli, "md")
    rows = [line for line in text.splitlines() if line.startswith(tuple(f"| {t} |" for t in TEAMS))]
    assert all("%" not in line for line in rows)
    assert "Tal pr. team vises ikke: der er for få sager pr. team, eller tallene" in text
    leader = cli("rapport", "--periode", "2026-11", "--format", "md", "-o", "-").stdout
    assert any(line.startswith("| Team Nord |") and "%" in line for line in leader.splitlines())


def test_examples_only_by_consent_without_case_id_or_names(cli: Cli, rapport_ws: Path) -> None:
    _allow_examples(rapport_ws)
    before = _department(cli, "md")
    assert "Eksempler fra sagerne (med" not in before  # allowed, but no one has agreed yet
    review = rapport_ws / CONSENTING
    body = _consenting_body(rapport_ws, allow=False)
    body = body.replace(
        "Se notat om barnet, cpr 010203-1234, og <script>alert(1)</script>.",
        "Talt med Bo Lind og Leder Lund; cpr 010203-1234.",
    ).replace("Partshøring mangler i journalen.", "Eget eksempel.")
    review.write_text(body, encoding="utf-8")
    for fmt in ("md", "html"):
        shown = _department(cli, fmt)
        assert "Eksempler fra sagerne (med rådgiverens samtykke)" in shown
        assert "Talt med [navn] og [navn]; cpr XXXXXX-XXXX." in shown
        assert "S-2026-11-002" not in shown
        assert "Eget eksempel." in shown
        assert "Partshøring mangler" not in shown  # said in the reviews without consent
        for secret in (*WORKERS, *REVIEWERS, "010203"):
            assert secret not in shown, (fmt, secret)


def test_an_example_names_no_one_responsible_for_a_correction(cli: Cli, rapport_ws: Path) -> None:
    """A correction put on a local lawyer ('ansvarlig: Lokaljurist Per Berg'), whom no other
    file names: a consented example saying 'Drøftet med Per Berg' showed her name."""
    review = rapport_ws / CONSENTING
    body = _consenting_body(rapport_ws)
    old = "Se notat om barnet, cpr 010203-1234, og <script>alert(1)</script>."
    line = next(x for x in body.splitlines() if old in x)
    correction = (
        "\n      rettelse:\n        handling: 'partshøring'\n"
        "        ansvarlig: 'Lokaljurist Per Berg'\n        frist: '2026-12-15'"
    )
    body = body.replace(line, line.replace(old, "Drøftet med Per Berg.") + correction)
    body = body.replace("Partshøring mangler i journalen.", "Eget eksempel.")
    review.write_text(body, encoding="utf-8")
    for fmt in ("md", "html"):
        shown = _department(cli, fmt)
        assert "Drøftet med [navn]." in shown  # one person: one [navn]
        assert not re.search(r"\bPer\b|Berg", shown), fmt


def test_the_note_on_examples_is_in_the_introduction_not_under_tiltag(
    cli: Cli, rapport_ws: Path
) -> None:
    """The note on which examples the report shows stood last in 'Tiltag', where it read as
    a note on the tiltag; it belongs with the report's other notes at the top."""
    for fmt in ("md", "html"):
        text = _department(cli, fmt)
        note = "Rapporten viser ingen kommentarer eller eksempler fra sagerne"
        assert text.count(note) == 1, fmt
        assert text.index(note) < text.index("Overblik"), fmt


def test_caseworker_figures_and_bad_consent_are_refused(cli: Cli, rapport_ws: Path) -> None:
    refused = cli(*ARGS, "--rådgivere", "--format", "md", "-o", "-")
    assert refused.exit_code == 2 and "afdelingens rapport" in refused.output
    review = rapport_ws / CONSENTING
    body = review.read_text(encoding="utf-8").replace(
        "\nsvar:\n", "\nsamtykke_til_eksempel: måske\nsvar:\n", 1
    )
    review.write_text(body, encoding="utf-8")
    checked = cli("valider", str(CONSENTING), "--dato", "2026-11-30")
    assert checked.exit_code == 1
    line = body.split("\n").index("samtykke_til_eksempel: måske") + 1
    assert (
        f"S-2026-11-002.yaml:{line}:" in checked.output
        and "samtykke_til_eksempel" in checked.output
    )


def test_department_file_is_private(cli: Cli, rapport_ws: Path) -> None:
    result = cli(*ARGS)
    assert result.exit_code == 0, result.output
    path = rapport_ws / "rapporter" / "2026-11-afdeling.html"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def _record(case: str, consent: bool, comment: str, worker: str) -> ReviewRecord:
    return ReviewRecord(
        series="m",
        template=OVERORDNET.ref,
        period="2026-11",
        period_start=date(2026, 11, 1),
        case_id=case,
        caseworker=worker,
        team="Team Nord",
        answers={("underretning", "underretning-1"): ("nej", comment)},
        consent=consent,
    )


OVERORDNET = Catalog.load(None).resolve("overordnet")


def all_shown(key: tuple[str, ...]) -> int | None:
    """A leader's view of the counts: every one shown, so no example is held back."""
    return None


def test_examples_and_small_teams_without_files() -> None:
    records = [
        _record("S-1", True, "Mangler; spurgt Eva Munk.", "Anna Holm"),
        _record("S-2", False, "Hemmeligt.", "Eva Munk"),
    ]
    period = parse_period("2026-11")
    templates = {OVERORDNET.ref: OVERORDNET}
    found = examples(
        records, templates, period, allowed=True, names=[], mask=mask_cpr, floor=all_shown, order=()
    )
    assert [e.text for e in found[OVERORDNET.ref]] == ["Mangler; spurgt [navn]."]
    assert (
        examples(
            records,
            templates,
            period,
            allowed=False,
            names=[],
            mask=mask_cpr,
            floor=all_shown,
            order=(),
        )
        == {}
    )
    assert small_teams(records, period) == {OVERORDNET.ref: {"Team Nord"}}


def _consented_examples(records: list[ReviewRecord]) -> list[str]:
    """The department's examples from `records` in 2026-11, every count shown."""
    found = examples(
        records,
        {OVERORDNET.ref: OVERORDNET},
        parse_period("2026-11"),
        allowed=True,
        names=[],
        mask=mask_cpr,
        floor=all_shown,
        order=(),
    )
    return [e.text for e in found.get(OVERORDNET.ref, [])]


def test_no_case_gives_more_than_two_examples() -> None:
    """Five comments from one consenting case would tell that child's story to a department
    that knows its cases; a second case still gives its own."""
    questions = [q.id for q in OVERORDNET.steps[0].questions][:5]
    step = OVERORDNET.steps[0].id
    one = replace(
        _record("S-1", True, "", "Anna Holm"),
        answers={(step, q): ("nej", f"Mangler punkt {n}.") for n, q in enumerate(questions)},
    )
    other = _record("S-2", True, "Mangler i den anden sag.", "Eva Munk")
    texts = _consented_examples([one, other])
    assert sum(t.startswith("Mangler punkt") for t in texts) == 2, texts
    assert "Mangler i den anden sag." in texts


def _team_record(template_ref: str, number: int, team: str, worker: str) -> ReviewRecord:
    template = Catalog.load(None).resolve(template_ref)
    answers = {
        (s.id, q.id): ("høj grad" if number % 2 else "lav grad", "")
        for s in template.steps
        if s.id in ("støttende-indsatser", "intentioner")
        for q in s.questions
    }
    return ReviewRecord(
        series="tematiseret",
        template=template_ref,
        period="2026-11",
        period_start=date(2026, 11, 1),
        case_id=f"S-{number}",
        caseworker=worker,
        team=team,
        answers=answers,
    )


def test_a_small_team_shows_no_share_in_any_block() -> None:
    """Team Nord has 6 cases by only 2 caseworkers: no share of it reaches the department,
    not in the steps, the total, nor the blocks across the case (the intentions)."""
    from ledelsestilsyn.report.build import Settings, build_report
    from ledelsestilsyn.report.view import report_view

    ref = "tematiseret@2025.1"
    staff = {"Team Nord": ("A", "B"), "Team Syd": ("C", "D", "E"), "Team Vest": ("F", "G", "H")}
    records = [
        _team_record(ref, n * 10 + i, team, workers[i % len(workers)])
        for n, (team, workers) in enumerate(staff.items())
        for i in range(6)
    ]
    period = parse_period("2026-11")
    templates = {ref: Catalog.load(None).resolve(ref)}
    report = build_report(records, templates, period, Settings(), mask=mask_cpr, tidy=True)
    view = report_view(
        report,
        municipality="K",
        audience="afdeling",
        today=date(2026, 11, 30),
        charts=False,
        withheld_teams=small_teams(records, period),
    )
    [section] = view.sections
    rows = {g.name: g for g in section.teams}
    assert set(rows) == set(staff)
    nord = rows["Team Nord"]
    assert nord.across and all(c.value is None for c in [*nord.shares, nord.total, *nord.across])
    assert any(c.value is not None for c in [*rows["Team Syd"].shares, *rows["Team Syd"].across])


def test_a_name_written_without_danish_letters_is_a_name_too() -> None:
    """A keyboard or a mail without æ, ø and å: 'Louise Aagaard', 'Soren Kjaergaard' and
    'Brondum' stood in the department's report and the letters as written, next to the
    [navn] of the part that was spelt as in the export."""
    scrub = scrubber(["Louise Ågaard", "Søren Kjærgaard", "Ole Brøndum"], mask_cpr, "[navn]")
    text = "Louise Aagaard, Agaard, Soren Kjaergaard, SOEREN KJÆRGAARD; Brondums og Broendum."
    assert scrub(text) == "[navn], [navn], [navn], [navn]; [navn]s og [navn]."
    assert scrub("Bo bor i Aarhus; Søren Kierkegaard.") == "Bo bor i Aarhus; [navn] Kierkegaard."
    reverse = scrubber(["Louise Aagaard"], mask_cpr, "[navn]")
    assert reverse("Louise Ågaard og Ågaard.") == "[navn] og [navn]."


def test_a_name_the_export_writes_surname_first_is_a_name_in_either_order() -> None:
    """Some case systems export 'Kjær, Søren'. A comment writes 'Søren Kjær' or 'Kjær': the
    surname stood in the department's report and colleagues' letters ('[navn] Kjær'),
    because the comma stayed on it ('Kjær,') and the natural order was never looked for."""
    scrub = scrubber(["Kjær, Søren", "Hansen,Mette"], mask_cpr, "[navn]")
    text = "Drøftet med Søren Kjær; Kjær og Kjaers notat, Kjær, Søren. Mette Hansen, Hansen."
    assert scrub(text) == "Drøftet med [navn]; [navn] og [navn]s notat, [navn]. [navn], [navn]."
    own = scrubber(["Kjær, Søren", "Ali Yilmaz"], mask_cpr, "[navn]", keep=["Kjær, Søren"])
    assert own("Søren og Ali Yilmaz; Kjær.") == "Søren og [navn]; Kjær."


def test_one_person_named_in_parts_is_one_name() -> None:
    """'Per Berg' is known only as part of 'Lokaljurist Per Berg': each part became [navn],
    which read as two people ('[navn] [navn]')."""
    scrub = scrubber(["Lokaljurist Per Berg", "Eva Munk"], mask_cpr, "[navn]")
    assert scrub("Drøftet med Per Berg og Eva.") == "Drøftet med [navn] og [navn]."


def test_a_first_name_or_surname_alone_is_a_name_too() -> None:
    """A comment says "spurgt Eva", not "spurgt Eva Munk": the department knows who Eva is.
    A part of a name counts as written with a capital and as a whole word (the verb "bo"
    and "Evaluering" stay), possessive s kept."""
    comment = "Spurgt Eva; Munks notat mangler. Evaluering: barnet skal bo hos mor."
    records = [
        _record("S-1", True, comment, "Anna Holm"),
        _record("S-2", False, "Hemmeligt.", "Eva Munk"),
    ]
    assert _consented_examples(records) == [
        "Spurgt [navn]; [navn]s notat mangler. Evaluering: barnet skal bo hos mor."
    ]


def test_a_case_number_typed_in_a_text_reaches_neither_department_nor_committee(
    cli: Cli, rapport_ws: Path
) -> None:
    """A consented example ('Se også S-2026-11-005'), a tiltag's title and its conclusion are
    typed by leaders, and a case number in them stood in the department's report and (the
    title) in the committee's, whose agendas are published: only an id was made neutral.
    Now a case number the workspace knows, or one written like it (another case in the
    export, 's-2026-11-999'), stands as [sag]; the leader's report keeps it."""
    review = rapport_ws / CONSENTING
    body = _consenting_body(rapport_ws)
    body = body.replace(
        "Se notat om barnet, cpr 010203-1234, og <script>alert(1)</script>.",
        "Se også S-2026-11-005 og sag s-2026-11-999 fra 2026-11-20.",
    )
    review.write_text(body, encoding="utf-8")
    (rapport_ws / "tiltag.yaml").write_text(
        "tiltag:\n"
        '  - id: "vurdering"\n'
        '    titel: "Lær af S-2026-11-002"\n'
        '    besluttet: "2026-10-15"\n'
        '    status: "i gang"\n'
        '    skabelon: "overordnet"\n'
        '    evalueret: "2026-11-20"\n'
        '    konklusion: "Fortsæt; se S 2026 11 003."\n'
        "    mål:\n"
        "      spørgsmål: [underretning-1]\n",
        encoding="utf-8",
    )
    cases = (*_case_ids(rapport_ws), "S-2026-11-999", "S 2026 11 003")
    for audience in ("afdeling", "udvalg"):
        for fmt in ("md", "html"):
            result = cli(*ARGS[:-1], audience, "--format", fmt, "-o", "-")
            assert result.exit_code == 0, result.output
            shown = result.stdout
            assert "Lær af [sag]" in shown, (audience, fmt)
            for case in cases:
                assert case.casefold() not in shown.casefold(), (audience, fmt, case)
            if audience == "afdeling":
                assert "Se også [sag] og sag [sag] fra 2026-11-20." in shown, fmt
                assert "Fortsæt; se [sag]." in shown, fmt
    assert (
        "Lær af S-2026-11-002"
        in cli(
            "rapport", "--periode", "2026-11", "--dato", "2026-11-30", "--format", "md", "-o", "-"
        ).stdout
    )


def test_a_name_written_in_capitals_is_a_name_too() -> None:
    """A tiltag's title 'Sager hos RØNNOW og MAJA' went to the committee as it stood: a part of
    a name counted only written with a capital first letter. Now also in capitals (three
    letters or more: 'BO' may be an abbreviation); lower case stays ('bo' is a verb)."""
    scrub = scrubber(["Maja Rønnow", "Bo Lind", "Søren Kjær"], mask_cpr, "[navn]")
    text = "Sager hos RØNNOW og MAJA, LINDS og SOREN; BO og bo; HOLM."
    assert scrub(text) == "Sager hos [navn] og [navn], [navn]S og [navn]; BO og bo; HOLM."


def test_the_readers_own_name_is_never_taken_for_a_colleagues() -> None:
    """Anna Holm Jensen's letter, with a colleague Anna Holm in the workspace, said 'en
    kollega Jensen har skrevet notatet' where the comment named the reader herself. A name
    the reader keeps is now matched before a shorter colleague's inside it."""
    for colleague, reader in (
        ("Anna Holm", "Anna Holm Jensen"),
        ("Holm, Anna", "Holm Jensen, Anna"),
    ):
        scrub = scrubber([colleague], mask_cpr, "en kollega", keep=[reader])
        text = "Anna Holm Jensens notat; ANNA HOLM JENSEN skrev; Anna Holm overtog."
        assert scrub(text) == "Anna Holm Jensens notat; ANNA HOLM JENSEN skrev; en kollega overtog."


def test_a_hyphenated_name_written_with_a_space_is_the_name() -> None:
    """'Anne-Sofie Lærkesen' written 'Anne Sofie' (or 'Anne Sofie Lærkesen', 'Hans‑Henrik'
    with a non-breaking hyphen): only the surname was replaced, the first name stood in a
    colleague's letter (found by a probe)."""
    scrub = scrubber(["Anne-Sofie Lærkesen", "Hans-Henrik Bech"], mask_cpr, "[navn]")
    text = "Anne Sofie Lærkesen overtog; Anne Sofie ringede, Anne-Sofie og Hans\u2011Henrik."
    assert scrub(text) == "[navn] overtog; [navn] ringede, [navn] og [navn]."
    assert scrub("Anne og Sofie er to andre.") == "Anne og Sofie er to andre."


def test_an_address_the_concept_gives_someone_is_masked_as_the_name() -> None:
    """An address names its person as the name does (found by a probe: a colleague's address
    from `formidling: rådgivere` went out in a letter)."""
    from ledelsestilsyn.report.scrub import address_masker

    mask = address_masker(["lind.bo@kommune.dk", ""], mask_cpr, "[navn]")
    text = "Drøftet med LIND.BO@kommune.dk; ikke xlind.bo@kommune.dk eller lind.bo@kommune.dk.org"
    assert mask(text) == (
        "Drøftet med [navn]; ikke xlind.bo@kommune.dk eller lind.bo@kommune.dk.org"
    )
    assert address_masker([], mask_cpr, "[navn]")("010203-1234") == "XXXXXX-XXXX"


def test_a_name_or_a_case_number_in_a_local_template_or_the_municipality_goes_no_further(
    cli: Cli, filled_example: Path
) -> None:
    """Found by a probe: a caseworker's name and a case number typed into a local template's
    step title and question, or into `kommune`, reached the committee's and the department's
    reports (only comments and tiltag were scrubbed). The leaders' report shows the template
    as written."""
    manifest = (
        filled_example / "udtræk" / "2026-11-månedligt-overordnet" / "udtræk.yaml"
    ).read_text(encoding="utf-8")
    worker = re.search(r"rådgiver: (.+)", manifest)[1].strip()  # type: ignore[index]
    case = re.search(r"- id: (\S+)", manifest)[1]  # type: ignore[index]
    typed = f"({worker}, {case})"
    shipped = (ROOT / "skabeloner" / "overordnet-2025.1.yaml").read_text(encoding="utf-8")
    local = shipped.replace('titel: "Underretning"', f'titel: "Underretning {typed}"')
    local = local.replace("journaliseret med dato for modtagelsen?", f"journaliseret {typed}?")
    # a title in front of a reviewer's name is no name in a template's text (probe U)
    local = local.replace('titel: "Screening"', 'titel: "Faglig screening"')
    reviews = sorted((filled_example / "udtræk" / "2026-11-månedligt-overordnet").glob("S-*"))
    first = reviews[0].read_text(encoding="utf-8")
    reviews[0].write_text(first.replace("Jakob Bæk", "Faglig leder Jakob Bæk"), encoding="utf-8")
    (filled_example / "skabeloner").mkdir(exist_ok=True)
    (filled_example / "skabeloner" / "overordnet-2025.1.yaml").write_text(local, encoding="utf-8")
    concept = filled_example / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    concept.write_text(text.replace('"Eksempelby Kommune"', f'"Eksempelby Kommune {typed}"'))
    for audience in ("udvalg", "afdeling"):
        result = cli("rapport", "--dato", "2026-11-30", "--periode", "2026-11", "--modtager",
                     audience, "--format", "md", "-o", "-")  # fmt: skip
        assert result.exit_code == 0, result.output
        assert "Underretning ([navn], [sag])" in result.stdout, audience
        assert "Eksempelby Kommune ([navn], [sag])" in result.stdout, audience
        assert worker not in result.stdout and case not in result.stdout, audience
        assert "Faglig screening" in result.stdout, audience
    leader = cli("rapport", "--dato", "2026-11-30", "--periode", "2026-11", "--format", "md",
                 "-o", "-")  # fmt: skip
    assert f"Underretning {typed}" in leader.stdout

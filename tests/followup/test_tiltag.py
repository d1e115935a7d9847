"""`tiltag.yaml` and `tilsyn tiltag`: located Danish errors, listing, appending untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli, edit_concept
from ledelsestilsyn.followup.tiltag import evaluation_date, load_tiltag
from ledelsestilsyn.models.tiltag import Tiltag
from ledelsestilsyn.workspace.open import open_workspace

GOOD = """\
tiltag:
  # Besluttet på ledermødet.
  - id: "partshøring"
    titel: "Partshøring før anbringelse"
    besluttet: "2026-06-15"
    ansvarlig: "Karen Holm Madsen"
    frist: "2026-09-30"
    status: "i gang"
    mål:
      spørgsmål: [anbringelse-7]
      sagsskridt: [opfølgning]
      pejlemærker: []
    evaluer_efter_måneder: 6
    skabelon: "overordnet"
"""

# `tiltag ny` for the overordnet template (anbringelse-7 is also a tematiseret question).
NEW = ("tiltag", "ny", "--skabelon", "overordnet", "--spørgsmål")


@pytest.fixture(autouse=True)
def _inside(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workspace)


def write(root: Path, text: str) -> Path:
    path = root / "tiltag.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_tjek_finds_a_mistake_in_tiltag_yaml_and_suggests_the_choice(
    workspace: Path, cli: Cli
) -> None:
    """rapport, årshjul and påmind read tiltag.yaml too; tjek must not pass it by."""
    path = write(workspace, GOOD.replace('status: "i gang"', 'status: "igang"'))
    result = cli("tjek")
    assert result.exit_code == 1, result.output
    line = path.read_text(encoding="utf-8").splitlines().index('    status: "igang"') + 1
    assert f"tiltag.yaml:{line}:13: fejl M003: 'status': skal være en af: planlagt, i gang" in (
        result.output
    )
    assert "Tip: mente du 'i gang'?" in result.output


def test_a_status_written_with_capitals_or_spaces_is_read(workspace: Path, cli: Cli) -> None:
    """Probe AX, L2: `status: "Gennemført"` made tiltag.yaml invalid, and every tiltag left
    the report and `påmind`; a review reads `Ja` as `ja`."""
    write(workspace, GOOD.replace('status: "i gang"', 'status: " I  Gang "'))
    result = cli("tjek")
    assert result.exit_code == 0, result.output
    listed = cli("tiltag", "--dato", "2026-11-25")
    assert listed.exit_code == 0 and "status: i gang" in listed.stdout, listed.output


def test_no_file_is_no_tiltag(workspace: Path) -> None:
    assert load_tiltag(open_workspace(workspace)) == []


def test_a_good_file_loads_with_its_evaluation_date(workspace: Path) -> None:
    write(workspace, GOOD)
    [tiltag] = load_tiltag(open_workspace(workspace))
    assert tiltag.status == "i gang" and tiltag.targets.questions == ["anbringelse-7"]
    assert str(evaluation_date(tiltag)) == "2026-12-15"
    end_of_month = Tiltag.model_validate(
        {"id": "x", "titel": "x", "besluttet": "2026-08-31", "evaluer_efter_måneder": "6"}
    )
    assert str(evaluation_date(end_of_month)) == "2027-02-28"


@pytest.mark.parametrize(
    ("old", "new", "where", "words"),
    [
        ('status: "i gang"', 'status: "igang"', "8:13", "M003: 'status': skal være en af"),
        ('besluttet: "2026-06-15"', 'besluttet: "2026-06-31"', "5:16", "gyldig dato"),
        ("[anbringelse-7]", "[anbringelse-77]", "10:19", "O002: spørgsmålet 'anbringelse-77'"),
        # two ids with a comma, not a list: the tip gives both, as a list (found by a probe)
        (
            "[anbringelse-7]",
            "anbringelse-7, anbringelse-8",
            "10:18",
            "Tip: skriv flere som en liste: spørgsmål: [anbringelse-7, anbringelse-8].",
        ),
        ("[opfølgning]", "[opfølging]", "11:20", "mente du 'opfølgning'?"),
        # a name typed as a target is not quoted: its length says where (found by a probe)
        ("[anbringelse-7]", "[Zlatan Karimi]", "10:19", "spørgsmålet (en tekst på 13 tegn)"),
        ("[opfølgning]", "[Karimi]", "11:20", "sagsskridtet (en tekst på 6 tegn) findes"),
        ("pejlemærker: []", "pejlemærker: [indragelse]", "12:21", "pejlemærket 'indragelse'"),
        ("    titel", "    titlen", "4:5", "mente du 'titel'?"),
    ],
)
def test_bad_input_is_a_located_danish_error(
    workspace: Path, cli: Cli, old: str, new: str, where: str, words: str
) -> None:
    assert old in GOOD
    write(workspace, GOOD.replace(old, new, 1))
    result = cli("tiltag")
    assert result.exit_code == 1
    assert f"tiltag.yaml:{where}: fejl" in result.stderr and words in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_a_date_written_the_danish_way_gets_the_same_day_as_a_hint(
    workspace: Path, cli: Cli
) -> None:
    """As `valider` does for a correction's frist (G050): '30-09-2026' is told '2026-09-30'."""
    write(workspace, GOOD.replace('frist: "2026-09-30"', 'frist: "30-09-2026"'))
    result = cli("tiltag")
    assert result.exit_code == 1
    assert "tiltag.yaml:7:12: fejl M003: 'frist': skal være en gyldig dato" in result.stderr
    assert "Tip: skriv datoen som ÅÅÅÅ-MM-DD: 2026-09-30." in result.stderr


@pytest.mark.parametrize(
    ("written", "hint"), [("20260930", ""), ("2026-09-30T10:00", " uden klokkeslæt")]
)
def test_a_date_with_a_time_or_without_dashes_is_said_with_a_hint(
    workspace: Path, cli: Cli, written: str, hint: str
) -> None:
    """pydantic reads both as a moment, not a day; that gave 'ugyldig værdi' and no hint.
    The hint is the day itself (it gave an example day, found by a probe)."""
    write(workspace, GOOD.replace('frist: "2026-09-30"', f'frist: "{written}"'))
    result = cli("tiltag")
    assert result.exit_code == 1
    assert "tiltag.yaml:7:12: fejl M003: 'frist': skal være en dato skrevet ÅÅÅÅ-MM-DD, uden " in (
        result.stderr
    )
    assert f"Tip: skriv datoen som ÅÅÅÅ-MM-DD{hint}: 2026-09-30." in result.stderr
    assert "ugyldig værdi" not in result.stderr


def test_a_duplicate_id_names_the_first_line(workspace: Path, cli: Cli) -> None:
    write(workspace, GOOD + GOOD.removeprefix("tiltag:\n"))
    result = cli("tiltag")
    assert result.exit_code == 1
    assert "tiltag.yaml:16:9: fejl O001: tiltaget 'partshøring' findes allerede (linje 3)" in (
        result.stderr
    )


def test_the_list_shows_status_deadline_evaluation_and_targets(workspace: Path, cli: Cli) -> None:
    write(workspace, GOOD)
    result = cli("tiltag", "--dato", "2026-11-25")
    assert result.exit_code == 0
    for text in ("partshøring", "i gang", "2026-09-30 (overskredet)", "evaluering: 2026-12-15"):
        assert text in result.stdout
    write(
        workspace,
        GOOD.replace("    evaluer_efter", '    evalueret: "2026-11-20"\n    evaluer_efter'),
    )
    done = cli("tiltag", "--dato", "2026-11-25")
    assert "evalueret 2026-11-20" in done.stdout and "evaluering:" not in done.stdout
    empty = workspace / "tiltag.yaml"
    empty.unlink()
    # the example concept uses two templates: the hint names one (probe AX, L6)
    assert cli("tiltag").stdout == (
        "Ingen tiltag endnu. Opret et med: tilsyn tiltag ny --spørgsmål <id> "
        '--skabelon overordnet --titel "…"\n'
    )


def test_the_list_shows_a_name_nobody_knows_in_a_title_or_conclusion_as_a_name(
    workspace: Path, cli: Cli
) -> None:
    """A probe (6 December 2026): the reports, `påmind` and the letters show a child's name
    in a tiltag's title as `[navn]`, but `tilsyn tiltag` printed it as written. The one
    responsible, a colleague, stays named."""
    write(
        workspace,
        GOOD.replace("Partshøring før anbringelse", "Sagen om Zlatan Karimi").replace(
            "    evaluer_efter",
            '    konklusion: "Emil Karimi har det bedre; drøftet med Karen Holm Madsen"\n'
            "    evaluer_efter",
        ),
    )
    result = cli("tiltag", "--dato", "2026-11-25")
    assert result.exit_code == 0, result.output
    assert "partshøring · Sagen om [navn]" in result.stdout
    assert "konklusion: [navn] har det bedre; drøftet med Karen Holm Madsen" in result.stdout
    assert "ansvarlig: Karen Holm Madsen" in result.stdout
    assert "Karimi" not in result.output


def test_new_appends_a_commented_entry_and_keeps_the_others_byte_for_byte(
    workspace: Path, cli: Cli
) -> None:
    path = write(workspace, GOOD)
    result = cli(*NEW, "anbringelse-7", "--dato", "2026-11-25")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith(GOOD)
    assert "  # Oprettet 2026-11-25 med 'tilsyn tiltag ny' fra fundet på:" in text
    assert '  - id: "tiltag-2"' in text
    [first, second] = load_tiltag(open_workspace(workspace))
    assert first.id == "partshøring" and second.targets.questions == ["anbringelse-7"]
    assert str(second.decided) == "2026-11-25" and second.status == "planlagt"


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644])
def test_new_keeps_the_files_own_access(workspace: Path, cli: Cli, mode: int) -> None:
    """A tiltag.yaml the leader made private (chmod 600: its conclusions name caseworkers)
    became readable for everyone (0644) when 'tiltag ny' added an entry."""
    path = write(workspace, GOOD)
    path.chmod(mode)
    assert cli(*NEW, "anbringelse-7", "--dato", "2026-11-25").exit_code == 0
    assert path.stat().st_mode & 0o777 == mode
    path.unlink()
    assert cli(*NEW, "anbringelse-7", "--dato", "2026-11-25").exit_code == 0
    assert path.stat().st_mode & 0o777 == 0o600  # a new file is private (found by probe Y)


def test_new_quotes_the_question_as_the_concepts_series_ask_it(workspace: Path, cli: Cli) -> None:
    """underretning-1 reads differently in overordnet 2024.1 and 2025.1; the concept's series
    use the newest: the comment quotes that wording, not the oldest version's."""
    ws = open_workspace(workspace)
    template = next(
        t
        for t in (ws.catalog.resolve(s.template) for s in ws.concept.series.values())
        if t.id == "overordnet"
    )
    texts = {
        ref: next(
            q.text
            for st in ws.catalog.resolve(ref).steps
            for q in st.questions
            if q.id == "underretning-1"
        )
        for ref in ("overordnet@2024.1", template.ref)
    }
    assert template.ref != "overordnet@2024.1" and len(set(texts.values())) == 2
    assert cli(*NEW, "underretning-1", "--dato", "2026-11-25").exit_code == 0
    comment = " ".join(
        line.removeprefix("  #   ").strip()
        for line in (workspace / "tiltag.yaml").read_text(encoding="utf-8").splitlines()
        if line.startswith("  #   ")
    )
    assert comment == f"underretning-1: {texts[template.ref]}"


@pytest.mark.parametrize("typed", ["Emil Sørensen", "Emil"])
def test_an_unknown_question_that_is_a_name_is_not_quoted(
    workspace: Path, cli: Cli, typed: str
) -> None:
    """A name typed where a question id belongs is given by its length, not quoted."""
    result = cli(*NEW, typed)
    assert result.exit_code == 2
    assert "--spørgsmål: fejl O011: spørgsmålet (en tekst på" in result.stderr, result.stderr
    assert "Emil" not in result.stderr


def test_new_creates_the_file_and_refuses_unknown_questions(workspace: Path, cli: Cli) -> None:
    result = cli(*NEW, "anbringelse-77")
    assert result.exit_code == 2
    assert "--spørgsmål: fejl O011" in result.stderr and "mente du 'anbringelse-7'?" in (
        result.stderr
    )
    assert not (workspace / "tiltag.yaml").exists()
    ok = cli(*NEW, "underretning-1", "--titel", "Hurtig vurdering")
    assert ok.exit_code == 0
    [tiltag] = load_tiltag(open_workspace(workspace))
    assert (tiltag.id, tiltag.title) == ("tiltag-1", "Hurtig vurdering")


def test_new_refuses_to_append_to_a_flow_list(workspace: Path, cli: Cli) -> None:
    """A list written `[...]` cannot take an entry at its end (an empty one, `tiltag: []`,
    is taken as `tiltag:`)."""
    flow = (
        'tiltag: [{id: "a", titel: "A", besluttet: "2026-06-15", mål: {sagsskridt: [screening]}}]\n'
    )
    path = write(workspace, flow)
    assert cli("tiltag").exit_code == 0
    result = cli(*NEW, "underretning-1")
    assert result.exit_code == 1 and "O012" in result.stderr
    assert path.read_text(encoding="utf-8") == flow


def test_new_names_the_deadline_flag_and_asks_only_for_what_is_missing(
    workspace: Path, cli: Cli
) -> None:
    bad = cli(*NEW, "anbringelse-7", "--frist", "31-01-2027")
    assert bad.exit_code == 2 and "--frist: fejl P002" in bad.stderr
    assert "--dato" not in bad.stderr and not (workspace / "tiltag.yaml").exists()
    dated = cli(*NEW, "anbringelse-7", "--frist", "2027-01-31")
    assert dated.exit_code == 0 and dated.stdout.rstrip().endswith("beskrivelse og ansvarlig.")
    full = ["--frist", "2027-01-31", "--ansvarlig", "Karen"]
    assert (
        cli(*NEW, "anbringelse-7", *full)
        .stdout.rstrip()
        .endswith("er føjet til tiltag.yaml. Udfyld beskrivelse.")
    )
    bare = cli(*NEW, "anbringelse-7")
    assert bare.stdout.rstrip().endswith("Udfyld beskrivelse, ansvarlig og frist.")


def test_new_writes_a_title_with_odd_characters_so_the_file_reads_back(
    workspace: Path, cli: Cli
) -> None:
    """A title or a name pasted from another program may hold DEL, a C1 character or a
    line separator. JSON leaves those raw, and the file was then unreadable (Y003)."""
    title, who = "Hurtig\x7f vurdering\x85 \u2028i\tteamet", "Karen\x9d Holm"
    result = cli(*NEW, "underretning-1", "--titel", title, "--ansvarlig", who)
    assert result.exit_code == 0, result.output
    [tiltag] = load_tiltag(open_workspace(workspace))
    assert (tiltag.title, tiltag.responsible) == (title, who)
    assert cli("tiltag").exit_code == 0


@pytest.mark.parametrize("title", ["", "   "])
def test_new_refuses_a_blank_title(workspace: Path, cli: Cli, title: str) -> None:
    result = cli(*NEW, "anbringelse-7", "--titel", title)
    assert result.exit_code == 2 and "--titel: fejl O013" in result.stderr
    assert "titlen er tom" in result.stderr and not (workspace / "tiltag.yaml").exists()


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "overordnet@2024.1",
            "fejl O004: et tiltag gælder skabelonen 'overordnet' i alle dens versioner, så den "
            'skrives uden version. Tip: skriv skabelon: "overordnet".',
        ),
        ("Emil", "fejl O004: skabelonen (en tekst på 4 tegn) findes ikke i arbejdsmappen."),
    ],
)
def test_a_template_with_a_version_or_a_name_is_said_as_it_is(
    workspace: Path, cli: Cli, written: str, said: str
) -> None:
    """Before: "skabelonen 'overordnet@2024.1' findes ikke … mente du 'overordnet'?" of a
    template that exists, and a name typed there was quoted."""
    write(workspace, GOOD.replace('skabelon: "overordnet"', f'skabelon: "{written}"'))
    result = cli("tiltag")
    assert result.exit_code == 1
    assert said in " ".join(result.stderr.split()), result.stderr


def test_a_question_in_two_templates_must_name_its_template(workspace: Path, cli: Cli) -> None:
    write(workspace, GOOD.replace('    skabelon: "overordnet"\n', ""))
    result = cli("tiltag")
    assert result.exit_code == 1 and "tiltag.yaml:10:19: fejl O003" in result.stderr
    assert "'anbringelse-7' findes i flere skabeloner: overordnet og tematiseret." in (
        result.stderr
    )
    assert "Tip: skriv, hvilken skabelon tiltaget gælder, fx skabelon: overordnet." in (
        result.stderr
    )
    write(workspace, GOOD.replace('skabelon: "overordnet"', 'skabelon: "overordnt"'))
    unknown = cli("tiltag")
    assert unknown.exit_code == 1 and "fejl O004: skabelonen 'overordnt' findes ikke" in (
        unknown.stderr
    )
    assert "mente du 'overordnet'?" in unknown.stderr
    write(workspace, GOOD.replace("[anbringelse-7]", "[intentioner-1]"))
    elsewhere = cli("tiltag")
    assert "fejl O002: spørgsmålet 'intentioner-1' findes ikke i skabelonen 'overordnet'." in (
        elsewhere.stderr
    )


def test_a_pejlemaerke_the_template_does_not_use_is_an_error(workspace: Path, cli: Cli) -> None:
    """Only tematiseret's questions carry a pejlemærke: a tiltag for overordnet aimed at
    'inddragelse' could never be measured, and the report would wait for it for ever."""
    path = write(workspace, GOOD.replace("pejlemærker: []", "pejlemærker: [inddragelse]"))
    result = cli("tjek")
    assert result.exit_code == 1, result.output
    line = path.read_text(encoding="utf-8").splitlines().index("      pejlemærker: [inddragelse]")
    assert (
        f"tiltag.yaml:{line + 1}:21: fejl O002: pejlemærket 'inddragelse' findes ikke i "
        "skabelonen 'overordnet'."
    ) in result.output
    assert "Tip: skabelonen 'overordnet' har ingen pejlemærker; de findes i tematiseret." in (
        result.output
    )
    themed = GOOD.replace("pejlemærker: []", "pejlemærker: [inddragelse]")
    themed = themed.replace('skabelon: "overordnet"', 'skabelon: "tematiseret"')
    write(workspace, themed.replace("[anbringelse-7]", "[]"))
    listed = cli("tiltag")
    assert listed.exit_code == 0, listed.output
    # named as a pejlemærke, as the report names it (a bare 'inddragelse' reads as a step)
    assert "mål: sagsskridt opfølgning, pejlemærke inddragelse (tematiseret)" in listed.stdout


def test_new_takes_the_only_template_the_concept_uses_for_a_question_in_two(
    cli: Cli, example_workspace: Path
) -> None:
    """A probe: a concept whose series all use overordnet had `tiltag ny --spørgsmål
    opfølgning-6` refused (O014: the question is in tematiseret too), though the tip itself
    named overordnet; the same here with underretning-1."""
    edit_concept(example_workspace, "    skabelon: tematiseret\n", "    skabelon: overordnet\n")
    made = cli(
        "tiltag", "ny", "--spørgsmål", "underretning-1", "--titel", "T", "--dato", "2026-11-25"
    )
    assert made.exit_code == 0, made.output
    text = (example_workspace / "tiltag.yaml").read_text(encoding="utf-8")
    assert 'skabelon: "overordnet"' in text, text


def test_new_writes_the_template_and_asks_for_it_when_a_question_is_in_two(
    workspace: Path, cli: Cli
) -> None:
    ambiguous = cli("tiltag", "ny", "--spørgsmål", "underretning-1")
    assert ambiguous.exit_code == 2 and "--skabelon: fejl O014" in ambiguous.stderr
    assert "'underretning-1' findes i flere skabeloner: overordnet og tematiseret." in (
        ambiguous.stderr
    )
    # the tip named no option ('vælg én af dem, fx overordnet'): which flag takes it?
    assert "Tip: vælg én af dem, fx overordnet. Angiv den med --skabelon." in " ".join(
        ambiguous.stderr.split()
    )
    assert not (workspace / "tiltag.yaml").exists()
    wrong = cli("tiltag", "ny", "--spørgsmål", "intentioner-1", "--skabelon", "overordnet")
    assert wrong.exit_code == 2 and "--spørgsmål: fejl O011" in wrong.stderr
    one = cli("tiltag", "ny", "--spørgsmål", "intentioner-1")  # only in tematiseret
    assert one.exit_code == 0, one.output
    chosen = cli("tiltag", "ny", "--spørgsmål", "underretning-1", "--skabelon", "Tematiseret")
    assert chosen.exit_code == 0, chosen.output
    text = (workspace / "tiltag.yaml").read_text(encoding="utf-8")
    assert "I hvilken grad er underretningen vurderet i lyset af hele sagen" in text
    first, second = load_tiltag(open_workspace(workspace))
    assert first.template == second.template == "tematiseret"
    listed = cli("tiltag").stdout
    assert "mål: underretning-1 (tematiseret)" in listed


@pytest.mark.parametrize(
    ("written", "level", "shown"), [("90", 0.9, "90 %"), ("87,5 %", 0.875, "87,5 %")]
)
def test_new_writes_the_level_so_it_reads_back(
    workspace: Path, cli: Cli, written: str, level: float, shown: str
) -> None:
    """`--niveau` writes `mål: niveau`, which the report measures the share after against."""
    path = write(workspace, GOOD)
    result = cli(*NEW, "anbringelse-7", "--niveau", written, "--dato", "2026-11-25")
    assert result.exit_code == 0, result.output
    assert f'      niveau: "{shown}"' in path.read_text(encoding="utf-8")
    [_, second] = load_tiltag(open_workspace(workspace))
    assert second.targets.level == pytest.approx(level)
    plain = cli(*NEW, "anbringelse-7", "--dato", "2026-11-25")
    assert plain.exit_code == 0 and load_tiltag(open_workspace(workspace))[2].targets.level is None


@pytest.mark.parametrize("written", ["150", "0", "halvfems", ""])
def test_new_refuses_a_level_that_is_no_share_and_writes_nothing(
    workspace: Path, cli: Cli, written: str
) -> None:
    path = write(workspace, GOOD)
    result = cli(*NEW, "anbringelse-7", "--niveau", written)
    assert result.exit_code == 2, result.output
    said = " ".join(result.stderr.split())
    assert "--niveau: fejl O018" in said and said.count("skriv") == 1, said  # advice once
    assert "90" in said and ".." not in said
    assert path.read_text(encoding="utf-8") == GOOD


def test_new_takes_questions_written_with_commas(workspace: Path, cli: Cli) -> None:
    """'--spørgsmål opfølgning-3,opfølgning-5' is how one writes two ids; it said O011
    'spørgsmålet 'opfølgning-3,opfølgning-5' findes ikke … mente du 'plan-og-opfølgning-5'?'."""
    write(workspace, GOOD)
    result = cli(*NEW, "anbringelse-7, anbringelse-8", "--dato", "2026-11-25")
    assert result.exit_code == 0, result.output + result.stderr
    [_, second] = load_tiltag(open_workspace(workspace))
    assert second.targets.questions == ["anbringelse-7", "anbringelse-8"]


def test_new_adds_to_a_file_with_only_the_leaders_comments(workspace: Path, cli: Cli) -> None:
    """A tiltag.yaml with only a comment ('# Vores tiltag skrives her') got O012 'cannot be
    added without changing the others', though there were none, and a hint about '[...]'
    that was not there. Now the list is begun under the comment, which stays."""
    own = "# Vores tiltag skrives her\n"
    path = write(workspace, own)
    result = cli(*NEW, "anbringelse-7", "--dato", "2026-11-20")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith(own + "tiltag:\n")
    assert [t.id for t in load_tiltag(open_workspace(workspace))] == ["tiltag-1"]


@pytest.mark.parametrize("number", ["010203-1234", "010203\ufeff1234", "0102\ufeff03-1234"])
@pytest.mark.parametrize(
    ("flag", "said"), [("--ansvarlig", "den ansvarlige"), ("--titel", "titlen")]
)
def test_a_cpr_number_in_a_typed_value_is_refused_not_masked_silently(
    workspace: Path, cli: Cli, flag: str, said: str, number: str
) -> None:
    """Before: exit 0, and `ansvarlig: "XXXXXX-XXXX"` stood in tiltag.yaml without a word (a
    zero-width no-break space between the digits, too: the file never holds it)."""
    result = cli(*NEW, "underretning-1", flag, f"Emil {number}")
    assert result.exit_code == 2
    text = " ".join(result.stderr.split())
    assert f"{flag}: fejl O030: {said} rummer noget, der ligner et CPR-nummer." in text, text
    assert "1234" not in result.output and "Emil" not in text
    assert not (workspace / "tiltag.yaml").exists()

"""The shipped templates, the template model and local extensions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import OFFICIAL_STEPS, ROOT
from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.models.template import PEJLEMAERKER
from ledelsestilsyn.templates.catalog import Catalog, load_template

STEPS = list(OFFICIAL_STEPS)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load(None)


def test_overordnet(catalog: Catalog) -> None:
    template = catalog.resolve("overordnet")
    assert template.type == "overordnet" and template.version and template.basis
    assert [v.answer for v in template.scale] == ["ja", "nej", "ikke relevant"]
    assert [s.id for s in template.steps] == STEPS
    assert 50 <= template.question_count() <= 90
    assert all(len(s.questions) >= 5 for s in template.steps)
    for step in template.steps:
        for question in step.questions:
            assert question.legal_basis.strip()
            assert question.id.startswith(step.id + "-")


def test_tematiseret(catalog: Catalog) -> None:
    template = catalog.resolve("tematiseret@2024.1")
    assert [v.answer for v in template.scale] == [
        "lav grad",
        "nogen grad",
        "høj grad",
        "ikke relevant",
    ]
    assert [s.id for s in template.steps] == [*STEPS, "intentioner"]
    assert 40 <= template.question_count() <= 70
    assert all(q.pejlemaerke in PEJLEMAERKER for s in template.steps for q in s.questions)
    assert {q.pejlemaerke for s in template.steps for q in s.questions} == set(PEJLEMAERKER)


def test_no_six_month_follow_up_rule(catalog: Catalog) -> None:
    """Barnets lov has no fixed 6-month follow-up (that was serviceloven § 70)."""
    for ref in ("overordnet", "tematiseret"):
        for step in catalog.resolve(ref).steps:
            for question in step.questions:
                text = question.text.lower()
                assert "hver 6." not in text and "hver sjette" not in text, question.id
                if "§ 95" in question.legal_basis:
                    assert "6 måned" not in text and "6 måned" not in (question.deadline or "")


def test_deadlines_from_the_law(catalog: Catalog) -> None:
    deadlines = {
        q.deadline for s in catalog.resolve("overordnet").steps for q in s.questions if q.deadline
    }
    assert {"24 timer", "4 måneder", "3 måneder"} <= deadlines


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_misspelt_key_gets_did_you_mean(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s.yaml",
        'id: s\ntitel: "S"\nversion: "1"\ntype: overordnet\nskala:\n  - svar: ja\n'
        "sagsskridt:\n  - id: a\n    titel: A\n    spørgsmal: []\n",
    )
    with pytest.raises(TilsynError) as info:
        load_template(path, "s.yaml")
    messages = [d.format() for d in info.value.diagnostics]
    assert any(m.startswith("s.yaml:10:5: fejl M002: ukendt nøgle 'spørgsmal'") for m in messages)
    assert any("mente du 'spørgsmål'?" in m for m in messages)
    assert any("M001: nøglen 'spørgsmål' mangler" in m for m in messages)


def test_duplicate_question_id_and_scale_value(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s.yaml",
        'id: s\ntitel: "S"\nversion: "1"\ntype: overordnet\n'
        "skala:\n  - svar: ja\n  - svar: Ja\n"
        "sagsskridt:\n  - id: a\n    titel: A\n    spørgsmål:\n"
        "      - {id: a-1, tekst: T, hjemmel: H}\n      - {id: a-1, tekst: T, hjemmel: H}\n",
    )
    with pytest.raises(TilsynError) as info:
        load_template(path, "s.yaml")
    messages = [d.format() for d in info.value.diagnostics]
    assert messages[0].startswith("s.yaml:7:11: fejl T002")
    assert messages[1].startswith("s.yaml:13:14: fejl T004")


def test_a_review_file_is_not_a_template(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "g.yaml",
        'tilsyn: x\nskabelon: overordnet@2024.1\nperiode: "2026-11"\nsag: {id: S-1}\nsvar: {}\n',
    )
    with pytest.raises(TilsynError, match="T001"):
        load_template(path)


def test_local_template_extends_and_imports(tmp_path: Path, catalog: Catalog) -> None:
    (tmp_path / "skabeloner").mkdir()
    write(
        tmp_path / "skabeloner",
        "lokal.yaml",
        'id: lokal\ntitel: "Lokal"\nversion: "1"\ntype: overordnet\nudvider: overordnet\n'
        "udelad: [screening, underretning-1]\n"
        "hent:\n  - skabelon: tematiseret\n    spørgsmål: [intentioner]\n"
        "sagsskridt:\n  - id: skolefravær\n    titel: Skolefravær\n    spørgsmål:\n"
        '      - {id: skolefravær-1, tekst: "Er fraværet belyst?", hjemmel: "barnets lov § 2"}\n'
        "  - id: anbringelse\n    titel: Anbringelse\n    spørgsmål:\n"
        '      - {id: anbringelse-lokal-1, tekst: "Lokalt?", hjemmel: "lokalt"}\n',
    )
    local = Catalog.load(tmp_path).resolve("lokal@1")
    base = catalog.resolve("overordnet")
    ids = [s.id for s in local.steps]
    assert "screening" not in ids and ids[-2:] == ["skolefravær", "intentioner"]
    assert "underretning-1" not in [q.id for q in local.steps[0].questions]
    assert local.step("anbringelse").questions[-1].id == "anbringelse-lokal-1"  # type: ignore[union-attr]
    assert local.scale == base.scale
    imported = local.step("intentioner").questions[0]  # type: ignore[union-attr]
    assert next(v.answer for v in local.scale_for(imported)) == "lav grad"


def test_unknown_template_and_version(catalog: Catalog) -> None:
    with pytest.raises(TilsynError, match="mente du 'overordnet'"):
        catalog.resolve("overordnt")
    with pytest.raises(TilsynError, match="T011"):
        catalog.resolve("overordnet@1999.9")
    with pytest.raises(TilsynError, match="T011") as info:
        catalog.resolve("tematiseret@2010190-1234024.1", "g.yaml")  # CPR typed into the version
    assert "010190-1234" not in str([d.format() for d in info.value.diagnostics])


def test_extension_cycle_is_refused(tmp_path: Path) -> None:
    (tmp_path / "skabeloner").mkdir()
    for a, b in (("x", "y"), ("y", "x")):
        write(
            tmp_path / "skabeloner",
            f"{a}.yaml",
            f'id: {a}\ntitel: "{a}"\nversion: "1"\ntype: overordnet\nudvider: {b}\n',
        )
    with pytest.raises(TilsynError, match="T012"):
        Catalog.load(tmp_path).resolve("x")


def test_newest_overordnet_cites_only_checked_paragraphs(catalog: Catalog) -> None:
    """2025.1 carries the legal review's corrections; no hjemmel is left unverified."""
    template = catalog.resolve("overordnet")
    assert template.version == "2025.1"
    assert "ikke verificeret" not in template.basis
    texts = {q.id: q for s in template.steps for q in s.questions}
    assert all("verificeret" not in q.legal_basis for q in texts.values())
    assert all("ikke læst" not in (s.description or "") for s in template.steps)
    assert texts["underretning-1"].legal_basis == "barnets lov § 136"
    assert texts["afdækning-1"].legal_basis == "barnets lov § 19"
    assert texts["anbringelse-12"].legal_basis == "barnets lov § 52, stk. 3"
    assert texts["anbringelse-13"].legal_basis == "barnets lov § 52, stk. 2, 4 og 5"
    assert texts["anbringelse-17"].legal_basis == "barnets lov § 21, stk. 2-3"
    assert "åbenlyst" in texts["anbringelse-17"].text
    assert "begrundet over for" in texts["opfølgning-3"].text
    assert texts["opfølgning-7"].legal_basis == "barnets lov § 96, stk. 1"
    assert "autoriseret psykolog" in texts["børnefaglig-undersøgelse-6"].text
    for scope in ("æresrelaterede konflikter", "overgreb", "§ 67"):
        assert scope in template.basis


def test_older_version_stays_loadable_and_unchanged(catalog: Catalog) -> None:
    """A review pins its version: 2024.1 still resolves, with its own (old) wording."""
    old = catalog.resolve("overordnet@2024.1")
    new = catalog.resolve("overordnet@2025.1")
    assert old.question_count() == new.question_count() == 89
    old_q = {q.id: q for s in old.steps for q in s.questions}
    assert old_q["anbringelse-12"].legal_basis == "barnets lov § 52, stk. 2"


# The SBST recommendations cited in the templates and the pejlemærke each belongs to
# (lovkrav.md § 3.3, source S65: social.dk, "Anbefalinger til kvalitet i sagsbehandlingen").
RECOMMENDATION_PEJLEMAERKE = {
    "3": "inddragelse",
    "5": "inddragelse",
    "7": "inddragelse",
    "8": "faglig udredning",
    "10": "faglig udredning",
    "12": "valg af indsats",
    "13": "valg af indsats",
    "16": "opfølgning",
    "17": "opfølgning",
}


def _cited_recommendations(legal_basis: str) -> set[str]:
    found: set[str] = set()
    for match in re.finditer(r"SBST-anbefaling ((?:\d+(?:, | og )?)+)", legal_basis):
        found |= set(re.findall(r"\d+", match.group(1)))
    return found


def test_newest_tematiseret_cites_only_checked_paragraphs(catalog: Catalog) -> None:
    """2025.1 carries the legal review's corrections (issue 11, "Tematiseret")."""
    template = catalog.resolve("tematiseret")
    assert template.version == "2025.1"
    questions = {q.id: q for s in template.steps for q in s.questions}
    assert len(questions) == template.question_count()  # ids unique across steps
    texts = [template.basis or "", template.description or ""]
    texts += [s.description or "" for s in template.steps]
    texts += [f"{q.text} {q.legal_basis} {q.guidance or ''}" for q in questions.values()]
    assert not any("verificeret" in t or "ikke læst" in t for t in texts)
    assert questions["underretning-1"].legal_basis.startswith("barnets lov § 136;")
    assert questions["afdækning-1"].legal_basis == "barnets lov § 19; SBST-anbefaling 10"
    assert questions["afdækning-4"].legal_basis == "barnets lov § 19; SBST-anbefaling 7"
    assert "imødekommer" in questions["anbringelse-1"].text
    assert questions["anbringelse-1"].legal_basis == "barnets lov § 52, stk. 2"
    assert "indhentet og anvendt statusudtalelser fra udføreren" in questions["opfølgning-3"].text


def test_newest_tematiseret_pejlemaerker_follow_the_cited_recommendation(
    catalog: Catalog,
) -> None:
    template = catalog.resolve("tematiseret@2025.1")
    checked = 0
    for step in template.steps:
        for q in step.questions:
            if step.across:
                continue
            assert q.pejlemaerke in PEJLEMAERKER, q.id
            for number in _cited_recommendations(q.legal_basis):
                assert RECOMMENDATION_PEJLEMAERKE[number] == q.pejlemaerke, (q.id, number)
                checked += 1
    assert checked >= 30
    by_id = {q.id: q for s in template.steps for q in s.questions}
    assert by_id["børnefaglig-undersøgelse-4"].pejlemaerke == "faglig udredning"
    assert by_id["støttende-indsatser-5"].pejlemaerke == "valg af indsats"
    assert by_id["screening-5"].pejlemaerke == "faglig udredning"
    assert by_id["underretning-5"].pejlemaerke == "opfølgning"


def test_the_old_tematiseret_tags_contradicted_its_recommendations(catalog: Catalog) -> None:
    """The check above can fail: it finds the two errors the review named in 2024.1."""
    old = catalog.resolve("tematiseret@2024.1")
    wrong = {
        q.id
        for s in old.steps
        for q in s.questions
        if any(
            RECOMMENDATION_PEJLEMAERKE[n] != q.pejlemaerke
            for n in _cited_recommendations(q.legal_basis)
        )
    }
    assert wrong == {"børnefaglig-undersøgelse-4", "støttende-indsatser-5"}


def test_newest_tematiseret_intentions_are_one_block_across_the_case(catalog: Catalog) -> None:
    template = catalog.resolve("tematiseret@2025.1")
    assert [s.id for s in template.steps if s.across] == ["intentioner"]
    intentions = template.step("intentioner")
    assert intentions is not None and intentions.description
    assert all(q.pejlemaerke is None for q in intentions.questions)
    phrase = "Temaet er vores egen fortolkning"
    everything = [s.description or "" for s in template.steps]
    everything += [q.guidance or "" for s in template.steps for q in s.questions]
    assert sum(t.count(phrase) for t in everything) == 1
    assert phrase in intentions.description
    # The description names the paragraphs beyond §§ 1-8 that the questions cite.
    assert "§§ 1-8" in intentions.description and "108-123" in intentions.description


def test_no_graded_question_hides_a_yes_no_question(catalog: Catalog) -> None:
    """ "I hvilken grad …, og er det …?" cannot be answered with one grade."""
    template = catalog.resolve("tematiseret@2025.1")
    hidden = re.compile(r", og (er|fremgår|har|blev|bliver) ")
    offenders = [q.id for s in template.steps for q in s.questions if hidden.search(q.text)]
    assert offenders == []
    old = catalog.resolve("tematiseret@2024.1")
    assert len([q for s in old.steps for q in s.questions if hidden.search(q.text)]) == 10


def test_older_tematiseret_stays_loadable_and_unchanged(catalog: Catalog) -> None:
    old = catalog.resolve("tematiseret@2024.1")
    old_q = {q.id: q for s in old.steps for q in s.questions}
    assert old.question_count() == 60
    assert "matcher" in old_q["anbringelse-1"].text
    assert old_q["intentioner-1"].pejlemaerke == "inddragelse"
    assert not any(s.across for s in old.steps)


def test_presets_and_example_use_the_2025_versions(catalog: Catalog) -> None:
    """The presets name the official templates without a version, so new samples (and a fresh
    `tilsyn init`) use overordnet@2025.1 and tematiseret@2025.1; no preset pins 2024.1."""
    files = [*sorted((ROOT / "src" / "ledelsestilsyn" / "forlæg").glob("*.yaml"))]
    files.append(ROOT / "eksempler" / "koncept.yaml")
    seen: set[str] = set()
    for path in files:
        series = yaml.safe_load(path.read_text(encoding="utf-8"))["tilsyn"]
        for entry in series.values():
            ref = entry["skabelon"]
            if ref.partition("@")[0] in ("overordnet", "tematiseret"):
                assert catalog.resolve(ref).version == "2025.1", (path.name, ref)
                seen.add(ref.partition("@")[0])
    assert seen == {"overordnet", "tematiseret"}

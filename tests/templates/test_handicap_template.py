"""The handicap template (`handicap@2025.1`): loads, unique ids, checked citations only."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from ledelsestilsyn.templates.catalog import Catalog

# The Handicapsagsbarometer's items (lovkrav.md § 4), each covered by at least one question.
BAROMETER = {
    "sagsoplysning": "sagsoplysning-1",
    "begrundelse": "afgørelse-1",
    "hjemmel": "afgørelse-2",
    "vurdering": "vurdering-1",
    "partshøring": "sagsoplysning-5",
    "klagevejledning": "afgørelse-4",
    "frist": "afgørelse-5",
    "plan": "plan-og-opfølgning-1",
    "helhedsvurdering": "vurdering-2",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load(None)


def test_loads_as_an_overordnet_template(catalog: Catalog) -> None:
    template = catalog.resolve("handicap")
    assert template.ref == "handicap@2025.1"
    assert template.type == "overordnet"
    assert [v.answer for v in template.scale] == ["ja", "nej", "ikke relevant"]
    assert template.question_count() >= 25


def test_ids_are_unique_and_prefixed_by_their_step(catalog: Catalog) -> None:
    template = catalog.resolve("handicap")
    ids = [q.id for s in template.steps for q in s.questions]
    assert len(ids) == len(set(ids))
    assert len({s.id for s in template.steps}) == len(template.steps)
    for step in template.steps:
        assert all(q.id.startswith(step.id + "-") for q in step.questions)


def test_every_hjemmel_is_a_checked_citation(catalog: Catalog) -> None:
    template = catalog.resolve("handicap")
    law = re.compile(
        r"^(barnets lov|forvaltningsloven|offentlighedsloven|retssikkerhedsloven) § \d+"
    )
    for step in template.steps:
        for question in step.questions:
            assert law.match(question.legal_basis), question.id
            assert "verificeret" not in question.legal_basis
            assert "verificeret" not in (question.guidance or "")
    assert "ikke verificeret" not in (template.basis or "")


def test_every_cited_paragraph_has_a_source_in_kilder(catalog: Catalog) -> None:
    """KILDER.md names the source of each question's hjemmel."""
    notes = (ROOT / "skabeloner" / "KILDER.md").read_text(encoding="utf-8")
    section = notes.split("# Kilder til `handicap@2025.1`", 1)[1]
    for step in catalog.resolve("handicap").steps:
        for question in step.questions:
            assert f"| {question.legal_basis}" in section, question.id


def test_covers_the_barometer_and_the_rules_for_children_with_disabilities(
    catalog: Catalog,
) -> None:
    questions = {q.id: q for s in catalog.resolve("handicap").steps for q in s.questions}
    assert set(BAROMETER.values()) <= set(questions)
    cited = {q.legal_basis for q in questions.values()}
    for rule in (
        "barnets lov § 18, stk. 2",
        "barnets lov § 52, stk. 2",
        "barnets lov § 104, stk. 1",
        "barnets lov § 5, stk. 3",
        "forvaltningsloven § 19, stk. 1",
        "forvaltningsloven § 22",
        "forvaltningsloven § 25, stk. 1",
    ):
        assert rule in cited, rule
    assert any(c.startswith("barnets lov § 123") for c in cited)
    assert any("ansøgning" in q.text for q in questions.values() if q.id.startswith("screening"))
    kap8 = {int(m) for c in cited for m in re.findall(r"barnets lov § (\d+)", c)}
    assert {81, 85, 86, 87, 89, 90} <= kap8

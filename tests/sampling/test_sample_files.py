"""What a drawn sample writes about a case: a CPR number in any column is masked; the files."""

from __future__ import annotations

import pytest

from ledelsestilsyn.core.gate import gate
from ledelsestilsyn.models.manifest import Manifest
from ledelsestilsyn.sampling.draw import Case, Pick
from ledelsestilsyn.sampling.files import case_entry, render_files
from ledelsestilsyn.sampling.fillin import render_review
from ledelsestilsyn.templates.catalog import Catalog


def test_cpr_in_caseworker_team_or_column_is_masked() -> None:
    case = Case("S-1", "Anne 010203-1234", "Team 0102031234", {"note": "mor 010203-1234 "})
    entry = case_entry(Pick(case, None, "tilfældigt udvalgt"), ["S-1.yaml"], str)
    assert entry["rådgiver"] == "Anne XXXXXX-XXXX"
    assert entry["team"] == "Team XXXXXXXXXX"
    assert entry["egenskaber"] == {"note": "mor XXXXXX-XXXX"}
    assert entry["id"] == "S-1" and entry["filer"] == ["S-1.yaml"]


@pytest.mark.parametrize("focus", [[], ["screening"], ["intet-sagsskridt"]])
def test_the_sample_files_are_the_reviews_render_review_writes(focus: list[str]) -> None:
    """`render_files` makes and gates the answer section once; each file is still exactly the
    gated review `render_review` (which `tilsyn migrer` uses) writes for its case and reviewer."""
    template = Catalog.load().resolve("overordnet")
    manifest = Manifest.model_validate(
        {
            "tilsyn": "måned",
            "periode": "2026-11",
            "skabelon": template.ref,
            "fokus": focus,
            "oprettet": "2026-11-02T08:00:00+01:00",
            "oprettet_af": "leder",
            "værktøj": "0",
            "seed": 7,
            "antal": 2,
            "sager": [
                {"id": "S-1", "rådgiver": "Anne", "begrundelse": "x", "filer": ["S-1.yaml"]},
                {"id": "S-2", "team": "Nord", "begrundelse": "x", "filer": ["a.yaml", "b.yaml"]},
            ],
        }
    )
    files = render_files(template, manifest)
    assert list(files) == ["S-1.yaml", "a.yaml", "b.yaml"]
    for file in files.values():  # no blank line, also where no step is in focus
        assert b"\n\n" not in file.data and file.data.endswith(b"\n")
    for number, (name, case) in enumerate(
        [
            ("S-1.yaml", manifest.cases[0]),
            ("a.yaml", manifest.cases[1]),
            ("b.yaml", manifest.cases[1]),
        ]
    ):
        assert (
            files[name].data
            == gate(
                render_review(
                    template,
                    series="måned",
                    period="2026-11",
                    case_id=case.id,
                    caseworker=case.caseworker,
                    team=case.team,
                    focus=focus,
                    schema=f"../../skema/gennemgang-{template.id}-{template.version}.json",
                    review_no=2 if number == 2 else None,
                )
            ).encode()
        )

"""The committee and the department see how many cases were reviewed twice, not how far the
reviewers agreed: the pairs, the agreement and kappa give the answers' totals away."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_data import TEAMS, WORKERS, fill, write_round

from conftest import Cli
from ledelsestilsyn.sampling.fillin import case_filename, render_review
from ledelsestilsyn.templates.catalog import Catalog

REF = "overordnet@2025.1"
FOCUS = ["underretning"]


def _answer(case: int, question: int) -> tuple[str, str]:
    """One `nej` in the first reviews: case 0's underretning-1."""
    return ("nej", "Mangler.") if (case, question) == (0, 0) else ("ja", "")


@pytest.fixture
def calibrated(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """5 cases, each with a second, independent review (another leader) that says `ja` to all."""
    catalog = Catalog.load(workspace)
    folder = write_round(
        workspace,
        catalog,
        series="månedligt-overordnet",
        ref=REF,
        period="2026-11",
        focus=FOCUS,
        cases=5,
        answer=_answer,
        day="2026-11-20",
        reviews=lambda case: 2,
    )
    template = catalog.resolve(REF)
    questions = sum(len(s.questions) for s in template.steps if s.id in FOCUS)
    for case in range(5):
        case_id = f"S-2026-11-{case:03d}"
        text = render_review(
            template,
            series="månedligt-overordnet",
            period="2026-11",
            case_id=case_id,
            caseworker=WORKERS[case % len(WORKERS)],
            team=TEAMS[case % len(TEAMS)],
            focus=FOCUS,
            review_no=2,
        )
        body = fill(text, [("ja", "")] * questions, "Leder Juul", "2026-11-22")
        (folder / case_filename(case_id, 2)).write_text(body, encoding="utf-8")
    monkeypatch.chdir(workspace)
    return workspace


def _report(cli: Cli, *args: str) -> str:
    result = cli("rapport", "--dato", "2026-12-01", "-o", "-", "--periode", "2026-11", *args)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_agreement_is_the_leaders_only(
    cli: Cli, calibrated: Path, audience: str, fmt: str
) -> None:
    """Found by a probe: "40 par · 97,5 % · kappa 0,00 · AC1 0,97" beside 5 calibrated cases
    and underretning-1's `< 5` nej: one disagreement in 40 pairs, and kappa 0 only when one
    reviewer said no `nej` at all, so the first reviewer's `nej` was 1."""
    text = _report(cli, "--modtager", audience, "--format", fmt)
    for figure in ("97,5", "0,97", "par vurderinger", "kappa"):
        assert figure not in text, figure
    assert "5 sager med to eller flere uafhængige gennemgange" in text
    assert "Enigheden står kun i lederens rapport" in text
    leader = _report(cli, "--format", "md")
    assert "| 40 | 97,5 % |" in leader

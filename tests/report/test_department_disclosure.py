"""The department report (`--modtager afdeling`) follows the committee's rules for small
counts: nothing it hides can be worked out from what else it shows, case examples included."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from backcalc import read_csv, read_report, read_xlsx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_data import OVERORDNET_FOCUS, build_workspace
from test_committee_disclosure import (
    DAY,
    SERIES,
    Case,
    cases_strategy,
    committee,
    write_random_round,
)

from conftest import Cli
from ledelsestilsyn.report.tiltag import HIDDEN_VERDICT, UNANSWERED_VERDICT
from ledelsestilsyn.templates.catalog import Catalog


def department(cli: Cli) -> str:
    result = cli("rapport", "--dato", DAY, "-o", "-", "--modtager", "afdeling", "--format", "md")
    assert result.exit_code == 0, result.output
    return result.stdout


def with_consent(cli: Cli, folder: Path, round_of: Callable[[Path], None]) -> None:
    """A new workspace whose concept shows consented examples to the department, with the
    reviews `round_of` writes, every one consenting; then the cwd."""
    assert cli("init", str(folder), "--forlæg", "sbst").exit_code == 0
    concept = folder / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    concept.write_text(
        text.replace("formidling:\n", "formidling:\n  afdeling_eksempler: med_samtykke\n", 1),
        encoding="utf-8",
    )
    round_of(folder)
    for path in (folder / "udtræk" / f"2026-11-{SERIES}").glob("S-*.yaml"):
        with path.open("a", encoding="utf-8") as handle:
            handle.write("samtykke_til_eksempel: ja\n")
    os.chdir(folder)


def consenting_workspace(cli: Cli, folder: Path) -> None:
    """Six reviews, all with consent to be used as examples: underretning-1 is answered
    `ja` in two and `nej` (with a comment) in four, so both counts are small."""
    cases = [(0, 0, -1)] * 2 + [(0, 1, -1)] * 4
    with_consent(cli, folder, lambda f: write_random_round(f, cases, ["underretning"], 0))


def test_case_examples_do_not_count_out_a_hidden_cell(cli: Cli, tmp_path: Path) -> None:
    """Four examples at a `nej` count shown as `< 5` would pin it at 4 (and `ja` at 2)."""
    consenting_workspace(cli, tmp_path / "ws")
    md = department(cli)
    assert re.search(r"\| \*\*underretning-1\*\* .*\| < 5 \| < 5 \|", md), md
    assert read_report(md, "md").revealed() == {}


def test_examples_stay_where_the_count_is_shown(cli: Cli, tmp_path: Path) -> None:
    """Examples are kept for an answer whose count the report shows anyway."""
    consenting_workspace(cli, tmp_path / "ws")
    for path in (tmp_path / "ws" / "udtræk" / f"2026-11-{SERIES}").glob("S-00[01].yaml"):
        text = path.read_text(encoding="utf-8")
        yes = 'svar: "ja"\n      kommentar: ""'
        no = 'svar: "nej"\n      kommentar: "Mangler."'
        assert yes in text
        path.write_text(text.replace(yes, no, 1), encoding="utf-8")
    md = department(cli)
    assert "### Eksempler fra sagerne" in md and "**underretning-1**" in md.split("Eksempler")[1]
    assert read_report(md, "md").revealed() == {}


TILTAG = """\
tiltag:
  - id: "nyt"
    titel: "Besluttet ved periodens start"
    besluttet: "2026-11-01"
    status: "i gang"
    skabelon: "overordnet"
    mål:
      spørgsmål: [{questions}]
      sagsskridt: [underretning]
"""


def test_a_tiltag_verdict_says_nothing_of_a_hidden_share(
    cli: Cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tiltag decided as the period starts has the period as its 'after': its verdict
    ('for få …' or not) would tell whether a hidden share rests on 5 answers, and with the
    question's total that can pin a hidden count. The department gets the verdict only
    where the report shows the target's share."""
    build_workspace(workspace)
    monkeypatch.chdir(workspace)
    template = Catalog.load(None).resolve("overordnet")
    questions = [q.id for s in template.steps for q in s.questions]
    step_of = {q.id: s.id for s in template.steps for q in s.questions}
    (workspace / "tiltag.yaml").write_text(
        TILTAG.format(questions=", ".join(questions)), encoding="utf-8"
    )
    md = cli(
        "rapport", "--dato", DAY, "-o", "-", "--periode", "2026-11", "--modtager", "afdeling",
        "--format", "md",
    ).stdout  # fmt: skip
    shares = {
        cells[0].split("**")[1]: cells[-4]
        for line in md.split("## Tiltag")[0].splitlines()
        if line.startswith("| **") and len(cells := line.split("|")[1:-1]) > 5
    }
    verdicts = {
        cells[3].strip(): cells[4].strip()
        for line in md.split("## Tiltag")[1].splitlines()
        if line.startswith("| **nyt**") and (cells := line.split("|")[1:-1])
    }
    hidden = [q for q in questions if shares.get(q, "–").strip() == "–" and q in verdicts]
    assert hidden, (shares, verdicts)
    for question in hidden:
        # out of the period's focus, no review answered it: nothing is hidden, nothing there
        expected = HIDDEN_VERDICT if step_of[question] in OVERORDNET_FOCUS else UNANSWERED_VERDICT
        assert verdicts[question] == expected, (question, verdicts[question])
    assert any(step_of[q] in OVERORDNET_FOCUS for q in hidden)
    assert "få gennemgange" not in HIDDEN_VERDICT  # the count hidden may be the few 'nej' (probe W)
    shown = [q for q in questions if shares.get(q, "–").strip() != "–" and q in verdicts]
    assert all(not verdicts[q].startswith("vises ikke") for q in shown)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cases=cases_strategy,
    focus=st.sampled_from([["underretning"], ["screening"], ["underretning", "screening"]]),
    extra=st.integers(0, 3),
    caseworkers=st.integers(1, 6),
)
def test_random_department_reports_reveal_nothing(
    cli: Cli, tmp_path: Path, cases: list[Case], focus: list[str], extra: int, caseworkers: int
) -> None:
    """Random workspaces where every caseworker consents to examples: the department's md,
    html, csv and xlsx read together give no hidden number away."""
    folder = tmp_path / f"ws-{uuid.uuid4().hex[:8]}"
    with_consent(cli, folder, lambda f: write_random_round(f, cases, focus, extra, caseworkers))
    if all(answered >= 0 for _, _, answered in cases):
        return  # no complete review: no report (as for the committee)
    texts = committee(cli, "--modtager", "afdeling")
    for fmt in ("md", "html"):
        system = read_report(texts[fmt], fmt, one_file_each=True)
        read_csv(system, texts["csv"])
        read_xlsx(system, Path(texts["xlsx"]))
        assert system.revealed() == {}, fmt
